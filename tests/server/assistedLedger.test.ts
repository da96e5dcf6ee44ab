// 002 三(二) 帮办代办工作登记台账 on the embedded Postgres, against a set counted by hand: five requests
// over two months (帮办 and 代办, one 上门办, one registered by phone), one finished and rated, one refused,
// plus an ordinary consult at the same window that is no row; the xlsx carries the same rows under the
// ledgers' title and period line, and its export is audited.
import ExcelJS from 'exceljs'
import { seedDemoHall } from '../../src/server/demoHall'
import type { ActionInput } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, madeBytes, outcome, rid, staffMember, testApi } from '../support/api'

let db: TestDb
let now = new Date('2026-10-20T02:00:00Z')
const api = () => testApi({ store: db.store, now: () => now })
const lead = staffMember('zxzx-lead')
const he = staffMember('zxzx-he')
const office = staffMember('office-xu')
const at = (iso: string) => {
  now = new Date(iso)
}

const ask = (over: Partial<ActionInput<'submitCase'>> = {}): ActionInput<'submitCase'> => ({
  hallId: 'demo',
  matterId: 'bdc-zydj',
  contact: { name: '王秀英', phone: '13912345678' },
  text: '想请人帮我办二手房过户手续',
  assisted: { mode: 'agent' },
  requestId: rid(),
  ...over,
})

const ids: Record<string, string> = {}

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
  const me: Identity = citizen('ledger-a')
  // October: a 代办 finished in November and rated — received in October, so an October row
  at('2026-10-20T02:00:00Z')
  ids.oct = (await api().ok(me, 'submitCase', ask())).caseId
  // November 2: a 帮办 with 上门办, refused
  at('2026-11-02T02:00:00Z')
  ids.home = (
    await api().ok(
      citizen('ledger-b'),
      'submitCase',
      ask({
        contact: { name: '李桂兰', phone: '13800001111' },
        assisted: { mode: 'help', homeVisit: { group: 'elderly', address: '铜官区长江路 88 号 3 栋', time: '2026-11-04T09:30:00+08:00' } },
      }),
    )
  ).caseId
  // November 10: a call registered by the window for a 代办 of the 契税 matter, still in progress
  at('2026-11-10T02:00:00Z')
  ids.phone = (
    await api().ok(he, 'registerCase', {
      hallId: 'demo',
      channel: 'phone',
      matterId: 'sw-qs',
      contact: { name: '张建华', phone: '0562-2881234' },
      text: '来电预约代办契税申报',
      assisted: { mode: 'agent' },
      requestId: rid(),
    })
  ).caseId
  // November 30, 16:00: the last day of the period
  at('2026-11-30T08:00:00Z')
  ids.last = (await api().ok(citizen('ledger-c'), 'submitCase', ask({ contact: { name: '赵小红', phone: '13700002222' }, assisted: { mode: 'help' } }))).caseId
  // December 1: outside the period
  at('2026-12-01T02:00:00Z')
  ids.dec = (await api().ok(citizen('ledger-d'), 'submitCase', ask())).caseId
  // an ordinary consult at the same window is not a 帮办代办 request
  at('2026-11-12T02:00:00Z')
  ids.consult = (
    await api().ok(citizen('ledger-e'), 'submitCase', {
      hallId: 'demo',
      windowId: 'zxzx',
      contact: { name: '路人', phone: '13600003333' },
      text: '请问大厅几点下班？',
      requestId: rid(),
    })
  ).caseId

  // the October 代办: assigned, handed over, finished on November 5, rated
  at('2026-10-20T03:00:00Z')
  await api().ok(lead, 'assignAgent', { caseId: ids.oct, staffId: 'zxzx-he', requestId: rid() })
  await api().ok(he, 'recordMaterialsHandover', {
    caseId: ids.oct,
    items: [{ name: '不动产权证书', copies: 1, original: true }],
    citizenConfirmed: true,
    agentConfirmed: true,
    requestId: rid(),
  })
  at('2026-10-23T06:00:00Z')
  await api().ok(he, 'completeCase', { caseId: ids.oct, result: '已代为办结转移登记', requestId: rid() })
  at('2026-10-23T07:00:00Z')
  await api().ok(me, 'rateCase', { caseId: ids.oct, level: 4, requestId: rid() })
  // the 上门办 帮办: assigned to the lead, refused
  at('2026-11-02T03:00:00Z')
  await api().ok(lead, 'assignAgent', { caseId: ids.home, staffId: 'zxzx-lead', requestId: rid() })
  await api().ok(lead, 'refuseCase', { caseId: ids.home, reason: '申请人不是不动产权利人', legalBasis: '《不动产登记暂行条例》第十四条', requestId: rid() })
  at('2026-12-02T02:00:00Z')
})
afterAll(() => db.close())

