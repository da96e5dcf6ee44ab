// What the sweep must do for a case at a given time (docs/DESIGN.md "Clocks"): remind the responsible
// person before the due time, record the breach at the due time. Pure: the server's sweep finds the
// cases through the next-action index and records what this returns as events, which makes every
// effect happen once (an event of the sweep carries its own idempotency key).
import type { Clock } from './clock'
import type { WorkCalendar } from './calendar'
import type { Policy } from './policy'
import type { EventBody } from './events'

export type ReminderLevel = 'half' | 'soon'
export interface Milestone {
  level: ReminderLevel | 'breach'
  at: Date
}

const HOUR = 3_600_000

/**
 * The moments a running clock asks for action: at the policy's fraction of its working time
 * ("half"), a few working hours before the due time ("soon"), and the due time itself ("breach").
 * A reminder that would not come before the next one is left out.
 */
export function milestones(clock: Clock, policy: Policy, cal: WorkCalendar): Milestone[] {
  const start = new Date(clock.startedAt)
  const due = new Date(clock.dueAt)
  const total = cal.workingMillisBetween(start, due)
  const lead = policy.reminders.hoursBefore.value * HOUR
  const out: Milestone[] = []
  const soon = lead > 0 && total > lead ? cal.addWorkingMillis(start, total - lead) : null
  const half = total > 0 ? cal.addWorkingMillis(start, Math.round(total * policy.reminders.atFraction.value)) : null
  if (half && half < due && (!soon || half < soon)) out.push({ level: 'half', at: half })
  if (soon && soon < due) out.push({ level: 'soon', at: soon })
  out.push({ level: 'breach', at: due })
  return out
}

const running = (c: Clock) => !c.metAt && !c.breachedAt && !c.pausedAt

/** the milestones not yet acted on: those after the latest one recorded */
function ahead(clock: Clock, policy: Policy, cal: WorkCalendar): Milestone[] {
  const all = milestones(clock, policy, cal)
  const done = clock.reminded ?? []
  let last = -1
  all.forEach((m, i) => {
    if (m.level !== 'breach' && done.includes(m.level)) last = i
  })
  return all.slice(last + 1)
}

/** when the sweep next has to look at these clocks; null when none is running */
export function nextActionTime(clocks: Clock[], policy: Policy, cal: WorkCalendar): Date | null {
  let next: Date | null = null
  for (const c of clocks) {
    if (!running(c)) continue
    const m = ahead(c, policy, cal)[0]
    if (m && (!next || m.at < next)) next = m.at
  }
  return next
}

export interface Responsible {
  staffId: string | null
  windowId: string
}

/**
 * The events the sweep records at `now`: per running clock at most one — the breach once the due
 * time has passed (000 §6, 004), otherwise the latest reminder reached and not yet sent (a missed
 * earlier reminder is not sent late).
 */
export function sweepEvents(clocks: Clock[], now: Date, policy: Policy, cal: WorkCalendar, who: Responsible): EventBody[] {
  const out: EventBody[] = []
  for (const c of clocks) {
    if (!running(c)) continue
    if (now >= new Date(c.dueAt)) {
      out.push({ type: 'clockBreached', payload: { clockKind: c.kind, staffId: who.staffId, windowId: who.windowId } })
      continue
    }
    const reached = ahead(c, policy, cal).filter((m) => m.level !== 'breach' && m.at <= now)
    const latest = reached.at(-1)
    if (latest) out.push({ type: 'reminded', payload: { clockKind: c.kind, level: latest.level as ReminderLevel } })
  }
  return out
}
