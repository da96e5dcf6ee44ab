// Extensions through the handlers on a hall that runs the 004 preset: only the promised limit may be
// extended (004 限时办结 §5), by its handler, with the reason told to the citizen, at most 5 working
// days in all; the reply limit is not extended under any preset.
import { seedDemoHall } from '../../src/server/demoHall'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, rid, staffMember, testApi } from '../support/api'

let db: TestDb
const now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const li = staffMember('bdc-li')
const office = staffMember('office-xu')

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
  await api().ok(office, 'savePolicy', { presetId: '004', overrides: {}, note: '改用二坪镇制度', baseVersion: 1, requestId: rid() })
})
afterAll(() => db.close())

async function accepted(kind: 'application' | 'consult' = 'application') {
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind,
    contact: { name: '张三', phone: '13912345678' },
    text: '办理不动产抵押登记',
    requestId: rid(),
  })
  await api().ok(li, 'claimCase', { caseId, requestId: rid() })
  if (kind === 'application') await api().ok(li, 'acceptCase', { caseId, requestId: rid(), mode: 'promised', limitDays: 3 })
  return { me, caseId }
}

it('004: the handler extends the promised limit with a reason the citizen reads, at most 5 working days in all', async () => {
  const { me, caseId } = await accepted()
  const before = await api().ok(li, 'getCase', { caseId })
  expect(before.can.extend).toBe(true)
  const extended = await api().ok(li, 'extendClock', { caseId, requestId: rid(), clockKind: 'promised', days: 3, reason: '需现场核查抵押物' })
  expect(extended.clocks.find((c) => c.kind === 'promised')?.dueAt).toBe('2026-12-01T17:30:00+08:00')
  const more = await api().call(li, 'extendClock', { caseId, requestId: rid(), clockKind: 'promised', days: 3, reason: '仍需核查' })
  expect(more.ok || [more.error.code, more.error.details?.field]).toEqual(['INVALID_INPUT', 'days'])
  expect((await api().ok(me, 'inbox', { as: 'citizen' })).items.map((n) => n.body)).toContainEqual(expect.stringContaining('原因：需现场核查抵押物'))
})

it('004 extends no other limit: a consult’s reply limit stays, and its page offers no extension', async () => {
  const { caseId } = await accepted('consult')
  expect((await api().ok(li, 'getCase', { caseId })).can.extend).toBe(false)
  const refused = await api().call(li, 'extendClock', { caseId, requestId: rid(), clockKind: 'reply', days: 1, reason: '需请示' })
  expect(refused.ok || [refused.error.code, refused.error.details?.field]).toEqual(['INVALID_INPUT', 'clockKind'])
})

it('the policy page says which limits may be extended and that the cap is a total', async () => {
  const page = await api().ok(office, 'policySettings', {})
  const cap = page.fields.find((f) => f.id === 'extension.maxDays')!
  expect(cap.label).toBe('延期合计最多')
  expect(cap.hint).toContain('可延期的时限：承诺办结时限（004 限时办结 §5（仅承诺办结时限））')
})
