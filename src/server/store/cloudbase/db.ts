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

/** a cloud function's query returns at most this many documents */
export const PAGE = 100
const TX_ATTEMPTS = 6

export const hashId = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40)
export const isMissing = (e: unknown) => /not exist|cannot find document|does not exist/i.test(String((e as Error)?.message ?? e))

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

/** the handles each kind of record works with: the command builder, collections, and transactions */
export function cloud(db: CloudDatabase) {
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
  return { _: db.command, col: (name: string) => db.collection(name), transact }
}

/** every document of the query, page by page, up to `max` */
export async function all(query: CloudQuery, max = Infinity): Promise<CloudData[]> {
  const out: CloudData[] = []
  for (let skip = 0; out.length < max; skip += PAGE) {
    const page = (
      await query
        .skip(skip)
        .limit(Math.min(PAGE, max - out.length))
        .get()
    ).data
    out.push(...page)
    if (page.length < PAGE) break
  }
  return out
}

/** the next number of a counter, inside the caller's transaction */
export async function draw(tx: CloudTransaction, scope: string): Promise<number> {
  const ref = tx.collection('counters').doc(hashId(scope))
  const current = await getOrNull(ref)
  const value = (typeof current?.value === 'number' ? current.value : 0) + 1
  await ref.set({ data: { scope, value } })
  return value
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
