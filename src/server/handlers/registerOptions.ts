// What the registration form offers (core/registration.ts): the hall's matters, the caller's window's
// first, and the colleagues who may have answered together with the registering person (002 首问(办) 第一条).
import { requireStaff } from '../authorize'
import type { Handler } from '../context'
import { initialsOf } from '../catalog'

export const registerOptions: Handler<'registerOptions'> = async (ctx) => {
  const me = requireStaff(ctx)
  const [matters, staff, windows] = await Promise.all([ctx.store.listMatters(me.hallId), ctx.store.listStaff(me.hallId), ctx.store.listWindows(me.hallId)])
  const mine = (windowId: string | null) => (windowId === me.windowId ? 0 : 1)
  const windowName = new Map(windows.map((w) => [w.id, w.name]))
  return {
    windows: windows.filter((w) => w.active).map((w) => ({ id: w.id, name: w.name })),
    matters: matters
      .filter((m) => m.active)
      .sort((a, b) => mine(a.windowId) - mine(b.windowId))
      .map((m) => ({ id: m.id, name: m.name, window: windowName.get(m.windowId) ?? '', initials: initialsOf(m.name), keywords: m.keywords })),
    // the hall office registers for any window; others answer together at their own window
    colleagues: staff
      .filter((s) => s.active && s.id !== me.id && (me.role === 'office' || s.windowId === me.windowId || s.role === 'office'))
      .map((s) => ({ id: s.id, name: s.name, title: s.title, window: s.windowId ? (windowName.get(s.windowId) ?? '') : '政务服务科' })),
  }
}
