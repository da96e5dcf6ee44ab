// The rules a hall runs under right now: its policy (preset + overrides, versioned) and its
// working-day calendar (official data + the hall's own overrides).
import { createCalendar, type WorkCalendar } from '../core/calendar'
import { effectivePolicy, type Policy, type PresetId } from '../core/policy'
import { DomainError } from '../core/errors'
import type { Hall } from '../core/schemas'
import type { Store } from './store/port'

export interface HallContext {
  hall: Hall
  policy: Policy
  calendar: WorkCalendar
}

export async function loadHall(store: Store, hallId: string): Promise<Hall> {
  const hall = await store.getHall(hallId)
  if (!hall) throw new DomainError('NOT_FOUND', '找不到这个大厅', { hallId })
  return hall
}

/**
 * The hall's rules: its current policy, or the version a case was opened under. A hall that never
 * changed its policy has no stored versions: version 1 is then its preset as it stands.
 */
export async function loadHallContext(store: Store, hallOrId: Hall | string, policyVersion?: number): Promise<HallContext> {
  const hall = typeof hallOrId === 'string' ? await loadHall(store, hallOrId) : hallOrId
  const version = policyVersion ?? hall.policyVersion
  const [overrides, stored] = await Promise.all([store.listCalendarOverrides(hall.id), store.getPolicyVersion(hall.id, version)])
  const policy = stored
    ? effectivePolicy(stored.presetId, stored.overrides, stored.version)
    : effectivePolicy(hall.policyPreset as PresetId, {}, version)
  if (!policy.ok) throw policy.error
  return { hall, policy: policy.value, calendar: createCalendar({ overrides, hours: hall.hours }) }
}
