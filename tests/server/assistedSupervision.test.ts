// 002 四 监督考核 on the embedded Postgres: the hall office draws the month's 随机回访 sample of finished
// 帮办代办 requests (the size it sets; no repeats; only the month's finished ones; once a month, also when
// two draws race), records each call's outcome and 不定期抽查 the same way; a finding against the agent
// becomes a 效能纪律 deduction on the agent's sheet, once per request.
import { seedDemoHall } from '../../src/server/demoHall'
import type { ActionInput } from '../../src/core/api'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, outcome, rid, staffMember, testApi } from '../support/api'

let db: TestDb
let now = new Date('2026-10-28T02:00:00Z')
const api = () => testApi({ store: db.store, now: () => now })
const lead = staffMember('zxzx-lead')
const he = staffMember('zxzx-he')
const office = staffMember('office-xu')

const ask = (): ActionInput<'submitCase'> => ({
  hallId: 'demo',
  matterId: 'bdc-zydj',
  contact: { name: '王秀英', phone: '13912345678' },
  text: '想请人陪同办理二手房过户',
  assisted: { mode: 'help' },
  requestId: rid(),
})

const november: string[] = []
let october = ''
let pending = ''

async function finished(at: string): Promise<string> {
  const { caseId } = await api().ok(citizen(), 'submitCase', ask())
  await api().ok(lead, 'assignAgent', { caseId, staffId: 'zxzx-he', requestId: rid() })
  now = new Date(at)
  await api().ok(he, 'completeCase', { caseId, result: '已陪同办结', requestId: rid() })
  return caseId
}

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
  now = new Date('2026-10-28T02:00:00Z')
  october = await finished('2026-10-29T02:00:00Z')
  for (const day of ['02', '05', '12', '20']) {
    now = new Date(`2026-11-${day}T02:00:00Z`)
    november.push(await finished(`2026-11-${day}T06:00:00Z`))
  }
  // received and finished late in October, a request finished on November 2 counts in November
  now = new Date('2026-11-25T02:00:00Z')
  pending = (await api().ok(citizen(), 'submitCase', ask())).caseId
  await api().ok(lead, 'assignAgent', { caseId: pending, staffId: 'zxzx-he', requestId: rid() })
  now = new Date('2026-12-02T02:00:00Z')
})
afterAll(() => db.close())

it('the month’s population is its finished requests; a sample larger than it is refused naming the size', async () => {
  const view = await api().ok(office, 'assistedSupervision', { month: '2026-11' })
  expect(view).toMatchObject({ month: '2026-11', finished: 4, sample: [], spotChecks: [] })
  expect(await outcome(api(), office, 'drawAssistedSample', { month: '2026-11', size: 5, requestId: rid() })).toBe('INVALID_INPUT:size')
  expect(await outcome(api(), office, 'drawAssistedSample', { month: '2027-01', size: 1, requestId: rid() })).toBe('INVALID_INPUT:month')
  expect(await outcome(api(), he, 'drawAssistedSample', { month: '2026-11', size: 1, requestId: rid() })).toBe('FORBIDDEN')
})

it('draws the size asked from the month’s finished requests, without repeats, once a month — also when two draws race', async () => {
  const [a, b] = await Promise.all([
    api().ok(office, 'drawAssistedSample', { month: '2026-11', size: 3, requestId: rid() }),
    api().ok(office, 'drawAssistedSample', { month: '2026-11', size: 3, requestId: rid() }),
  ])
  const drawn = a.sample.map((r) => r.caseId)
  expect(drawn).toHaveLength(3)
  expect(new Set(drawn).size).toBe(3)
  for (const id of drawn) expect(november).toContain(id)
  expect(b.sample.map((r) => r.caseId).sort()).toEqual([...drawn].sort())
  // each drawn case records it once; the others not at all
  for (const id of [...november, october, pending]) {
    const events = (await db.store.getCase(id))!.events.filter((e) => e.type === 'assistedSampled')
    expect(events).toHaveLength(drawn.includes(id) ? 1 : 0)
  }
  // a later draw of the month answers the sample already drawn
  const again = await api().ok(office, 'drawAssistedSample', { month: '2026-11', size: 1, requestId: rid() })
  expect(again.sample.map((r) => r.caseId).sort()).toEqual([...drawn].sort())
  expect(a.sample[0]).toMatchObject({ agent: '何佳', applicant: '王秀英', phone: '139****5678', review: null })
})

