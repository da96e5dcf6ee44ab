// What every part of the PostgreSQL store shares: the table types, the jsonb and time conversions,
// and the writes that several kinds of record make inside their own transactions.
import { sql, type Generated, type Transaction } from 'kysely'
import type { Hall, Matter, Staff, Window } from '../../../core/schemas'
import type { CaseEvent } from '../../../core/events'
import type { CaseState } from '../../../core/caseState'
import { formatShanghai } from '../../../core/calendar'
import type { Notification } from '../../../core/notification'
import type { Complaint } from '../../../core/complaint'
import type { Faq } from '../../../core/faq'
import type { ManualDeduction } from '../../../core/discipline'
import type { AuditEntry, Channel, PolicyVersion } from '../port'
import type { SecurityTables } from './security'

export interface Db extends SecurityTables {
  schema_migrations: { version: number; applied_at: Generated<Date> }
  halls: { id: string; data: Hall }
  windows: { hall_id: string; id: string; data: Window }
  matters: { hall_id: string; id: string; window_id: string; data: Matter }
  notifications: { key: string; hall_id: string; case_id: string; recipient_id: string; at: string | Date; read_at: string | Date | null; data: Notification }
  outbox: { key: string; channel: string; status: string; attempts: number; next_attempt_at: string | Date; last_error: string | null; lease: string | null }
  subscribe_grants: { openid: string; template_id: string; remaining: number }
  complaints: {
    id: string
    hall_id: string
    no: string
    citizen_id: string
    request_id: string
    status: string
    filed_at: string | Date
    answered_at: string | Date | null
    next_action_at: string | Date | null
    version: number
    data: Complaint
  }
  uploads: { id: string; hall_id: string; owner_id: string; mime: string; size: number; bytes: Uint8Array; created_at: string | Date; case_id: string | null }
  invites: {
    code_hash: string
    hall_id: string
    staff_id: string
    created_by: string
    created_at: string | Date
    expires_at: string | Date
    used_at: string | Date | null
    used_by_openid: string | null
    revoked_at: string | Date | null
  }
  staff: {
    id: string
    hall_id: string
    window_id: string | null
    login: string | null
    password_hash: string | null
    openid: string | null
    data: Staff
  }
  cases: {
    id: string
    hall_id: string
    no: string
    citizen_id: string
    request_id: string
    window_id: string
    status: string
    handler_id: string | null
    first_responder_id: string | null
    submitted_at: Date | string
    updated_at: Date | string
    next_due_at: Date | string | null
    may_deduct: boolean
    decided_at: Date | string | null
    round_rated: boolean
    ledger_column: string | null
    ledger_day: string | Date | null
    version: number
    state: CaseState
  }
  audit_log: { hall_id: string; seq: number; entry: AuditEntry }
  ledger_counts: { hall_id: string; window_id: string; day: string | Date; col: string; n: number }
  trend_counts: { hall_id: string; window_id: string; day: string; what: string; n: number }
  case_events: {
    case_id: string
    seq: number
    type: string
    at: Date | string
    actor_id: string
    request_id: string | null
    body: CaseEvent
  }
  counters: { scope: string; value: number }
  calendar_overrides: { hall_id: string; date: string; kind: 'workday' | 'restday'; note: string }
  policy_versions: { hall_id: string; version: number; data: PolicyVersion }
  manual_deductions: { hall_id: string; id: string; request_id: string; staff_id: string; occurred_on: string; data: ManualDeduction }
  faqs: { hall_id: string; id: string; case_id: string; published_at: string; data: Omit<Faq, 'resolved'>; resolved: number }
  faq_resolutions: { hall_id: string; faq_id: string; citizen_id: string }
}

export const json = <T>(value: T) => sql<T>`${JSON.stringify(value)}::jsonb`

export const iso = (v: string | Date | null): string | null => (v === null ? null : formatShanghai(new Date(v)))

export const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505'

/** the next number of a counter, inside the caller's transaction */
export async function draw(tx: Transaction<Db>, scope: string): Promise<number> {
  const row = await tx
    .insertInto('counters')
    .values({ scope, value: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ value: sql`counters.value + 1` }))
    .returning(sql<number>`value::int`.as('value'))
    .executeTakeFirstOrThrow()
  return Number(row.value)
}

const notificationRow = (n: Notification) => ({
  key: n.key,
  hall_id: n.hallId,
  case_id: n.caseId,
  recipient_id: n.recipient.id,
  at: n.at,
  read_at: null,
  data: json(n),
})

/** notices keyed by their event and recipient: a second write of the same notice is no notice */
export async function writeNotices(tx: Transaction<Db>, notifications: Notification[], channels: Channel[] = []) {
  if (notifications.length === 0) return
  await tx
    .insertInto('notifications')
    .values(notifications.map(notificationRow))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  if (channels.length === 0) return
  const items = notifications.flatMap((n) => channels.map((channel) => ({ key: n.key, channel, status: 'pending', attempts: 0, next_attempt_at: n.at })))
  await tx
    .insertInto('outbox')
    .values(items)
    .onConflict((oc) => oc.columns(['key', 'channel']).doNothing())
    .execute()
}
