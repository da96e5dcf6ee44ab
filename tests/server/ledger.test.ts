// 附件3 through the handlers: a hand-counted set of closed cases covering every column, the window
// and hall-wide sheets, the cases behind a count, who may see what, and the xlsx read back.
import ExcelJS from 'exceljs'
import type { ActionInput, ActionName } from '../../src/core/api'
import { seedDemoHall } from '../../src/server/demoHall'
import type { Identity } from '../../src/server/identity'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, rid, staffMember, testApi, outcome, madeBytes } from '../support/api'

let db: TestDb
let now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const li = staffMember('bdc-li')
const wang = staffMember('bdc-wang')
const lead = staffMember('bdc-lead')
const office = staffMember('office-xu')
const zhao = staffMember('gjj-zhao')
const nov = { from: '2026-11-01', to: '2026-11-30' }

const code = <A extends ActionName>(who: Identity, action: A, input: ActionInput<A>) => outcome(api(), who, action, input)

async function opened(kind: 'consult' | 'application', windowId = 'bdc', by = li) {
  const { caseId } = await api().ok(citizen(), 'submitCase', {
    hallId: 'demo',
    windowId,
    kind,
    contact: { name: '张三', phone: '13912345678' },
    text: '办理或咨询的事项说明',
    requestId: rid(),
  })
  await api().ok(by, 'claimCase', { caseId, requestId: rid() })
  return caseId
}
const close = (who: Identity, caseId: string) => api().ok(who, 'closeCase', { caseId, requestId: rid() })
const r = () => ({ requestId: rid() })

async function instant() {
  const caseId = await opened('application')
  // 即办件: accepted and completed on the spot
  await api().ok(li, 'acceptCase', { caseId, ...r(), mode: 'instant' })
  return close(li, caseId)
}
async function consult(mode: 'onTheSpot' | 'timed', windowId = 'bdc', by = li) {
  const caseId = await opened('consult', windowId, by)
  await api().ok(by, 'replyCase', { caseId, ...r(), mode, text: '您好，已为您解答。' })
  return close(by, caseId)
}

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
  // the hand-counted November of the 不动产登记窗口, and one case of the 住房公积金窗口
  await instant()
  await instant()
  {
    const caseId = await opened('application')
    await api().ok(li, 'acceptCase', { caseId, ...r(), mode: 'promised', limitDays: 5 })
    await api().ok(li, 'completeCase', { caseId, ...r(), result: '已办结' })
    await close(li, caseId)
  }
  for (let i = 0; i < 3; i++) await consult('onTheSpot')
  await consult('timed')
  {
    const caseId = await opened('consult')
    const slip = await api().ok(li, 'createHandover', { caseId, ...r(), toStaffId: 'bdc-wang', reason: '该业务由王磊承办', remarks: '' })
    await api().ok(wang, 'acknowledgeHandover', { caseId, ...r(), slipNo: slip.handovers[0]!.slipNo })
    await api().ok(wang, 'replyCase', { caseId, ...r(), mode: 'timed', text: '您好，已为您解答。' })
    await close(wang, caseId)
  }
  {
    const caseId = await opened('application')
    await api().ok(li, 'reportJoint', { caseId, ...r(), coWindowIds: ['sw'], note: '涉及契税' })
    await api().ok(lead, 'recordJointPlan', { caseId, ...r(), plan: '税务窗口先核税，再办理转移登记', coWindowIds: ['sw'] })
    await api().ok(li, 'acceptCase', { caseId, ...r(), mode: 'instant' })
    await close(li, caseId)
  }
  {
    const caseId = await opened('consult')
    await api().ok(li, 'referCase', { caseId, ...r(), toWindowId: 'gjj', note: '请到住房公积金窗口办理', openLinked: false })
  }
  {
    const caseId = await opened('consult')
    await api().ok(li, 'outsideHall', { caseId, ...r(), mode: 'consult', explanation: '属于市住建局职责，请到市住建局咨询' })
  }
  {
    const caseId = await opened('application')
    await api().ok(li, 'outsideHall', { caseId, ...r(), mode: 'written', explanation: '属于市住建局职责', department: '市住建局' })
    await api().ok(office, 'forwardOutside', { caseId, ...r(), department: '市住建局', date: '2026-11-24', documentNo: '示政服〔2026〕12号' })
  }
  await consult('onTheSpot', 'gjj', zhao)
  // replied but not closed: not yet in the ledger
  {
    const caseId = await opened('consult')
    await api().ok(li, 'replyCase', { caseId, ...r(), mode: 'onTheSpot', text: '您好，已为您解答。' })
  }
  // closed in December: another period
  now = new Date('2026-12-01T02:00:00Z')
  await consult('onTheSpot')
  now = new Date('2026-12-02T02:00:00Z')
})
afterAll(() => db.close())

const BDC = {
  instant: 2,
  promised: 1,
  consultOnTheSpot: 3,
  consultTimed: 1,
  handedOver: 1,
  joint: 1,
  otherWindow: 1,
  outsideConsult: 1,
  outsideWritten: 1,
  total: 12,
}

