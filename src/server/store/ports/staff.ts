// Staff records with their sign-in secrets, and the one-time invites that bind a WeChat account.
import type { Staff } from '../../../core/schemas'

export interface StaffSecret {
  /** login name, unique within the hall (self-hosted password sign-in) */
  login?: string | null
  /** scrypt hash, `scrypt$N$r$p$salt$hash` */
  passwordHash?: string | null
  /** WeChat OPENID bound to this staff record (cloud sign-in) */
  openid?: string | null
}

export interface NewInvite {
  codeHash: string
  hallId: string
  staffId: string
  createdBy: string
  createdAt: string
  expiresAt: string
}

export type RedeemResult = { status: 'ok'; staffId: string } | { status: 'unknown' | 'used' | 'expired' | 'revoked' | 'taken' }

export interface StaffStore {
  /** insert or update; the secret fields are only changed when given */
  putStaff(staff: Staff, secret?: StaffSecret): Promise<void>
  getStaff(id: string): Promise<Staff | null>
  listStaff(hallId: string, windowId?: string): Promise<Staff[]>
  findStaffByLogin(hallId: string, login: string): Promise<{ staff: Staff; passwordHash: string | null } | null>
  findStaffByOpenid(openid: string): Promise<Staff | null>
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
}
