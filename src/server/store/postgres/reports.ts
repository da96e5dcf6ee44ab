// What the reports read in PostgreSQL: the assessment's facts, the ledger and the weekly trend;
// the last two are counters that each case write keeps in step (moveLedger, countTrends).
import { sql, type Kysely, type Transaction } from 'kysely'
import type { LedgerColumn } from '../../../core/events'
import type { AssessedCase } from '../../../core/assessment'
import { trendsFromCounts, type TrendCount } from '../../../core/dashboard'
import type { ReportStore } from '../port'
import type { Db } from './db'
import type { CaseChannel } from '../../../core/registration'

/** keeps the ledger counters in step when a case enters, leaves or moves within the ledger (附件3) */
export async function moveLedger(
  tx: Transaction<Db>,
  hallId: string,
  before: { window: string; column: string | null; day: string | null },
  after: { window: string; column: string | null; day: string | null },
) {
  if (before.window === after.window && before.column === after.column && before.day === after.day) return
  if (before.column && before.day) {
    await tx
      .updateTable('ledger_counts')
      .set({ n: sql`n - 1` })
      .where('hall_id', '=', hallId)
      .where('window_id', '=', before.window)
      .where('day', '=', before.day)
      .where('col', '=', before.column)
      .execute()
  }
  if (after.column && after.day) {
    await tx
      .insertInto('ledger_counts')
      .values({ hall_id: hallId, window_id: after.window, day: after.day, col: after.column, n: 1 })
      .onConflict((oc) => oc.columns(['hall_id', 'window_id', 'day', 'col']).doUpdateSet({ n: sql`ledger_counts.n + 1` }))
      .execute()
  }
}

/** adds a write's share of the dashboard's weekly trend (core/dashboard.ts trendDelta) */
export async function countTrends(tx: Transaction<Db>, hallId: string, counts: TrendCount[]) {
  if (counts.length === 0) return
  const sums = new Map<string, { hall_id: string; window_id: string; day: string; what: string; n: number }>()
  for (const c of counts) {
    const key = `${c.windowId}|${c.day}|${c.what}`
    const row = sums.get(key) ?? { hall_id: hallId, window_id: c.windowId, day: c.day, what: c.what, n: 0 }
    row.n++
    sums.set(key, row)
  }
  await tx
    .insertInto('trend_counts')
    .values([...sums.values()])
    .onConflict((oc) => oc.columns(['hall_id', 'window_id', 'day', 'what']).doUpdateSet({ n: sql`trend_counts.n + excluded.n` }))
    .execute()
}

/** a case's channel is in its state; a case submitted in the app has none */
const channelIs = (channel: CaseChannel) => (channel === 'app' ? sql<boolean>`state ->> 'channel' is null` : sql<boolean>`state ->> 'channel' = ${channel}`)

