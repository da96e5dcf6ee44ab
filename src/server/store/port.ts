// The store port: everything the handlers need from storage. Two adapters implement it (PostgreSQL
// through Kysely on PGlite or a server, and the CloudBase database), and one contract suite
// (tests/store/contract.ts) holds both to the same behaviour.
import type { Hall, Matter, Staff, Window } from '../../core/schemas'
import type { CaseEvent, LedgerColumn } from '../../core/events'
import type { CaseState } from '../../core/caseState'
import type { CalendarOverride } from '../../core/calendar'
import type { PolicyOverrides, PresetId } from '../../core/policy'
import type { Notification } from '../../core/notification'
import type { Complaint, ComplaintStatus } from '../../core/complaint'
import type { AssessmentFacts } from '../../core/assessment'
import type { WeekTrend } from '../../core/dashboard'
import type { AuditEntry } from '../audit'
import type { SecurityStore } from './security'

/** one version of a hall's policy: a preset and the hall's overrides; versions are never changed */
export interface PolicyVersion {
  version: number
  presetId: PresetId
  overrides: PolicyOverrides
  note: string
  by: string
  at: string
  /** the save that recorded it: a repeated save answers with this version */
  requestId?: string
}

export interface StaffSecret {
  /** login name, unique within the hall (self-hosted password sign-in) */
  login?: string | null
  /** scrypt hash, `scrypt$N$r$p$salt$hash` */
  passwordHash?: string | null
  /** WeChat OPENID bound to this staff record (cloud sign-in) */
  openid?: string | null
}

export interface CaseQuery {
  hallId: string
  windowId?: string
  citizenId?: string
  handlerId?: string
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

/** what a case's page and actions need about its hall, in one read */
export interface HallBundle {
  hall: Hall
  /** the policy version asked for (default: the hall's current one); null when never stored (its preset as it stands) */
  policy: PolicyVersion | null
  /** the hall's current policy version, for what is opened now (null when never stored) */
  currentPolicy: PolicyVersion | null
  /** the hall's own calendar entries, sorted by date */
  overrides: CalendarOverride[]
  /** every window of the hall, in window-number order */
  windows: Window[]
  /** the staff asked for: by id, everyone at the given windows, and the hall office when asked */
  staff: Staff[]
  /** the catalog matter asked for, if it exists */
  matter: Matter | null
}

export interface BundleQuery {
  hallId: string
  policyVersion?: number
  staffIds?: string[]
  windowIds?: string[]
  office?: boolean
  matterId?: string
}

export interface NewInvite {
  codeHash: string
  hallId: string
  staffId: string
  createdBy: string
  createdAt: string
  expiresAt: string
}

export type RedeemResult =
  | { status: 'ok'; staffId: string }
  | { status: 'unknown' | 'used' | 'expired' | 'revoked' | 'taken' }

export interface NewComplaint {
  citizenId: string
  requestId: string
  /** the per-hall yearly number series, drawn in the same transaction */
  numberScope: string
  build: (seq: number) => { complaint: Complaint; notifications: Notification[] }
  channels?: Channel[]
}

export interface ComplaintQuery {
  hallId: string
  citizenId?: string
  status?: ComplaintStatus
  /** answered within [from, to): the month's verified complaints for the assessment */
  answeredFrom?: string
  answeredTo?: string
  limit?: number
}

/** a photo kept by the hall's own server until it is attached to a case (and then with the case) */
export interface Upload {
  id: string
  hallId: string
  /** the citizen who uploaded it */
  ownerId: string
  mime: string
  size: number
  createdAt: string
  /** the case (or complaint, `k_…`) it was first attached to */
  caseId: string | null
}

/** the photos of the self-hosted mode, kept in the database with the cases (one thing to back up) */
export interface UploadStore {
  putUpload(upload: Upload, bytes: Uint8Array): Promise<void>
  getUpload(id: string): Promise<{ upload: Upload; bytes: Uint8Array } | null>
  listUploads(ids: string[]): Promise<Upload[]>
  /** marks the uploads as attached to the case; one already attached keeps its first case */
  linkUploads(ids: string[], caseId: string): Promise<void>
  /** lets go of uploads attached to this owner (a replaced staff photo), so the purge deletes them */
  releaseUploads(ids: string[], caseId: string): Promise<void>
  /** how many uploads the citizen made since the time */
  countUploads(ownerId: string, since: string): Promise<number>
  /** deletes the uploads never attached to a case and older than the time; returns how many */
  purgeUploads(before: string): Promise<number>
}

/** an outside channel: WeChat subscribe messages (cloud), the hall's own gateway (self-hosted) */
export type Channel = 'wechat' | 'webhook'

export interface OutboxItem {
  key: string
  channel: Channel
  notification: Notification
  attempts: number
  nextAttemptAt: string
  /** the claim's token: only its holder may settle the item */
  lease?: string
}

export type OutboxOutcome =
  | { status: 'sent' }
  /** nothing to send through this channel (no binding, no grant): not an error */
  | { status: 'skipped'; reason: string }
  | { status: 'retry'; nextAttemptAt: string; error: string }
  | { status: 'failed'; error: string }

export type AppendResult = { status: 'ok'; state: CaseState } | { status: 'conflict' }

export interface Store extends SecurityStore {
  readonly kind: 'postgres' | 'cloudbase'
  /** create or upgrade the schema / collections; safe to run again */
  migrate(): Promise<void>
  close(): Promise<void>