it('lists each request received in the period once, oldest first, with matter, times, agent, applicant, kind, channel and outcome', async () => {
  const view = await api().ok(office, 'assistedLedger', { from: '2026-10-01', to: '2026-11-30' })
  expect(view.windowName).toBe('综合咨询窗口')
  expect(view.rows.map((r) => r.caseId)).toEqual([ids.oct, ids.home, ids.phone, ids.last])
  expect(view.rows[0]).toMatchObject({
    matter: '不动产转移登记（二手房买卖）',
    receivedAt: '2026-10-20T10:00:00+08:00',
    finishedAt: '2026-10-23T14:00:00+08:00',
    agent: '何佳',
    applicant: '王秀英',
    phone: '139****5678',
    kind: '代办',
    channel: '网上申请',
    outcome: '已办结',
    result: '已代为办结转移登记',
    rating: '满意',
  })
  expect(view.rows[1]).toMatchObject({ kind: '帮办（上门办）', agent: '马红', outcome: '不予办理', result: '申请人不是不动产权利人', rating: '' })
  expect(view.rows[2]).toMatchObject({
    matter: '房产交易契税申报',
    kind: '代办',
    channel: '来电',
    agent: '',
    outcome: '办理中',
    finishedAt: null,
    phone: '0562-***1234',
  })
  expect(view.totals).toEqual({ received: 4, finished: 2, help: 2, agent: 2, homeVisit: 1, rated: 1 })
  // one month: the November requests only
  const nov = await api().ok(he, 'assistedLedger', { from: '2026-11-01', to: '2026-11-30' })
  expect(nov.rows.map((r) => r.caseId)).toEqual([ids.home, ids.phone, ids.last])
  // any period: one day
  expect((await api().ok(office, 'assistedLedger', { from: '2026-12-01', to: '2026-12-01' })).rows.map((r) => r.caseId)).toEqual([ids.dec])
})

it('the workbook carries the same rows in full, laid out like the other ledgers, and its export is audited', async () => {
  const file = await api().ok(office, 'assistedLedgerWorkbook', { from: '2026-10-01', to: '2026-11-30' })
  expect(file.fileName).toBe('帮办代办工作登记台账_示范市政务服务中心_2026-10-01至2026-11-30.xlsx')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(madeBytes(file) as unknown as ArrayBuffer)
  const ws = wb.getWorksheet('帮办代办工作登记台账')!
  expect(ws.getCell('A1').value).toBe('示范市政务服务中心 帮办代办工作登记台账')
  expect(String(ws.getCell('A2').value)).toContain('统计期间：2026-10-01 至 2026-11-30')
  expect(ws.getRow(3).values).toEqual([
    undefined,
    '序号',
    '编号',
    '事项名称',
    '受理时间',
    '办结时间',
    '帮办代办员',
    '申请人',
    '联系电话',
    '服务方式',
    '来源',
    '办理结果',
    '结果说明',
    '评价',
  ])
  expect(ws.getRow(4).values).toEqual([
    undefined,
    1,
    expect.stringMatching(/^SF-20261020-\d{4}$/),
    '不动产转移登记（二手房买卖）',
    '2026-10-20 10:00',
    '2026-10-23 14:00',
    '何佳',
    '王秀英',
    '13912345678',
    '代办',
    '网上申请',
    '已办结',
    '已代为办结转移登记',
    '满意',
  ])
  expect(ws.getCell('H6').value).toBe('0562-2881234')
  expect(ws.getCell('A8').value).toBe('合计：受理 4 件，办结 2 件；帮办 2 件，代办 2 件，其中上门办 1 件；已评价 1 件。')
  const entries = (await db.store.listAudit('demo', 0, 1000)).filter((e) => e.action === 'assistedLedger.export')
  expect(entries).toHaveLength(1)
})

it('only the 帮办代办 window and the hall office keep it; a period ending before it starts is refused', async () => {
  expect(await outcome(api(), staffMember('bdc-li'), 'assistedLedger', { from: '2026-11-01', to: '2026-11-30' })).toBe('FORBIDDEN')
  expect(await outcome(api(), office, 'assistedLedger', { from: '2026-11-30', to: '2026-11-01' })).toBe('INVALID_INPUT:to')
})
