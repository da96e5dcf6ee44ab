// The rules a hall runs under: a policy version (preset + overrides, versioned) and its working-day
// calendar (official data + the hall's own overrides), read in one store call. A case runs under the
// version it was opened under; what is opened now runs under the current one, so every caller names
// the version it means.
import { createCalendar, type WorkCalendar } from '../core/calendar'
import { effectivePolicy, type Policy, type PresetId } from '../core/policy'
import { DomainError } from '../core/errors'
import type { Hall } from '../core/schemas'
import type { BundleQuery, HallBundle, PolicyVersion, Store } from './store/port'

export interface HallContext {
  hall: Hall
  policy: Policy
  calendar: WorkCalendar
}

/** a policy version's rules; a hall that never changed its policy has no stored version 1: its preset as it stands */
function policyOf(hall: Hall, stored: PolicyVersion | null, version: number): Policy {
  const policy = stored ? effectivePolicy(stored.presetId, stored.overrides, stored.version) : effectivePolicy(hall.policyPreset as PresetId, {}, version)
  if (!policy.ok) throw policy.error
  return policy.value
}

/** the hall's working-day calendar from a bundle, for a caller that needs no policy (a list's countdowns) */
export const calendarOf = (bundle: HallBundle): WorkCalendar => createCalendar({ overrides: bundle.overrides, hours: bundle.hall.hours })

/** the hall's rules from a bundle: the version it was read for, or the hall's current one */
export function hallContextOf(bundle: HallBundle, which: 'asked' | 'current', askedVersion?: number): HallContext {
  const { hall } = bundle
  const calendar = calendarOf(bundle)
  const policy =
    which === 'current' ? policyOf(hall, bundle.currentPolicy, hall.policyVersion) : policyOf(hall, bundle.policy, askedVersion ?? hall.policyVersion)
  return { hall, policy, calendar }
}

export async function loadBundle(store: Store, q: BundleQuery): Promise<HallBundle> {
  const bundle = await store.hallBundle(q)
  if (!bundle) throw new DomainError('NOT_FOUND', '找不到这个大厅', { hallId: q.hallId })
  return bundle
}

export async function loadHall(store: Store, hallId: string): Promise<Hall> {
  const hall = await store.getHall(hallId)
  if (!hall) throw new DomainError('NOT_FOUND', '找不到这个大厅', { hallId })
  return hall
}

/** the hall's rules under a policy version: 'current' for what is opened or reported now */
export async function loadHallContext(store: Store, hallOrId: Hall | string, version: number | 'current'): Promise<HallContext> {
  const hallId = typeof hallOrId === 'string' ? hallOrId : hallOrId.id
  const bundle = await loadBundle(store, { hallId, policyVersion: version === 'current' ? undefined : version })
  return hallContextOf(bundle, 'asked', version === 'current' ? undefined : version)
}
