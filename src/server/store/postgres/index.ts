// The PostgreSQL store: embedded PGlite in a data directory by default, a real server when a
// connection URL is given. Queries go through Kysely so both drivers share one typed query layer.
import { Kysely, PostgresDialect, sql, type Generated, type Transaction } from 'kysely'
import type { Hall, Matter, Staff, Window } from '../../../core/schemas'
import type { CaseEvent, LedgerColumn } from '../../../core/events'
import type { CaseState } from '../../../core/caseState'
import type { CalendarOverride } from '../../../core/calendar'
import { sortMatters, type Append, type Channel, type AppendResult, type CaseQuery, type NewCase, type PolicyVersion, type Store, type StaffSecret, type Upload, type UploadStore } from '../port'
import { pgliteDialect } from '../pgliteDialect'
import { MIGRATIONS } from '../migrations'
import type { Notification } from '../../../core/notification'
import type { Complaint } from '../../../core/complaint'
import type { AssessedCase } from '../../../core/assessment'
import { trendDelta, trendsFromCounts, type TrendCount } from '../../../core/dashboard'
import { caseIndex } from '../../../core/caseIndex'
import type { AuditEntry } from '../port'
import { formatShanghai } from '../../../core/calendar'

interface Db {
  schema_migrations: { version: number; applied_at: Generated<Date> }
  halls: { id: string; data: Hall }
  windows: { hall_id: string; id: string; data: Window }
  matters: { hall_id: string; id: string; window_id: string; data: Matter }
  notifications: { key: string; hall_id: string; case_id: string; recipient_id: string; at: string | Date; read_at: string | Date | null; data: Notification }
  outbox: { key: string; channel: string; status: string; attempts: number; next_attempt_at: string | Date; last_error: string | null }
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
}

export interface PostgresOptions {
  /** PGlite data directory (default ./data); ignored when databaseUrl is set */
  dataDir?: string
  /** postgres://… of a real server */
  databaseUrl?: string
}

export type PostgresStore = Store & UploadStore & {
  readonly db: Kysely<Db>
  /** empties every table (tests) */
  truncateAll(): Promise<void>
}

const json = <T>(value: T) => sql<T>`${JSON.stringify(value)}::jsonb`


/** a case's row: the state and the columns queries filter on */
export function caseRow(state: CaseState, requestId: string) {
  const index = caseIndex(state)
  return {
    id: state.id,
    hall_id: state.hallId,
    no: state.no,
    citizen_id: state.citizenId,
    request_id: requestId,
    window_id: state.windowId,
    status: state.status,
    handler_id: state.handlerId,
    first_responder_id: state.firstResponderId,
    submitted_at: state.submittedAt,
    updated_at: state.updatedAt,
    next_due_at: index.nextActionAt,
    may_deduct: index.mayDeduct,
    decided_at: index.decidedAt,
    round_rated: index.roundRated,
    ledger_column: index.ledger?.column ?? null,
    ledger_day: index.ledger?.day ?? null,
    version: state.version,
    state: json(state),
  }
}

