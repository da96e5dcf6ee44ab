// 运行看板: open cases by window and clock state, the overdue list, and the weekly trend of receipts,
// closures, replies on time and ratings; the hall office sees the hall, a lead their window.
import { sql } from 'kysely'
import type { ActionInput, ActionName } from '../../src/core/api'
import { MIGRATIONS } from '../../src/server/store/migrations'
import type { Identity } from '../../src/server/identity'
import { demoDb } from '../support/pglite'
import { citizen, outcome, rid, staffMember, testApi } from '../support/api'

const db = demoDb()
let now = new Date('2026-11-16T02:00:00Z') // Mon 16 Nov, 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const office = staffMember('office-xu')
const li = staffMember('bdc-li')
const code = <A extends ActionName>(who: Identity, action: A, input: ActionInput<A>) => outcome(api(), who, action, input)
const consult = async (who: Identity, windowId: string) =>
  (
    await api().ok(who, 'submitCase', {
      hallId: 'demo',
      windowId,
      kind: 'consult',
      contact: { name: '张三', phone: '13912345678' },
      text: '请问如何办理？',
      requestId: rid(),
    })
  ).caseId

it('shows where the open cases stand and how the weeks went', async () => {
  // last week: one consult answered on the spot and rated 5, one left unanswered (due Wed 18 Nov)
  const rated = citizen()
  const answered = await consult(rated, 'bdc')
  await api().ok(li, 'claimCase', { caseId: answered, requestId: rid() })
  await api().ok(li, 'replyCase', { caseId: answered, requestId: rid(), text: '您好，需要身份证和不动产权证书。', mode: 'onTheSpot' })
  await api().ok(rated, 'rateCase', { caseId: answered, requestId: rid(), level: 5 })
  const late = await consult(citizen(), 'bdc')
  // this week (Wed 25 Nov, 10:00): one due today at the social security window, one just received
  now = new Date('2026-11-23T02:00:00Z')
  await consult(citizen(), 'sb')
  now = new Date('2026-11-25T02:00:00Z')
  await consult(citizen(), 'bdc')

  const view = await api().ok(office, 'dashboard', { weeks: 4 })
  expect(view.scope).toBe('示范市政务服务中心')
  expect(view.open.byState).toEqual({ overdue: 1, dueToday: 1, onTime: 1, waiting: 1 })
  const bdc = view.open.windows.find((w) => w.windowId === 'bdc')!
  expect(bdc.byState).toEqual({ overdue: 1, dueToday: 0, onTime: 1, waiting: 1 })
  expect(view.open.windows.find((w) => w.windowId === 'sb')!.byState.dueToday).toBe(1)
  expect(view.overdueCount).toBe(1)
  expect(view.overdue[0]).toMatchObject({ id: late, clockLabel: '答复时限', dueAt: '2026-11-18T17:30:00+08:00', overdueText: '已超时 5 个工作日' }) // Thu 19 … Wed 25, today's hours begun

  expect(view.weeks.map((w) => w.week)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'])
  expect(view.weeks[2]).toMatchObject({ submitted: 2, repliedOnTime: 1, repliedLate: 0, ratings: { '5': 1 } })
  expect(view.weeks[3]).toMatchObject({ submitted: 2 })
  expect(view.replies).toEqual({ onTime: 1, late: 0, share: 1 })
  expect(view.ratings).toEqual({ counts: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 }, total: 1, goodShare: 1 })

  // the office narrows to one window; a lead sees only theirs
  expect((await api().ok(office, 'dashboard', { windowId: 'sb' })).open.total).toBe(1)
  const lead = await api().ok(staffMember('bdc-lead'), 'dashboard', {})
  expect(lead).toMatchObject({ windowId: 'bdc', windowChoices: [] })
  expect(lead.open.windows.map((w) => w.windowId)).toEqual(['bdc'])
  expect(lead.weeks).toHaveLength(12)

  // the counters kept with every write are what the migration builds from the cases as they stand
  const counters = async () =>
    (await sql<{ r: string }>`select window_id || ' ' || day || ' ' || what || ' ' || n as r from trend_counts order by 1`.execute(db.store.db)).rows.map(
      (x) => x.r,
    )
  const live = await counters()
  expect(live.length).toBeGreaterThan(4)
  await sql`delete from trend_counts`.execute(db.store.db)
  const backfill = MIGRATIONS.find((m) => m.version === 14)!.statements[1]!
  await sql.raw(backfill).execute(db.store.db)
  expect(await counters()).toEqual(live)
})

it('is for leads and the hall office only', async () => {
  expect(await code(li, 'dashboard', {})).toBe('FORBIDDEN')
  expect(await code(staffMember('bdc-lead'), 'dashboard', { windowId: 'sb' })).toBe('FORBIDDEN')
  expect(await code(citizen(), 'dashboard', {})).toBe('UNAUTHENTICATED')
  expect(await code(office, 'dashboard', { windowId: 'nope' })).toBe('NOT_FOUND:windowId')
  expect(await code(office, 'dashboard', { weeks: 52 })).toBe('INVALID_INPUT:weeks')
})
