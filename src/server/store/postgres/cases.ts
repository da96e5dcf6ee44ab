// Cases and their events in PostgreSQL: each write of a case updates its row, its indexed columns,
// the report counters and its notices in one transaction.
import { sql, type Kysely, type Transaction } from 'kysely'
import { DomainError } from '../../../core/errors'
import type { CaseEvent } from '../../../core/events'
import type { CaseState } from '../../../core/caseState'
import { caseIndex } from '../../../core/caseIndex'
import { trendDelta } from '../../../core/dashboard'
import type { Append, AppendResult, CaseQuery, CaseStore, NewCase } from '../port'
import { draw, isUniqueViolation, json, writeNotices, type Db } from './db'
import { countTrends, moveLedger } from './reports'

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

/** inserts a new case with its first event and number, in the caller's transaction */
async function insertCase(tx: Transaction<Db>, input: NewCase): Promise<CaseState> {
  const seq = await draw(tx, input.numberScope)
  const { state, event } = input.build(seq)
  await tx.insertInto('cases').values(caseRow(state, input.requestId)).execute()
  await tx.insertInto('case_events').values(eventRow(event)).execute()
  await countTrends(tx, state.hallId, trendDelta(null, state))
  if (input.notices) await writeNotices(tx, input.notices(state), input.channels)
  const uploads = [...new Set(input.uploads ?? [])]
  if (uploads.length > 0) {
    // only the citizen's own photos of this hall; one already attached keeps its first case
    const linked = await tx
      .updateTable('uploads')
      .set({ case_id: sql`coalesce(case_id, ${state.id})` })
      .where('id', 'in', uploads)
      .where('owner_id', '=', input.citizenId)
      .where('hall_id', '=', state.hallId)
      .executeTakeFirst()
    if (Number(linked.numUpdatedRows) !== uploads.length) {
      throw new DomainError('INVALID_INPUT', '有照片已失效，请删除后重新上传', { field: 'attachments' })
    }
  }
  return state
}

/** the row changed between the version check and the update: the append is a conflict */
class ConflictSignal extends Error {}

export function postgresCases(db: Kysely<Db>): CaseStore {
  const cases: CaseStore = {
    async createCase(input: NewCase) {
      const existing = async () => {
        const query = db.selectFrom('cases').select('state').where('request_id', '=', input.requestId)
        const row = await (
          input.registeredBy
            ? query.where(sql<string>`state -> 'registration' ->> 'registeredBy'`, '=', input.registeredBy)
            : query.where('citizen_id', '=', input.citizenId)
        ).executeTakeFirst()
        return row ? { state: row.state, created: false } : null
      }
      const found = await existing()
      if (found) return found
      try {
        return await db.transaction().execute(async (tx) => ({ state: await insertCase(tx, input), created: true }))
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
    async caseIdOfNo(no) {
      const row = await db.selectFrom('cases').select('id').where('no', '=', no).executeTakeFirst()
      return row?.id ?? null
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
          await moveLedger(
            tx,
            state.hallId,
            { window: current.window_id, column: current.ledger_column, day: current.ledger_day },
            { window: row.window_id, column: row.ledger_column, day: row.ledger_day },
          )
          await countTrends(tx, state.hallId, trendDelta(input.before, state))
          if (events.length > 0) await tx.insertInto('case_events').values(events.map(eventRow)).execute()
          await writeNotices(tx, notifications, input.channels)
          if (input.opens) await insertCase(tx, input.opens)
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
      if (q.coWindowId !== undefined) query = query.where(sql<boolean>`state -> 'joint' -> 'coWindowIds' @> ${JSON.stringify([q.coWindowId])}::jsonb`)
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
    async listCaseSets(queries) {
      return Promise.all(queries.map((q) => cases.listCases(q)))
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
    async nextNumber(scope) {
      return db.transaction().execute((tx) => draw(tx, scope))
    },
  }
  return cases
}
