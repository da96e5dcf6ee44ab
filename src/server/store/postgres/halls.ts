// Halls, windows and the matter catalog in PostgreSQL.
import type { Kysely } from 'kysely'
import { sortMatters, type HallStore } from '../port'
import { json, type Db } from './db'

export function postgresHalls(db: Kysely<Db>): HallStore {
  return {
    async putHall(hall) {
      await db
        .insertInto('halls')
        .values({ id: hall.id, data: json(hall) })
        .onConflict((oc) => oc.column('id').doUpdateSet({ data: json(hall) }))
        .execute()
    },
    async getHall(id) {
      const row = await db.selectFrom('halls').select('data').where('id', '=', id).executeTakeFirst()
      return row?.data ?? null
    },
    async listHalls() {
      return (await db.selectFrom('halls').select('data').orderBy('id').execute()).map((r) => r.data)
    },
    async putWindow(w) {
      await db
        .insertInto('windows')
        .values({ hall_id: w.hallId, id: w.id, data: json(w) })
        .onConflict((oc) => oc.columns(['hall_id', 'id']).doUpdateSet({ data: json(w) }))
        .execute()
    },
    async getWindow(hallId, id) {
      const row = await db.selectFrom('windows').select('data').where('hall_id', '=', hallId).where('id', '=', id).executeTakeFirst()
      return row?.data ?? null
    },
    async listWindows(hallId) {
      const rows = await db.selectFrom('windows').select('data').where('hall_id', '=', hallId).execute()
      return rows.map((r) => r.data).sort((a, b) => a.number.localeCompare(b.number) || a.id.localeCompare(b.id))
    },
    async putMatter(m) {
      const row = { hall_id: m.hallId, id: m.id, window_id: m.windowId, data: json(m) }
      await db
        .insertInto('matters')
        .values(row)
        .onConflict((oc) => oc.columns(['hall_id', 'id']).doUpdateSet({ window_id: row.window_id, data: row.data }))
        .execute()
    },
    async getMatter(hallId, id) {
      const row = await db.selectFrom('matters').select('data').where('hall_id', '=', hallId).where('id', '=', id).executeTakeFirst()
      return row?.data ?? null
    },
    async listMatters(hallId) {
      const rows = await db.selectFrom('matters').select('data').where('hall_id', '=', hallId).execute()
      return sortMatters(rows.map((r) => r.data))
    },
  }
}
