// The CloudBase store: the same port over the wx-server-sdk database (`cloud.database()`).
//
// Collections (permission "仅云函数可读写"), and the indexes to create in the console:
//   halls, windows, staff (openid; hallId+login), cases (hallId+windowId+status+submittedAt;
//   citizenId+submittedAt; handlerId+status; nextDueAt), case_events (caseId+seq; caseId+actorId+requestId),
//   requests, counters, calendar_overrides (hallId+date), policy_versions (hallId+version),
//   ledger_counts (hallId+windowId+day), trend_counts (hallId+windowId+day), cases (hallId+submittedAt;
//   hallId+updatedAt) for the archive export and the assessment.
// Concurrency: every multi-document change runs in `db.runTransaction`; the service aborts one of two
// transactions that write the same document, and the adapter retries it, so an append decided on a
// stale version ends as 'conflict' and a counter never hands out a number twice.
import { createHash } from 'node:crypto'
import { DomainError } from '../../../core/errors'
import type { Hall, Matter, Staff, Window } from '../../../core/schemas'
import type { CaseEvent, LedgerColumn } from '../../../core/events'
import type { CaseState } from '../../../core/caseState'
import { shanghaiDate, type CalendarOverride } from '../../../core/calendar'
import { sortMatters, type Append, type Channel, type OutboxItem, type RedeemResult, type AppendResult, type CaseQuery, type NewCase, type PolicyVersion, type Store, type StaffSecret } from '../port'
import type { Notification } from '../../../core/notification'
import type { Complaint } from '../../../core/complaint'
import { caseIndex } from '../../../core/caseIndex'
import type { AuditEntry } from '../port'
import { trendDelta, trendsFromCounts, type TrendCount } from '../../../core/dashboard'

/* The parts of the wx-server-sdk database API this adapter uses. */
export type CloudData = Record<string, unknown>
export interface CloudCommand {
  eq(v: unknown): unknown
  lt(v: unknown): unknown
  lte(v: unknown): unknown
  /** all of these commands on one field */
  and(...commands: unknown[]): unknown
  gte(v: unknown): unknown
  in(v: unknown[]): unknown
  inc(n: number): unknown
}
export interface CloudDocRef {
  get(): Promise<{ data: CloudData }>
  set(opts: { data: CloudData }): Promise<unknown>
  update(opts: { data: CloudData }): Promise<{ stats: { updated: number } }>
  remove(): Promise<unknown>
}
export interface CloudQuery {
  where(cond: CloudData): CloudQuery
  orderBy(field: string, order: 'asc' | 'desc'): CloudQuery
  skip(n: number): CloudQuery
  limit(n: number): CloudQuery
  get(): Promise<{ data: CloudData[] }>
  count(): Promise<{ total: number }>
}
export interface CloudCollection extends CloudQuery {
  doc(id: string): CloudDocRef
}
export interface CloudTxDocRef {
  get(): Promise<{ data: CloudData }>
  set(opts: { data: CloudData }): Promise<unknown>
  update(opts: { data: CloudData }): Promise<unknown>
  delete(): Promise<unknown>
}
export interface CloudTransaction {
  collection(name: string): { doc(id: string): CloudTxDocRef }
}
export interface CloudDatabase {
  command: CloudCommand
  collection(name: string): CloudCollection
  runTransaction<T>(fn: (tx: CloudTransaction) => Promise<T>): Promise<T>
  createCollection(name: string): Promise<unknown>
}

const COLLECTIONS = ['halls', 'windows', 'matters', 'staff', 'cases', 'case_events', 'requests', 'counters', 'calendar_overrides', 'policy_versions', 'notifications', 'outbox', 'subscribe_grants', 'invites', 'complaints', 'ledger_counts', 'trend_counts', 'audit_log']
/** a cloud function's query returns at most this many documents */
const PAGE = 100
const TX_ATTEMPTS = 6

