// Cases and their events in the CloudBase database: each write of a case sets its document, its
// indexed fields, its share of the weekly trend and its notices in one transaction; a new case's
// number is reserved for its request just before.
import { DomainError } from '../../../core/errors'
import type { CaseEvent } from '../../../core/events'
import type { CaseState } from '../../../core/caseState'
import { caseIndex } from '../../../core/caseIndex'
import { trendDelta } from '../../../core/dashboard'
import type { Append, AppendResult, CaseQuery, CaseStore, NewCase } from '../port'
import {
  Abort,
  all,
  cloud,
  draw,
  getOrNull,
  hashId,
  IN_LIST,
  writeNotices,
  type CloudCommand,
  type CloudData,
  type CloudDatabase,
  type CloudTransaction,
} from './db'
import { countTrends } from './reports'
import { channelOf } from '../../../core/registration'

const eventId = (caseId: string, seq: number) => `${caseId}:${String(seq).padStart(6, '0')}`

function caseDoc(state: CaseState, requestId: string): CloudData {
  const index = caseIndex(state)
  return {
    hallId: state.hallId,
    no: state.no,
    citizenId: state.citizenId,
    requestId,
    // the ledger's split by channel (core/registration.ts)
    channel: channelOf(state),
    windowId: state.windowId,
    status: state.status,
    handlerId: state.handlerId,
    coWindowIds: state.joint?.coWindowIds ?? [],
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

const eventDoc = (e: CaseEvent): CloudData => ({ caseId: e.caseId, seq: e.seq, actorId: e.actor.id, requestId: e.requestId ?? null, body: e })

/**
 * A new case with its first event, in the caller's transaction (cloud photos live in cloud storage).
 * `seq` is the number reserved for its request; without one (a linked case opened by an append) it is
 * drawn here.
 */
async function insertCase(tx: CloudTransaction, input: NewCase, _: CloudCommand, seq?: number): Promise<CaseState> {
  const reqRef = tx.collection('requests').doc(`req_${hashId(input.citizenId, input.requestId)}`)
  if ((await getOrNull(reqRef))?.caseId) throw new DomainError('CONFLICT', '这个请求已经建立过案件')
  const { state, event } = input.build(seq ?? (await draw(tx, input.numberScope, _)))
  await reqRef.set({ data: { caseId: state.id } })
  await tx
    .collection('cases')
    .doc(state.id)
    .set({ data: caseDoc(state, input.requestId) })
  await tx
    .collection('case_events')
    .doc(eventId(state.id, event.seq))
    .set({ data: eventDoc(event) })
  await countTrends(tx, state, trendDelta(null, state))
  if (input.notices) await writeNotices(tx, input.notices(state), input.channels)
  return state
}

export function cloudbaseCases(db: CloudDatabase): CaseStore {
  const { _, col, transact } = cloud(db)
  const cases: CaseStore = {
    async createCase(input: NewCase) {
      const reqId = `req_${hashId(input.citizenId, input.requestId)}`
      const existing = async () => {
        const req = await getOrNull(col('requests').doc(reqId))
        if (!req?.caseId) return null
        const c = await getOrNull(col('cases').doc(req.caseId as string))
        return c ? { state: c.state as CaseState, created: false } : null
      }
      const found = await existing()
      if (found) return found
      // The hall-day's number is drawn in a short transaction of its own and kept on the request, so
      // the case's write never holds the busiest document of the morning, and a retried or repeated
      // request keeps the number it was given (no gaps, no second number).
      const reserved = await transact(async (tx) => {
        const ref = tx.collection('requests').doc(reqId)
        const req = await getOrNull(ref)
        if (req) return req.caseId ? null : (req.reserved as number)
        const seq = await draw(tx, input.numberScope, _)
        await ref.set({ data: { caseId: null, reserved: seq } })
        return seq
      })
      const result =
        reserved === null
          ? null
          : await transact(async (tx) => {
              const req = await getOrNull(tx.collection('requests').doc(reqId))
              if (req?.caseId) return null // a concurrent twin created it
              try {
                return { state: await insertCase(tx, input, _, reserved), created: true }
              } catch (e) {
                // the twin committed between the two reads: its case is the one
                if (e instanceof DomainError && e.code === 'CONFLICT') return null
                throw e
              }
            })
      return result ?? (await existing())!
    },
    async getCase(id) {
      const c = await getOrNull(col('cases').doc(id))
      if (!c) return null
      const events = (await all(col('case_events').where({ caseId: id }).orderBy('seq', 'asc'))).map((d) => d.body as CaseEvent)
      return { state: c.state as CaseState, events }
    },
    async caseIdOfNo(no) {
      const [doc] = await all(col('cases').where({ no }), 1)
      return doc ? (doc.state as CaseState).id : null
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
        const seq = input.numberScope ? await draw(tx, input.numberScope, _) : null
        const { events, state, notifications = [] } = input.build(seq)
        await countTrends(tx, state, trendDelta(input.before, state))
        await ref.set({ data: caseDoc(state, current.requestId as string) })
        for (const e of events)
          await tx
            .collection('case_events')
            .doc(eventId(e.caseId, e.seq))
            .set({ data: eventDoc(e) })
        await writeNotices(tx, notifications, input.channels)
        if (input.opens) await insertCase(tx, input.opens, _)
        return { status: 'ok', state }
      })
    },
    async listCases(q: CaseQuery) {
      const cond: CloudData = { hallId: q.hallId }
      if (q.windowId !== undefined) cond.windowId = q.windowId
      if (q.citizenId !== undefined) cond.citizenId = q.citizenId
      if (q.handlerId !== undefined) cond.handlerId = q.handlerId
      // an array field equal to a value matches when it holds the value
      if (q.coWindowId !== undefined) cond.coWindowIds = q.coWindowId
      if (q.statuses && q.statuses.length > 0) cond.status = _.in(q.statuses)
      if (q.unclaimed) cond.handlerId = _.eq(null)
      // updatedAt is written in the hall's offset, so its text order is its time order
      if (q.updatedSince !== undefined) cond.updatedAt = _.gte(q.updatedSince)
      const submitted = [q.submittedFrom !== undefined ? _.gte(q.submittedFrom) : null, q.submittedTo !== undefined ? _.lt(q.submittedTo) : null].filter(
        (c) => c !== null,
      )
      if (submitted.length) cond.submittedAt = submitted.length === 1 ? submitted[0] : _.and(...submitted)
      const docs = await all(col('cases').where(cond).orderBy('submittedAt', 'desc'), q.limit ?? 100)
      return docs.map((d) => d.state as CaseState)
    },
    async listCaseSets(queries) {
      return Promise.all(queries.map((q) => cases.listCases(q)))
    },
    async listEvents(caseIds) {
      const out: Record<string, CaseEvent[]> = Object.fromEntries(caseIds.map((id) => [id, []]))
      for (let i = 0; i < caseIds.length; i += IN_LIST) {
        const docs = await all(
          col('case_events')
            .where({ caseId: _.in(caseIds.slice(i, i + IN_LIST)) })
            .orderBy('caseId', 'asc')
            .orderBy('seq', 'asc'),
        )
        for (const d of docs) out[d.caseId as string]!.push(d.body as CaseEvent)
      }
      return out
    },
    async listDueCases(until, limit) {
      // nextDueAt is written in the hall's offset (+08:00), so its text order is its time order
      const docs = await all(
        col('cases')
          .where({ nextDueAt: _.lte(until) })
          .orderBy('nextDueAt', 'asc'),
        limit,
      )
      return docs.map((d) => d._id as string)
    },
    async setNextAction(caseId, version, nextActionAt) {
      return transact(async (tx) => {
        const ref = tx.collection('cases').doc(caseId)
        const current = await getOrNull(ref)
        if (!current || current.version !== version) return false
        // _.set: update() would merge the state field by field and keep fields the new state dropped
        await ref.update({ data: { nextDueAt: nextActionAt, state: _.set({ ...(current.state as CaseState), nextActionAt }) } })
        return true
      })
    },
    async nextNumber(scope) {
      return transact((tx) => draw(tx, scope, _))
    },
  }
  return cases
}
