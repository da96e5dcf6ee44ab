// One-time invite codes that bind a staff member's WeChat account (cloud sign-in): only the code's
// hash is stored; a new code revokes the older ones; codes expire after a week. Used by the hall
// office's 工作人员管理 and by the `setup` cloud function for a new hall's office.
import { createHash, randomInt } from 'node:crypto'
import { formatShanghai } from '../core/calendar'
import type { Staff } from '../core/schemas'
import { audit, type AuditEntry } from './audit'
import type { Store } from './store/port'

/** no 0/O or 1/I: codes are read aloud and typed on phones */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const LENGTH = 8
const VALID_DAYS = 7

export const normaliseCode = (raw: string) => raw.toUpperCase().replace(/[\s-]/g, '')
export const hashCode = (code: string) =>
  createHash('sha256')
    .update(`shouwen-invite:${normaliseCode(code)}`)
    .digest('hex')

function newCode(): string {
  let code = ''
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** a new one-time code for the staff member (their older codes stop working), in the audit log */
export async function issueInvite(store: Store, staff: Staff, by: AuditEntry['actor'], now: Date) {
  const code = newCode()
  const expiresAt = formatShanghai(new Date(now.getTime() + VALID_DAYS * 86_400_000))
  await store.createInvite({ codeHash: hashCode(code), hallId: staff.hallId, staffId: staff.id, createdBy: by.id, createdAt: formatShanghai(now), expiresAt })
  // the code itself is never logged
  await audit(store, { hallId: staff.hallId, actor: by, action: 'invite.create', target: `staff:${staff.id}`, detail: { expiresAt } }, now)
  return { code, expiresAt, staffId: staff.id, staffName: staff.name }
}
