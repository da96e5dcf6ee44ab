// Complaints in PostgreSQL.
import { sql, type Kysely } from 'kysely'
import type { Complaint } from '../../../core/complaint'
import type { ComplaintStore } from '../port'
import { draw, isUniqueViolation, json, writeNotices, type Db } from './db'

const complaintRow = (c: Complaint) => ({
  id: c.id,
  hall_id: c.hallId,
  no: c.no,
  citizen_id: c.citizenId,
  request_id: c.requestId,
  status: c.status,
  filed_at: c.filedAt,
  answered_at: c.answeredAt,
  next_action_at: c.nextActionAt ?? null,
  version: c.version,
  data: json(c),
})

export function postgresComplaints(db: Kysely<Db>): ComplaintStore {
  return {
    async createComplaint(input) {
      const existing = async () => {
        const row = await db
          .selectFrom('complaints')
          .select('data')
          .where('citizen_id', '=', input.citizenId)
          .where('request_id', '=', input.requestId)
          .executeTakeFirst()
        return row ? { complaint: row.data, created: false } : null
      }
      const found = await existing()
      if (found) return found
      try {
        return await db.transaction().execute(async (tx) => {
          const { complaint, notifications } = input.build(await draw(tx, input.numberScope))
          await tx.insertInto('complaints').values(complaintRow(complaint)).execute()
          await writeNotices(tx, notifications, input.channels)
          return { complaint, created: true }
        })
      } catch (e) {
        // a concurrent twin won the (citizen, requestId) race; its number was rolled back with it
        if (isUniqueViolation(e)) {
          const twin = await existing()
          if (twin) return twin
        }
        throw e
      }
    },
    async getComplaint(id) {
      return (await db.selectFrom('complaints').select('data').where('id', '=', id).executeTakeFirst())?.data ?? null
    },
    async saveComplaint(c, expectedVersion, notifications, channels) {
      return db.transaction().execute(async (tx) => {
        const { id: _id, ...row } = complaintRow(c)
        const updated = await tx.updateTable('complaints').set(row).where('id', '=', c.id).where('version', '=', expectedVersion).executeTakeFirst()
        if (Number(updated.numUpdatedRows) !== 1) return false
        await writeNotices(tx, notifications, channels)
        return true
      })
    },
    async listComplaints(q) {
      let query = db.selectFrom('complaints').select('data').where('hall_id', '=', q.hallId)
      if (q.citizenId !== undefined) query = query.where('citizen_id', '=', q.citizenId)
      if (q.status !== undefined) query = query.where('status', '=', q.status)
      if (q.answeredFrom !== undefined) query = query.where('answered_at', '>=', q.answeredFrom)
      if (q.answeredTo !== undefined) query = query.where('answered_at', '<', q.answeredTo)
      const rows = await query
        .orderBy('filed_at', 'desc')
        .orderBy('id')
        .limit(q.limit ?? 100)
        .execute()
      return rows.map((r) => r.data)
    },
    async listDueComplaints(until, limit) {
      const rows = await db
        .selectFrom('complaints')
        .select('data')
        .where('next_action_at', 'is not', null)
        .where('next_action_at', '<=', until)
        .orderBy('next_action_at')
        .limit(limit)
        .execute()
      return rows.map((r) => r.data)
    },
    async countComplaints(citizenId, since) {
      const row = await db
        .selectFrom('complaints')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('citizen_id', '=', citizenId)
        .where('filed_at', '>=', since)
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
  }
}
