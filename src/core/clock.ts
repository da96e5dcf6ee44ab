// Clocks: each time limit a case runs against (docs/DESIGN.md "Clocks"), like the response and resolution
// clocks of a service desk. Pure values: every change returns a new clock.
import type { WorkCalendar } from './calendar'
import { formatShanghai } from './calendar'
import { fail, ok, type Result } from './errors'
import type { ClockKind } from './events'

export interface Clock {
  kind: ClockKind
  startedAt: string
  limitDays: number
  /** moves with resume (by the paused working time) and with extensions */
  dueAt: string
  pausedAt: string | null
  pausedSpans: Array<{ from: string; to: string }>
  extensions: Array<{ days: number; reason: string; at: string; by: string }>
  metAt: string | null
  breachedAt: string | null
  /** reminders the sweep has sent for this clock (absent on clocks recorded before reminders existed) */
  reminded?: Array<'half' | 'soon'>
}

export const CLOCK_LABELS: Record<ClockKind, string> = {
  reply: '答复时限',
  jointPlan: '商定共同办理方案时限',
  outsideForward: '书面申请移交时限',
  handoverContact: '承办人联系时限',
  promised: '承诺办结时限',
  supplementNotice: '一次性告知时限',
  complaint: '投诉办理时限',
  rectification: '整改时限',
  followUp: '回访时限',
  reportUp: '上报答复时限',
  jointDecision: '共同办理争议裁定时限',
}

/** who answers for a clock: the holder of the case, the lead of its window, or the hall office */
export type Duty = 'holder' | 'windowLead' | 'office'

/**
 * Whose duty each clock is, so its reminders and its breach reach them and not the clerk: the joint
 * plan is agreed by the lead window under its lead (000 §5.2, §8, §12; 001 第六条(三)), a written
 * application is forwarded by the hall office (000 §5.4 局政务服务科), a complaint answered by it (002
 * 限时办结 §7), a bad rating rectified by the window lead; everything else by whoever holds the case.
 */
export const DUTY_OF: Record<ClockKind, Duty> = {
  reply: 'holder',
  jointPlan: 'windowLead',
  outsideForward: 'office',
  handoverContact: 'holder',
  promised: 'holder',
  supplementNotice: 'holder',
  complaint: 'office',
  rectification: 'windowLead',
  followUp: 'windowLead',
  reportUp: 'windowLead',
  jointDecision: 'office',
}

/** whose duty a clock is on this case: a report upward is answered by whom it went to */
export function clockDuty(kind: ClockKind, reportTo: 'lead' | 'office' | null | undefined): Duty {
  return kind === 'reportUp' && reportTo === 'office' ? 'office' : DUTY_OF[kind]
}

const t = (iso: string) => new Date(iso)

export function startClock(kind: ClockKind, at: Date, limitDays: number, cal: WorkCalendar): Clock {
  return {
    kind,
    startedAt: formatShanghai(at),
    limitDays,
    dueAt: formatShanghai(cal.dueAt(at, limitDays)),
    pausedAt: null,
    pausedSpans: [],
    extensions: [],
    metAt: null,
    breachedAt: null,
  }
}

export function clockState(clock: Clock): 'running' | 'paused' | 'met' | 'breached' {
  if (clock.metAt) return 'met'
  if (clock.breachedAt) return 'breached'
  if (clock.pausedAt) return 'paused'
  return 'running'
}

const closed = (clock: Clock) => fail<Clock>('CONFLICT', `${CLOCK_LABELS[clock.kind]}已结束`, { clockKind: clock.kind })

/** waiting on the citizen's materials (000 §4.1): the clock stops */
export function pauseClock(clock: Clock, at: Date): Result<Clock> {
  if (clock.metAt) return closed(clock)
  if (clock.pausedAt) return fail('CONFLICT', `${CLOCK_LABELS[clock.kind]}已暂停`, { clockKind: clock.kind })
  return ok({ ...clock, pausedAt: formatShanghai(at) })
}

/** the due time moves by the working time the clock was paused, so a pause never makes it earlier */
export function resumeClock(clock: Clock, at: Date, cal: WorkCalendar): Result<Clock> {
  if (!clock.pausedAt) return fail('CONFLICT', `${CLOCK_LABELS[clock.kind]}未暂停`, { clockKind: clock.kind })
  const from = t(clock.pausedAt)
  const to = at.getTime() < from.getTime() ? from : at
  const paused = cal.workingMillisBetween(from, to)
  return ok({
    ...clock,
    pausedAt: null,
    pausedSpans: [...clock.pausedSpans, { from: clock.pausedAt, to: formatShanghai(to) }],
    dueAt: formatShanghai(cal.addWorkingMillis(t(clock.dueAt), paused)),
  })
}

