// Names of windows and staff for views and notices. Reports read the whole hall; a case reads only the
// people it names and the staff of the windows it concerns (caseAction.ts).
import type { CaseState } from '../core/caseState'
import type { CaseEvent } from '../core/events'
import type { People } from '../core/notification'
import type { Staff, Window } from '../core/schemas'
import type { Names } from '../core/timeline'
import type { Store } from './store/port'

export interface Directory extends Names, People {
  windows: Map<string, Window>
  staffById: Map<string, Staff>
}

export function directoryOf(windows: Window[], staff: Staff[]): Directory {
  const windowMap = new Map(windows.map((w) => [w.id, w]))
  const staffMap = new Map(staff.map((s) => [s.id, s]))
  return {
    windows: windowMap,
    staffById: staffMap,
    window: (id) => windowMap.get(id)?.name ?? id,
    staff: (id) => staffMap.get(id)?.name ?? '工作人员',
    leadsOf: (windowId) => staff.filter((s) => s.active && s.role === 'lead' && s.windowId === windowId).map((s) => s.id),
    office: staff.filter((s) => s.active && s.role === 'office').map((s) => s.id),
  }
}

export async function loadDirectory(store: Store, hallId: string): Promise<Directory> {
  const [windows, staff] = await Promise.all([store.listWindows(hallId), store.listStaff(hallId)])
  return directoryOf(windows, staff)
}

const STAFF_FIELDS = ['staffId', 'toStaffId', 'previousId', 'approvedBy'] as const

/** every staff member a case's record names: actors, receivers of slips, responders, raters' subjects */
export function staffNamedBy(state: CaseState | null, events: CaseEvent[]): string[] {
  const ids = new Set<string>()
  for (const e of events) {
    if (e.actor.kind === 'staff') ids.add(e.actor.id)
    const payload = e.payload as Record<string, unknown>
    for (const f of STAFF_FIELDS) if (typeof payload[f] === 'string' && payload[f]) ids.add(payload[f] as string)
  }
  if (state) {
    for (const id of [state.handlerId, state.firstResponderId, state.reply?.by]) if (id) ids.add(id)
    for (const h of state.handovers) ids.add(h.fromStaffId).add(h.toStaffId)
    for (const n of state.notices) ids.add(n.by)
    // a 帮办代办 request's agent, and the agent behind a case opened for one
    if (state.assisted?.agentId) ids.add(state.assisted.agentId)
    if (state.assistedBy) ids.add(state.assistedBy.agentId)
  }
  return [...ids]
}

/** the windows whose staff a case's page and notices need: its own (colleagues, leads) and its co-windows */
export const windowsOf = (state: CaseState): string[] => [
  ...new Set(
    [state.windowId, state.firstWindowId, ...(state.joint?.coWindowIds ?? []), ...(state.assisted?.linked.map((l) => l.windowId) ?? [])].filter(Boolean),
  ),
]
