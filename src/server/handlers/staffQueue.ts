import type { CaseState } from '../../core/caseState'
import { requireStaff } from '../authorize'
import { caseSummary, publicWindow } from '../caseView'
import type { Handler } from '../context'
import { directoryOf } from '../directory'
import { calendarOf, loadBundle } from '../hallContext'
import type { CaseQuery } from '../store/port'

const ACTIVE = ['open', 'inProgress', 'awaitingMaterials', 'handoverPending', 'joint', 'forwarding'] as const
const DONE = ['replied', 'completed', 'refused', 'closed'] as const

/**
 * Slips handed to me, the window's unclaimed cases (oldest first: first come, first served) and my open
 * cases by nearest due; a lead also the window's open cases and bad ratings to rectify, the hall office
 * the hall's. Three store calls: the staff member, the case lists at once, the names.
 */
export const staffQueue: Handler<'staffQueue'> = async (ctx) => {
  const staff = requireStaff(ctx)
  const { hallId, windowId } = staff
  const supervises = staff.role === 'lead' && windowId ? { hallId, windowId } : staff.role === 'office' ? { hallId } : null
  const queries: Array<CaseQuery | null> = [
    windowId ? { hallId, windowId, statuses: ['open' as const], unclaimed: true, limit: 200 } : null,
    { hallId, handlerId: staff.id, statuses: [...ACTIVE], limit: 200 },
    windowId ? { hallId, windowId, statuses: ['handoverPending' as const], limit: 200 } : null,
    supervises ? { ...supervises, statuses: [...ACTIVE], limit: 500 } : null,
    // bad ratings waiting for the lead's rectification or follow-up (the window's recent cases)
    supervises ? { ...supervises, statuses: [...DONE], limit: 500 } : null,
    // joint handling another window leads with mine as a co-window (000 §5.2, 002 首问（办）负责 §4(2))
    windowId ? { hallId, coWindowId: windowId, statuses: [...ACTIVE], limit: 200 } : null,
  ]
  const asked = queries.filter((q): q is CaseQuery => q !== null)
  const answers = await ctx.store.listCaseSets(asked)
  const [unclaimed, mine, pending, supervised, rated, coHandled] = queries.map((q) => (q ? answers[asked.indexOf(q)]! : ([] as CaseState[])))
  const all = [unclaimed, mine, pending, supervised, rated, coHandled].flat()
  const responders = [...new Set(all.map((s) => s.firstResponderId).filter((id): id is string => !!id))]
  const bundle = await loadBundle(ctx.store, { hallId, staffIds: responders })
  const dir = directoryOf(bundle.windows, bundle.staff)
  const window = windowId ? (dir.windows.get(windowId) ?? null) : null
  const at = { now: ctx.now, calendar: calendarOf(bundle) }
  const toRectify = rated!.filter((s) => (s.rectifications ?? []).some((r) => !r.followUp))
  const incoming = pending!.filter((s) => s.handovers[s.handovers.length - 1]?.toStaffId === staff.id)
  const byDue = (a: { nextDueAt: string | null }, b: { nextDueAt: string | null }) =>
    (a.nextDueAt ? Date.parse(a.nextDueAt) : Infinity) - (b.nextDueAt ? Date.parse(b.nextDueAt) : Infinity)
  return {
    window: window ? publicWindow(window) : null,
    incoming: incoming.map((s) => caseSummary(s, dir, at)),
    unclaimed: unclaimed!.map((s) => caseSummary(s, dir, at)).sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt)),
    mine: mine!.map((s) => caseSummary(s, dir, at)).sort(byDue),
    supervised: supervised!.map((s) => caseSummary(s, dir, at)).sort(byDue),
    rectifications: toRectify.map((s) => caseSummary(s, dir, at)).sort(byDue),
    coHandled: coHandled!.map((s) => caseSummary(s, dir, at)).sort(byDue),
  }
}
