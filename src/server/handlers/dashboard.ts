// 运行看板 for the hall office (the whole hall, or one window) and a window lead (their window): open
// cases by window and where they stand against their clocks, the overdue list, and the weekly trend of
// cases received and closed, replies on time (000 §4.2) and ratings.
import { formatShanghai, shanghaiDate } from '../../core/calendar'
import { countdown } from '../../core/clock'
import { lastWeeks, noLevels, onTimeShare, openClock, OPEN_CLOCK_STATES, OPEN_STATE_LABELS, type OpenClockState } from '../../core/dashboard'
import { DomainError } from '../../core/errors'
import { CaseStatus } from '../../core/events'
import { CASE_CHANNEL_LABELS, CaseChannel, channelOf } from '../../core/registration'
import { requireStaff } from '../authorize'
import { caseSummary } from '../caseView'
import { loadDirectory } from '../directory'
import { loadHallContext } from '../hallContext'
import type { Handler } from '../context'

const OPEN = CaseStatus.options.filter((s) => s !== 'closed')
const OVERDUE_SHOWN = 50
const zero = (): Record<OpenClockState, number> => ({ overdue: 0, dueToday: 0, onTime: 0, waiting: 0 })

export const dashboard: Handler<'dashboard'> = async (ctx, input) => {
  const me = requireStaff(ctx)
  if (me.role === 'staff' || (me.role === 'lead' && !me.windowId)) throw new DomainError('FORBIDDEN', '运行看板供窗口负责人和政务服务科使用')
  if (me.role === 'lead' && input.windowId && input.windowId !== me.windowId) throw new DomainError('FORBIDDEN', '只能查看本窗口的看板')
  const windowId = me.role === 'lead' ? me.windowId! : input.windowId
  const weeks = lastWeeks(ctx.now, input.weeks)
  const [hall, dir, open, trends, received, faqs] = await Promise.all([
    loadHallContext(ctx.store, me.hallId, 'current'),
    loadDirectory(ctx.store, me.hallId),
    ctx.store.listCases({ hallId: me.hallId, windowId, statuses: OPEN, limit: 100_000 }),
    ctx.store.weeklyTrends({ hallId: me.hallId, windowId, weeks }),
    ctx.store.listCases({ hallId: me.hallId, windowId, submittedFrom: `${weeks[0]}T00:00:00+08:00`, limit: 100_000 }),
    ctx.store.listFaqs(me.hallId),
  ])
  const shownFaqs = faqs.filter((f) => !windowId || f.windowId === windowId)
  if (windowId && !dir.windows.has(windowId)) throw new DomainError('NOT_FOUND', '找不到这个窗口', { field: 'windowId' })

  const todayClose = hall.calendar.closeOfBusiness(shanghaiDate(ctx.now))
  const placed = open.map((c) => ({ c, clock: openClock(c.clocks, ctx.now, todayClose) }))
  const byWindow = new Map<string, Record<OpenClockState, number>>()
  const totals = zero()
  for (const { c, clock } of placed) {
    const row = byWindow.get(c.windowId) ?? zero()
    row[clock.state]++
    totals[clock.state]++
    byWindow.set(c.windowId, row)
  }
  const windows = [...dir.windows.values()]
    .filter((w) => (windowId ? w.id === windowId : w.active || byWindow.has(w.id)))
    .map((w) => {
      const byState = byWindow.get(w.id) ?? zero()
      return { windowId: w.id, name: w.name, number: w.number, byState, total: OPEN_CLOCK_STATES.reduce((n, s) => n + byState[s], 0) }
    })
  const overdue = placed.filter((p) => p.clock.state === 'overdue').sort((a, b) => Date.parse(a.clock.dueAt ?? '') - Date.parse(b.clock.dueAt ?? ''))
  const ratings = noLevels()
  for (const t of trends) for (const l of Object.keys(ratings) as Array<keyof typeof ratings>) ratings[l] += t.ratings[l]
  const rated = Object.values(ratings).reduce((a, b) => a + b, 0)
  const badAtOrBelow = hall.policy.rating.badAtOrBelow.value

  return {
    scope: windowId ? dir.window(windowId) : hall.hall.name,
    windowId: windowId ?? null,
    windowChoices: me.role === 'office' ? [...dir.windows.values()].filter((w) => w.active).map((w) => ({ id: w.id, name: w.name })) : [],
    at: formatShanghai(ctx.now),
    states: OPEN_CLOCK_STATES.map((key) => ({ key, label: OPEN_STATE_LABELS[key] })),
    open: { total: open.length, byState: totals, windows },
    overdueCount: overdue.length,
    overdue: overdue.slice(0, OVERDUE_SHOWN).map(({ c, clock }) => {
      const running = c.clocks.find((k) => k.kind === clock.kind && !k.metAt)
      return { ...caseSummary(c, dir), clockLabel: clock.label, dueAt: clock.dueAt, overdueText: running ? countdown(running, ctx.now, hall.calendar) : '' }
    }),
    weeks: trends,
    // where first contacts come from: the app, the counter, the phone, letters, 12345 (issue: every first contact a case)
    channels: CaseChannel.options.map((id) => ({
      id,
      label: CASE_CHANNEL_LABELS[id],
      open: open.filter((c) => channelOf(c) === id).length,
      received: received.filter((c) => channelOf(c) === id).length,
    })),
    // questions citizens found answered before asking (常见问答)
    faqs: { published: shownFaqs.length, resolved: shownFaqs.reduce((n, f) => n + f.resolved, 0) },
    replies: onTimeShare(trends),
    ratings: {
      counts: ratings,
      total: rated,
      // 好评: above the hall's bad-rating line (GB/T 39735)
      goodShare:
        rated > 0
          ? (rated -
              Object.entries(ratings)
                .filter(([l]) => Number(l) <= badAtOrBelow)
                .reduce((n, [, v]) => n + v, 0)) /
            rated
          : null,
    },
  }
}