const hashId = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40)
const eventId = (caseId: string, seq: number) => `${caseId}:${String(seq).padStart(6, '0')}`
const isMissing = (e: unknown) => /not exist|cannot find document|does not exist/i.test(String((e as Error)?.message ?? e))

async function getOrNull(ref: { get(): Promise<{ data: CloudData }> }): Promise<CloudData | null> {
  try {
    return (await ref.get()).data
  } catch (e) {
    if (isMissing(e)) return null
    throw e
  }
}


function caseDoc(state: CaseState, requestId: string): CloudData {
  const index = caseIndex(state)
  return {
    hallId: state.hallId,
    no: state.no,
    citizenId: state.citizenId,
    requestId,
    windowId: state.windowId,
    status: state.status,
    handlerId: state.handlerId,
    submittedAt: state.submittedAt,
    updatedAt: state.updatedAt,
    nextDueAt: index.nextActionAt,
    // what the month's assessment filters on (core/assessment.ts)
    mayDeduct: index.mayDeduct,
    hasRatings: (state.ratings ?? []).length > 0,
    decidedAt: index.decidedAt,
    roundRated: index.roundRated,
    ledgerColumn: index.ledger?.column ?? null,
    ledgerDay: index.ledger?.day ?? null,
    version: state.version,
    state,
  }
}

const complaintDoc = (c: Complaint): CloudData => ({
  hallId: c.hallId,
  citizenId: c.citizenId,
  status: c.status,
  filedAt: c.filedAt,
  answeredAt: c.answeredAt,
  nextActionAt: c.nextActionAt ?? null,
  version: c.version,
  data: c,
})
const eventDoc = (e: CaseEvent): CloudData => ({ caseId: e.caseId, seq: e.seq, actorId: e.actor.id, requestId: e.requestId ?? null, body: e })

class Abort<T> {
  constructor(readonly value: T) {}
}

