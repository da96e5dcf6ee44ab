// What every part of the CloudBase store shares: the slice of the wx-server-sdk database API it
// uses, document ids, paging, transactions retried when the service aborts them, and the writes that
// several kinds of record make inside their own transactions.
import { createHash } from 'node:crypto'
import { DomainError } from '../../../core/errors'
import type { Notification } from '../../../core/notification'
import type { Channel } from '../port'

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
  /** in update(): replaces the field's value as a whole (a nested object is otherwise merged field by field) */
  set(v: unknown): unknown
  aggregate: { sum(expr: unknown): unknown }
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
/** the aggregation pipeline, as far as the reports use it; end() answers { list } */
export interface CloudAggregate {
  match(cond: CloudData): CloudAggregate
  group(spec: CloudData): CloudAggregate
  sort(spec: Record<string, 1 | -1>): CloudAggregate
  limit(n: number): CloudAggregate
  end(): Promise<{ list: CloudData[] }>
}
export interface CloudCollection extends CloudQuery {
  doc(id: string): CloudDocRef
  aggregate(): CloudAggregate
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

/** a cloud function's query returns at most this many documents when it asks (@cloudbase/database caps a limit there) */
export const PAGE = 1000
/** `in` lists are kept to this many values */
export const IN_LIST = 100
/** attempts of a transaction the service aborted for a concurrent write, and the backoff between them */
const TX_ATTEMPTS = 30
const BACKOFF_MS = 15
const BACKOFF_CAP_MS = 400

/**
 * wx-server-sdk's SYS_ERR (config/error.config): the number an operation inside a transaction fails
 * with when the service reports DATABASE_TRANSACTION_CONFLICT, which the SDK has no number of its own for.
 */
export const SYS_ERR = -501001
/** the code @cloudbase/database's runTransaction retries on, and rethrows from a commit when out of retries */
export const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'

const errorCode = (e: unknown) => (typeof e === 'object' && e !== null ? (e as { errCode?: unknown; code?: unknown }) : {})

export const hashId = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40)
/** wx-server-sdk's number for a collection that was never created: an error, never an empty answer */
export const COLLECTION_NOT_EXIST = -502005
/** doc(id).get() of a missing document: wx-server-sdk throws it as a string, so it has only its text (errCode -1) */
export const isMissing = (e: unknown) =>
  errorCode(e).errCode !== COLLECTION_NOT_EXIST && /document with _id .* does not exist|cannot find document/i.test(String((e as Error)?.message ?? e))

export async function getOrNull(ref: { get(): Promise<{ data: CloudData }> }): Promise<CloudData | null> {
  try {
    return (await ref.get()).data
  } catch (e) {
    if (isMissing(e)) return null
    throw e
  }
}

/** thrown inside a transaction to end it with this value and nothing written */
export class Abort<T> {
  constructor(readonly value: T) {}
}

/**
 * Whether a transaction failed because another one held or had changed a document it wrote: the
 * commit's DATABASE_TRANSACTION_CONFLICT, or SYS_ERR from an operation inside the callback (`failedOp`):
 * the SDK has rolled that transaction back, so running it again cannot apply anything twice. A SYS_ERR
 * at the commit is not retried: the commit may have landed.
 */
export function isConflict(e: unknown, failedOp: unknown): boolean {
  if (errorCode(e).code === TRANSACTION_CONFLICT) return true
  return e === failedOp && errorCode(e).errCode === SYS_ERR
}

/** how long to wait before the attempt after `attempt`: exponential, capped, with full jitter */
export const backoff = (attempt: number, random: () => number = Math.random) => Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_MS * 2 ** attempt))

/** the transaction handle, noting which error came from one of its operations */
function watched(tx: CloudTransaction, failed: (e: unknown) => void): CloudTransaction {
  const note =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A) => {
      try {
        return await f(...a)
      } catch (e) {
        failed(e)
        throw e
      }
    }
  return {
    collection: (name) => ({
      doc: (id) => {
        const ref = tx.collection(name).doc(id)
        return { get: note(() => ref.get()), set: note((o) => ref.set(o)), update: note((o) => ref.update(o)), delete: note(() => ref.delete()) }
      },
    }),
  }
}

/** what the adapter's transactions took, for the bench and the logs */
export const transactionStats = { runs: 0, retries: 0, gaveUp: 0 }

/** runs a transaction, again after a backoff when the service aborted it for a concurrent write */
export async function transactOn<T>(db: CloudDatabase, fn: (tx: CloudTransaction) => Promise<T>): Promise<T> {
  transactionStats.runs++
  for (let attempt = 0; ; attempt++) {
    let failedOp: unknown
    try {
      return await db.runTransaction((tx) => fn(watched(tx, (e) => (failedOp = e))))
    } catch (e) {
      if (e instanceof Abort) return e.value as T
      if (e instanceof DomainError || !isConflict(e, failedOp)) throw e
      if (attempt + 1 >= TX_ATTEMPTS) {
        transactionStats.gaveUp++
        throw e
      }
      transactionStats.retries++
      await new Promise((r) => setTimeout(r, backoff(attempt)))
    }
  }
}

/** the handles each kind of record works with: the command builder, collections, and transactions */
export function cloud(db: CloudDatabase) {
  return { _: db.command, col: (name: string) => db.collection(name), transact: <T>(fn: (tx: CloudTransaction) => Promise<T>) => transactOn(db, fn) }
}

/**
 * Every document of the query, page by page, up to `max`. `_id` is always the last sort key, so the
 * order is total and a page boundary can neither repeat nor skip a document.
 */
export async function all(query: CloudQuery, max = Infinity): Promise<CloudData[]> {
  const out: CloudData[] = []
  const ordered = query.orderBy('_id', 'asc')
  for (let skip = 0; out.length < max; skip += PAGE) {
    const want = Math.min(PAGE, max - out.length)
    const page = (await ordered.skip(skip).limit(want).get()).data
    out.push(...page)
    if (page.length < want) break
  }
  return out
}

/**
 * The next number of a counter, inside the caller's transaction. The counter is written first (an
 * increment) and read after: the transaction takes the document's lock at its first step, so a
 * concurrent drawer fails at once and cheaply instead of after reading a value that is already stale.
 */
export async function draw(tx: CloudTransaction, scope: string, _: CloudCommand): Promise<number> {
  const ref = tx.collection('counters').doc(hashId(scope))
  try {
    await ref.update({ data: { value: _.inc(1) } })
  } catch (e) {
    if (!isMissing(e)) throw e
  }
  const current = await getOrNull(ref)
  if (typeof current?.value === 'number') return current.value
  await ref.set({ data: { scope, value: 1 } })
  return 1
}

/** notices keyed by their event and recipient: a second write of the same notice is no notice */
export async function writeNotices(tx: CloudTransaction, notifications: Notification[], channels: Channel[] = []) {
  for (const n of notifications) {
    const nref = tx.collection('notifications').doc(hashId('n', n.key))
    if (await getOrNull(nref)) continue
    await nref.set({ data: { key: n.key, recipientId: n.recipient.id, at: n.at, readAt: null, data: n } })
    for (const channel of channels) {
      await tx
        .collection('outbox')
        .doc(hashId('o', n.key, channel))
        .set({
          data: { key: n.key, channel, status: 'pending', attempts: 0, nextAttemptAt: n.at, lastError: null, notification: n },
        })
    }
  }
}
