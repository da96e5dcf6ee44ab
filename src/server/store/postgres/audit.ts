// The hall's audit chain in PostgreSQL.
import { sql, type Kysely } from 'kysely'
import { actionRange, endOfDay, type AuditStore } from '../port'
import { json, type Db } from './db'

export function postgresAudit(db: Kysely<Db>): AuditStore {
  return {
    async appendAudit(build) {
      return db.transaction().execute(async (tx) => {
        const probe = build(null)
        // one writer per hall's chain
        await sql`select pg_advisory_xact_lock(hashtext(${`audit:${probe.hallId}`}))`.execute(tx)
        const last = await tx.selectFrom('audit_log').select('entry').where('hall_id', '=', probe.hallId).orderBy('seq', 'desc').limit(1).executeTakeFirst()
        const entry = build(last ? { seq: last.entry.seq, hash: last.entry.hash } : null)
        await tx
          .insertInto('audit_log')
          .values({ hall_id: entry.hallId, seq: entry.seq, entry: json(entry) })
          .execute()
        return entry
      })
    },
    async listAudit(hallId, afterSeq, limit) {
      const rows = await db
        .selectFrom('audit_log')
        .select('entry')
        .where('hall_id', '=', hallId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute()
      return rows.map((r) => r.entry)
    },
    async queryAudit(hallId, q, page) {
      // the expressions of the indexes of migration 18, compared in the "C" collation so that a kind's
      // range of names is the range of bytes
      const action = sql<string>`(entry->>'action') collate "C"`
      const actorId = sql<string>`(entry#>>'{actor,id}')`
      const at = sql<string>`(entry->>'at') collate "C"`
      let query = db.selectFrom('audit_log').select('entry').where('hall_id', '=', hallId)
      if (q.action !== undefined) {
        const range = actionRange(q.action)
        query = 'exact' in range ? query.where(action, '=', range.exact) : query.where(action, '>=', range.from).where(action, '<', range.below)
      }
      if (q.actorId !== undefined) query = query.where(actorId, '=', q.actorId)
      if (q.from !== undefined) query = query.where(at, '>=', q.from)
      if (q.to !== undefined) query = query.where(at, '<=', endOfDay(q.to))
      if (page.beforeSeq !== undefined) query = query.where('seq', '<', page.beforeSeq)
      const rows = await query.orderBy('seq', 'desc').limit(page.limit).execute()
      return rows.map((r) => r.entry)
    },
  }
}
