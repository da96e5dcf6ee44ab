// What the reports read in the CloudBase database: the assessment's facts, the ledger and the weekly
// trend. The ledger is counted from the cases and the trend from one document per contribution,
// both summed on the server with aggregate(), so no case write updates a document another one does.
import type { CaseState } from '../../../core/caseState'
import type { LedgerColumn } from '../../../core/events'
import { shanghaiDate } from '../../../core/calendar'
import { trendsFromCounts, type TrendCount } from '../../../core/dashboard'
import type { ReportStore } from '../port'
import { all, cloud, hashId, type CloudData, type CloudDatabase, type CloudTransaction } from './db'

/**
 * A write's share of the dashboard's weekly trend (core/dashboard.ts trendDelta), as documents of their
 * own keyed by the case and its version: no two case writes touch the same document, so a busy hall's
 * writes never wait on a shared counter, and a retried write adds nothing twice. The trend sums them
 * on the server (weeklyTrends).
 */
export async function countTrends(tx: CloudTransaction, state: CaseState, counts: TrendCount[]) {
  for (const [i, c] of counts.entries()) {
    await tx
      .collection('trend_counts')
      .doc(hashId(state.id, String(state.version), String(i)))
      .set({ data: { hallId: state.hallId, windowId: c.windowId, day: c.day, what: c.what, caseId: state.id, n: 1 } })
  }
}

/** the rows an aggregation may answer at once */
const GROUPS = 1000

export function cloudbaseReports(db: CloudDatabase): ReportStore {
  const { _, col } = cloud(db)
  return {
    async assessmentFacts(q) {
      const base: CloudData = { hallId: q.hallId }
      if (q.windowId !== undefined) base.windowId = q.windowId
      // text order of the hall-offset times is their time order
      const [deducting, changed, decided] = await Promise.all([
        all(col('cases').where({ ...base, mayDeduct: true, updatedAt: _.gte(q.since) }), 1_000_000),
        all(col('cases').where({ ...base, hasRatings: true, updatedAt: _.gte(q.since) }), 1_000_000),
        all(col('cases').where({ ...base, roundRated: false, decidedAt: _.gte(q.decidedFrom) }), 1_000_000),
      ])
      const ratings = new Map<string, { windowId: string; month: string; level: number; count: number }>()
      for (const d of changed) {
        for (const r of (d.state as CaseState).ratings ?? []) {
          if (Date.parse(r.at) < Date.parse(q.since)) continue
          const month = shanghaiDate(new Date(r.at)).slice(0, 7)
          const key = `${r.windowId}|${month}|${r.level}`
          const row = ratings.get(key) ?? { windowId: r.windowId, month, level: r.level, count: 0 }
          row.count++
          ratings.set(key, row)
        }
      }
      const unrated = new Map<string, number>()
      for (const d of decided) {
        if (Date.parse(d.decidedAt as string) >= Date.parse(q.decidedTo)) continue
        unrated.set(d.windowId as string, (unrated.get(d.windowId as string) ?? 0) + 1)
      }
      return {
        cases: deducting.map((d) => d.state as CaseState),
        ratings: [...ratings.values()],
        unrated: [...unrated].map(([windowId, count]) => ({ windowId, count })),
      }
    },
    async ledgerCounts(q) {
      // each case's ledger column and day are on its document (core/caseIndex), so the ledger is a
      // count of cases by window and column, summed by the service
      const cond: CloudData = { hallId: q.hallId, ledgerDay: _.and(_.gte(q.from), _.lte(q.to)) }
      if (q.windowId !== undefined) cond.windowId = q.windowId
      if (q.channel !== undefined) cond.channel = q.channel
      const { list } = await col('cases')
        .aggregate()
        .match(cond)
        .group({ _id: { windowId: '$windowId', column: '$ledgerColumn' }, count: _.aggregate.sum(1) })
        .limit(GROUPS)
        .end()
      return list
        .map((g) => {
          const id = g._id as { windowId: string; column: LedgerColumn }
          return { windowId: id.windowId, column: id.column, count: g.count as number }
        })
        .filter((r) => r.count > 0)
    },
    async ledgerCases(q) {
      const cond: CloudData = { hallId: q.hallId, windowId: q.windowId, ledgerDay: _.and(_.gte(q.from), _.lte(q.to)) }
      if (q.column !== undefined) cond.ledgerColumn = q.column
      if (q.channel !== undefined) cond.channel = q.channel
      const docs = await all(col('cases').where(cond).orderBy('ledgerDay', 'desc'), q.limit)
      return docs.map((d) => d.state as CaseState)
    },
    async weeklyTrends(q) {
      const from = q.weeks[0]!
      const until = new Date(Date.parse(`${q.weeks[q.weeks.length - 1]}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)
      const cond: CloudData = { hallId: q.hallId, day: _.and(_.gte(from), _.lt(until)) }
      if (q.windowId !== undefined) cond.windowId = q.windowId
      const { list } = await col('trend_counts')
        .aggregate()
        .match(cond)
        .group({ _id: { day: '$day', what: '$what' }, n: _.aggregate.sum('$n') })
        .limit(GROUPS)
        .end()
      return trendsFromCounts(
        list.map((g) => ({ ...(g._id as { day: string; what: string }), n: g.n as number })),
        q.weeks,
      )
    },
  }
}
