// The store port: everything the handlers need from storage, one interface per kind of record in
// ./ports/. Two adapters implement it (PostgreSQL through Kysely on PGlite or a server, and the
// CloudBase database), each with one file per kind, and one contract suite (tests/store/contract.ts)
// holds both to the same behaviour. Import the port from here.
import type { AuditStore } from './ports/audit'
import type { CaseStore } from './ports/cases'
import type { ComplaintStore } from './ports/complaints'
import type { DeductionStore } from './ports/deductions'
import type { FaqStore } from './ports/faqs'
import type { HallStore } from './ports/halls'
import type { InboxStore } from './ports/inbox'
import type { ReportStore } from './ports/reports'
import type { RuleStore } from './ports/rules'
import type { SecurityStore } from './ports/security'
import type { StaffStore } from './ports/staff'

export { actionRange, endOfDay, type AuditEntry, type AuditQuery, type AuditStore } from './ports/audit'
export type { Append, AppendResult, CaseQuery, CaseStore, NewCase } from './ports/cases'
export type { ComplaintQuery, ComplaintStore, NewComplaint } from './ports/complaints'
export type { DeductionStore } from './ports/deductions'
export type { FaqStore } from './ports/faqs'
export { sortMatters, sortWindows, type BundleQuery, type HallBundle, type HallStore } from './ports/halls'
export type { Channel, InboxStore, OutboxItem, OutboxOutcome } from './ports/inbox'
export type { ReportStore } from './ports/reports'
export type { PolicyVersion, RuleStore } from './ports/rules'
export type { NewStaffSession, RateHit, SecurityStore } from './ports/security'
export type { NewInvite, RedeemResult, StaffSecret, StaffStore } from './ports/staff'
export type { Upload, UploadStore } from './ports/uploads'

export interface Store
  extends HallStore, StaffStore, CaseStore, RuleStore, InboxStore, ComplaintStore, ReportStore, AuditStore, SecurityStore, DeductionStore, FaqStore {
  readonly kind: 'postgres' | 'cloudbase'
  /** create or upgrade the schema / collections; safe to run again */
  migrate(): Promise<void>
  close(): Promise<void>
}
