// An in-memory stand-in for the parts of the wx-server-sdk database API that the CloudBase store uses
// (src/server/store/cloudbase/). The real service cannot be reached from the build machines; this
// models what the adapter relies on, as the SDK sources in node_modules and the CloudBase
// documentation describe it:
// - errors arrive as wx-server-sdk delivers them (its utils/error toSDKError): an Error with a numeric
//   `errCode` and `errMsg` "<api>:fail <code> <text>. <message>"; a query or write on a collection that
//   does not exist fails with -502005 (DATABASE_COLLECTION_NOT_EXIST), nothing is created on the fly;
// - doc(id).get() of a missing document rejects ("document with _id … does not exist", errCode -1);
//   set({ data }) creates or replaces; update() of a missing doc updates nothing;
// - update() merges nested objects field by field (a nested object is flattened to dotted paths, as
//   the service does), arrays and `_.set(v)` replace, `_.inc(n)` adds;
// - where() matches equality and the commands eq / in / lt / lte / gte and and(…) of them (which never
//   match a missing field), on a top-level field or a nested one by its dotted path (`entry.actor.id`); orderBy, skip, limit; get() returns 100 documents unless limited, and the
//   SDK caps a limit at 1,000 (@cloudbase/database query.ts);
// - aggregate(): match, group (by fields, with $sum), sort and limit; end() gives { list }, at most 20
//   rows without a limit stage (the conservative reading of the documentation);
// - transactions run concurrently. A transaction that writes a document another open transaction has
//   written, or one committed after the transaction began (MongoDB's snapshot write conflict), fails
//   at once: the operation rejects with -501001 and the message of DATABASE_TRANSACTION_CONFLICT
//   (@cloudbase/database const/code.ts; wx-server-sdk has no number of its own for that code, so it
//   maps it to SYS_ERR). Its writes are discarded and its locks released when the callback rejects;
//   a write outside a transaction waits for the lock;
// - every call takes `latencyMs` (a macrotask when 0), so concurrent callers interleave as over the network.
import type {
  CloudAggregate,
  CloudCollection,
  CloudData,
  CloudDatabase,
  CloudDocRef,
  CloudQuery,
  CloudTransaction,
  CloudTxDocRef,
} from '../../src/server/store/cloudbase'

const CMD = Symbol('command')
type Command = { [CMD]: 'eq' | 'in' | 'inc' | 'set' | 'lt' | 'lte' | 'gte' | 'and'; value: unknown }
const isCommand = (v: unknown): v is Command => typeof v === 'object' && v !== null && CMD in v
const isPlain = (v: unknown): v is CloudData => typeof v === 'object' && v !== null && !Array.isArray(v) && !isCommand(v)

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)))

/** the error numbers of wx-server-sdk (config/error.config) this stand-in gives */
export const SYS_ERR = -501001
export const COLLECTION_NOT_EXIST = -502005
const ERR_TEXT: Record<number, string> = { [SYS_ERR]: 'resource system error', [COLLECTION_NOT_EXIST]: 'database collection not exists' }

/** an error as wx-server-sdk's toSDKError builds it from the service's code */
function sdkError(api: string, errCode: number, message: string): Error {
  const e = new Error(`${api}:fail ${errCode} ${ERR_TEXT[errCode] ?? ''}. ${message}`) as Error & { errCode: number; errMsg: string }
  e.errCode = errCode
  e.errMsg = e.message
  return e
}
const notFound = (api: string, id: string) => {
  const e = new Error(`${api}:fail document with _id ${id} does not exist`) as Error & { errCode: number; errMsg: string }
  e.errCode = -1
  e.errMsg = e.message
  return e
}

function fits(have: unknown, want: Command): boolean {
  if (want[CMD] === 'eq') return have === want.value
  if (want[CMD] === 'in') return (want.value as unknown[]).includes(have)
  if (want[CMD] === 'and') return (want.value as Command[]).every((c) => fits(have, c))
  if (have === null) return false
  if (want[CMD] === 'lt') return (have as string | number) < (want.value as string | number)
  if (want[CMD] === 'lte') return (have as string | number) <= (want.value as string | number)
  if (want[CMD] === 'gte') return (have as string | number) >= (want.value as string | number)
  return false
}

