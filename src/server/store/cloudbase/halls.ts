// Halls, windows and the matter catalog in the CloudBase database, and the hall bundle a case needs.
import type { Hall, Matter, Staff, Window } from '../../../core/schemas'
import { sortMatters, sortWindows, type HallStore } from '../port'
import { all, cloud, getOrNull, type CloudDatabase } from './db'
import { cloudbaseRules } from './rules'

export function cloudbaseHalls(db: CloudDatabase): HallStore {
  const { _, col } = cloud(db)
  // the bundle reads the hall's rules too
  const rules = cloudbaseRules(db)
  const halls: HallStore = {
    async putHall(hall) {
      await col('halls')
        .doc(hall.id)
        .set({ data: { data: hall } })
    },
    async getHall(id) {
      return ((await getOrNull(col('halls').doc(id)))?.data as Hall | undefined) ?? null
    },
    async hallBundle(q) {
      const hall = await halls.getHall(q.hallId)
      if (!hall) return null
      const version = q.policyVersion ?? hall.policyVersion
      const staffIds = [...new Set(q.staffIds ?? [])]
      const windowIds = [...new Set(q.windowIds ?? [])]
      const [policy, currentPolicy, overrides, windows, byId, byWindow, office, matter] = await Promise.all([
        rules.getPolicyVersion(hall.id, version),
        version === hall.policyVersion ? null : rules.getPolicyVersion(hall.id, hall.policyVersion),
        rules.listCalendarOverrides(hall.id),
        halls.listWindows(hall.id),
        staffIds.length ? all(col('staff').where({ _id: _.in(staffIds) })) : [],
        windowIds.length ? all(col('staff').where({ hallId: hall.id, windowId: _.in(windowIds) })) : [],
        // the hall office has no window
        q.office ? all(col('staff').where({ hallId: hall.id, windowId: _.eq(null) })) : [],
        q.matterId ? halls.getMatter(hall.id, q.matterId) : null,
      ])
      const staff = new Map<string, Staff>()
      for (const d of [...byId, ...byWindow, ...office.filter((d) => (d.data as Staff).role === 'office')]) {
        const s = d.data as Staff
        if (s.hallId === hall.id) staff.set(s.id, s)
      }
      return {
        hall,
        policy,
        currentPolicy: version === hall.policyVersion ? policy : currentPolicy,
        overrides,
        windows,
        staff: [...staff.values()].sort((a, b) => a.id.localeCompare(b.id)),
        matter,
      }
    },
    async listHalls() {
      return (await all(col('halls'))).map((d) => d.data as Hall)
    },
    async putWindow(w) {
      await col('windows')
        .doc(`${w.hallId}:${w.id}`)
        .set({ data: { hallId: w.hallId, id: w.id, data: w } })
    },
    async getWindow(hallId, id) {
      return ((await getOrNull(col('windows').doc(`${hallId}:${id}`)))?.data as Window | undefined) ?? null
    },
    async listWindows(hallId) {
      return sortWindows((await all(col('windows').where({ hallId }).orderBy('id', 'asc'))).map((d) => d.data as Window))
    },
    async putMatter(m) {
      await col('matters')
        .doc(`${m.hallId}:${m.id}`)
        .set({ data: { hallId: m.hallId, id: m.id, windowId: m.windowId, data: m } })
    },
    async getMatter(hallId, id) {
      return ((await getOrNull(col('matters').doc(`${hallId}:${id}`)))?.data as Matter | undefined) ?? null
    },
    async listMatters(hallId) {
      return sortMatters((await all(col('matters').where({ hallId }))).map((d) => d.data as Matter))
    },
  }
  return halls
}
