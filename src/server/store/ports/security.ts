// What the store keeps for sign-in and abuse limits: staff sessions on the hall's own server (so a
// sign-out, a new password or a deactivation ends them), failed sign-ins per account and address,
// and rate counters. Kept in the database, not in a process's memory, so several server processes on
// one PostgreSQL (or the cloud functions' instances) share them. Both adapters implement it
// (postgres/security.ts, cloudbase/security.ts) and the store contract holds them to it.
import type { FailureRecord } from '../../../core/limits'

export interface NewStaffSession {
  /** sha-256 of the token in the cookie; the token itself is never stored */
  tokenHash: string
  staffId: string
  createdAt: string
  expiresAt: string
}

export interface RateHit {
  key: string
  windowStart: string
  limit: number
}

export interface SecurityStore {
  createStaffSession(session: NewStaffSession): Promise<void>
  /** the session's staff member, if the session exists, is not revoked and has not expired at `at` */
  findStaffSession(tokenHash: string, at: string): Promise<{ staffId: string; expiresAt: string } | null>
  revokeStaffSession(tokenHash: string, at: string): Promise<void>
  /** ends every session of the person not ended yet (new password, deactivation); returns how many */
  revokeStaffSessions(staffId: string, at: string): Promise<number>

  /** the failed sign-ins under a key (`acct:<hall>:<login>` or `addr:<address>`) */
  signInFailures(key: string): Promise<FailureRecord | null>
  /** records a failure: `decide` gets the current record and returns the next, applied atomically */
  recordSignInFailure(key: string, decide: (prev: FailureRecord | null) => FailureRecord): Promise<FailureRecord>
  /** forgets the key's failures and lifts its lock; true when there was a record */
  clearSignInFailures(key: string): Promise<boolean>

  /**
   * Counts one use of `key` in the fixed window starting at `windowStart`, unless `limit` uses were
   * already counted there; true when counted. Atomic: of concurrent callers at most `limit` get true.
   */
  takeRate(key: string, windowStart: string, limit: number): Promise<boolean>
  /** takeRate for each in turn, stopping at the first refused (one call for a caller's identity and address) */
  takeRates(hits: RateHit[]): Promise<boolean>
  /** deletes sessions expired and counters of windows ended before the time; returns how many rows */
  purgeSecurity(before: string): Promise<number>
}
