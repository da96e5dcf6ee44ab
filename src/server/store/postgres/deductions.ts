// The hall office's manual deductions (004 效能纪律) in PostgreSQL: one row per request, the record as jsonb.
import { sql, type Kysely } from 'kysely'
import type { ManualDeduction } from '../../../core/discipline'
import type { DeductionStore } from '../port'
import { json, type Db } from './db'

export function postgresDeductions(db: Kysely<Db>): DeductionStore {
  const byRequest = async (hallId: string, requestId: string) =>
    (await db.selectFrom('manual_deductions').select('data').where('hall_id', '=', hallId).where('request_id', '=', requestId).executeTakeFirst())?.data ?? null
  return {
    async addManualDeduction(d) {
      const rows = await db
        .insertInto('manual_deductions')
        .values({ hall_id: d.hallId, id: d.id, request_id: d.requestId, staff_id: d.staffId, occurred_on: d.occurredOn, data: json(d) })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .execute()
      if (rows.length === 1) return { deduction: d, created: true }
      // the same request again (or the same id, which a fresh random id never is)
      const first = await byRequest(d.hallId, d.requestId)
      if (!first) throw new Error(`manual deduction ${d.id} collides with another record`)
      return { deduction: first, created: false }
    },
    async getManualDeduction(hallId, id) {
      return (await db.selectFrom('manual_deductions').select('data').where('hall_id', '=', hallId).where('id', '=', id).executeTakeFirst())?.data ?? null
    },
    async revokeManualDeduction(hallId, id, revocation) {
      // one statement: only a deduction not yet revoked takes the revocation
      const updated = await db
        .updateTable('manual_deductions')
        .set({ data: sql<ManualDeduction>`jsonb_set(data, '{revoked}', ${JSON.stringify(revocation)}::jsonb)` })
        .where('hall_id', '=', hallId)
        .where('id', '=', id)
        .where(sql<boolean>`(data->'revoked' is null or data->'revoked' = 'null'::jsonb)`)
        .returning('data')
        .executeTakeFirst()
      if (updated) return { deduction: updated.data, revoked: true }
      const existing = await this.getManualDeduction(hallId, id)
      return existing ? { deduction: existing, revoked: false } : null
    },
    async listManualDeductions(q) {
      let query = db
        .selectFrom('manual_deductions')
        .select('data')
        .where('hall_id', '=', q.hallId)
        .where('occurred_on', '>=', q.from)
        .where('occurred_on', '<=', q.to)
      if (q.staffId) query = query.where('staff_id', '=', q.staffId)
      const rows = await query.orderBy('occurred_on').orderBy('id').execute()
      return rows.map((r) => r.data)
    },
  }
}
