// What the reports read in the CloudBase database: the assessment's facts, the ledger and the weekly
// trend; the last two are counters that each case write keeps in step (moveLedger, countTrends).
import type { CaseState } from '../../../core/caseState'
import type { LedgerColumn } from '../../../core/events'
import { shanghaiDate } from '../../../core/calendar'
import { caseIndex } from '../../../core/caseIndex'
import { trendsFromCounts, type TrendCount } from '../../../core/dashboard'
import type { ReportStore } from '../port'
import { all, cloud, getOrNull, hashId, type CloudData, type CloudDatabase, type CloudTransaction } from './db'

/** keeps the ledger counters (附件3) in step when a case enters, leaves or moves within the ledger */
export async function moveLedger(tx: CloudTransaction, before: CaseState, after: CaseState) {
  const a = caseIndex(before).ledger
  const b = caseIndex(after).ledger
  if (a?.column === b?.column && a?.day === b?.day && before.windowId === after.windowId) return
  const bump = async (windowId: string, e: { column: string; day: string }, by: number) => {
    const ref = tx.collection('ledger_counts').doc(hashId(after.hallId, windowId, e.day, e.column))
    const doc = await getOrNull(ref)
    await ref.set({ data: { hallId: after.hallId, windowId, day: e.day, col: e.column, n: ((doc?.n as number | undefined) ?? 0) + by } })
  }
  if (a) await bump(before.windowId, a, -1)
  if (b) await bump(after.windowId, b, 1)
}

/** adds a write's share of the dashboard's weekly trend (core/dashboard.ts trendDelta) */
export async function countTrends(tx: CloudTransaction, hallId: string, counts: TrendCount[]) {
  for (const c of counts) {
    const ref = tx.collection('trend_counts').doc(hashId(hallId, c.windowId, c.day, c.what))
    const doc = await getOrNull(ref)
    await ref.set({ data: { hallId, windowId: c.windowId, day: c.day, what: c.what, n: ((doc?.n as number | undefined) ?? 0) + 1 } })
  }
}

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
      const cond: CloudData = { hallId: q.hallId, day: _.gte(q.from) }
      if (q.windowId !== undefined) cond.windowId = q.windowId
      const docs = await all(col('ledger_counts').where(cond), 1_000_000)
      const sums = new Map<string, { windowId: string; column: LedgerColumn; count: number }>()
      for (const d of docs) {
        if ((d.day as string) > q.to || !(d.n as number)) continue
        const key = `${d.windowId}|${d.col}`
        const row = sums.get(key) ?? { windowId: d.windowId as string, column: d.col as LedgerColumn, count: 0 }
        row.count += d.n as number
        sums.set(key, row)
      }
      return [...sums.values()].filter((r) => r.count > 0)
    },
    async ledgerCases(q) {
      const cond: CloudData = { hallId: q.hallId, windowId: q.windowId, ledgerDay: _.gte(q.from) }
      if (q.column !== undefined) cond.ledgerColumn = q.column
      const docs = await all(col('cases').where(cond).orderBy('ledgerDay', 'desc'), 100_000)
      return docs
        .filter((d) => (d.ledgerDay as string) <= q.to)
        .slice(0, q.limit)
        .map((d) => d.state as CaseState)
    },
    async weeklyTrends(q) {
      const from = q.weeks[0]!
      const until = new Date(Date.parse(`${q.weeks[q.weeks.length - 1]}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)
      const cond: CloudData = { hallId: q.hallId, day: _.and(_.gte(from), _.lt(until)) }
      if (q.windowId !== undefined) cond.windowId = q.windowId
      const docs = await all(col('trend_counts').where(cond), 1_000_000)
      return trendsFromCounts(
        docs.map((d) => ({ day: d.day as string, what: d.what as string, n: d.n as number })),
        q.weeks,
      )
    },
  }
}
