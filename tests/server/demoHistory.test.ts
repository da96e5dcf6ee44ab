// The demo hall's history: months of cases written through the API at their own times, with the
// sweep at each day's close, so the reports a new user opens show real shapes.
import { seedDemoHall } from '../../src/server/demoHall'
import { writeDemoHistory, type HistoryReport } from '../../src/server/demoHistory'
import { serverFiles } from '../../src/server/files'
import { openTestDb, type TestDb } from '../support/pglite'
import { staffMember, testApi } from '../support/api'

let db: TestDb
let report: HistoryReport
const until = new Date('2026-12-07T02:00:00Z') // Mon 7 Dec 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => until })
const office = staffMember('office-xu')

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
  report = await writeDemoHistory(db.store, serverFiles(db.store), { until, months: 2, seed: 7 })
}, 120_000)
afterAll(() => db.close())

it('writes about four cases a working day, with complaints and a few breaches, nearly every call accepted', () => {
  expect(report.days).toBeGreaterThanOrEqual(38)
  expect(report.cases).toBeGreaterThan(report.days * 3)
  expect(report.cases).toBeLessThan(report.days * 5)
  expect(report.breaches).toBeGreaterThan(0)
  const refused = Object.values(report.refused).reduce((a, b) => a + b, 0)
  expect(refused).toBeLessThanOrEqual(report.cases / 50)
  expect(report.refused.INTERNAL).toBeUndefined()
})

it('fills every report: the ledger in several columns, the dashboard week by week, the assessment with deductions', async () => {
  const ledger = await api().ok(office, 'ledger', { from: '2026-11-01', to: '2026-11-30' })
  const filled = ledger.columns.filter((c) => ledger.total[c.key] > 0).map((c) => c.key)
  expect(filled.length).toBeGreaterThanOrEqual(3)
  expect(ledger.windows.filter((w) => w.sheet.total > 0)).toHaveLength(6)

  const dashboard = await api().ok(office, 'dashboard', { weeks: 8 })
  const busy = dashboard.weeks.filter((w) => w.submitted > 0)
  expect(busy.length).toBeGreaterThanOrEqual(7)
  expect(dashboard.weeks.some((w) => w.repliedLate > 0)).toBe(true)
  expect(Object.values(dashboard.weeks.at(-2)!.ratings).reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
  // 常见问答 published from the history's answers, some of them solving a later question
  expect(dashboard.faqs.published).toBeGreaterThanOrEqual(10)
  expect(dashboard.faqs.resolved).toBeGreaterThan(0)

  const sheet = await api().ok(office, 'assessment', { month: '2026-11' })
  expect(sheet.sheets.some((s) => s.items.length > 0)).toBe(true)
  expect(sheet.windows.every((w) => Object.values(w.ratings).reduce((a, b) => a + b, 0) > 0)).toBe(true)
  // every path ends: nothing from before the last fortnight is still open (a verified complaint's reopened case too)
  const stale = await db.store.listCases({
    hallId: 'demo',
    statuses: ['open', 'inProgress', 'awaitingMaterials', 'handoverPending', 'joint', 'forwarding', 'replied', 'completed'],
    submittedTo: '2026-11-20T00:00:00+08:00',
  })
  expect(stale.map((c) => `${c.no} ${c.status}`)).toEqual([])
  // today's inboxes start read
  expect((await api().ok(office, 'inbox', { as: 'staff' })).items.filter((n) => !n.read)).toEqual([])
})