it('counts every closed case of the period in exactly one column, per window and for the hall', async () => {
  const sheet = await api().ok(office, 'ledger', nov)
  expect(sheet.windows.find((w) => w.windowId === 'bdc')!.sheet).toEqual(BDC)
  expect(sheet.windows.find((w) => w.windowId === 'gjj')!.sheet).toMatchObject({ consultOnTheSpot: 1, total: 1 })
  expect(sheet.windows.find((w) => w.windowId === 'sb')!.sheet.total).toBe(0)
  expect(sheet.total).toEqual({ ...BDC, consultOnTheSpot: 4, total: 13 })
  expect(sheet.columns.map((c) => c.label)).toEqual([
    '即办件',
    '承诺件',
    '咨询件·当场答复',
    '咨询件·限时答复',
    '移交本窗口事项',
    '与其它窗口共同办理事项',
    '本级大厅其它窗口事项',
    '本级大厅职责外·咨询',
    '本级大厅职责外·书面申请',
  ])
  expect((await api().ok(office, 'ledger', { from: '2026-12-01', to: '2026-12-31' })).total.total).toBe(1)
  expect((await api().ok(office, 'ledger', { from: '2026-11-01', to: '2026-12-31' })).total.total).toBe(14)
})

it('a window sees its own ledger; the hall office any window', async () => {
  const own = await api().ok(lead, 'ledger', nov)
  expect(own.windows.map((w) => w.windowId)).toEqual(['bdc'])
  expect(own.total).toEqual(BDC)
  expect((await api().ok(li, 'ledger', nov)).total.total).toBe(12)
  expect(await code(lead, 'ledger', { ...nov, windowId: 'gjj' })).toBe('FORBIDDEN')
  expect((await api().ok(office, 'ledger', { ...nov, windowId: 'gjj' })).total.total).toBe(1)
  expect(await code(office, 'ledger', { ...nov, windowId: 'nosuch' })).toBe('NOT_FOUND:windowId')
  expect(await code(citizen(), 'ledger', nov)).toBe('UNAUTHENTICATED')
  expect(await code(office, 'ledger', { from: '2026-11-30', to: '2026-11-01' })).toBe('INVALID_INPUT:to')
  expect(await code(office, 'ledger', { from: '2025-01-01', to: '2026-11-01' })).toBe('INVALID_INPUT:to')
  expect(await code(office, 'ledger', { from: '2026-13-01', to: '2026-11-01' })).toBe('INVALID_INPUT:from')
})

it('shows the cases behind a count', async () => {
  const spot = await api().ok(lead, 'ledgerCases', { ...nov, windowId: 'bdc', column: 'consultOnTheSpot' })
  expect(spot.cases).toHaveLength(3)
  expect(spot.more).toBe(false)
  expect((await api().ok(lead, 'ledgerCases', { ...nov, windowId: 'bdc' })).cases).toHaveLength(12)
  expect(await code(lead, 'ledgerCases', { ...nov, windowId: 'gjj' })).toBe('FORBIDDEN')
})

it('exports the sheets as an xlsx laid out like 附件3', async () => {
  const out = await api().ok(office, 'ledgerWorkbook', nov)
  expect(out.fileName).toBe('首问负责制统计表_示范市政务服务中心_2026-11-01至2026-11-30.xlsx')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(madeBytes(out) as unknown as ArrayBuffer)
  const all = wb.getWorksheet('全厅汇总')!
  expect(all.getCell('A1').value).toBe('示范市政务服务中心 窗口首问负责制情况统计表')
  expect(all.getCell('B3').value).toBe('职责范围内（件）')
  expect(all.getCell('F3').value).toBe('职责范围外（件）')
  expect(all.getCell('K3').value).toBe('合计')
  expect(all.getCell('D4').value).toBe('咨询件')
  expect([all.getCell('D5').value, all.getCell('E5').value, all.getCell('I5').value, all.getCell('J5').value]).toEqual([
    '当场答复',
    '限时答复',
    '咨询',
    '书面申请',
  ])
  const rows = all.getSheetValues().slice(6) as unknown[][]
  const bdcRow = rows.find((row) => row?.[1] === '不动产登记窗口')!
  expect(bdcRow.slice(2, 12)).toEqual([2, 1, 3, 1, 1, 1, 1, 1, 1, 12])
  const totalRow = rows.find((row) => row?.[1] === '合计')!
  expect(totalRow[11]).toBe(13)
  const bdc = wb.getWorksheet('不动产登记窗口')!
  expect(bdc.getCell('A2').value).toMatch(/^窗口：不动产登记窗口/)
  expect((bdc.getRow(6).values as unknown[]).slice(1, 11)).toEqual([2, 1, 3, 1, 1, 1, 1, 1, 1, 12])
  expect(bdc.getCell('A1').isMerged).toBe(true)

  const one = await api().ok(lead, 'ledgerWorkbook', { ...nov, windowId: 'bdc' })
  expect(one.fileName).toBe('首问负责制统计表_不动产登记窗口_2026-11-01至2026-11-30.xlsx')
})
