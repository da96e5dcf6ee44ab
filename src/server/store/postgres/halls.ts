// Halls, windows and the matter catalog in PostgreSQL, and the hall bundle a case needs (one statement).
import { sql, type Kysely } from 'kysely'
import type { CalendarOverride } from '../../../core/calendar'
import type { Hall, Matter, Staff, Window } from '../../../core/schemas'
import { sortMatters, sortWindows, type HallStore, type PolicyVersion } from '../port'
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
    async hallBundle(q) {
      const staffIds = q.staffIds ?? []
      const windowIds = q.windowIds ?? []
      // one statement: the hall, both policy versions, the calendar, the windows and the staff asked for
      const { rows } = await sql<{
        hall: Hall
        policy: PolicyVersion | null
        current: PolicyVersion | null
        overrides: CalendarOverride[]
        windows: Window[]
        staff: Staff[]
        matter: Matter | null
      }>`
        select h.data as hall,
          (select m.data from matters m where m.hall_id = h.id and m.id = ${q.matterId ?? null}::text) as matter,
          (select p.data from policy_versions p where p.hall_id = h.id
             and p.version = coalesce(${q.policyVersion ?? null}::int, (h.data->>'policyVersion')::int, 1)) as policy,
          (select p.data from policy_versions p where p.hall_id = h.id
             and p.version = coalesce((h.data->>'policyVersion')::int, 1)) as current,
          coalesce((select jsonb_agg(jsonb_build_object('date', c.date, 'kind', c.kind, 'note', c.note) order by c.date)
             from calendar_overrides c where c.hall_id = h.id), '[]'::jsonb) as overrides,
          coalesce((select jsonb_agg(w.data) from windows w where w.hall_id = h.id), '[]'::jsonb) as windows,
          coalesce((select jsonb_agg(s.data order by s.id) from staff s where s.hall_id = h.id
             and (s.id = any(${staffIds}::text[]) or s.window_id = any(${windowIds}::text[])
                  or (${q.office ?? false}::boolean and s.data->>'role' = 'office'))), '[]'::jsonb) as staff
        from halls h where h.id = ${q.hallId}`.execute(db)
      const row = rows[0]
      if (!row) return null
      return {
        hall: row.hall,
        policy: row.policy,
        currentPolicy: row.current,
        overrides: row.overrides.map((o) => ({ date: String(o.date).slice(0, 10), kind: o.kind, note: o.note })),
        windows: sortWindows(row.windows),
        staff: row.staff,
        matter: row.matter,
      }
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
      return sortWindows(rows.map((r) => r.data))
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
