// The self-hosted mode's photos, kept in PostgreSQL with the cases.
import { sql, type Kysely } from 'kysely'
import type { Upload, UploadStore } from '../port'
import { iso, type Db } from './db'

const uploadOf = (r: Omit<Db['uploads'], 'bytes'>): Upload => ({
  id: r.id,
  hallId: r.hall_id,
  ownerId: r.owner_id,
  mime: r.mime,
  size: Number(r.size),
  createdAt: iso(r.created_at)!,
  caseId: r.case_id,
})

export function postgresUploads(db: Kysely<Db>): UploadStore {
  return {
    async putUpload(u, bytes) {
      await db
        .insertInto('uploads')
        .values({ id: u.id, hall_id: u.hallId, owner_id: u.ownerId, mime: u.mime, size: u.size, bytes, created_at: u.createdAt, case_id: u.caseId })
        .execute()
    },
    async getUpload(id) {
      const row = await db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? { upload: uploadOf(row), bytes: new Uint8Array(row.bytes) } : null
    },
    async listUploads(ids) {
      if (ids.length === 0) return []
      const rows = await db
        .selectFrom('uploads')
        .select(['id', 'hall_id', 'owner_id', 'mime', 'size', 'created_at', 'case_id'])
        .where('id', 'in', ids)
        .execute()
      return rows.map(uploadOf)
    },
    async linkUploads(ids, caseId) {
      if (ids.length === 0) return
      await db.updateTable('uploads').set({ case_id: caseId }).where('id', 'in', ids).where('case_id', 'is', null).execute()
    },
    async releaseUploads(ids, caseId) {
      if (ids.length === 0) return
      await db.updateTable('uploads').set({ case_id: null }).where('id', 'in', ids).where('case_id', '=', caseId).execute()
    },
    async countUploads(ownerId, since) {
      const row = await db
        .selectFrom('uploads')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('owner_id', '=', ownerId)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
    async purgeUploads(before) {
      const result = await db.deleteFrom('uploads').where('case_id', 'is', null).where('created_at', '<', before).executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}
