// Halls, their windows and their matter catalog: the directory a case is routed by.
import type { Hall, Matter, Window } from '../../../core/schemas'

export interface HallStore {
  putHall(hall: Hall): Promise<void>
  getHall(id: string): Promise<Hall | null>
  listHalls(): Promise<Hall[]>

  putWindow(window: Window): Promise<void>
  getWindow(hallId: string, id: string): Promise<Window | null>
  listWindows(hallId: string): Promise<Window[]>

  /** insert or update a catalog matter */
  putMatter(matter: Matter): Promise<void>
  getMatter(hallId: string, id: string): Promise<Matter | null>
  /** the hall's matters in catalog order (window, then name), active and inactive */
  listMatters(hallId: string): Promise<Matter[]>
}

/** catalog order: by window, then by name (zh-CN collation), then id */
export const sortMatters = (matters: Matter[]): Matter[] =>
  [...matters].sort((a, b) => a.windowId.localeCompare(b.windowId) || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id))
