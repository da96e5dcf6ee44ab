// What the reports read without loading every case: the assessment's facts, the ledger (附件3)
// and the dashboard's weekly trend, the last two kept as counters beside each case write.
import type { CaseState } from '../../../core/caseState'
import type { CaseChannel } from '../../../core/registration'
import type { LedgerColumn } from '../../../core/events'
import type { AssessmentFacts } from '../../../core/assessment'
import type { WeekTrend } from '../../../core/dashboard'

export interface ReportStore {
  /**
   * What the month's assessment reads, without loading every case: the cases that may carry a
   * deduction changed since `since` (only the fields it reads), the ratings per window, month and
   * level given since `since`, and per window the rounds decided in [decidedFrom, decidedTo) that
   * have no rating.
   */
  assessmentFacts(q: { hallId: string; windowId?: string; since: string; decidedFrom: string; decidedTo: string }): Promise<AssessmentFacts>
  /**
   * 附件3: closed cases counted per window and ledger column, closed on the days from `from` to `to`
   * (YYYY-MM-DD, both included, in the hall's time). Kept as counters, so a year costs no more than a day.
   */
  /** `channel`: only cases from that channel (core/registration.ts CaseChannel) */
  ledgerCounts(q: {
    hallId: string
    windowId?: string
    from: string
    to: string
    channel?: CaseChannel
  }): Promise<Array<{ windowId: string; column: LedgerColumn; count: number }>>
  /** the closed cases behind a ledger count, newest first */
  ledgerCases(q: {
    hallId: string
    windowId: string
    column?: LedgerColumn
    from: string
    to: string
    limit: number
    channel?: CaseChannel
  }): Promise<CaseState[]>
  /**
   * The dashboard's weekly trend for these weeks (Mondays, oldest first): receipts, closures, replies
   * on time or late, and ratings, each counted in the week it happened; added up in the database.
   */
  weeklyTrends(q: { hallId: string; windowId?: string; weeks: string[] }): Promise<WeekTrend[]>
}