  putHall(hall: Hall): Promise<void>
  getHall(id: string): Promise<Hall | null>
  /** the hall with its rules, windows and the staff asked for, in one read; null for an unknown hall */
  hallBundle(q: BundleQuery): Promise<HallBundle | null>
  listHalls(): Promise<Hall[]>

  putWindow(window: Window): Promise<void>
  getWindow(hallId: string, id: string): Promise<Window | null>
  listWindows(hallId: string): Promise<Window[]>

  /** insert or update a catalog matter */
  putMatter(matter: Matter): Promise<void>
  getMatter(hallId: string, id: string): Promise<Matter | null>
  /** the hall's matters in catalog order (window, then name), active and inactive */
  listMatters(hallId: string): Promise<Matter[]>

  /** insert or update; the secret fields are only changed when given */
  putStaff(staff: Staff, secret?: StaffSecret): Promise<void>
  getStaff(id: string): Promise<Staff | null>
  listStaff(hallId: string, windowId?: string): Promise<Staff[]>
  findStaffByLogin(hallId: string, login: string): Promise<{ staff: Staff; passwordHash: string | null } | null>
  findStaffByOpenid(openid: string): Promise<Staff | null>

  /**
   * Creates a case with its first event, drawing its number in the same transaction. Idempotent per
   * (citizenId, requestId): a repeat returns the existing case with created = false and draws nothing.
   */
  createCase(input: NewCase): Promise<{ state: CaseState; created: boolean }>
  getCase(id: string): Promise<{ state: CaseState; events: CaseEvent[] } | null>
  getCaseState(id: string): Promise<CaseState | null>
  /** true if this actor already recorded an event with this requestId on the case */
  hasRequest(caseId: string, actorId: string, requestId: string): Promise<boolean>
  appendEvents(input: Append): Promise<AppendResult>
  listCases(query: CaseQuery): Promise<CaseState[]>
  /** several case lists in one call, each as listCases answers it (the staff queue) */
  listCaseSets(queries: CaseQuery[]): Promise<CaseState[][]>
  /** the events of these cases, each list in order (the archive export) */
  listEvents(caseIds: string[]): Promise<Record<string, CaseEvent[]>>
  /**
   * The dashboard's weekly trend for these weeks (Mondays, oldest first): receipts, closures, replies
   * on time or late, and ratings, each counted in the week it happened; added up in the database.
   */
  weeklyTrends(q: { hallId: string; windowId?: string; weeks: string[] }): Promise<WeekTrend[]>

  /** the hall's own calendar entries, which win over the official holiday data; sorted by date */
  listCalendarOverrides(hallId: string): Promise<CalendarOverride[]>
  /** insert or replace the entry for that date */
  putCalendarOverride(hallId: string, override: CalendarOverride): Promise<void>
  removeCalendarOverride(hallId: string, date: string): Promise<void>

  /** records a new version of the hall's policy; false (and nothing written) when that version exists */
  putPolicyVersion(hallId: string, version: PolicyVersion): Promise<boolean>
  getPolicyVersion(hallId: string, version: number): Promise<PolicyVersion | null>
  /** every recorded version of the hall's policy, oldest first */
  listPolicyVersions(hallId: string): Promise<PolicyVersion[]>

  /** cases whose next reminder or due time is at or before `until`, earliest first (the sweep's index) */
  listDueCases(until: string, limit: number): Promise<string[]>
  /** corrects the next-action time of a case at this version (e.g. after a calendar change); false if it moved */
  setNextAction(caseId: string, version: number, nextActionAt: string | null): Promise<boolean>

