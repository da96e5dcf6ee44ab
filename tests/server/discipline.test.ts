// Manual deductions for 效能纪律 (004 考核制度 三(二)) through the handlers on the embedded Postgres: the
// hall office enters them with item, reason, evidence and photos, once per request, audited; the
// person's sheet shows them in the month they happened and outside the ratings-and-complaints cap;
// the office revokes them with a reason (audited too); bad input names its field.
import { seedDemoHall } from '../../src/server/demoHall'
import { readableFile, receiveUpload } from '../../src/server/files'
import type { Identity } from '../../src/server/identity'
import { openTestDb, type TestDb } from '../support/pglite'
import { outcome, rid, staffMember, testApi } from '../support/api'

let db: TestDb
const now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
// the office signed in on the hall's server: its device session uploads the photos
const office: Identity = { citizenId: 'dev:office-device-0000000', staffId: 'office-xu' }
const li = staffMember('bdc-li')
const wang = staffMember('bdc-wang')
const lead = staffMember('bdc-lead')
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
})
afterAll(() => db.close())

const late = () => ({
  staffId: 'bdc-li',
  item: 'lateOrEarly' as const,
  grade: 'over30',
  occurredOn: '2026-11-20',
  reason: '上午迟到 40 分钟，未说明原因',
  evidence: '考勤机记录：09:10 打卡',
  requestId: rid(),
})
const audits = async (action: string) => (await db.store.listAudit('demo', 0, 1000)).filter((e) => e.action === action)
const sheetOf = async (who: Identity, staffId: string, month = '2026-11') =>
  (await api().ok(who, 'assessment', { month })).sheets.find((s) => s.staffId === staffId)!