function eventRow(e: CaseEvent) {
  return {
    case_id: e.caseId,
    seq: e.seq,
    type: e.type,
    at: e.at,
    actor_id: e.actor.id,
    request_id: e.requestId ?? null,
    body: json(e),
  }
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

const iso = (v: string | Date | null): string | null => (v === null ? null : formatShanghai(new Date(v)))

/** notices keyed by their event and recipient: a second write of the same notice is no notice */
async function writeNotices(tx: Transaction<Db>, notifications: Notification[], channels: Channel[] = []) {
  if (notifications.length === 0) return
  await tx.insertInto('notifications').values(notifications.map(notificationRow)).onConflict((oc) => oc.column('key').doNothing()).execute()
  if (channels.length === 0) return
  const items = notifications.flatMap((n) => channels.map((channel) => ({ key: n.key, channel, status: 'pending', attempts: 0, next_attempt_at: n.at })))
  await tx.insertInto('outbox').values(items).onConflict((oc) => oc.columns(['key', 'channel']).doNothing()).execute()
}

/** keeps the ledger counters in step when a case enters, leaves or moves within the ledger (附件3) */
async function moveLedger(
  tx: Transaction<Db>,
  hallId: string,
  before: { window: string; column: string | null; day: string | null },
  after: { window: string; column: string | null; day: string | null },
) {
  if (before.window === after.window && before.column === after.column && before.day === after.day) return
  if (before.column && before.day) {
    await tx
      .updateTable('ledger_counts')
      .set({ n: sql`n - 1` })
      .where('hall_id', '=', hallId)
      .where('window_id', '=', before.window)
      .where('day', '=', before.day)
      .where('col', '=', before.column)
      .execute()
  }
  if (after.column && after.day) {
    await tx
      .insertInto('ledger_counts')
      .values({ hall_id: hallId, window_id: after.window, day: after.day, col: after.column, n: 1 })
      .onConflict((oc) => oc.columns(['hall_id', 'window_id', 'day', 'col']).doUpdateSet({ n: sql`ledger_counts.n + 1` }))
      .execute()
  }
}

/** adds a write's share of the dashboard's weekly trend (core/dashboard.ts trendDelta) */
async function countTrends(tx: Transaction<Db>, hallId: string, counts: TrendCount[]) {
  if (counts.length === 0) return
  const sums = new Map<string, { hall_id: string; window_id: string; day: string; what: string; n: number }>()
  for (const c of counts) {
    const key = `${c.windowId}|${c.day}|${c.what}`
    const row = sums.get(key) ?? { hall_id: hallId, window_id: c.windowId, day: c.day, what: c.what, n: 0 }
    row.n++
    sums.set(key, row)
  }
  await tx
    .insertInto('trend_counts')
    .values([...sums.values()])
    .onConflict((oc) => oc.columns(['hall_id', 'window_id', 'day', 'what']).doUpdateSet({ n: sql`trend_counts.n + excluded.n` }))
    .execute()
}

const complaintRow = (c: Complaint) => ({
  id: c.id,
  hall_id: c.hallId,
  no: c.no,
  citizen_id: c.citizenId,
  request_id: c.requestId,
  status: c.status,
  filed_at: c.filedAt,
  answered_at: c.answeredAt,
  next_action_at: c.nextActionAt ?? null,
  version: c.version,
  data: json(c),
})

async function draw(tx: Transaction<Db>, scope: string): Promise<number> {
  const row = await tx
    .insertInto('counters')
    .values({ scope, value: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ value: sql`counters.value + 1` }))
    .returning(sql<number>`value::int`.as('value'))
    .executeTakeFirstOrThrow()
  return Number(row.value)
}

const uploadOf = (r: Omit<Db['uploads'], 'bytes'>): Upload => ({
  id: r.id,
  hallId: r.hall_id,
  ownerId: r.owner_id,
  mime: r.mime,
  size: Number(r.size),
  createdAt: iso(r.created_at)!,
  caseId: r.case_id,
})

const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505'