  /** a person's notifications, newest first */
  listNotifications(recipientId: string, limit: number): Promise<Array<Notification & { readAt: string | null }>>
  countUnread(recipientId: string): Promise<number>
  /** marks these (or all, with null) as read; returns how many changed */
  markRead(recipientId: string, keys: string[] | null, at: string): Promise<number>

  /**
   * Takes up to `limit` outbox items due at `now` and leases them until `leaseUntil`, so a
   * concurrent deliverer does not take them too.
   */
  claimOutbox(now: string, limit: number, leaseUntil: string): Promise<OutboxItem[]>
  /**
   * Records the outcome of a claimed item; false (and nothing written) when its lease was lost
   * meanwhile (it ran out and another deliverer claimed the item), so a report counts only what it settled.
   */
  settleOutbox(item: Pick<OutboxItem, 'key' | 'channel' | 'lease'>, outcome: OutboxOutcome, attempts: number): Promise<boolean>
  /** counts of the outbox by status (operators, tests) */
  outboxStats(): Promise<Record<'pending' | 'sent' | 'skipped' | 'failed', number>>

  /** WeChat subscribe-message grants: each grant of a template allows one message */
  addGrants(openid: string, templateId: string, count: number): Promise<void>
  /** uses one grant if there is one */
  takeGrant(openid: string, templateId: string): Promise<boolean>
  /** each staff member's sign-in: their login name and whether a WeChat account is bound (never the secrets) */
  listStaffAccounts(hallId: string): Promise<Array<{ staffId: string; login: string | null; bound: boolean }>>
  /** the WeChat OPENID bound to a staff record, if any */
  staffOpenid(staffId: string): Promise<string | null>

  /**
   * Records a one-time invite (only the code's hash is kept) and revokes the staff member's earlier
   * unused ones, in one transaction.
   */
  createInvite(invite: NewInvite): Promise<void>
  /**
   * Redeems an invite at `at`: binds the openid to its staff record and marks it used, atomically;
   * of concurrent redemptions exactly one wins. An openid bound to another staff record is 'taken'.
   */
  redeemInvite(codeHash: string, openid: string, at: string): Promise<RedeemResult>

  /**
   * Files a complaint with its number; a repeated (citizen, requestId) returns the first one and
   * draws nothing.
   */
  createComplaint(input: NewComplaint): Promise<{ complaint: Complaint; created: boolean }>
  getComplaint(id: string): Promise<Complaint | null>
  /** saves the complaint at the version it was decided on, with its notices; false when it changed meanwhile */
  saveComplaint(complaint: Complaint, expectedVersion: number, notifications: Notification[], channels?: Channel[]): Promise<boolean>
  /** newest first */
  listComplaints(q: ComplaintQuery): Promise<Complaint[]>
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
  ledgerCounts(q: { hallId: string; windowId?: string; from: string; to: string }): Promise<Array<{ windowId: string; column: LedgerColumn; count: number }>>
  /** the closed cases behind a ledger count, newest first */
  ledgerCases(q: { hallId: string; windowId: string; column?: LedgerColumn; from: string; to: string; limit: number }): Promise<CaseState[]>
  /** open complaints whose next reminder or due time is at or before `until`, earliest first (all halls) */
  listDueComplaints(until: string, limit: number): Promise<Complaint[]>
  /** complaints the citizen filed since the time */
  countComplaints(citizenId: string, since: string): Promise<number>

  /**
   * Appends to the hall's audit chain: `build` gets the last entry (null for the first) and returns
   * the new one; one append at a time per hall, so the chain never forks.
   */
  appendAudit(build: (prev: { seq: number; hash: string } | null) => AuditEntry): Promise<AuditEntry>
  /** the hall's audit entries after `afterSeq`, in order */
  listAudit(hallId: string, afterSeq: number, limit: number): Promise<AuditEntry[]>

  /** next value of a named counter (1, 2, 3 … without gaps); atomic under concurrency */
  nextNumber(scope: string): Promise<number>
}

/** catalog order: by window, then by name (zh-CN collation), then id */
export const sortMatters = (matters: Matter[]): Matter[] =>
  [...matters].sort((a, b) => a.windowId.localeCompare(b.windowId) || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id))

/** window-number order, then id */
export const sortWindows = (windows: Window[]): Window[] => [...windows].sort((a, b) => a.number.localeCompare(b.number) || a.id.localeCompare(b.id))