/** a field by its dotted path (`entry.actor.id`), as where() names a nested field */
const field = (doc: CloudData, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (isPlain(v) ? v[k] : undefined), doc)

function matches(doc: CloudData, cond: CloudData): boolean {
  return Object.entries(cond).every(([k, want]) => {
    const have = field(doc, k) ?? null
    // as the service does, an array field equal to a value matches when it holds the value
    return isCommand(want) ? fits(have, want) : Array.isArray(have) && !Array.isArray(want) ? have.includes(want) : have === want
  })
}

function compare(a: CloudData, b: CloudData, order: Array<[string, 'asc' | 'desc']>): number {
  for (const [f, dir] of order) {
    const x = a[f] as string | number
    const y = b[f] as string | number
    if (x === y) continue
    const c = x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : x < y ? -1 : 1
    return dir === 'asc' ? c : -c
  }
  return 0
}

/** the service's update: nested objects become dotted paths, so their other fields stay */
function applyUpdate(doc: CloudData, data: CloudData): CloudData {
  const next = clone(doc)
  const put = (path: string[], v: unknown) => {
    let at = next
    for (const p of path.slice(0, -1)) {
      if (!isPlain(at[p])) at[p] = {}
      at = at[p] as CloudData
    }
    const last = path[path.length - 1]!
    if (isCommand(v) && v[CMD] === 'inc') at[last] = ((at[last] as number | undefined) ?? 0) + (v.value as number)
    else if (isCommand(v) && v[CMD] === 'set') at[last] = clone(v.value)
    else at[last] = clone(v)
  }
  const walk = (prefix: string[], obj: CloudData) => {
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined) continue
      const path = [...prefix, ...k.split('.')]
      if (isPlain(v) && Object.keys(v).length > 0) walk(path, v)
      else put(path, v)
    }
  }
  walk([], data)
  return next
}

type Tables = Map<string, Map<string, CloudData>>

class Query implements CloudQuery {
  constructor(
    protected db: FakeCloudDb,
    protected name: string,
    private cond: CloudData = {},
    private order: Array<[string, 'asc' | 'desc']> = [],
    private from = 0,
    private max = 100,
  ) {}
  where(cond: CloudData) {
    return new Query(this.db, this.name, { ...this.cond, ...cond }, this.order, this.from, this.max)
  }
  orderBy(field: string, dir: 'asc' | 'desc') {
    return new Query(this.db, this.name, this.cond, [...this.order, [field, dir]], this.from, this.max)
  }
  skip(n: number) {
    return new Query(this.db, this.name, this.cond, this.order, n, this.max)
  }
  limit(n: number) {
    // @cloudbase/database query.ts: param.limit = limit < 1000 ? limit : 1000
    return new Query(this.db, this.name, this.cond, this.order, this.from, Math.min(n, 1000))
  }
  private rows(api: string): CloudData[] {
    const rows = [...this.db.existing(this.name, api).values()].filter((d) => matches(d, this.cond))
    return rows.sort((a, b) => compare(a, b, this.order))
  }
  async get() {
    await this.db.tick()
    return { data: clone(this.rows('collection.get').slice(this.from, this.from + this.max)) }
  }
  async count() {
    await this.db.tick()
    return { total: this.rows('collection.count').length }
  }
}

type Stage = { match: CloudData } | { group: CloudData } | { sort: Record<string, 1 | -1> } | { limit: number }

