// The hall's audit chain in PostgreSQL.
import { sql, type Kysely } from 'kysely'
import type { AuditStore } from '../port'
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
  }
}