export function postgresReports(db: Kysely<Db>): ReportStore {
  return {
    async assessmentFacts(q) {
      // the fields the assessment reads, built in the database: the text, contact and reply of each case stay there
      const slim = sql<AssessedCase>`jsonb_build_object(
        'id', state->'id', 'no', state->'no', 'windowId', state->'windowId', 'handlerId', state->'handlerId', 'round', state->'round',
        'violations', coalesce(state->'violations', '[]'::jsonb), 'clocks', state->'clocks', 'notices', state->'notices',
        'ratings', coalesce(state->'ratings', '[]'::jsonb), 'rectifications', coalesce(state->'rectifications', '[]'::jsonb),
        'reply', case when jsonb_typeof(state->'reply') = 'object' then jsonb_build_object('at', state#>'{reply,at}', 'by', state#>'{reply,by}') else 'null'::jsonb end,
        'completion', case when jsonb_typeof(state->'completion') = 'object' then jsonb_build_object('at', state#>'{completion,at}') else 'null'::jsonb end,
        'refusal', case when jsonb_typeof(state->'refusal') = 'object' then jsonb_build_object('at', state#>'{refusal,at}') else 'null'::jsonb end)`
      const inWindow = q.windowId !== undefined ? sql`and window_id = ${q.windowId}` : sql``
      const [cases, ratings, unrated] = await Promise.all([
        sql<{ c: AssessedCase }>`select ${slim} as c from cases where hall_id = ${q.hallId} ${inWindow} and may_deduct and updated_at >= ${q.since}`.execute(
          db,
        ),
        // ratings are kept in the case; counted in the database, by the window they were given to
        sql<{ window_id: string; month: string; level: number; n: number }>`
          select r->>'windowId' as window_id, to_char((r->>'at')::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
                 (r->>'level')::int as level, count(*)::int as n
          from cases, jsonb_array_elements(state->'ratings') r
          where hall_id = ${q.hallId} ${inWindow} and updated_at >= ${q.since} and jsonb_typeof(state->'ratings') = 'array'
            and (r->>'at')::timestamptz >= ${q.since}
          group by 1, 2, 3`.execute(db),
        sql<{ window_id: string; n: number }>`
          select window_id, count(*)::int as n from cases
          where hall_id = ${q.hallId} ${inWindow} and not round_rated and decided_at >= ${q.decidedFrom} and decided_at < ${q.decidedTo}
          group by window_id`.execute(db),
      ])
      return {
        cases: cases.rows.map((r) => r.c),
        ratings: ratings.rows.map((r) => ({ windowId: r.window_id, month: r.month, level: Number(r.level), count: Number(r.n) })),
        unrated: unrated.rows.map((r) => ({ windowId: r.window_id, count: Number(r.n) })),
      }
    },
    async ledgerCounts(q) {
      if (q.channel !== undefined) {
        // one channel's ledger: counted from the cases themselves (the counters keep no channel)
        let byCase = db
          .selectFrom('cases')
          .select(['window_id', 'ledger_column', sql<number>`count(*)::int`.as('n')])
          .where('hall_id', '=', q.hallId)
          .where('ledger_column', 'is not', null)
          .where('ledger_day', '>=', q.from)
          .where('ledger_day', '<=', q.to)
          .where(channelIs(q.channel))
        if (q.windowId !== undefined) byCase = byCase.where('window_id', '=', q.windowId)
        const rows = await byCase.groupBy(['window_id', 'ledger_column']).execute()
        return rows.map((r) => ({ windowId: r.window_id, column: r.ledger_column as LedgerColumn, count: Number(r.n) }))
      }
      let query = db
        .selectFrom('ledger_counts')
        .select(['window_id', 'col', sql<number>`sum(n)::int`.as('n')])
        .where('hall_id', '=', q.hallId)
        .where('day', '>=', q.from)
        .where('day', '<=', q.to)
      if (q.windowId !== undefined) query = query.where('window_id', '=', q.windowId)
      const rows = await query.groupBy(['window_id', 'col']).execute()
      return rows.filter((r) => Number(r.n) > 0).map((r) => ({ windowId: r.window_id, column: r.col as LedgerColumn, count: Number(r.n) }))
    },
    async ledgerCases(q) {
      let query = db
        .selectFrom('cases')
        .select('state')
        .where('hall_id', '=', q.hallId)
        .where('window_id', '=', q.windowId)
        .where('ledger_column', 'is not', null)
        .where('ledger_day', '>=', q.from)
        .where('ledger_day', '<=', q.to)
      if (q.column !== undefined) query = query.where('ledger_column', '=', q.column)
      if (q.channel !== undefined) query = query.where(channelIs(q.channel))
      const rows = await query.orderBy('ledger_day', 'desc').orderBy('id').limit(q.limit).execute()
      return rows.map((r) => r.state)
    },
    async weeklyTrends(q) {
      const from = q.weeks[0]!
      const until = new Date(Date.parse(`${q.weeks[q.weeks.length - 1]}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)
      let query = db
        .selectFrom('trend_counts')
        .select([sql<string>`day::text`.as('day'), 'what', sql<number>`sum(n)::int`.as('n')])
        .where('hall_id', '=', q.hallId)
        .where('day', '>=', from)
        .where('day', '<', until)
      if (q.windowId !== undefined) query = query.where('window_id', '=', q.windowId)
      const rows = await query.groupBy(['day', 'what']).execute()
      return trendsFromCounts(
        rows.map((r) => ({ day: r.day, what: r.what, n: Number(r.n) })),
        q.weeks,
      )
    },
  }
}