class Aggregate implements CloudAggregate {
  constructor(
    private db: FakeCloudDb,
    private name: string,
    private stages: Stage[] = [],
  ) {}
  match(cond: CloudData) {
    return new Aggregate(this.db, this.name, [...this.stages, { match: cond }])
  }
  group(spec: CloudData) {
    return new Aggregate(this.db, this.name, [...this.stages, { group: spec }])
  }
  sort(spec: Record<string, 1 | -1>) {
    return new Aggregate(this.db, this.name, [...this.stages, { sort: spec }])
  }
  limit(n: number) {
    return new Aggregate(this.db, this.name, [...this.stages, { limit: n }])
  }
  async end() {
    await this.db.tick()
    let rows = [...this.db.existing(this.name, 'collection.aggregate').values()]
    let limited = false
    const value = (doc: CloudData, expr: unknown): unknown => {
      if (typeof expr === 'string' && expr.startsWith('$'))
        return (
          expr
            .slice(1)
            .split('.')
            .reduce<unknown>((v, k) => (isPlain(v) ? v[k] : undefined), doc) ?? null
        )
      if (isPlain(expr)) return Object.fromEntries(Object.entries(expr).map(([k, e]) => [k, value(doc, e)]))
      return expr
    }
    for (const stage of this.stages) {
      if ('match' in stage) rows = rows.filter((d) => matches(d, stage.match))
      else if ('sort' in stage)
        rows = [...rows].sort((a, b) =>
          compare(
            a,
            b,
            Object.entries(stage.sort).map(([f, d]) => [f, d === 1 ? 'asc' : 'desc']),
          ),
        )
      else if ('limit' in stage) {
        rows = rows.slice(0, stage.limit)
        limited = true
      } else {
        const groups = new Map<string, CloudData>()
        const { _id: by, ...sums } = stage.group
        for (const d of rows) {
          const id = value(d, by)
          const key = JSON.stringify(id)
          const g = groups.get(key) ?? { _id: id, ...Object.fromEntries(Object.keys(sums).map((k) => [k, 0])) }
          for (const [k, acc] of Object.entries(sums)) {
            const add = value(d, (acc as { $sum: unknown }).$sum)
            g[k] = (g[k] as number) + (typeof add === 'number' ? add : 0)
          }
          groups.set(key, g)
        }
        rows = [...groups.values()]
      }
    }
    return { list: clone(limited ? rows : rows.slice(0, 20)) }
  }
}

class Collection extends Query implements CloudCollection {
  aggregate(): CloudAggregate {
    return new Aggregate(this.db, this.name)
  }
  doc(id: string): CloudDocRef {
    const db = this.db
    const name = this.name
    return {
      async get() {
        await db.tick()
        const d = db.existing(name, 'document.get').get(id)
        if (!d) throw notFound('document.get', id)
        return { data: clone(d) }
      },
      async set({ data }) {
        await db.tick()
        if ('_id' in data) throw sdkError('document.set', -501007, '不能更新_id的值')
        db.existing(name, 'document.set')
        await db.outsideWrite(name, id, () => ({ ...clone(data), _id: id }))
        return { _id: id }
      },
      async update({ data }) {
        await db.tick()
        db.existing(name, 'document.update')
        const n = await db.outsideWrite(name, id, (d) => (d ? applyUpdate(d, data) : undefined))
        return { stats: { updated: n } }
      },
      async remove() {
        await db.tick()
        db.existing(name, 'document.remove')
        const n = await db.outsideWrite(name, id, (d) => (d ? null : undefined))
        return { stats: { removed: n } }
      },
    }
  }
}

interface OpenTx {
  id: number
  /** the commit sequence when it began: a document committed later may not be written by it */
  since: number
}

export interface FakeCloudOptions {
  /** milliseconds every call takes, as the network round trip to the service */
  latencyMs?: number
}

export class FakeCloudDb implements CloudDatabase {
  tables: Tables = new Map()
  /** document key → the open transaction that wrote it */
  private locks = new Map<string, OpenTx>()
  /** document key → the commit sequence of its last write */
  private committed = new Map<string, number>()
  private seq = 0
  private txs = 0
  private waiters: Array<() => void> = []
  /** what happened, for the bench and the tests */
  stats = { calls: 0, conflicts: 0, commits: 0, rollbacks: 0, conflictsBy: new Map<string, number>() }
  latencyMs: number

  constructor(options: FakeCloudOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0
  }

  command = {
    eq: (value: unknown) => ({ [CMD]: 'eq', value }) as Command,
    in: (value: unknown[]) => ({ [CMD]: 'in', value }) as Command,
    lt: (value: unknown) => ({ [CMD]: 'lt', value }) as Command,
    lte: (value: unknown) => ({ [CMD]: 'lte', value }) as Command,
    and: (...value: unknown[]) => ({ [CMD]: 'and', value }) as Command,
    gte: (value: unknown) => ({ [CMD]: 'gte', value }) as Command,
    inc: (value: number) => ({ [CMD]: 'inc', value }) as Command,
    set: (value: unknown) => ({ [CMD]: 'set', value }) as Command,
    aggregate: { sum: (expr: unknown) => ({ $sum: expr }) },
  }

