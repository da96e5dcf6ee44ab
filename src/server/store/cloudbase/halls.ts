// Halls, windows and the matter catalog in the CloudBase database.
import type { Hall, Matter, Window } from '../../../core/schemas'
import { sortMatters, type HallStore } from '../port'
import { all, cloud, getOrNull, type CloudDatabase } from './db'

export function cloudbaseHalls(db: CloudDatabase): HallStore {
  const { col } = cloud(db)
  return {
    async putHall(hall) {
      await col('halls').doc(hall.id).set({ data: { data: hall } })
    },
    async getHall(id) {
      return ((await getOrNull(col('halls').doc(id)))?.data as Hall | undefined) ?? null
    },
    async listHalls() {
      return (await all(col('halls').orderBy('_id', 'asc'))).map((d) => d.data as Hall)
    },
    async putWindow(w) {
      await col('windows').doc(`${w.hallId}:${w.id}`).set({ data: { hallId: w.hallId, id: w.id, data: w } })
    },
    async getWindow(hallId, id) {
      return ((await getOrNull(col('windows').doc(`${hallId}:${id}`)))?.data as Window | undefined) ?? null
    },
    async listWindows(hallId) {
      const rows = (await all(col('windows').where({ hallId }).orderBy('id', 'asc'))).map((d) => d.data as Window)
      return rows.sort((a, b) => a.number.localeCompare(b.number) || a.id.localeCompare(b.id))
    },
    async putMatter(m) {
      await col('matters').doc(`${m.hallId}:${m.id}`).set({ data: { hallId: m.hallId, id: m.id, windowId: m.windowId, data: m } })
    },
    async getMatter(hallId, id) {
      return ((await getOrNull(col('matters').doc(`${hallId}:${id}`)))?.data as Matter | undefined) ?? null
    },
    async listMatters(hallId) {
      return sortMatters((await all(col('matters').where({ hallId }))).map((d) => d.data as Matter))
    },
  }
}