it('the office enters a deduction with its evidence and a photo; a repeated request is one record and one audit entry', async () => {
  const photo = await receiveUpload(db.store, { hallId: 'demo', citizenId: office.citizenId!, bytes: PNG, now })
  const input = { ...late(), photos: [photo.id] }
  const desk = await api().ok(office, 'addDeduction', input)
  expect(desk.month).toBe('2026-11')
  expect(desk.entries).toEqual([
    expect.objectContaining({
      name: '李晓梅',
      label: '迟到、早退',
      gradeLabel: '超过 30 分钟',
      points: -2,
      counted: -2,
      cite: '004 考核制度 三(二)(1)',
      evidence: '考勤机记录：09:10 打卡',
      photos: [{ id: photo.id, url: `/api/files/${photo.id}` }],
      by: '徐文',
      revoked: null,
    }),
  ])
  expect((await api().ok(office, 'addDeduction', input)).entries).toHaveLength(1)
  const added = await audits('deduction.add')
  expect(added).toHaveLength(1)
  expect(added[0]).toMatchObject({ target: 'staff:bdc-li', detail: { deductionId: desk.entries[0]!.id, points: -2, photos: 1 } })
  // the photo is the office's and the person's to see, not a colleague's
  const id = desk.entries[0]!.id
  await expect(readableFile(db.store, { citizenId: null, staffId: 'office-xu' }, photo.id)).resolves.toBeTruthy()
  await expect(readableFile(db.store, li, photo.id)).resolves.toBeTruthy()
  await expect(readableFile(db.store, wang, photo.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  expect((await db.store.getManualDeduction('demo', id))?.photos).toEqual([photo.id])
})

it('the person’s sheet shows it with its evidence, in its month; it is not part of the −10 cap', async () => {
  const sheet = await sheetOf(li, 'bdc-li')
  const item = sheet.items.find((d) => d.kind === 'discipline')!
  expect(item).toMatchObject({ label: '效能纪律（政务服务科登记）：迟到、早退', points: -2, cite: '004 考核制度 三(二)(1)', caseNo: '' })
  expect(item.manual).toMatchObject({
    evidence: '考勤机记录：09:10 打卡',
    photos: [expect.objectContaining({ url: expect.stringMatching(/^\/api\/files\/up_/) })],
  })
  expect(sheet.total).toBe(100 - 2)
  expect(sheet.capRelief).toBe(0)
  // December's sheet does not carry November's
  expect((await sheetOf(li, 'bdc-li', '2026-12')).items.filter((d) => d.kind === 'discipline')).toEqual([])
  // a colleague's own sheet does not show it
  expect((await api().ok(wang, 'assessment', { month: '2026-11' })).sheets.map((s) => s.staffId)).toEqual(['bdc-wang'])
  // the year view counts it in November
  const year = await api().ok(office, 'assessmentYear', { year: 2026 })
  expect(year.staff.find((s) => s.staffId === 'bdc-li')!.months[10]).toBe(98)
})

it('bad input is refused naming its field; only the hall office enters or revokes', async () => {
  const bad = async (over: object) => outcome(api(), office, 'addDeduction', { ...late(), ...over })
  expect(await bad({ staffId: 'nobody' })).toBe('INVALID_INPUT:staffId')
  expect(await bad({ grade: undefined })).toBe('INVALID_INPUT:grade')
  expect(await bad({ item: 'smoking' })).toBe('INVALID_INPUT:item')
  expect(await bad({ occurredOn: '2026-11-24' })).toBe('INVALID_INPUT:occurredOn')
  expect(await bad({ occurredOn: '2026-02-30' })).toBe('INVALID_INPUT:occurredOn')
  expect(await bad({ reason: '迟到' })).toBe('INVALID_INPUT:reason')
  expect(await bad({ evidence: '' })).toBe('INVALID_INPUT:evidence')
  expect(await bad({ photos: ['up_000000000000000000000000'] })).toBe('INVALID_INPUT:photos')
  expect(await bad({ photos: ['not-a-photo'] })).toBe('INVALID_INPUT:photos.0')
  expect(await bad({ item: 'inspection', grade: 'city', sameIncidentAs: 'md_nosuch' })).toBe('INVALID_INPUT:sameIncidentAs')
  for (const who of [li, lead]) {
    expect(await outcome(api(), who, 'addDeduction', late())).toBe('FORBIDDEN')
    expect(await outcome(api(), who, 'disciplineDesk', { month: '2026-11' })).toBe('FORBIDDEN')
  }
  expect((await api().ok(office, 'disciplineDesk', { month: '2026-11' })).entries).toHaveLength(1)
})

it('a violation reported at two levels counts once, at the higher (三(二)(9))', async () => {
  const inspection = {
    staffId: 'bdc-wang',
    item: 'inspection' as const,
    occurredOn: '2026-11-18',
    reason: '工作时间玩手机游戏，被暗访发现',
    evidence: '暗访通报',
  }
  const town = await api().ok(office, 'addDeduction', { ...inspection, grade: 'town', requestId: rid() })
  const first = town.entries.find((e) => e.staffId === 'bdc-wang')!
  expect(
    await outcome(api(), office, 'addDeduction', { ...inspection, grade: 'city', sameIncidentAs: first.id, occurredOn: '2026-10-30', requestId: rid() }),
  ).toBe('INVALID_INPUT:occurredOn')
  // entered a few minutes later
  const later = testApi({ store: db.store, now: () => new Date(now.getTime() + 5 * 60_000) })
  const desk = await later.ok(office, 'addDeduction', {
    ...inspection,
    grade: 'city',
    sameIncidentAs: first.id,
    evidence: '市级通报文号 2026-12',
    requestId: rid(),
  })
  expect(desk.entries.filter((e) => e.staffId === 'bdc-wang').map((e) => [e.gradeLabel, e.counted])).toEqual([
    ['被镇主要领导查实', 0],
    ['被市级查实或通报批评', -4],
  ])
  expect((await sheetOf(office, 'bdc-wang')).total).toBe(100 - 4)
})

it('the office revokes with a reason, audited once; the sheet gives the points back; another revocation is refused', async () => {
  const [entry] = (await api().ok(office, 'disciplineDesk', { month: '2026-11' })).entries.filter((e) => e.staffId === 'bdc-li')
  expect(await outcome(api(), office, 'revokeDeduction', { deductionId: entry!.id, reason: '误', requestId: rid() })).toBe('INVALID_INPUT:reason')
  expect(await outcome(api(), office, 'revokeDeduction', { deductionId: 'md_nosuch', reason: '登记有误', requestId: rid() })).toBe('NOT_FOUND:deductionId')
  expect(await outcome(api(), lead, 'revokeDeduction', { deductionId: entry!.id, reason: '登记有误', requestId: rid() })).toBe('FORBIDDEN')
  const input = { deductionId: entry!.id, reason: '当日已补办请假手续，系误登', requestId: rid() }
  const desk = await api().ok(office, 'revokeDeduction', input)
  expect(desk.entries.find((e) => e.id === entry!.id)).toMatchObject({ counted: 0, revoked: { by: '徐文', reason: '当日已补办请假手续，系误登' } })
  // the same request again is the same revocation; a new one is refused
  await api().ok(office, 'revokeDeduction', input)
  expect(await outcome(api(), office, 'revokeDeduction', { ...input, requestId: rid() })).toBe('CONFLICT:deductionId')
  expect(await audits('deduction.revoke')).toEqual([
    expect.objectContaining({ target: 'staff:bdc-li', detail: expect.objectContaining({ deductionId: entry!.id }) }),
  ])
  expect((await sheetOf(li, 'bdc-li')).total).toBe(100)
})
