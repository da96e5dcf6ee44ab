import { requireStaff } from '../authorize'
import { caseSummary, publicWindow } from '../caseView'
import { loadDirectory } from '../directory'
import type { Handler } from '.'

const ACTIVE = ['open', 'inProgress', 'awaitingMaterials', 'handoverPending', 'joint', 'forwarding'] as const

/** slips handed to me, the window's unclaimed cases (oldest first: first come, first served) and my open cases by nearest due */
export const staffQueue: Handler<'staffQueue'> = async (ctx) => {
  const staff = requireStaff(ctx)
  const dir = await loadDirectory(ctx.store, staff.hallId)
  const window = staff.windowId ? (dir.windows.get(staff.windowId) ?? null) : null
  const unclaimed = staff.windowId
    ? await ctx.store.listCases({ hallId: staff.hallId, windowId: staff.windowId, statuses: ['open'], unclaimed: true, limit: 200 })
    : []
  const mine = await ctx.store.listCases({ hallId: staff.hallId, handlerId: staff.id, statuses: [...ACTIVE], limit: 200 })
  const pending = staff.windowId
    ? await ctx.store.listCases({ hallId: staff.hallId, windowId: staff.windowId, statuses: ['handoverPending'], limit: 200 })
    : []
  const supervised =
    staff.role === 'lead' && staff.windowId
      ? await ctx.store.listCases({ hallId: staff.hallId, windowId: staff.windowId, statuses: [...ACTIVE], limit: 500 })
      : staff.role === 'office'
        ? await ctx.store.listCases({ hallId: staff.hallId, statuses: [...ACTIVE], limit: 500 })
        : []
  // bad ratings waiting for the lead's rectification or follow-up (the window's recent cases)
  const rated =
    staff.role === 'lead' && staff.windowId
      ? await ctx.store.listCases({ hallId: staff.hallId, windowId: staff.windowId, statuses: ['replied', 'completed', 'refused', 'closed'], limit: 500 })
      : staff.role === 'office'
        ? await ctx.store.listCases({ hallId: staff.hallId, statuses: ['replied', 'completed', 'refused', 'closed'], limit: 500 })
        : []
  const toRectify = rated.filter((s) => (s.rectifications ?? []).some((r) => !r.followUp))
  const incoming = pending.filter((s) => s.handovers[s.handovers.length - 1]?.toStaffId === staff.id)
  const byDue = (a: { nextDueAt: string | null }, b: { nextDueAt: string | null }) =>
    (a.nextDueAt ? Date.parse(a.nextDueAt) : Infinity) - (b.nextDueAt ? Date.parse(b.nextDueAt) : Infinity)
  return {
    window: window ? publicWindow(window) : null,
    incoming: incoming.map((s) => caseSummary(s, dir)),
    unclaimed: unclaimed.map((s) => caseSummary(s, dir)).sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt)),
    mine: mine.map((s) => caseSummary(s, dir)).sort(byDue),
    supervised: supervised.map((s) => caseSummary(s, dir)).sort(byDue),
    rectifications: toRectify.map((s) => caseSummary(s, dir)).sort(byDue),
  }
}