it('records a call’s outcome; a finding reaches the agent’s sheet as a deduction, once per request', async () => {
  const view = await api().ok(office, 'assistedSupervision', { month: '2026-11' })
  const [first, second] = view.sample.map((r) => r.caseId) as [string, string]
  const notDrawn = november.find((id) => !view.sample.some((r) => r.caseId === id))!
  // only drawn requests are called back
  expect(
    await outcome(api(), office, 'recordAssistedReview', { caseId: notDrawn, kind: 'callBack', outcome: 'satisfied', note: '回访满意', requestId: rid() }),
  ).toBe('CONFLICT:kind')
  await api().ok(office, 'recordAssistedReview', { caseId: first, kind: 'callBack', outcome: 'satisfied', note: '申请人表示代办员很耐心', requestId: rid() })
  const call = {
    caseId: second,
    kind: 'callBack' as const,
    outcome: 'dissatisfied' as const,
    note: '申请人反映代办员态度生硬，多次催促才办理',
    finding: { item: 'serviceRules', reason: '帮办代办中存在冷硬推拖，经回访查实' },
    requestId: rid(),
  }
  const [r1] = await Promise.all([api().ok(office, 'recordAssistedReview', call), api().ok(office, 'recordAssistedReview', call)])
  expect(r1.sample.find((r) => r.caseId === second)!.review).toMatchObject({
    kind: '随机回访',
    outcome: '不满意',
    by: '徐文',
    deductionId: expect.stringMatching(/^md_/),
  })
  expect((await db.store.getCase(second))!.events.filter((e) => e.type === 'assistedReviewed')).toHaveLength(1)
  // one call-back per request
  expect(await outcome(api(), office, 'recordAssistedReview', { ...call, finding: undefined, requestId: rid() })).toBe('CONFLICT')
  const deductions = await db.store.listManualDeductions({ hallId: 'demo', from: '2026-12-01', to: '2026-12-31', staffId: 'zxzx-he' })
  expect(deductions).toHaveLength(1)
  expect(deductions[0]).toMatchObject({ item: 'serviceRules', points: -1, reason: '帮办代办中存在冷硬推拖，经回访查实' })
  expect(deductions[0]!.evidence).toContain('随机回访')
  const sheet = (await api().ok(office, 'assessment', { month: '2026-12' })).sheets.find((s) => s.staffId === 'zxzx-he')!
  expect(sheet.items.filter((d) => d.kind === 'discipline')).toHaveLength(1)
  expect(sheet.total).toBe(99)
})

it('不定期抽查 is recorded the same way, on any request, any time; bad input names its field', async () => {
  const view = await api().ok(office, 'recordAssistedReview', {
    caseId: pending,
    kind: 'spotCheck',
    outcome: 'satisfied',
    note: '抽查办理进度，按时推进',
    requestId: rid(),
  })
  expect(view.month).toBe('2026-12')
  expect(view.spotChecks).toMatchObject([{ caseId: pending, review: { kind: '不定期抽查', outcome: '满意' } }])
  expect(await outcome(api(), office, 'recordAssistedReview', { caseId: pending, kind: 'spotCheck', outcome: 'satisfied', note: '', requestId: rid() })).toBe(
    'INVALID_INPUT:note',
  )
  expect(
    await outcome(api(), office, 'recordAssistedReview', {
      caseId: pending,
      kind: 'spotCheck',
      outcome: 'dissatisfied',
      note: '抽查发现材料未及时报送',
      finding: { item: 'nonsense', reason: '材料未及时报送' },
      requestId: rid(),
    }),
  ).toBe('INVALID_INPUT:finding.item')
  const ordinary = (
    await api().ok(citizen(), 'submitCase', {
      hallId: 'demo',
      windowId: 'zxzx',
      contact: { name: '路人', phone: '13600003333' },
      text: '请问大厅几点下班？',
      requestId: rid(),
    })
  ).caseId
  expect(
    await outcome(api(), office, 'recordAssistedReview', { caseId: ordinary, kind: 'spotCheck', outcome: 'satisfied', note: '抽查', requestId: rid() }),
  ).toBe('NOT_FOUND:caseId')
})
