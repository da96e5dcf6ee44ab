// Cases: each an append-only list of events with its folded state, the sweep's index of due cases,
// and the gapless number series cases, slips and notices draw from.
import type { CaseEvent } from '../../../core/events'
import type { CaseState } from '../../../core/caseState'
import type { Notification } from '../../../core/notification'
import type { Channel } from './inbox'

export interface CaseQuery {
  hallId: string
  windowId?: string
  citizenId?: string
  handlerId?: string
  /** only cases another window leads that name this window as a co-window of joint handling (000 §5.2) */
  coWindowId?: string
  statuses?: CaseState['status'][]
  /** only cases nobody holds (the window queue) */
  unclaimed?: boolean
  /** only cases changed at or after this time (ISO, +08:00): the month's assessment and reports */
  updatedSince?: string
  /** only cases submitted in [submittedFrom, submittedTo) (ISO, +08:00): the archive export */
  submittedFrom?: string
  submittedTo?: string
  limit?: number
}

export interface NewCase {
  citizenId: string
  requestId: string
  /** counter scope for the readable number, e.g. `case:DEMO:20261123` */
  numberScope: string
  /** builds the case and its first event from the allocated sequence number */
  build: (seq: number) => { state: CaseState; event: CaseEvent }
  /**
   * a registration by staff: found again by its registering person and requestId, also after a
   * citizen opened its slip and the case changed owner (core/lookup.ts)
   */
  registeredBy?: string
  /** notices written with the case in its transaction (a registered call's slip by SMS) */
  notices?: (state: CaseState) => Notification[]
  channels?: Channel[]
  /**
   * Photos on the hall's own server the case is created with: each must be the citizen's own upload
   * in this hall, else nothing is written (INVALID_INPUT). They are attached in the same transaction.
   */
  uploads?: string[]
}

export interface Append {
  /** the case as the events were decided on; the append fails with 'conflict' if it moved since (its version) */
  before: CaseState
  /** when set, a number is drawn from this counter in the same transaction (slips, notices) */
  numberScope?: string
  build: (seq: number | null) => { events: CaseEvent[]; state: CaseState; notifications?: Notification[] }
  /** the outside channels each notification is queued for (the inbox always has it) */
  channels?: Channel[]
  /** a case opened in the same transaction (a referral's linked case at the other window, 000 §5.3) */
  opens?: NewCase
}

export type AppendResult = { status: 'ok'; state: CaseState } | { status: 'conflict' }

export interface CaseStore {
  /**
   * Creates a case with its first event, drawing its number in the same transaction. Idempotent per
   * (citizenId, requestId): a repeat returns the existing case with created = false and draws nothing.
   */
  createCase(input: NewCase): Promise<{ state: CaseState; created: boolean }>
  getCase(id: string): Promise<{ state: CaseState; events: CaseEvent[] } | null>
  /** the case with this readable number (查进度 by number), or null */
  caseIdOfNo(no: string): Promise<string | null>
  getCaseState(id: string): Promise<CaseState | null>
  /** true if this actor already recorded an event with this requestId on the case */
  hasRequest(caseId: string, actorId: string, requestId: string): Promise<boolean>
  appendEvents(input: Append): Promise<AppendResult>
  listCases(query: CaseQuery): Promise<CaseState[]>
  /** several case lists in one call, each as listCases answers it (the staff queue) */
  listCaseSets(queries: CaseQuery[]): Promise<CaseState[][]>
  /** the events of these cases, each list in order (the archive export) */
  listEvents(caseIds: string[]): Promise<Record<string, CaseEvent[]>>

  /** cases whose next reminder or due time is at or before `until`, earliest first (the sweep's index) */
  listDueCases(until: string, limit: number): Promise<string[]>
  /** corrects the next-action time of a case at this version (e.g. after a calendar change); false if it moved */
  setNextAction(caseId: string, version: number, nextActionAt: string | null): Promise<boolean>

  /** next value of a named counter (1, 2, 3 … without gaps); atomic under concurrency */
  nextNumber(scope: string): Promise<number>
}
