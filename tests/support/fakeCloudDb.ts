// An in-memory stand-in for the parts of the wx-server-sdk database API that the CloudBase store uses
// (src/server/store/cloudbase/). The real service cannot be reached from the build machines; this
// models the behaviour the adapter relies on, as the CloudBase documentation describes it:
// - doc(id).get() of a missing document rejects ("document.get:fail … does not exist");
// - doc(id).set({ data }) creates or replaces; update() of a missing doc updates nothing;
// - where() matches equality and the commands eq / in / lt / lte / gte and and(…) of them (which never match a missing field); orderBy, skip, limit; a cloud function's
//   get() returns at most 100 documents unless limited further;
// - runTransaction runs its callback atomically: its writes all land or, if it throws, none do,
//   and the callback's error is the transaction's rejection. Transactions here are serialised, which
//   gives the outcome the service's write-conflict abort (retried by the adapter) gives.
import type { CloudCollection, CloudData, CloudDatabase, CloudDocRef, CloudQuery, CloudTransaction, CloudTxDocRef } from '../../src/server/store/cloudbase'

const CMD = Symbol('command')
type Command = { [CMD]: 'eq' | 'in' | 'inc' | 'lt' | 'lte' | 'gte' | 'and'; value: unknown }
const isCommand = (v: unknown): v is Command => typeof v === 'object' && v !== null && CMD in v

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)))

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

function matches(doc: CloudData, cond: CloudData): boolean {
  return Object.entries(cond).every(([k, want]) => {
    const have = doc[k] ?? null
    return isCommand(want) ? fits(have, want) : have === want
  })
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
    if (n > 100) throw new Error('limit must be <= 100 in a cloud function (this stand-in)')
    return new Query(this.db, this.name, this.cond, this.order, this.from, n)
  }
  private rows(): CloudData[] {
    const rows = [...(this.db.tables.get(this.name)?.values() ?? [])].filter((d) => matches(d, this.cond))
    rows.sort((a, b) => {
      for (const [f, dir] of this.order) {
        const x = a[f] as string | number
        const y = b[f] as string | number
        if (x === y) continue
        const c = x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : x < y ? -1 : 1
        return dir === 'asc' ? c : -c
      }
      return 0
    })
    return rows
  }
  async get() {
    await this.db.tick()
    return { data: clone(this.rows().slice(this.from, this.from + this.max)) }
  }
  async count() {
    await this.db.tick()
    return { total: this.rows().length }
  }
}

class Collection extends Query implements CloudCollection {
  doc(id: string): CloudDocRef {
    const db = this.db
    const name = this.name
    return {
      async get() {
        await db.tick()
        const d = db.table(name).get(id)
        if (!d) throw new Error(`document.get:fail document with _id ${id} does not exist`)
        return { data: clone(d) }
      },
      async set({ data }) {
        await db.tick()
        if ('_id' in data) throw new Error('document.set:fail data must not contain _id')
        db.table(name).set(id, { ...clone(data), _id: id })
        return { _id: id }
      },
      async update({ data }) {
        await db.tick()
        const d = db.table(name).get(id)
        if (!d) return { stats: { updated: 0 } }
        db.table(name).set(id, applyUpdate(d, data))
        return { stats: { updated: 1 } }
      },
      async remove() {
        await db.tick()
        return { stats: { removed: db.table(name).delete(id) ? 1 : 0 } }
      },
    }
  }
}

function applyUpdate(doc: CloudData, data: CloudData): CloudData {
  const next = clone(doc)
  for (const [k, v] of Object.entries(data)) {
    if (isCommand(v) && v[CMD] === 'inc') next[k] = ((next[k] as number) ?? 0) + (v.value as number)
    else next[k] = clone(v)
  }
  return next
}

export class FakeCloudDb implements CloudDatabase {
  tables: Tables = new Map()
  private lock: Promise<void> = Promise.resolve()
  command = {
    eq: (value: unknown) => ({ [CMD]: 'eq', value }) as Command,
    in: (value: unknown[]) => ({ [CMD]: 'in', value }) as Command,
    lt: (value: unknown) => ({ [CMD]: 'lt', value }) as Command,
    lte: (value: unknown) => ({ [CMD]: 'lte', value }) as Command,
    and: (...value: unknown[]) => ({ [CMD]: 'and', value }) as Command,
    gte: (value: unknown) => ({ [CMD]: 'gte', value }) as Command,
    inc: (value: number) => ({ [CMD]: 'inc', value }) as Command,
  }

  table(name: string) {
    let t = this.tables.get(name)
    if (!t) this.tables.set(name, (t = new Map()))
    return t
  }

  /** every call is asynchronous, as over the network, so concurrent callers interleave */
  tick() {
    return new Promise<void>((r) => setImmediate(r))
  }

  collection(name: string): CloudCollection {
    return new Collection(this, name)
  }

  async createCollection(name: string) {
    await this.tick()
    if (this.tables.has(name)) throw new Error(`createCollection:fail collection ${name} already exists`)
    this.tables.set(name, new Map())
    return {}
  }

  async runTransaction<T>(fn: (tx: CloudTransaction) => Promise<T>): Promise<T> {
    let release!: () => void
    const previous = this.lock
    this.lock = new Promise<void>((r) => (release = r))
    await previous
    const writes = new Map<string, Map<string, CloudData | null>>()
    const read = (name: string, id: string) => {
      const w = writes.get(name)
      if (w?.has(id)) return w.get(id) ?? undefined
      return this.table(name).get(id)
    }
    const write = (name: string, id: string, doc: CloudData | null) => {
      if (!writes.has(name)) writes.set(name, new Map())
      writes.get(name)!.set(id, doc)
    }
    const tx: CloudTransaction = {
      collection: (name) => ({
        doc: (id): CloudTxDocRef => ({
          get: async () => {
            await this.tick()
            const d = read(name, id)
            if (!d) throw new Error(`document.get:fail document with _id ${id} does not exist`)
            return { data: clone(d) }
          },
          set: async ({ data }) => {
            await this.tick()
            write(name, id, { ...clone(data), _id: id })
            return {}
          },
          update: async ({ data }) => {
            await this.tick()
            const d = read(name, id)
            if (!d) throw new Error(`document.update:fail document with _id ${id} does not exist`)
            write(name, id, applyUpdate(d, data))
            return {}
          },
          delete: async () => {
            await this.tick()
            write(name, id, null)
            return {}
          },
        }),
      }),
    }
    try {
      const result = await fn(tx)
      for (const [name, docs] of writes) {
        for (const [id, doc] of docs) {
          if (doc) this.table(name).set(id, doc)
          else this.table(name).delete(id)
        }
      }
      return result
    } finally {
      release()
    }
  }
}
