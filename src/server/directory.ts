// Names of windows and staff for views, loaded once per request.
import type { Staff, Window } from '../core/schemas'
import type { Names } from '../core/timeline'
import type { Store } from './store/port'
import type { People } from '../core/notification'

export interface Directory extends Names, People {
  windows: Map<string, Window>
  staffById: Map<string, Staff>
}

export async function loadDirectory(store: Store, hallId: string): Promise<Directory> {
  const [windows, staff] = await Promise.all([store.listWindows(hallId), store.listStaff(hallId)])
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
