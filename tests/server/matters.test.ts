// 事项清单 (003) for the hall office: one matter at a time, or the catalog as xlsx — exported, edited,
// imported all or nothing with each bad row named.
import ExcelJS from 'exceljs'
import type { ActionInput, ActionName } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'
import { demoDb } from '../support/pglite'
import { citizen, outcome, staffMember, testApi, madeBytes } from '../support/api'

const db = demoDb()
const api = () => testApi({ store: db.store, now: () => new Date('2026-11-23T02:00:00Z') })
const office = staffMember('office-xu')
const code = <A extends ActionName>(who: Identity, action: A, input: ActionInput<A>) => outcome(api(), who, action, input)

async function workbook(edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const exported = await api().ok(office, 'exportMatters', {})
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(madeBytes(exported) as unknown as ArrayBuffer)
  edit(wb.getWorksheet('事项清单')!)
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

it('adds and edits a matter that citizens then find and that routes to its window', async () => {
  const added = await api().ok(office, 'saveMatter', {
    name: '结婚登记',
    kind: 'instant',
    windowId: 'zxzx',
    basis: '《婚姻登记条例》第四条',
    materials: ['双方身份证', '户口簿'],
    keywords: ['结婚', '领证'],
    active: true,
  })
  expect(added).toMatchObject({ hallId: 'demo', promisedDays: null, materials: ['双方身份证', '户口簿'] })
  const entry = await api().ok(citizen(), 'entry', { scene: 'h=demo' })
  expect(entry.matters.find((m) => m.id === added.id)?.name).toBe('结婚登记')
  const edited = await api().ok(office, 'saveMatter', {
    id: added.id,
    name: '结婚登记（内地居民）',
    kind: 'promised',
    promisedDays: 3,
    windowId: 'zxzx',
    active: false,
  })
  expect(edited).toMatchObject({ name: '结婚登记（内地居民）', kind: 'promised', promisedDays: 3, active: false })
  expect((await api().ok(citizen(), 'entry', { scene: 'h=demo' })).matters.some((m) => m.id === added.id)).toBe(false)
  expect(await code(office, 'saveMatter', { name: '某事项', kind: 'promised', windowId: 'zxzx' })).toBe('INVALID_INPUT:promisedDays')
  expect(await code(office, 'saveMatter', { name: '某事项', kind: 'instant', windowId: 'nosuch' })).toBe('NOT_FOUND:windowId')
  expect(await code(office, 'saveMatter', { id: 'nosuch', name: '某事项', kind: 'instant', windowId: 'zxzx' })).toBe('NOT_FOUND:id')
  expect(await code(staffMember('bdc-lead'), 'matterList', {})).toBe('FORBIDDEN')
  expect((await db.store.listAudit('demo', 0, 10)).map((e) => e.action)).toEqual(['matter.create', 'matter.update'])
})

it('exports the catalog and imports it back edited, creating and updating matters', async () => {
  const before = (await api().ok(office, 'matterList', {})).matters
  const base64 = await workbook((ws) => {
    ws.getCell('B2').value = `${ws.getCell('B2').value}（修订）`
    ws.addRow(['hy-jh', '结婚登记', '即办件', '', '《婚姻登记条例》', '双方身份证\n户口簿\n近期合影照片', 'zxzx', '结婚、领证', '在用'])
  })
  expect(await api().ok(office, 'importMatters', { base64 })).toEqual({ imported: before.length + 1, created: 1, updated: before.length })
  const after = (await api().ok(office, 'matterList', {})).matters
  expect(after.find((m) => m.id === 'hy-jh')).toMatchObject({
    materials: ['双方身份证', '户口簿', '近期合影照片'],
    keywords: ['结婚', '领证'],
    kind: 'instant',
  })
  expect(after.find((m) => m.id === before[0]!.id)!.name).toMatch(/（修订）$/)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(madeBytes(await api().ok(office, 'exportMatters', {})) as unknown as ArrayBuffer)
  expect(wb.getWorksheet('事项清单')!.rowCount).toBe(after.length + 1)
})

it('imports nothing when any row is wrong, and names each bad row and column', async () => {
  const before = await db.store.listMatters('demo')
  const base64 = await workbook((ws) => {
    ws.getCell('C3').value = '急办件'
    ws.getCell('G4').value = 'nosuch'
    ws.getCell('A5').value = ws.getCell('A2').value
    ws.getCell('B6').value = ''
    ws.getCell('C7').value = '承诺件'
    ws.getCell('D7').value = ''
  })
  const a = await api().call(office, 'importMatters', { base64 })
  expect(a.ok).toBe(false)
  if (a.ok) return
  expect(a.error.code).toBe('INVALID_INPUT')
  expect(a.error.message).toBe('有 5 处需要修改，未导入任何事项')
  expect(a.error.details?.rows).toEqual([
    { row: 3, column: '办件类型', message: '请填写「即办件」或「承诺件」' },
    { row: 4, column: '受理窗口编号', message: '本厅没有窗口「nosuch」' },
    { row: 5, column: '事项编号', message: '与第 2 行重复' },
    { row: 6, column: '事项名称', message: expect.any(String) },
    { row: 7, column: '承诺时限（工作日）', message: '承诺件须填写承诺办结时限' },
  ])
  expect(await db.store.listMatters('demo')).toEqual(before)
  expect((await api().call(office, 'importMatters', { base64: Buffer.from('not a workbook').toString('base64') })).ok).toBe(false)
})

it('a repeated or concurrent add with the same request adds the matter once', async () => {
  const input = { name: '结婚登记', kind: 'instant' as const, windowId: 'zxzx', requestId: 'add-matter-0001' }
  const answers = await Promise.all([0, 1, 2].map(() => api().ok(office, 'saveMatter', input)))
  expect(new Set(answers.map((a) => a.id)).size).toBe(1)
  expect((await db.store.listMatters('demo')).filter((m) => m.name === '结婚登记')).toHaveLength(1)
})

describe('自助办理 (004 自助办理制度 第三–六条)', () => {
  it('a matter marked for self-service shows its numbered steps and link to citizens, with the area phone on the entry page', async () => {
    const entry = await api().ok(citizen(), 'entry', { scene: 'h=demo&w=gjj' })
    const zm = entry.matters.find((m) => m.id === 'gjj-zm')!
    expect(zm.selfService?.steps).toHaveLength(3)
    expect(zm.selfService?.link).toMatch(/^https:\/\//)
    expect(entry.matters.find((m) => m.id === 'gjj-tq')!.selfService).toBeNull()
    expect(entry.hall.selfServicePhone).toBe('0562-2880009')
  })

  it('the office adds steps to a matter, and bad steps or links are refused naming the field', async () => {
    const m = (await api().ok(office, 'matterList', {})).matters.find((x) => x.id === 'sb-sbk')!
    const base = { ...m, requestId: undefined }
    const saved = await api().ok(office, 'saveMatter', { ...base, selfService: { steps: ['在自助终端选择「社保卡申领」', '刷身份证并拍照'], link: '' } })
    expect(saved.selfService?.steps).toEqual(['在自助终端选择「社保卡申领」', '刷身份证并拍照'])
    const bad = await Promise.all([
      api().call(office, 'saveMatter', { ...base, selfService: { steps: [], link: 'https://x.example' } }),
      api().call(office, 'saveMatter', { ...base, selfService: { steps: ['一步'], link: 'http://insecure.example' } }),
    ])
    expect(bad.map((a) => (a.ok ? 'ok' : [a.error.code, a.error.details?.field]))).toEqual([
      ['INVALID_INPUT', 'selfService.steps'],
      ['INVALID_INPUT', 'selfService.link'],
    ])
    // the hall's area phone is kept with the other public details
    const hall = (await api().ok(office, 'hallSettings', {})).hall
    await api().ok(office, 'saveHall', { ...hall, generalWindowId: hall.generalWindowId, selfServicePhone: '0562-2880010' })
    expect((await api().ok(office, 'hallSettings', {})).hall.selfServicePhone).toBe('0562-2880010')
  })

  it('the workbook carries the steps both ways; an older workbook without those columns keeps them', async () => {
    const base64 = await workbook((ws) => {
      const header = (ws.getRow(1).values as unknown[]).map(String)
      const col = header.indexOf('自助办理步骤（每行一步）')
      ws.eachRow((row, n) => {
        if (n > 1 && row.getCell(1).value === 'bdc-zydj') row.getCell(col).value = '网上预约\n到自助区领取结果'
      })
    })
    await api().ok(office, 'importMatters', { base64 })
    const list = (await api().ok(office, 'matterList', {})).matters
    expect(list.find((x) => x.id === 'bdc-zydj')!.selfService).toEqual({ steps: ['网上预约', '到自助区领取结果'], link: '' })
    // drop the two columns, as a workbook exported before them
    const older = await workbook((ws) => {
      ws.spliceColumns(ws.columnCount - 1, 2)
    })
    await api().ok(office, 'importMatters', { base64: older })
    const after = (await api().ok(office, 'matterList', {})).matters
    expect(after.find((x) => x.id === 'bdc-zydj')!.selfService?.steps).toEqual(['网上预约', '到自助区领取结果'])
    expect(after.find((x) => x.id === 'gjj-zm')!.selfService?.steps).toHaveLength(3)
  })
})