export async function openPostgresStore(opts: PostgresOptions = {}): Promise<PostgresStore> {
  let dialect: PostgresDialect
  let closeDriver: () => Promise<void>
  if (opts.databaseUrl) {
    const { Pool, types } = await import('pg')
    // counts and counters are int8; they stay far below 2^53
    types.setTypeParser(20, (v: string) => Number(v))
    const pool = new Pool({ connectionString: opts.databaseUrl, max: 10 })
    dialect = new PostgresDialect({ pool })
    closeDriver = async () => {}
  } else {
    const { PGlite } = await import('@electric-sql/pglite')
    const pglite = new PGlite(opts.dataDir ?? './data')
    await pglite.waitReady
    dialect = pgliteDialect(pglite)
    closeDriver = () => pglite.close()
  }
  const db = new Kysely<Db>({ dialect })

  const store: PostgresStore = {
    kind: 'postgres',
    db,

    async migrate() {
      await db.transaction().execute(async (tx) => {
        // one migrator at a time on a shared server
        await sql`select pg_advisory_xact_lock(72417)`.execute(tx)
        await sql`create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())`.execute(tx)
        const done = new Set((await tx.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version))
        for (const m of MIGRATIONS) {
          if (done.has(m.version)) continue
          for (const statement of m.statements) await sql.raw(statement).execute(tx)
          await tx.insertInto('schema_migrations').values({ version: m.version }).execute()
        }
      })
    },

    async close() {
      await db.destroy()
      await closeDriver()
    },

    async truncateAll() {
      await sql`truncate halls, windows, matters, staff, notifications, outbox, subscribe_grants, invites, uploads, complaints, ledger_counts, trend_counts, audit_log, cases, case_events, counters, calendar_overrides, policy_versions`.execute(db)
    },

    async putHall(hall) {
      await db
        .insertInto('halls')
        .values({ id: hall.id, data: json(hall) })
        .onConflict((oc) => oc.column('id').doUpdateSet({ data: json(hall) }))
        .execute()
    },
    async getHall(id) {
      const row = await db.selectFrom('halls').select('data').where('id', '=', id).executeTakeFirst()
      return row?.data ?? null
    },
    async listHalls() {
      return (await db.selectFrom('halls').select('data').orderBy('id').execute()).map((r) => r.data)
    },

    async putWindow(w) {
      await db
        .insertInto('windows')
        .values({ hall_id: w.hallId, id: w.id, data: json(w) })
        .onConflict((oc) => oc.columns(['hall_id', 'id']).doUpdateSet({ data: json(w) }))
        .execute()
    },
    async getWindow(hallId, id) {
      const row = await db.selectFrom('windows').select('data').where('hall_id', '=', hallId).where('id', '=', id).executeTakeFirst()
      return row?.data ?? null
    },
    async listWindows(hallId) {
      const rows = await db.selectFrom('windows').select('data').where('hall_id', '=', hallId).execute()
      return rows.map((r) => r.data).sort((a, b) => a.number.localeCompare(b.number) || a.id.localeCompare(b.id))
    },

    async putMatter(m) {
      const row = { hall_id: m.hallId, id: m.id, window_id: m.windowId, data: json(m) }
      await db
        .insertInto('matters')
        .values(row)
        .onConflict((oc) => oc.columns(['hall_id', 'id']).doUpdateSet({ window_id: row.window_id, data: row.data }))
        .execute()
    },
    async getMatter(hallId, id) {
      const row = await db.selectFrom('matters').select('data').where('hall_id', '=', hallId).where('id', '=', id).executeTakeFirst()
      return row?.data ?? null
    },
    async listMatters(hallId) {
      const rows = await db.selectFrom('matters').select('data').where('hall_id', '=', hallId).execute()
      return sortMatters(rows.map((r) => r.data))
    },

    async putStaff(s: Staff, secret?: StaffSecret) {
      const base = { hall_id: s.hallId, window_id: s.windowId, data: json(s) }
      const secrets: Partial<Pick<Db['staff'], 'login' | 'password_hash' | 'openid'>> = {}
      if (secret?.login !== undefined) secrets.login = secret.login
      if (secret?.passwordHash !== undefined) secrets.password_hash = secret.passwordHash
      if (secret?.openid !== undefined) secrets.openid = secret.openid
      await db
        .insertInto('staff')
        .values({ id: s.id, ...base, login: null, password_hash: null, openid: null, ...secrets })
        .onConflict((oc) => oc.column('id').doUpdateSet({ ...base, ...secrets }))
        .execute()
    },
    async listStaffAccounts(hallId) {
      const rows = await db.selectFrom('staff').select(['id', 'login', sql<boolean>`openid is not null`.as('bound')]).where('hall_id', '=', hallId).orderBy('id').execute()
      return rows.map((r) => ({ staffId: r.id, login: r.login, bound: Boolean(r.bound) }))
    },
    async getStaff(id) {
      const row = await db.selectFrom('staff').select('data').where('id', '=', id).executeTakeFirst()
      return row?.data ?? null
    },
    async listStaff(hallId, windowId) {
      let q = db.selectFrom('staff').select('data').where('hall_id', '=', hallId)
      if (windowId !== undefined) q = q.where('window_id', '=', windowId)
      return (await q.orderBy('id').execute()).map((r) => r.data)
    },
    async findStaffByLogin(hallId, login) {
      const row = await db
        .selectFrom('staff')
        .select(['data', 'password_hash'])
        .where('hall_id', '=', hallId)
        .where('login', '=', login)
        .executeTakeFirst()
      return row ? { staff: row.data, passwordHash: row.password_hash } : null
    },
    async findStaffByOpenid(openid) {
      const row = await db.selectFrom('staff').select('data').where('openid', '=', openid).executeTakeFirst()
      return row?.data ?? null
    },

    async createCase(input: NewCase) {
      const existing = async () => {
        const row = await db
          .selectFrom('cases')
          .select('state')
          .where('citizen_id', '=', input.citizenId)
          .where('request_id', '=', input.requestId)
          .executeTakeFirst()
        return row ? { state: row.state, created: false } : null
      }
      const found = await existing()
      if (found) return found
      try {
        return await db.transaction().execute(async (tx) => {
          const seq = await draw(tx, input.numberScope)
          const { state, event } = input.build(seq)
          await tx.insertInto('cases').values(caseRow(state, input.requestId)).execute()
          await tx.insertInto('case_events').values(eventRow(event)).execute()
          await countTrends(tx, state.hallId, trendDelta(null, state))
          return { state, created: true }
        })
      } catch (e) {
        // a concurrent twin won the (citizen, requestId) race; the transaction rolled back its number
        if (isUniqueViolation(e)) {
          const twin = await existing()
          if (twin) return twin
        }
        throw e
      }
    },

    async getCase(id) {
      const row = await db.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirst()
      if (!row) return null
      const events = await db.selectFrom('case_events').select('body').where('case_id', '=', id).orderBy('seq').execute()
      return { state: row.state, events: events.map((e) => e.body) }
    },
    async getCaseState(id) {
      const row = await db.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirst()
      return row?.state ?? null
    },
    async hasRequest(caseId, actorId, requestId) {
      const row = await db
        .selectFrom('case_events')
        .select('seq')
        .where('case_id', '=', caseId)
        .where('actor_id', '=', actorId)
        .where('request_id', '=', requestId)
        .executeTakeFirst()
      return row !== undefined
    },

    async appendEvents(input: Append): Promise<AppendResult> {
      try {
        return await db.transaction().execute(async (tx) => {
          const current = await tx
            .selectFrom('cases')
            .select(['version', 'request_id', 'window_id', 'ledger_column', sql<string | null>`ledger_day::text`.as('ledger_day')])
            .where('id', '=', input.before.id)
            .forUpdate()
            .executeTakeFirst()
          if (!current || current.version !== input.before.version) return { status: 'conflict' } as const
          const seq = input.numberScope ? await draw(tx, input.numberScope) : null
          const { events, state, notifications = [] } = input.build(seq)
          const { id: _id, request_id: _r, ...row } = caseRow(state, current.request_id)
          const updated = await tx
            .updateTable('cases')
            .set(row)
            .where('id', '=', input.before.id)
            .where('version', '=', input.before.version)
            .executeTakeFirst()
          if (Number(updated.numUpdatedRows) !== 1) throw new ConflictSignal()
          await moveLedger(tx, state.hallId, { window: current.window_id, column: current.ledger_column, day: current.ledger_day }, { window: row.window_id, column: row.ledger_column, day: row.ledger_day })
          await countTrends(tx, state.hallId, trendDelta(input.before, state))
          if (events.length > 0) await tx.insertInto('case_events').values(events.map(eventRow)).execute()
          await writeNotices(tx, notifications, input.channels)
          return { status: 'ok', state } as const
        })
      } catch (e) {
        if (e instanceof ConflictSignal || isUniqueViolation(e)) return { status: 'conflict' }
        throw e
      }
    },

    async listCases(q: CaseQuery) {
      let query = db.selectFrom('cases').select('state').where('hall_id', '=', q.hallId)
      if (q.windowId !== undefined) query = query.where('window_id', '=', q.windowId)
      if (q.citizenId !== undefined) query = query.where('citizen_id', '=', q.citizenId)
      if (q.handlerId !== undefined) query = query.where('handler_id', '=', q.handlerId)
      if (q.statuses && q.statuses.length > 0) query = query.where('status', 'in', q.statuses)
      if (q.unclaimed) query = query.where('handler_id', 'is', null)
      if (q.updatedSince !== undefined) query = query.where('updated_at', '>=', q.updatedSince)
      if (q.submittedFrom !== undefined) query = query.where('submitted_at', '>=', q.submittedFrom)
      if (q.submittedTo !== undefined) query = query.where('submitted_at', '<', q.submittedTo)
      const rows = await query
        .orderBy('submitted_at', 'desc')
        .orderBy('id')
        .limit(q.limit ?? 100)
        .execute()
      return rows.map((r) => r.state)
    },

    async listEvents(caseIds) {
      const out: Record<string, CaseEvent[]> = Object.fromEntries(caseIds.map((id) => [id, []]))
      for (let i = 0; i < caseIds.length; i += 1000) {
        const rows = await db
          .selectFrom('case_events')
          .select(['case_id', 'body'])
          .where('case_id', 'in', caseIds.slice(i, i + 1000))
          .orderBy('case_id')
          .orderBy('seq')
          .execute()
        for (const r of rows) out[r.case_id]!.push(r.body)
      }
      return out
    },
    async weeklyTrends(q) {
      const from = q.weeks[0]!
      const until = new Date(Date.parse(`${q.weeks[q.weeks.length - 1]}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)
      let query = db
        .selectFrom('trend_counts')
        .select([sql<string>`day::text`.as('day'), 'what', sql<number>`sum(n)::int`.as('n')])
        .where('hall_id', '=', q.hallId)
        .where('day', '>=', from)
        .where('day', '<', until)
      if (q.windowId !== undefined) query = query.where('window_id', '=', q.windowId)
      const rows = await query.groupBy(['day', 'what']).execute()
      return trendsFromCounts(rows.map((r) => ({ day: r.day, what: r.what, n: Number(r.n) })), q.weeks)
    },

    async listCalendarOverrides(hallId) {
      const rows = await db
        .selectFrom('calendar_overrides')
        .select(['date', 'kind', 'note'])
        .where('hall_id', '=', hallId)
        .orderBy('date')
        .execute()
      return rows.map((r): CalendarOverride => ({ date: r.date, kind: r.kind, note: r.note }))
    },
    async putCalendarOverride(hallId, o) {
      await db
        .insertInto('calendar_overrides')
        .values({ hall_id: hallId, date: o.date, kind: o.kind, note: o.note })
        .onConflict((oc) => oc.columns(['hall_id', 'date']).doUpdateSet({ kind: o.kind, note: o.note }))
        .execute()
    },
    async removeCalendarOverride(hallId, date) {
      await db.deleteFrom('calendar_overrides').where('hall_id', '=', hallId).where('date', '=', date).execute()
    },

    async putPolicyVersion(hallId, v) {
      const rows = await db
        .insertInto('policy_versions')
        .values({ hall_id: hallId, version: v.version, data: json(v) })
        .onConflict((oc) => oc.doNothing())
        .returning('version')
        .execute()
      return rows.length === 1
    },
    async listPolicyVersions(hallId) {
      const rows = await db.selectFrom('policy_versions').select('data').where('hall_id', '=', hallId).orderBy('version').execute()
      return rows.map((r) => r.data)
    },
    async getPolicyVersion(hallId, version) {
      const row = await db
        .selectFrom('policy_versions')
        .select('data')
        .where('hall_id', '=', hallId)
        .where('version', '=', version)
        .executeTakeFirst()
      return row?.data ?? null
    },

    async listDueCases(until, limit) {
      const rows = await db
        .selectFrom('cases')
        .select('id')
        .where('next_due_at', 'is not', null)
        .where('next_due_at', '<=', until)
        .orderBy('next_due_at')
        .limit(limit)
        .execute()
      return rows.map((r) => r.id)
    },
    async setNextAction(caseId, version, nextActionAt) {
      const r = await db
        .updateTable('cases')
        .set({ next_due_at: nextActionAt, state: sql`jsonb_set(state, '{nextActionAt}', ${JSON.stringify(nextActionAt)}::jsonb)` })
        .where('id', '=', caseId)
        .where('version', '=', version)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async listNotifications(recipientId, limit) {
      const rows = await db
        .selectFrom('notifications')
        .select(['data', 'read_at'])
        .where('recipient_id', '=', recipientId)
        .orderBy('at', 'desc')
        .orderBy('key', 'desc')
        .limit(limit)
        .execute()
      return rows.map((r) => ({ ...r.data, readAt: iso(r.read_at) }))
    },
    async countUnread(recipientId) {
      const row = await db
        .selectFrom('notifications')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('recipient_id', '=', recipientId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
    async markRead(recipientId, keys, at) {
      if (keys !== null && keys.length === 0) return 0
      let q = db.updateTable('notifications').set({ read_at: at }).where('recipient_id', '=', recipientId).where('read_at', 'is', null)
      if (keys !== null) q = q.where('key', 'in', keys)
      return Number((await q.executeTakeFirst()).numUpdatedRows)
    },

    async claimOutbox(now, limit, leaseUntil) {
      return db.transaction().execute(async (tx) => {
        const due = await tx
          .selectFrom('outbox')
          .innerJoin('notifications', 'notifications.key', 'outbox.key')
          .select(['outbox.key', 'outbox.channel', 'outbox.attempts', 'outbox.next_attempt_at', 'notifications.data'])
          .where('outbox.status', '=', 'pending')
          .where('outbox.next_attempt_at', '<=', now)
          .orderBy('outbox.next_attempt_at')
          .limit(limit)
          .forUpdate('outbox')
          .skipLocked()
          .execute()
        if (due.length === 0) return []
        for (const d of due) {
          await tx.updateTable('outbox').set({ next_attempt_at: leaseUntil }).where('key', '=', d.key).where('channel', '=', d.channel).execute()
        }
        return due.map((d) => ({ key: d.key, channel: d.channel as Channel, notification: d.data, attempts: d.attempts, nextAttemptAt: iso(d.next_attempt_at)! }))
      })
    },
    async settleOutbox(item, outcome, attempts) {
      const set =
        outcome.status === 'retry'
          ? { status: 'pending', attempts, next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error }
          : { status: outcome.status, attempts, last_error: outcome.status === 'failed' ? outcome.error : outcome.status === 'skipped' ? outcome.reason : null }
      await db.updateTable('outbox').set(set).where('key', '=', item.key).where('channel', '=', item.channel).execute()
    },
    async outboxStats() {
      const rows = await db.selectFrom('outbox').select(['status', sql<number>`count(*)::int`.as('n')]).groupBy('status').execute()
      const out = { pending: 0, sent: 0, skipped: 0, failed: 0 }
      for (const r of rows) out[r.status as keyof typeof out] = Number(r.n)
      return out
    },

    async addGrants(openid, templateId, count) {
      if (count <= 0) return
      await db
        .insertInto('subscribe_grants')
        .values({ openid, template_id: templateId, remaining: count })
        .onConflict((oc) => oc.columns(['openid', 'template_id']).doUpdateSet({ remaining: sql`subscribe_grants.remaining + ${count}` }))
        .execute()
    },
    async takeGrant(openid, templateId) {
      const r = await db
        .updateTable('subscribe_grants')
        .set({ remaining: sql`remaining - 1` })
        .where('openid', '=', openid)
        .where('template_id', '=', templateId)
        .where('remaining', '>', 0)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },
    async staffOpenid(staffId) {
      const row = await db.selectFrom('staff').select('openid').where('id', '=', staffId).executeTakeFirst()
      return row?.openid ?? null
    },

    async createInvite(i) {
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('invites')
          .set({ revoked_at: i.createdAt })
          .where('staff_id', '=', i.staffId)
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .execute()
        await tx
          .insertInto('invites')
          .values({ code_hash: i.codeHash, hall_id: i.hallId, staff_id: i.staffId, created_by: i.createdBy, created_at: i.createdAt, expires_at: i.expiresAt, used_at: null, used_by_openid: null, revoked_at: null })
          .execute()
      })
    },
    async redeemInvite(codeHash, openid, at) {
      try {
        return await db.transaction().execute(async (tx) => {
          const row = await tx.selectFrom('invites').selectAll().where('code_hash', '=', codeHash).forUpdate().executeTakeFirst()
          if (!row) return { status: 'unknown' } as const
          if (row.used_at) return { status: 'used' } as const
          if (row.revoked_at) return { status: 'revoked' } as const
          if (new Date(row.expires_at).getTime() <= new Date(at).getTime()) return { status: 'expired' } as const
          const other = await tx.selectFrom('staff').select('id').where('openid', '=', openid).where('id', '!=', row.staff_id).executeTakeFirst()
          if (other) return { status: 'taken' } as const
          await tx.updateTable('invites').set({ used_at: at, used_by_openid: openid }).where('code_hash', '=', codeHash).execute()
          await tx.updateTable('staff').set({ openid }).where('id', '=', row.staff_id).execute()
          return { status: 'ok', staffId: row.staff_id } as const
        })
      } catch (e) {
        // the openid was bound to another record at the same moment
        if (isUniqueViolation(e)) return { status: 'taken' }
        throw e
      }
    },

    async createComplaint(input) {
      const existing = async () => {
        const row = await db.selectFrom('complaints').select('data').where('citizen_id', '=', input.citizenId).where('request_id', '=', input.requestId).executeTakeFirst()
        return row ? { complaint: row.data, created: false } : null
      }
      const found = await existing()
      if (found) return found
      try {
        return await db.transaction().execute(async (tx) => {
          const { complaint, notifications } = input.build(await draw(tx, input.numberScope))
          await tx.insertInto('complaints').values(complaintRow(complaint)).execute()
          await writeNotices(tx, notifications, input.channels)
          return { complaint, created: true }
        })
      } catch (e) {
        // a concurrent twin won the (citizen, requestId) race; its number was rolled back with it
        if (isUniqueViolation(e)) {
          const twin = await existing()
          if (twin) return twin
        }
        throw e
      }
    },
    async getComplaint(id) {
      return (await db.selectFrom('complaints').select('data').where('id', '=', id).executeTakeFirst())?.data ?? null
    },
    async saveComplaint(c, expectedVersion, notifications, channels) {
      return db.transaction().execute(async (tx) => {
        const { id: _id, ...row } = complaintRow(c)
        const updated = await tx.updateTable('complaints').set(row).where('id', '=', c.id).where('version', '=', expectedVersion).executeTakeFirst()
        if (Number(updated.numUpdatedRows) !== 1) return false
        await writeNotices(tx, notifications, channels)
        return true
      })
    },
    async listComplaints(q) {
      let query = db.selectFrom('complaints').select('data').where('hall_id', '=', q.hallId)
      if (q.citizenId !== undefined) query = query.where('citizen_id', '=', q.citizenId)
      if (q.status !== undefined) query = query.where('status', '=', q.status)
      if (q.answeredFrom !== undefined) query = query.where('answered_at', '>=', q.answeredFrom)
      if (q.answeredTo !== undefined) query = query.where('answered_at', '<', q.answeredTo)
      const rows = await query.orderBy('filed_at', 'desc').orderBy('id').limit(q.limit ?? 100).execute()
      return rows.map((r) => r.data)
    },
    async assessmentFacts(q) {
      // the fields the assessment reads, built in the database: the text, contact and reply of each case stay there
      const slim = sql<AssessedCase>`jsonb_build_object(
        'id', state->'id', 'no', state->'no', 'windowId', state->'windowId', 'handlerId', state->'handlerId', 'round', state->'round',
        'violations', coalesce(state->'violations', '[]'::jsonb), 'clocks', state->'clocks', 'notices', state->'notices',
        'ratings', coalesce(state->'ratings', '[]'::jsonb), 'rectifications', coalesce(state->'rectifications', '[]'::jsonb),
        'reply', case when jsonb_typeof(state->'reply') = 'object' then jsonb_build_object('at', state#>'{reply,at}', 'by', state#>'{reply,by}') else 'null'::jsonb end,
        'completion', case when jsonb_typeof(state->'completion') = 'object' then jsonb_build_object('at', state#>'{completion,at}') else 'null'::jsonb end,
        'refusal', case when jsonb_typeof(state->'refusal') = 'object' then jsonb_build_object('at', state#>'{refusal,at}') else 'null'::jsonb end)`
      const inWindow = q.windowId !== undefined ? sql`and window_id = ${q.windowId}` : sql``
      const [cases, ratings, unrated] = await Promise.all([
        sql<{ c: AssessedCase }>`select ${slim} as c from cases where hall_id = ${q.hallId} ${inWindow} and may_deduct and updated_at >= ${q.since}`.execute(db),
        // ratings are kept in the case; counted in the database, by the window they were given to
        sql<{ window_id: string; month: string; level: number; n: number }>`
          select r->>'windowId' as window_id, to_char((r->>'at')::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
                 (r->>'level')::int as level, count(*)::int as n
          from cases, jsonb_array_elements(state->'ratings') r
          where hall_id = ${q.hallId} ${inWindow} and updated_at >= ${q.since} and jsonb_typeof(state->'ratings') = 'array'
            and (r->>'at')::timestamptz >= ${q.since}
          group by 1, 2, 3`.execute(db),
        sql<{ window_id: string; n: number }>`
          select window_id, count(*)::int as n from cases
          where hall_id = ${q.hallId} ${inWindow} and not round_rated and decided_at >= ${q.decidedFrom} and decided_at < ${q.decidedTo}
          group by window_id`.execute(db),
      ])
      return {
        cases: cases.rows.map((r) => r.c),
        ratings: ratings.rows.map((r) => ({ windowId: r.window_id, month: r.month, level: Number(r.level), count: Number(r.n) })),
        unrated: unrated.rows.map((r) => ({ windowId: r.window_id, count: Number(r.n) })),
      }
    },
    async ledgerCounts(q) {
      let query = db
        .selectFrom('ledger_counts')
        .select(['window_id', 'col', sql<number>`sum(n)::int`.as('n')])
        .where('hall_id', '=', q.hallId)
        .where('day', '>=', q.from)
        .where('day', '<=', q.to)
      if (q.windowId !== undefined) query = query.where('window_id', '=', q.windowId)
      const rows = await query.groupBy(['window_id', 'col']).execute()
      return rows.filter((r) => Number(r.n) > 0).map((r) => ({ windowId: r.window_id, column: r.col as LedgerColumn, count: Number(r.n) }))
    },
    async ledgerCases(q) {
      let query = db
        .selectFrom('cases')
        .select('state')
        .where('hall_id', '=', q.hallId)
        .where('window_id', '=', q.windowId)
        .where('ledger_column', 'is not', null)
        .where('ledger_day', '>=', q.from)
        .where('ledger_day', '<=', q.to)
      if (q.column !== undefined) query = query.where('ledger_column', '=', q.column)
      const rows = await query.orderBy('ledger_day', 'desc').orderBy('id').limit(q.limit).execute()
      return rows.map((r) => r.state)
    },
    async listDueComplaints(until, limit) {
      const rows = await db
        .selectFrom('complaints')
        .select('data')
        .where('next_action_at', 'is not', null)
        .where('next_action_at', '<=', until)
        .orderBy('next_action_at')
        .limit(limit)
        .execute()
      return rows.map((r) => r.data)
    },
    async countComplaints(citizenId, since) {
      const row = await db
        .selectFrom('complaints')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('citizen_id', '=', citizenId)
        .where('filed_at', '>=', since)
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },

    async putUpload(u, bytes) {
      await db
        .insertInto('uploads')
        .values({ id: u.id, hall_id: u.hallId, owner_id: u.ownerId, mime: u.mime, size: u.size, bytes, created_at: u.createdAt, case_id: u.caseId })
        .execute()
    },
    async getUpload(id) {
      const row = await db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? { upload: uploadOf(row), bytes: new Uint8Array(row.bytes) } : null
    },
    async listUploads(ids) {
      if (ids.length === 0) return []
      const rows = await db.selectFrom('uploads').select(['id', 'hall_id', 'owner_id', 'mime', 'size', 'created_at', 'case_id']).where('id', 'in', ids).execute()
      return rows.map(uploadOf)
    },
    async linkUploads(ids, caseId) {
      if (ids.length === 0) return
      await db.updateTable('uploads').set({ case_id: caseId }).where('id', 'in', ids).where('case_id', 'is', null).execute()
    },
    async releaseUploads(ids, caseId) {
      if (ids.length === 0) return
      await db.updateTable('uploads').set({ case_id: null }).where('id', 'in', ids).where('case_id', '=', caseId).execute()
    },
    async countUploads(ownerId, since) {
      const row = await db
        .selectFrom('uploads')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('owner_id', '=', ownerId)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
    async purgeUploads(before) {
      const result = await db.deleteFrom('uploads').where('case_id', 'is', null).where('created_at', '<', before).executeTakeFirst()
      return Number(result.numDeletedRows)
    },

    async appendAudit(build) {
      return db.transaction().execute(async (tx) => {
        const probe = build(null)
        // one writer per hall's chain
        await sql`select pg_advisory_xact_lock(hashtext(${`audit:${probe.hallId}`}))`.execute(tx)
        const last = await tx.selectFrom('audit_log').select('entry').where('hall_id', '=', probe.hallId).orderBy('seq', 'desc').limit(1).executeTakeFirst()
        const entry = build(last ? { seq: last.entry.seq, hash: last.entry.hash } : null)
        await tx.insertInto('audit_log').values({ hall_id: entry.hallId, seq: entry.seq, entry: json(entry) }).execute()
        return entry
      })
    },
    async listAudit(hallId, afterSeq, limit) {
      const rows = await db.selectFrom('audit_log').select('entry').where('hall_id', '=', hallId).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute()
      return rows.map((r) => r.entry)
    },

    async nextNumber(scope) {
      return db.transaction().execute((tx) => draw(tx, scope))
    },
  }
  return store
}

class ConflictSignal extends Error {}
