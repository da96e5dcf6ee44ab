// A hall's policy versions and calendar entries in PostgreSQL.
import type { Kysely } from 'kysely'
import type { CalendarOverride } from '../../../core/calendar'
import type { RuleStore } from '../port'
import { json, type Db } from './db'

export function postgresRules(db: Kysely<Db>): RuleStore {
  return {
    async listCalendarOverrides(hallId) {
      const rows = await db.selectFrom('calendar_overrides').select(['date', 'kind', 'note']).where('hall_id', '=', hallId).orderBy('date').execute()
      return rows.map((r): CalendarOverride => ({ date: r.date, kind: r.kind, note: r.note }))
    },
    async putCalendarOverride(hallId, o) {
      await db
        .insertInto('calendar_overrides')
        .values({ hall_id: hallId, date: o.date, kind: o.kind, note: o.note })
        .onConflict((oc) => oc.columns(['hall_id', 'date']).doUpdateSet({ kind: o.kind, note: o.note }))
        .execute()
    },
    async removeCalendarOverride(hallId, date) {
      await db.deleteFrom('calendar_overrides').where('hall_id', '=', hallId).where('date', '=', date).execute()
    },
    async putPolicyVersion(hallId, v) {
      const rows = await db
        .insertInto('policy_versions')
        .values({ hall_id: hallId, version: v.version, data: json(v) })
        .onConflict((oc) => oc.doNothing())
        .returning('version')
        .execute()
      return rows.length === 1
    },
    async getPolicyVersion(hallId, version) {
      const row = await db.selectFrom('policy_versions').select('data').where('hall_id', '=', hallId).where('version', '=', version).executeTakeFirst()
      return row?.data ?? null
    },
    async listPolicyVersions(hallId) {
      const rows = await db.selectFrom('policy_versions').select('data').where('hall_id', '=', hallId).orderBy('version').execute()
      return rows.map((r) => r.data)
    },
  }
}