  /** the collection's documents; a collection that was never created fails as the service does */
  existing(name: string, api: string) {
    const t = this.tables.get(name)
    if (!t) throw sdkError(api, COLLECTION_NOT_EXIST, `Db or Table not exist: ${name}`)
    return t
  }

  /** every call is asynchronous, as over the network, so concurrent callers interleave */
  tick() {
    this.stats.calls++
    return new Promise<void>((r) => (this.latencyMs > 0 ? setTimeout(r, this.latencyMs) : setImmediate(r)))
  }

  /** a write outside a transaction: waits while an open transaction holds the document */
  async outsideWrite(name: string, id: string, change: (doc: CloudData | undefined) => CloudData | null | undefined): Promise<number> {
    const key = `${name}/${id}`
    while (this.locks.has(key)) await new Promise<void>((r) => this.waiters.push(r))
    const table = this.existing(name, 'document.write')
    const next = change(table.get(id))
    if (next === undefined) return 0
    if (next === null) table.delete(id)
    else table.set(id, next)
    this.committed.set(key, ++this.seq)
    return 1
  }

  collection(name: string): CloudCollection {
    return new Collection(this, name)
  }

  async createCollection(name: string) {
    await this.tick()
    if (this.tables.has(name)) throw sdkError('createCollection', SYS_ERR, `Table exist: ${name}`)
    this.tables.set(name, new Map())
    return {}
  }

  private release(tx: OpenTx) {
    for (const [key, holder] of this.locks) if (holder === tx) this.locks.delete(key)
    const waiting = this.waiters
    this.waiters = []
    for (const w of waiting) w()
  }

  async runTransaction<T>(fn: (tx: CloudTransaction) => Promise<T>): Promise<T> {
    await this.tick() // database.startTransaction
    const open: OpenTx = { id: ++this.txs, since: this.seq }
    const writes = new Map<string, Map<string, CloudData | null>>()
    const read = (name: string, id: string, api: string) => {
      const w = writes.get(name)
      if (w?.has(id)) return w.get(id) ?? undefined
      return this.existing(name, api).get(id)
    }
    const write = (name: string, id: string, doc: CloudData | null, api: string) => {
      this.existing(name, api)
      const key = `${name}/${id}`
      const holder = this.locks.get(key)
      if ((holder && holder !== open) || (this.committed.get(key) ?? 0) > open.since) {
        this.stats.conflicts++
        this.stats.conflictsBy.set(name, (this.stats.conflictsBy.get(name) ?? 0) + 1)
        throw sdkError(api, SYS_ERR, 'database transaction conflict')
      }
      this.locks.set(key, open)
      if (!writes.has(name)) writes.set(name, new Map())
      writes.get(name)!.set(id, doc)
    }
    const tx: CloudTransaction = {
      collection: (name) => ({
        doc: (id): CloudTxDocRef => ({
          get: async () => {
            await this.tick()
            const d = read(name, id, 'document.get')
            if (!d) throw notFound('document.get', id)
            return { data: clone(d) }
          },
          set: async ({ data }) => {
            await this.tick()
            write(name, id, { ...clone(data), _id: id }, 'document.set')
            return {}
          },
          update: async ({ data }) => {
            await this.tick()
            const d = read(name, id, 'document.update')
            if (!d) throw notFound('document.update', id)
            write(name, id, applyUpdate(d, data), 'document.update')
            return {}
          },
          delete: async () => {
            await this.tick()
            write(name, id, null, 'document.remove')
            return {}
          },
        }),
      }),
    }
    let result: T
    try {
      result = await fn(tx)
    } catch (e) {
      this.stats.rollbacks++
      this.release(open)
      throw e
    }
    await this.tick() // database.commitTransaction
    const at = ++this.seq
    for (const [name, docs] of writes) {
      const table = this.existing(name, 'transaction.commit')
      for (const [id, doc] of docs) {
        if (doc) table.set(id, doc)
        else table.delete(id)
        this.committed.set(`${name}/${id}`, at)
      }
    }
    this.stats.commits++
    this.release(open)
    return result
  }
}
