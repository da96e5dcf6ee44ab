// A hall's policy versions and calendar entries in the CloudBase database.
import type { CalendarOverride } from '../../../core/calendar'
import type { PolicyVersion, RuleStore } from '../port'
import { all, cloud, getOrNull, isMissing, type CloudDatabase } from './db'

export function cloudbaseRules(db: CloudDatabase): RuleStore {
  const { col, transact } = cloud(db)
  return {
    async listCalendarOverrides(hallId) {
      const docs = await all(col('calendar_overrides').where({ hallId }).orderBy('date', 'asc'))
      return docs.map((d): CalendarOverride => ({ date: d.date as string, kind: d.kind as CalendarOverride['kind'], note: d.note as string }))
    },
    async putCalendarOverride(hallId, o) {
      await col('calendar_overrides')
        .doc(`${hallId}:${o.date}`)
        .set({ data: { hallId, date: o.date, kind: o.kind, note: o.note } })
    },
    async removeCalendarOverride(hallId, date) {
      try {
        await col('calendar_overrides').doc(`${hallId}:${date}`).remove()
      } catch (e) {
        if (!isMissing(e)) throw e
      }
    },
    async putPolicyVersion(hallId, v) {
      return transact(async (tx) => {
        const ref = tx.collection('policy_versions').doc(`${hallId}:${v.version}`)
        if (await getOrNull(ref)) return false
        await ref.set({ data: { hallId, version: v.version, data: v } })
        return true
      })
    },
    async getPolicyVersion(hallId, version) {
      return ((await getOrNull(col('policy_versions').doc(`${hallId}:${version}`)))?.data as PolicyVersion | undefined) ?? null
    },
    async listPolicyVersions(hallId) {
      const docs = await all(col('policy_versions').where({ hallId }).orderBy('version', 'asc'), 1000)
      return docs.map((d) => d.data as PolicyVersion)
    },
  }
}
