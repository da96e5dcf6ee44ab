// The audit log: every administrative change and every look at a citizen's full phone number, who and
// when, append-only per hall. Each entry carries the hash of the one before, so an edited, removed or
// inserted row breaks the chain where it happened; `shouwen audit verify` walks it.
import { createHash } from 'node:crypto'
import { formatShanghai } from '../core/calendar'
import type { AuditEntry, AuditStore } from './store/ports/audit'

export type { AuditEntry }

/** a staff member as the actor of an entry */
export const staffActor = (s: { id: string; name: string }): AuditEntry['actor'] => ({ kind: 'staff', id: s.id, name: s.name })

export type NewAuditEntry = Pick<AuditEntry, 'hallId' | 'actor' | 'action' | 'target' | 'detail'>

export const GENESIS = '0'.repeat(64)

/** JSON with keys in a fixed order, so the same entry always hashes the same */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonical(e)).digest('hex')
}

/** the next entry of a hall's chain, after `prev` (null: the first) */
export function chain(entry: NewAuditEntry, prev: { seq: number; hash: string } | null, at: Date): AuditEntry {
  const body = { ...entry, seq: (prev?.seq ?? 0) + 1, at: formatShanghai(at), prevHash: prev?.hash ?? GENESIS }
  return { ...body, hash: entryHash(body) }
}

export type Verdict = { ok: true; entries: number } | { ok: false; entries: number; seq: number; reason: string }

/** what is wrong with `e` following `prev`, or null */
function fault(prev: AuditEntry | null, e: AuditEntry): string | null {
  const expectedSeq = (prev?.seq ?? 0) + 1
  if (e.seq !== expectedSeq) return `编号不连续：应为 ${expectedSeq}`
  if (e.prevHash !== (prev?.hash ?? GENESIS)) return '与上一条记录的链接不符'
  const { hash, ...body } = e
  if (entryHash(body) !== hash) return '记录内容与其校验值不符（被修改过）'
  return null
}

/** checks a hall's entries in order: numbering, links and each entry's own hash */
export function verifyChain(entries: AuditEntry[]): Verdict {
  let prev: AuditEntry | null = null
  for (const e of entries) {
    const reason = fault(prev, e)
    if (reason) return { ok: false, entries: entries.length, seq: e.seq, reason }
    prev = e
  }
  return { ok: true, entries: entries.length }
}

/** records one entry; the store appends it at the end of the hall's chain, one writer at a time */
export function audit(store: AuditStore, entry: NewAuditEntry, at: Date): Promise<AuditEntry> {
  return store.appendAudit((prev) => chain(entry, prev, at))
}

/** walks a hall's whole chain page by page, holding one page at a time */
export async function verifyHall(store: AuditStore, hallId: string): Promise<Verdict> {
  let prev: AuditEntry | null = null
  let count = 0
  for (;;) {
    const page = await store.listAudit(hallId, prev?.seq ?? 0, 1000)
    for (const e of page) {
      count++
      const reason = fault(prev, e)
      if (reason) return { ok: false, entries: count, seq: e.seq, reason }
      prev = e
    }
    if (page.length < 1000) return { ok: true, entries: count }
  }
}
