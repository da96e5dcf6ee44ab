// Halls, their windows and their matter catalog: the directory a case is routed by; and the hall
// with everything a case's page and actions need of it, in one read.
import type { CalendarOverride } from '../../../core/calendar'
import type { Hall, Matter, Staff, Window } from '../../../core/schemas'
import type { PolicyVersion } from './rules'

/** what a case's page and actions need about its hall, in one read */
export interface HallBundle {
  hall: Hall
  /** the policy version asked for (default: the hall's current one); null when never stored (its preset as it stands) */
  policy: PolicyVersion | null
  /** the hall's current policy version, for what is opened now (null when never stored) */
  currentPolicy: PolicyVersion | null
  /** the hall's own calendar entries, sorted by date */
  overrides: CalendarOverride[]
  /** every window of the hall, in window-number order */
  windows: Window[]
  /** the staff asked for: by id, everyone at the given windows, and the hall office when asked */
  staff: Staff[]
  /** the catalog matter asked for, if it exists */
  matter: Matter | null
}

export interface BundleQuery {
  hallId: string
  policyVersion?: number
  staffIds?: string[]
  windowIds?: string[]
  office?: boolean
  matterId?: string
}

export interface HallStore {
  putHall(hall: Hall): Promise<void>
  getHall(id: string): Promise<Hall | null>
  /** the hall with its rules, windows and the staff asked for, in one read; null for an unknown hall */
  hallBundle(q: BundleQuery): Promise<HallBundle | null>
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

/** window-number order, then id */
export const sortWindows = (windows: Window[]): Window[] => [...windows].sort((a, b) => a.number.localeCompare(b.number) || a.id.localeCompare(b.id))
