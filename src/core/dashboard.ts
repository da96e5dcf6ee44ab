// The hall office's and a window lead's dashboard: how the open cases stand against their clocks, and
// the weekly trend of cases received and closed, replies on time (000 §4.2) and ratings (好差评).
import type { CaseState } from './caseState'
import { CLOCK_LABELS, type Clock } from './clock'
import type { ClockKind } from './events'
import { shanghaiDate } from './calendar'

export type OpenClockState = 'overdue' | 'dueToday' | 'onTime' | 'waiting'
export const OPEN_CLOCK_STATES: OpenClockState[] = ['overdue', 'dueToday', 'onTime', 'waiting']
export const OPEN_STATE_LABELS: Record<OpenClockState, string> = {
  overdue: '已超时',
  dueToday: '今日到期',
  onTime: '时限内',
  // paused for the citizen's materials, or no clock running (answered, waiting to be closed)
  waiting: '暂停或待结案',
}

export interface OpenClock {
  state: OpenClockState
  /** the clock that decides it: the earliest due of the running ones */
  kind: ClockKind | null
  label: string | null
  dueAt: string | null
}

/**
 * Where an open case stands at `now`: overdue when any clock is breached or past due, due today
 * when one falls due by `todayClose` (the close of today's business), else within its limits;
 * a case whose clocks are all paused or met is waiting.
 */
export function openClock(clocks: Clock[], now: Date, todayClose: Date): OpenClock {
  const running = clocks.filter((c) => !c.metAt)
  const ticking = running.filter((c) => !c.pausedAt).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
  const late = running
    .filter((c) => c.breachedAt || (!c.pausedAt && Date.parse(c.dueAt) <= now.getTime()))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
  const first = late[0] ?? ticking[0]
  const out = (state: OpenClockState): OpenClock => ({
    state,
    kind: first?.kind ?? null,
    label: first ? CLOCK_LABELS[first.kind] : null,
    dueAt: first?.dueAt ?? null,
  })
  if (late.length) return out('overdue')
  if (!first) return out('waiting')
  return out(Date.parse(first.dueAt) <= todayClose.getTime() ? 'dueToday' : 'onTime')
}

export type LevelCounts = Record<'1' | '2' | '3' | '4' | '5', number>
export const noLevels = (): LevelCounts => ({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 })

export interface WeekTrend {
  /** the Monday the week starts on, YYYY-MM-DD */
  week: string
  submitted: number
  closed: number
  /** reply clocks that ended this week: met by their due time, or late */
  repliedOnTime: number
  repliedLate: number
  ratings: LevelCounts
}

const DAY = 86_400_000

/** the Monday of the week a day (YYYY-MM-DD) falls in */
export function weekOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`)
  const weekday = (new Date(t).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return new Date(t - weekday * DAY).toISOString().slice(0, 10)
}

/** the `count` weeks up to and including the one of `now`, oldest first */
export function lastWeeks(now: Date, count: number): string[] {
  const monday = Date.parse(`${weekOf(shanghaiDate(now))}T00:00:00Z`)
  return Array.from({ length: count }, (_, i) => new Date(monday - (count - 1 - i) * 7 * DAY).toISOString().slice(0, 10))
}

/** what the weekly trend counts, per window and day */
export type TrendKey = 'submitted' | 'closed' | 'onTime' | 'late' | 'rating:1' | 'rating:2' | 'rating:3' | 'rating:4' | 'rating:5'
export interface TrendCount {
  windowId: string
  /** YYYY-MM-DD in the hall's time */
  day: string
  what: TrendKey
}

const dayOf = (iso: string) => shanghaiDate(new Date(iso))
const ended = (c: Pick<Clock, 'metAt' | 'breachedAt'> | undefined) => !!c && (c.metAt !== null || c.breachedAt !== null)
const onTime = (c: Pick<Clock, 'metAt' | 'breachedAt' | 'dueAt'>) => c.metAt !== null && !c.breachedAt && Date.parse(c.metAt) <= Date.parse(c.dueAt)

/**
 * What one write of a case adds to the weekly trend (the stores keep these as counters in the same
 * transaction, so the dashboard never reads the cases): its receipt when it is created, a closure,
 * a reply clock that ended (on time or late), a rating. `before` is null for a new case.
 */
export function trendDelta(before: CaseState | null, after: CaseState): TrendCount[] {
  const out: TrendCount[] = []
  if (!before) out.push({ windowId: after.firstWindowId ?? after.windowId, day: dayOf(after.submittedAt), what: 'submitted' })
  if (after.closedAt && after.closedAt !== before?.closedAt) out.push({ windowId: after.windowId, day: dayOf(after.closedAt), what: 'closed' })
  const replies = (s: CaseState | null) => (s?.clocks ?? []).filter((c) => c.kind === 'reply')
  const was = replies(before)
  replies(after).forEach((c, i) => {
    if (ended(c) && !ended(was[i])) out.push({ windowId: after.windowId, day: dayOf((c.metAt ?? c.breachedAt)!), what: onTime(c) ? 'onTime' : 'late' })
  })
  for (const r of (after.ratings ?? []).slice(before?.ratings?.length ?? 0)) {
    if (r.level >= 1 && r.level <= 5) out.push({ windowId: r.windowId, day: dayOf(r.at), what: `rating:${r.level}` as TrendKey })
  }
  return out
}

/** the weekly trend from counters per day: each added to its week */
export function trendsFromCounts(counts: Array<{ day: string; what: string; n: number }>, weeks: string[]): WeekTrend[] {
  const rows = new Map(weeks.map((w) => [w, { week: w, submitted: 0, closed: 0, repliedOnTime: 0, repliedLate: 0, ratings: noLevels() } as WeekTrend]))
  for (const c of counts) {
    const row = rows.get(weekOf(c.day))
    if (!row) continue
    if (c.what === 'submitted') row.submitted += c.n
    else if (c.what === 'closed') row.closed += c.n
    else if (c.what === 'onTime') row.repliedOnTime += c.n
    else if (c.what === 'late') row.repliedLate += c.n
    else if (c.what.startsWith('rating:')) {
      const level = c.what.slice(7) as keyof LevelCounts
      if (level in row.ratings) row.ratings[level] += c.n
    }
  }
  return weeks.map((w) => rows.get(w)!)
}

/** the share of replies on time over the weeks, or null when none ended */
export function onTimeShare(trends: WeekTrend[]): { onTime: number; late: number; share: number | null } {
  const onTime = trends.reduce((n, t) => n + t.repliedOnTime, 0)
  const late = trends.reduce((n, t) => n + t.repliedLate, 0)
  return { onTime, late, share: onTime + late > 0 ? onTime / (onTime + late) : null }
}
