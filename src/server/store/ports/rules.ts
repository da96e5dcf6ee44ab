// The rules a hall's cases run under: its recorded policy versions and its own calendar entries.
import type { CalendarOverride } from '../../../core/calendar'
import type { PolicyOverrides, PresetId } from '../../../core/policy'

/** one version of a hall's policy: a preset and the hall's overrides; versions are never changed */
export interface PolicyVersion {
  version: number
  presetId: PresetId
  overrides: PolicyOverrides
  note: string
  by: string
  at: string
  /** the save that recorded it: a repeated save answers with this version */
  requestId?: string
}

export interface RuleStore {
  /** the hall's own calendar entries, which win over the official holiday data; sorted by date */
  listCalendarOverrides(hallId: string): Promise<CalendarOverride[]>
  /** insert or replace the entry for that date */
  putCalendarOverride(hallId: string, override: CalendarOverride): Promise<void>
  removeCalendarOverride(hallId: string, date: string): Promise<void>

  /** records a new version of the hall's policy; false (and nothing written) when that version exists */
  putPolicyVersion(hallId: string, version: PolicyVersion): Promise<boolean>
  getPolicyVersion(hallId: string, version: number): Promise<PolicyVersion | null>
  /** every recorded version of the hall's policy, oldest first */
  listPolicyVersions(hallId: string): Promise<PolicyVersion[]>
}