export function createCloudbaseStore(db: CloudDatabase): Store {
  const _ = db.command
  const col = (name: string) => db.collection(name)

  /** runs a transaction, again when the service aborted it for a concurrent write */
  async function transact<T>(fn: (tx: CloudTransaction) => Promise<T>): Promise<T> {
    let lastError: unknown
    for (let attempt = 0; attempt < TX_ATTEMPTS; attempt++) {
      try {
        return await db.runTransaction(fn)
      } catch (e) {
        if (e instanceof Abort) return e.value as T
        if (e instanceof DomainError) throw e
        lastError = e
        if (!/conflict|abort|retry/i.test(String((e as Error)?.message ?? e))) throw e
      }
    }
    throw lastError
  }

  /** keeps the ledger counters (附件3) in step when a case enters, leaves or moves within the ledger */
  async function moveLedger(tx: CloudTransaction, before: CaseState, after: CaseState) {
    const a = caseIndex(before).ledger
    const b = caseIndex(after).ledger
    if (a?.column === b?.column && a?.day === b?.day && before.windowId === after.windowId) return
    const bump = async (windowId: string, e: { column: string; day: string }, by: number) => {
      const ref = tx.collection('ledger_counts').doc(hashId(after.hallId, windowId, e.day, e.column))
      const doc = await getOrNull(ref)
      await ref.set({ data: { hallId: after.hallId, windowId, day: e.day, col: e.column, n: ((doc?.n as number | undefined) ?? 0) + by } })
    }
    if (a) await bump(before.windowId, a, -1)
    if (b) await bump(after.windowId, b, 1)
  }

  /** adds a write's share of the dashboard's weekly trend (core/dashboard.ts trendDelta) */
  async function countTrends(tx: CloudTransaction, hallId: string, counts: TrendCount[]) {
    for (const c of counts) {
      const ref = tx.collection('trend_counts').doc(hashId(hallId, c.windowId, c.day, c.what))
      const doc = await getOrNull(ref)
      await ref.set({ data: { hallId, windowId: c.windowId, day: c.day, what: c.what, n: ((doc?.n as number | undefined) ?? 0) + 1 } })
    }
  }

  /** notices keyed by their event and recipient: a second write of the same notice is no notice */
  async function writeNotices(tx: CloudTransaction, notifications: Notification[], channels: Channel[] = []) {
    for (const n of notifications) {
      const nref = tx.collection('notifications').doc(hashId('n', n.key))
      if (await getOrNull(nref)) continue
      await nref.set({ data: { key: n.key, recipientId: n.recipient.id, at: n.at, readAt: null, data: n } })
      for (const channel of channels) {
        await tx.collection('outbox').doc(hashId('o', n.key, channel)).set({
          data: { key: n.key, channel, status: 'pending', attempts: 0, nextAttemptAt: n.at, lastError: null, notification: n },
        })
      }
    }
  }

  async function draw(tx: CloudTransaction, scope: string): Promise<number> {
    const ref = tx.collection('counters').doc(hashId(scope))
    const current = await getOrNull(ref)
    const value = (typeof current?.value === 'number' ? current.value : 0) + 1
    await ref.set({ data: { scope, value } })
    return value
  }

  async function all(query: CloudQuery, max = Infinity): Promise<CloudData[]> {
    const out: CloudData[] = []
    for (let skip = 0; out.length < max; skip += PAGE) {
      const page = (await query.skip(skip).limit(Math.min(PAGE, max - out.length)).get()).data
      out.push(...page)
      if (page.length < PAGE) break
    }
    return out
  }

  const store: Store = {
    kind: 'cloudbase',

    async migrate() {
      for (const name of COLLECTIONS) {
        try {
          await db.createCollection(name)
        } catch (e) {
          if (!/exist/i.test(String((e as Error)?.message ?? e))) throw e
        }
      }
    },
    async close() {},

    async putHall(hall) {
      await col('halls').doc(hall.id).set({ data: { data: hall } })
    },
    async getHall(id) {
      return ((await getOrNull(col('halls').doc(id)))?.data as Hall | undefined) ?? null
    },
    async listHalls() {
      return (await all(col('halls').orderBy('_id', 'asc'))).map((d) => d.data as Hall)
    },

    async putWindow(w) {
      await col('windows').doc(`${w.hallId}:${w.id}`).set({ data: { hallId: w.hallId, id: w.id, data: w } })
    },
    async getWindow(hallId, id) {
      return ((await getOrNull(col('windows').doc(`${hallId}:${id}`)))?.data as Window | undefined) ?? null
    },
    async listWindows(hallId) {
      const rows = (await all(col('windows').where({ hallId }).orderBy('id', 'asc'))).map((d) => d.data as Window)
      return rows.sort((a, b) => a.number.localeCompare(b.number) || a.id.localeCompare(b.id))
    },

    async putMatter(m) {
      await col('matters').doc(`${m.hallId}:${m.id}`).set({ data: { hallId: m.hallId, id: m.id, windowId: m.windowId, data: m } })
    },
    async getMatter(hallId, id) {
      return ((await getOrNull(col('matters').doc(`${hallId}:${id}`)))?.data as Matter | undefined) ?? null
    },
    async listMatters(hallId) {
      return sortMatters((await all(col('matters').where({ hallId }))).map((d) => d.data as Matter))
    },

    async putStaff(s: Staff, secret?: StaffSecret) {
      const ref = col('staff').doc(s.id)
      const existing = await getOrNull(ref)
      const keep = (k: 'login' | 'passwordHash' | 'openid') =>
        secret?.[k] !== undefined ? secret[k] : ((existing?.[k] as string | null | undefined) ?? null)
      const login = keep('login')
      const openid = keep('openid')
      // the unique keys of the Postgres schema, checked here as the console's unique indexes would
      if (login) {
        const twin = (await col('staff').where({ hallId: s.hallId, login }).limit(2).get()).data
        if (twin.some((d) => d._id !== s.id)) throw new Error(`duplicate login ${login}`)
      }
      if (openid) {
        const twin = (await col('staff').where({ openid }).limit(2).get()).data
        if (twin.some((d) => d._id !== s.id)) throw new Error('duplicate openid')
      }
      await ref.set({ data: { hallId: s.hallId, windowId: s.windowId, login, passwordHash: keep('passwordHash'), openid, data: s } })
    },
    async getStaff(id) {
      return ((await getOrNull(col('staff').doc(id)))?.data as Staff | undefined) ?? null
    },
    async listStaff(hallId, windowId) {
      const cond: CloudData = windowId === undefined ? { hallId } : { hallId, windowId }
      return (await all(col('staff').where(cond).orderBy('_id', 'asc'))).map((d) => d.data as Staff)
    },
    async listStaffAccounts(hallId) {
      const docs = await all(col('staff').where({ hallId }).orderBy('_id', 'asc'), 100_000)
      return docs.map((d) => ({ staffId: d._id as string, login: (d.login as string | null | undefined) ?? null, bound: Boolean(d.openid) }))
    },
    async findStaffByLogin(hallId, login) {
      const [d] = (await col('staff').where({ hallId, login }).limit(1).get()).data
      return d ? { staff: d.data as Staff, passwordHash: (d.passwordHash as string | null) ?? null } : null
    },
    async findStaffByOpenid(openid) {
      const [d] = (await col('staff').where({ openid }).limit(1).get()).data
      return d ? (d.data as Staff) : null
    },

    async createCase(input: NewCase) {
      const reqId = `req_${hashId(input.citizenId, input.requestId)}`
      const existing = async () => {
        const req = await getOrNull(col('requests').doc(reqId))
        if (!req) return null
        const c = await getOrNull(col('cases').doc(req.caseId as string))
        return c ? { state: c.state as CaseState, created: false } : null
      }
      const found = await existing()
      if (found) return found
      const result = await transact(async (tx) => {
        const req = await getOrNull(tx.collection('requests').doc(reqId))
        if (req) return null // a concurrent twin created it: nothing drawn, nothing written
        const seq = await draw(tx, input.numberScope)
        const { state, event } = input.build(seq)
        await tx.collection('requests').doc(reqId).set({ data: { caseId: state.id } })
        await tx.collection('cases').doc(state.id).set({ data: caseDoc(state, input.requestId) })
        await tx.collection('case_events').doc(eventId(state.id, event.seq)).set({ data: eventDoc(event) })
        await countTrends(tx, state.hallId, trendDelta(null, state))
        return { state, created: true }
      })
      return result ?? (await existing())!
    },

    async getCase(id) {
      const c = await getOrNull(col('cases').doc(id))
      if (!c) return null
      const events = (await all(col('case_events').where({ caseId: id }).orderBy('seq', 'asc'))).map((d) => d.body as CaseEvent)
      return { state: c.state as CaseState, events }
    },
    async getCaseState(id) {
      return ((await getOrNull(col('cases').doc(id)))?.state as CaseState | undefined) ?? null
    },
    async hasRequest(caseId, actorId, requestId) {
      return (await col('case_events').where({ caseId, actorId, requestId }).count()).total > 0
    },

    async appendEvents(input: Append): Promise<AppendResult> {
      return transact<AppendResult>(async (tx) => {
        const ref = tx.collection('cases').doc(input.before.id)
        const current = await getOrNull(ref)
        if (!current || current.version !== input.before.version) throw new Abort<AppendResult>({ status: 'conflict' })
        const seq = input.numberScope ? await draw(tx, input.numberScope) : null
        const { events, state, notifications = [] } = input.build(seq)
        await moveLedger(tx, input.before, state)
        await countTrends(tx, state.hallId, trendDelta(input.before, state))
        await ref.set({ data: caseDoc(state, current.requestId as string) })
        for (const e of events) await tx.collection('case_events').doc(eventId(e.caseId, e.seq)).set({ data: eventDoc(e) })
        await writeNotices(tx, notifications, input.channels)
        return { status: 'ok', state }
      })
    },

    async listCases(q: CaseQuery) {
      const cond: CloudData = { hallId: q.hallId }
      if (q.windowId !== undefined) cond.windowId = q.windowId
      if (q.citizenId !== undefined) cond.citizenId = q.citizenId
      if (q.handlerId !== undefined) cond.handlerId = q.handlerId
      if (q.statuses && q.statuses.length > 0) cond.status = _.in(q.statuses)
      if (q.unclaimed) cond.handlerId = _.eq(null)
      // updatedAt is written in the hall's offset, so its text order is its time order
      if (q.updatedSince !== undefined) cond.updatedAt = _.gte(q.updatedSince)
      const submitted = [q.submittedFrom !== undefined ? _.gte(q.submittedFrom) : null, q.submittedTo !== undefined ? _.lt(q.submittedTo) : null].filter((c) => c !== null)
      if (submitted.length) cond.submittedAt = submitted.length === 1 ? submitted[0] : _.and(...submitted)
      const docs = await all(col('cases').where(cond).orderBy('submittedAt', 'desc').orderBy('_id', 'asc'), q.limit ?? 100)
      return docs.map((d) => d.state as CaseState)
    },
    async listEvents(caseIds) {
      const out: Record<string, CaseEvent[]> = Object.fromEntries(caseIds.map((id) => [id, []]))
      for (let i = 0; i < caseIds.length; i += PAGE) {
        const docs = await all(col('case_events').where({ caseId: _.in(caseIds.slice(i, i + PAGE)) }).orderBy('caseId', 'asc').orderBy('seq', 'asc'))
        for (const d of docs) out[d.caseId as string]!.push(d.body as CaseEvent)
      }
      return out
    },
    async weeklyTrends(q) {
      const from = q.weeks[0]!
      const until = new Date(Date.parse(`${q.weeks[q.weeks.length - 1]}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)
      const cond: CloudData = { hallId: q.hallId, day: _.and(_.gte(from), _.lt(until)) }
      if (q.windowId !== undefined) cond.windowId = q.windowId
      const docs = await all(col('trend_counts').where(cond), 1_000_000)
      return trendsFromCounts(docs.map((d) => ({ day: d.day as string, what: d.what as string, n: d.n as number })), q.weeks)
    },

    async listCalendarOverrides(hallId) {
      const docs = await all(col('calendar_overrides').where({ hallId }).orderBy('date', 'asc'))
      return docs.map((d): CalendarOverride => ({ date: d.date as string, kind: d.kind as CalendarOverride['kind'], note: d.note as string }))
    },
    async putCalendarOverride(hallId, o) {
      await col('calendar_overrides').doc(`${hallId}:${o.date}`).set({ data: { hallId, date: o.date, kind: o.kind, note: o.note } })
    },
    async removeCalendarOverride(hallId, date) {
      try {
        await col('calendar_overrides').doc(`${hallId}:${date}`).remove()
      } catch (e) {
        if (!isMissing(e)) throw e
      }
    },

    async putPolicyVersion(hallId, v) {
      return transact(async (tx) => {
        const ref = tx.collection('policy_versions').doc(`${hallId}:${v.version}`)
        if (await getOrNull(ref)) return false
        await ref.set({ data: { hallId, version: v.version, data: v } })
        return true
      })
    },
    async listPolicyVersions(hallId) {
      const docs = await all(col('policy_versions').where({ hallId }).orderBy('version', 'asc'), 1000)
      return docs.map((d) => d.data as PolicyVersion)
    },
    async getPolicyVersion(hallId, version) {
      return ((await getOrNull(col('policy_versions').doc(`${hallId}:${version}`)))?.data as PolicyVersion | undefined) ?? null
    },

    async listDueCases(until, limit) {
      // nextDueAt is written in the hall's offset (+08:00), so its text order is its time order
      const docs = await all(col('cases').where({ nextDueAt: _.lte(until) }).orderBy('nextDueAt', 'asc'), limit)
      return docs.map((d) => d._id as string)
    },
    async setNextAction(caseId, version, nextActionAt) {
      return transact(async (tx) => {
        const ref = tx.collection('cases').doc(caseId)
        const current = await getOrNull(ref)
        if (!current || current.version !== version) return false
        await ref.update({ data: { nextDueAt: nextActionAt, state: { ...(current.state as CaseState), nextActionAt } } })
        return true
      })
    },

    async listNotifications(recipientId, limit) {
      const docs = await all(col('notifications').where({ recipientId }).orderBy('at', 'desc').orderBy('key', 'desc'), limit)
      return docs.map((d) => ({ ...(d.data as Notification), readAt: (d.readAt as string | null) ?? null }))
    },
    async countUnread(recipientId) {
      return (await col('notifications').where({ recipientId, readAt: _.eq(null) }).count()).total
    },
    async markRead(recipientId, keys, at) {
      if (keys !== null && keys.length === 0) return 0
      const cond: CloudData = { recipientId, readAt: _.eq(null) }
      if (keys !== null) cond.key = _.in(keys)
      const docs = await all(col('notifications').where(cond).orderBy('at', 'asc'), 1000)
      let n = 0
      for (const d of docs) n += (await col('notifications').doc(d._id as string).update({ data: { readAt: at } })).stats.updated
      return n
    },

    async claimOutbox(now, limit, leaseUntil) {
      const due = await all(col('outbox').where({ status: 'pending', nextAttemptAt: _.lte(now) }).orderBy('nextAttemptAt', 'asc'), limit)
      const claimed: OutboxItem[] = []
      for (const d of due) {
        // a lease taken only if nobody else took it since the query
        const took = await transact(async (tx) => {
          const ref = tx.collection('outbox').doc(d._id as string)
          const cur = await getOrNull(ref)
          if (!cur || cur.status !== 'pending' || cur.nextAttemptAt !== d.nextAttemptAt) return false
          await ref.update({ data: { nextAttemptAt: leaseUntil } })
          return true
        })
        if (took) {
          claimed.push({ key: d.key as string, channel: d.channel as Channel, notification: d.notification as Notification, attempts: d.attempts as number, nextAttemptAt: d.nextAttemptAt as string })
        }
      }
      return claimed
    },
    async settleOutbox(item, outcome, attempts) {
      const data: CloudData =
        outcome.status === 'retry'
          ? { status: 'pending', attempts, nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.error }
          : { status: outcome.status, attempts, lastError: outcome.status === 'failed' ? outcome.error : outcome.status === 'skipped' ? outcome.reason : null }
      await col('outbox').doc(hashId('o', item.key, item.channel)).update({ data })
    },
    async outboxStats() {
      const out = { pending: 0, sent: 0, skipped: 0, failed: 0 }
      for (const status of Object.keys(out) as Array<keyof typeof out>) out[status] = (await col('outbox').where({ status }).count()).total
      return out
    },

    async addGrants(openid, templateId, count) {
      if (count <= 0) return
      await transact(async (tx) => {
        const ref = tx.collection('subscribe_grants').doc(hashId('g', openid, templateId))
        const cur = await getOrNull(ref)
        await ref.set({ data: { openid, templateId, remaining: ((cur?.remaining as number | undefined) ?? 0) + count } })
      })
    },
    async takeGrant(openid, templateId) {
      return transact(async (tx) => {
        const ref = tx.collection('subscribe_grants').doc(hashId('g', openid, templateId))
        const cur = await getOrNull(ref)
        const left = (cur?.remaining as number | undefined) ?? 0
        if (left <= 0) return false
        await ref.update({ data: { remaining: left - 1 } })
        return true
      })
    },
    async staffOpenid(staffId) {
      return ((await getOrNull(col('staff').doc(staffId)))?.openid as string | null | undefined) ?? null
    },

    async createInvite(i) {
      const open = await all(col('invites').where({ staffId: i.staffId, usedAt: _.eq(null), revokedAt: _.eq(null) }).orderBy('_id', 'asc'))
      await transact(async (tx) => {
        for (const d of open) await tx.collection('invites').doc(d._id as string).update({ data: { revokedAt: i.createdAt } })
        await tx.collection('invites').doc(i.codeHash).set({
          data: { hallId: i.hallId, staffId: i.staffId, createdBy: i.createdBy, createdAt: i.createdAt, expiresAt: i.expiresAt, usedAt: null, usedByOpenid: null, revokedAt: null },
        })
      })
    },
    async redeemInvite(codeHash, openid, at) {
      const bound = (await col('staff').where({ openid }).limit(2).get()).data
      return transact<RedeemResult>(async (tx) => {
        const ref = tx.collection('invites').doc(codeHash)
        const row = await getOrNull(ref)
        if (!row) return { status: 'unknown' }
        if (row.usedAt) return { status: 'used' }
        if (row.revokedAt) return { status: 'revoked' }
        if (Date.parse(row.expiresAt as string) <= Date.parse(at)) return { status: 'expired' }
        if (bound.some((d) => d._id !== row.staffId)) return { status: 'taken' }
        await ref.update({ data: { usedAt: at, usedByOpenid: openid } })
        await tx.collection('staff').doc(row.staffId as string).update({ data: { openid } })
        return { status: 'ok', staffId: row.staffId as string }
      })
    },

    async createComplaint(input) {
      const reqId = `creq_${hashId(input.citizenId, input.requestId)}`
      const existing = async () => {
        const req = await getOrNull(col('requests').doc(reqId))
        if (!req) return null
        const c = await getOrNull(col('complaints').doc(req.complaintId as string))
        return c ? { complaint: c.data as Complaint, created: false } : null
      }
      const found = await existing()
      if (found) return found
      const result = await transact(async (tx) => {
        if (await getOrNull(tx.collection('requests').doc(reqId))) return null // a concurrent twin filed it
        const { complaint, notifications } = input.build(await draw(tx, input.numberScope))
        await tx.collection('requests').doc(reqId).set({ data: { complaintId: complaint.id } })
        await tx.collection('complaints').doc(complaint.id).set({ data: complaintDoc(complaint) })
        await writeNotices(tx, notifications, input.channels)
        return { complaint, created: true }
      })
      return result ?? (await existing())!
    },
    async getComplaint(id) {
      return ((await getOrNull(col('complaints').doc(id)))?.data as Complaint | undefined) ?? null
    },
    async saveComplaint(c, expectedVersion, notifications, channels) {
      return transact(async (tx) => {
        const ref = tx.collection('complaints').doc(c.id)
        const current = await getOrNull(ref)
        if (!current || current.version !== expectedVersion) throw new Abort(false)
        await ref.set({ data: complaintDoc(c) })
        await writeNotices(tx, notifications, channels)
        return true
      })
    },
    async listComplaints(q) {
      const cond: CloudData = { hallId: q.hallId }
      if (q.citizenId !== undefined) cond.citizenId = q.citizenId
      if (q.status !== undefined) cond.status = q.status
      // answeredAt is written in the hall's offset, so its text order is its time order
      if (q.answeredFrom !== undefined) cond.answeredAt = _.gte(q.answeredFrom)
      const docs = await all(col('complaints').where(cond).orderBy('filedAt', 'desc').orderBy('_id', 'asc'), q.limit ?? 100)
      const before = q.answeredTo
      return docs.map((d) => d.data as Complaint).filter((c) => before === undefined || (c.answeredAt !== null && Date.parse(c.answeredAt) < Date.parse(before)))
    },
    async assessmentFacts(q) {
      const base: CloudData = { hallId: q.hallId }
      if (q.windowId !== undefined) base.windowId = q.windowId
      // text order of the hall-offset times is their time order
      const [deducting, changed, decided] = await Promise.all([
        all(col('cases').where({ ...base, mayDeduct: true, updatedAt: _.gte(q.since) }), 1_000_000),
        all(col('cases').where({ ...base, hasRatings: true, updatedAt: _.gte(q.since) }), 1_000_000),
        all(col('cases').where({ ...base, roundRated: false, decidedAt: _.gte(q.decidedFrom) }), 1_000_000),
      ])
      const ratings = new Map<string, { windowId: string; month: string; level: number; count: number }>()
      for (const d of changed) {
        for (const r of (d.state as CaseState).ratings ?? []) {
          if (Date.parse(r.at) < Date.parse(q.since)) continue
          const month = shanghaiDate(new Date(r.at)).slice(0, 7)
          const key = `${r.windowId}|${month}|${r.level}`
          const row = ratings.get(key) ?? { windowId: r.windowId, month, level: r.level, count: 0 }
          row.count++
          ratings.set(key, row)
        }
      }
      const unrated = new Map<string, number>()
      for (const d of decided) {
        if (Date.parse(d.decidedAt as string) >= Date.parse(q.decidedTo)) continue
        unrated.set(d.windowId as string, (unrated.get(d.windowId as string) ?? 0) + 1)
      }
      return {
        cases: deducting.map((d) => d.state as CaseState),
        ratings: [...ratings.values()],
        unrated: [...unrated].map(([windowId, count]) => ({ windowId, count })),
      }
    },
    async ledgerCounts(q) {
      const cond: CloudData = { hallId: q.hallId, day: _.gte(q.from) }
      if (q.windowId !== undefined) cond.windowId = q.windowId
      const docs = await all(col('ledger_counts').where(cond), 1_000_000)
      const sums = new Map<string, { windowId: string; column: LedgerColumn; count: number }>()
      for (const d of docs) {
        if ((d.day as string) > q.to || !(d.n as number)) continue
        const key = `${d.windowId}|${d.col}`
        const row = sums.get(key) ?? { windowId: d.windowId as string, column: d.col as LedgerColumn, count: 0 }
        row.count += d.n as number
        sums.set(key, row)
      }
      return [...sums.values()].filter((r) => r.count > 0)
    },
    async ledgerCases(q) {
      const cond: CloudData = { hallId: q.hallId, windowId: q.windowId, ledgerDay: _.gte(q.from) }
      if (q.column !== undefined) cond.ledgerColumn = q.column
      const docs = await all(col('cases').where(cond).orderBy('ledgerDay', 'desc').orderBy('_id', 'asc'), 100_000)
      return docs
        .filter((d) => (d.ledgerDay as string) <= q.to)
        .slice(0, q.limit)
        .map((d) => d.state as CaseState)
    },
    async listDueComplaints(until, limit) {
      // nextActionAt is written in the hall's offset, so its text order is its time order
      const docs = await all(col('complaints').where({ nextActionAt: _.lte(until) }).orderBy('nextActionAt', 'asc'), limit)
      return docs.map((d) => d.data as Complaint)
    },
    async countComplaints(citizenId, since) {
      return (await col('complaints').where({ citizenId, filedAt: _.gte(since) }).count()).total
    },

    async appendAudit(build) {
      const hallId = build(null).hallId
      return transact(async (tx) => {
        const head = tx.collection('counters').doc(hashId(`audit:${hallId}`))
        const last = await getOrNull(head)
        const entry = build(last ? { seq: last.seq as number, hash: last.hash as string } : null)
        await tx.collection('audit_log').doc(`${hallId}:${String(entry.seq).padStart(10, '0')}`).set({ data: { hallId, seq: entry.seq, entry } })
        await head.set({ data: { seq: entry.seq, hash: entry.hash } })
        return entry
      })
    },
    async listAudit(hallId, afterSeq, limit) {
      const docs = await all(col('audit_log').where({ hallId, seq: _.gte(afterSeq + 1) }).orderBy('seq', 'asc'), limit)
      return docs.map((d) => d.entry as AuditEntry)
    },

    async nextNumber(scope) {
      return transact((tx) => draw(tx, scope))
    },
  }
  return store
}
