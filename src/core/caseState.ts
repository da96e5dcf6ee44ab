// The projection of a case's events: what the stores keep beside the event list and what the
// handlers decide on. Built only by caseMachine.ts.
import type { CaseKind, Contact } from './schemas'
import type { CaseStatus, LedgerColumn } from './events'
import type { Clock } from './clock'

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
  citizenId: string
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
  policy: { presetId: string; version: number }
  submittedAt: string
  updatedAt: string
  closedAt: string | null
  /** the number of events folded in; the optimistic-concurrency token of the stores */
  version: number
}