/** 004 限时办结 §5: only before due, with the reason told to the citizen, at most maxDays in all */
export function extendClock(clock: Clock, at: Date, days: number, reason: string, by: string, maxDays: number, cal: WorkCalendar): Result<Clock> {
  if (clock.metAt) return closed(clock)
  if (!reason.trim()) return fail('INVALID_INPUT', '延期必须说明理由', { field: 'reason' })
  if (!Number.isInteger(days) || days < 1) return fail('INVALID_INPUT', '延期天数至少 1 个工作日', { field: 'days' })
  if (clock.breachedAt || at.getTime() >= t(clock.dueAt).getTime()) {
    return fail('CONFLICT', '已超过办理时限，不能再延期', { clockKind: clock.kind, dueAt: clock.dueAt })
  }
  const used = clock.extensions.reduce((sum, e) => sum + e.days, 0)
  if (used + days > maxDays) {
    return fail('INVALID_INPUT', `延期合计不得超过 ${maxDays} 个工作日（已延期 ${used} 个）`, { field: 'days', maxDays, used })
  }
  // extending from the current due time: n more working days, ending at close of business
  const dueAt = cal.dueAt(t(clock.dueAt), days)
  return ok({ ...clock, dueAt: formatShanghai(dueAt), extensions: [...clock.extensions, { days, reason: reason.trim(), at: formatShanghai(at), by }] })
}

export function meetClock(clock: Clock, at: Date): Result<Clock> {
  if (clock.metAt) return closed(clock)
  const pausedAt = clock.pausedAt
  return ok({
    ...clock,
    pausedAt: null,
    pausedSpans: pausedAt ? [...clock.pausedSpans, { from: pausedAt, to: formatShanghai(at) }] : clock.pausedSpans,
    metAt: formatShanghai(at),
  })
}

export function breachClock(clock: Clock, at: Date): Result<Clock> {
  if (clock.metAt) return closed(clock)
  if (clock.breachedAt) return fail('CONFLICT', `${CLOCK_LABELS[clock.kind]}已记录超时`, { clockKind: clock.kind })
  if (clock.pausedAt) return fail('CONFLICT', `${CLOCK_LABELS[clock.kind]}暂停中，不计超时`, { clockKind: clock.kind })
  if (at.getTime() < t(clock.dueAt).getTime()) return fail('CONFLICT', '尚未到期', { clockKind: clock.kind, dueAt: clock.dueAt })
  return ok({ ...clock, breachedAt: formatShanghai(at) })
}

/** the earliest due time among clocks still running: when the sweep next has to look at the case */
export function nextActionAt(clocks: Clock[]): string | null {
  let next: string | null = null
  for (const c of clocks) {
    if (c.metAt || c.breachedAt || c.pausedAt) continue
    if (next === null || Date.parse(c.dueAt) < Date.parse(next)) next = c.dueAt
  }
  return next
}

/**
 * How much of a running clock is left, in working days and hours of the hall's calendar (a working
 * day counted as the standard day's business hours), or how many working days it is overdue (004).
 */
export function countdown(clock: Clock, now: Date, cal: WorkCalendar): string {
  const workdayMs = Math.max(cal.workdayMillis(), 3_600_000)
  const state = clockState(clock)
  if (state === 'met') {
    // 004: overdue days stop counting when the clock is met
    const late = clock.breachedAt ? cal.overdueWorkingDays(new Date(clock.dueAt), new Date(clock.metAt!)) : 0
    return late > 0 ? `已完成（超时 ${late} 个工作日）` : '已完成'
  }
  if (state === 'paused') return '已暂停，等待补正材料'
  const due = new Date(clock.dueAt)
  if (now.getTime() >= due.getTime()) {
    const days = cal.overdueWorkingDays(due, now)
    return days > 0 ? `已超时 ${days} 个工作日` : '已到期'
  }
  const left = cal.workingMillisBetween(now, due)
  const days = Math.floor(left / workdayMs)
  const hours = Math.ceil((left - days * workdayMs) / 3_600_000)
  if (days === 0) return hours <= 1 ? '剩余不足 1 个工作小时' : `剩余 ${hours} 个工作小时`
  return hours > 0 ? `剩余 ${days} 个工作日 ${hours} 小时` : `剩余 ${days} 个工作日`
}
