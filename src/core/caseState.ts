// The projection of a case's events: what the stores keep beside the event list and what the
// handlers decide on. Built only by caseMachine.ts.
import type { CaseKind, Contact, MatterRef } from './schemas'
import type { CaseStatus, ClockKind, LedgerColumn, NoticeTopic } from './events'
import type { Clock, Duty } from './clock'
import type { Rating, Rectification } from './rating'
import type { IntakeChannel, RegistrationRecord } from './registration'
import type { UpReason, UpTo } from './reportUp'

export interface CaseState {
  id: string
  no: string
  hallId: string
  kind: CaseKind
  /** the window that holds the case now */
  windowId: string
  /** 首问责任窗口: the window where it was first received */
  firstWindowId: string
  matterId: string | null
  /** the catalog matter as it was when the case was submitted */
  matter: MatterRef | null
  /** the citizen it belongs to; a registered case is `slip:…` until its slip is bound (core/registration.ts) */
  citizenId: string
  /** how it came in: absent for a citizen's own submission in the app */
  channel?: IntakeChannel
  /** who registered it, who was present, when it was received */
  registration?: RegistrationRecord
  contact: Contact
  text: string
  attachments: string[]
  status: CaseStatus
  /** 首问负责人; null until claimed */
  firstResponderId: string | null
  /** 承办人: who holds it now (differs from firstResponderId only while a handover slip waits) */
  handlerId: string | null
  reply: { text: string; mode: 'onTheSpot' | 'timed'; at: string; by: string } | null
  clocks: Clock[]
  ledgerColumn: LedgerColumn | null
  /** a promised case's limit, and why it is not the matter's published one when it differs */
  acceptance: { mode: 'instant' | 'promised'; at: string; limitDays?: number; limitReason?: string; noticeNo?: string } | null
  completion: { result: string; at: string } | null
  /** afterAcceptance: refused once accepted (不予登记, 002 限时办结 §4), else not accepted (不予受理, §3) */
  refusal: { reason: string; legalBasis: string; at: string; noticeNo?: string; afterAcceptance?: boolean } | null
  /** every supplement notice (附件1); a second one in the same service round is a 一次性告知 breach for review */
  notices: Array<{
    noticeNo: string
    items: string[]
    at: string
    by: string
    /** what the preset's notice tells besides the materials: basis, conditions, procedure, time limit */
    guidance?: Partial<Record<NoticeTopic, string>>
    /** the service round it was issued in (absent on older records: 1) */ round?: number
  }>
  oneTimeNoticeBreaches: number
  /** handover slips (附件2) */
  handovers: Array<{
    slipNo: string
    fromStaffId: string
    toStaffId: string
    reason: string
    remarks: string
    at: string
    acknowledgedAt: string | null
    contactedAt: string | null
    /** a takeover or an assignment withdrew the slip before it was acknowledged (absent on older slips) */
    withdrawnAt?: string | null
  }>
  joint: {
    coWindowIds: string[]
    note: string
    reportedAt: string
    plan: string | null
    planAt: string | null
    /** each co-window's confirmation of its part of the plan (absent on older records) */
    confirmations?: Array<{ windowId: string; part: string; by: string; at: string }>
    /** the written report to the hall office when the windows cannot agree, and its decision */
    dispute?: {
      items: string
      leadReasons: string
      coReasons: string
      proposal: string
      at: string
      by: string
      decision: { text: string; at: string; by: string } | null
    } | null
  } | null
  referral: { toWindowId: string; note: string; linkedCaseId: string | null; at: string } | null
  outside: {
    mode: 'consult' | 'written'
    explanation: string
    department: string
    at: string
    forwarded: { department: string; date: string; documentNo: string; at: string } | null
  } | null
  urges: Array<{ at: string; by: string; byKind: 'citizen' | 'staff' | 'system'; note: string; targetWindowId: string | null }>
  /** extension requests where the rules ask for approval (absent on older records) */
  extensionRequests?: Array<{
    clockKind: ClockKind
    days: number
    reason: string
    by: string
    at: string
    decision: { granted: boolean; note: string; by: string; at: string } | null
  }>
  /** 上报: reports upward and their answers (absent on older records) */
  reports?: Array<{ to: UpTo; reason: UpReason; detail: string; by: string; at: string; answer: { text: string; by: string; at: string } | null }>
  /** clocks breached, against whom (004 assessment); absent on cases recorded before the sweep */
  violations?: Array<{
    clockKind: ClockKind
    /** the person charged: the holder of the case at the due time; null when the duty is a unit's (see `duty`) */
    staffId: string | null
    windowId: string
    at: string
    /** whose duty the clock was (core/clock.ts `DUTY_OF`); absent on older records: the holder's */
    duty?: Duty
  }>
  /** the earliest reminder or due time of a running clock: when the sweep next looks at the case */
  nextActionAt?: string | null
  /** 好差评, one per round (absent on cases recorded before ratings) */
  ratings?: Rating[]
  /** the rectification of each bad rating */
  rectifications?: Rectification[]
  /** service round: 1, and one more for each reopen (one rating per round) */
  round: number
  policy: { presetId: string; version: number }
  submittedAt: string
  updatedAt: string
  closedAt: string | null
  /** the number of events folded in; the optimistic-concurrency token of the stores */
  version: number
}
