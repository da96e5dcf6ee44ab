// The dashboard's rules: where an open case stands against its clocks, and the weekly trend counting
// each event in the week it happened.
import fc from 'fast-check'
import { createCalendar } from '../../src/core/calendar'
import { startClock, type Clock } from '../../src/core/clock'
import type { CaseState } from '../../src/core/caseState'
import { lastWeeks, onTimeShare, openClock, trendDelta, trendsFromCounts, weekOf } from '../../src/core/dashboard'

const cal = createCalendar()
const now = new Date('2026-11-25T10:00:00+08:00') // a Wednesday
const todayClose = cal.closeOfBusiness('2026-11-25')
const clock = (startedAt: string, days: number, patch: Partial<Clock> = {}): Clock => ({ ...startClock('reply', new Date(startedAt), days, cal), ...patch })

describe('openClock', () => {
  it('places a case by its most pressing clock', () => {
    expect(openClock([clock('2026-11-20T10:00:00+08:00', 2)], now, todayClose)).toMatchObject({
      state: 'overdue',
      kind: 'reply',
      label: '答复时限',
      dueAt: '2026-11-24T17:30:00+08:00',
    })
    expect(openClock([clock('2026-11-23T10:00:00+08:00', 2)], now, todayClose).state).toBe('dueToday')
    expect(openClock([clock('2026-11-25T09:00:00+08:00', 2)], now, todayClose).state).toBe('onTime')
    // paused for the citizen's materials, or met: nothing is running
    expect(openClock([clock('2026-11-20T10:00:00+08:00', 2, { pausedAt: '2026-11-21T10:00:00+08:00' })], now, todayClose).state).toBe('waiting')
    expect(openClock([clock('2026-11-20T10:00:00+08:00', 2, { metAt: '2026-11-20T11:00:00+08:00' })], now, todayClose).state).toBe('waiting')
    expect(openClock([], now, todayClose)).toEqual({ state: 'waiting', kind: null, label: null, dueAt: null })
    // a breach the sweep recorded stays overdue, even paused later
    expect(
      openClock([clock('2026-11-25T09:00:00+08:00', 2, { breachedAt: '2026-11-25T09:30:00+08:00', pausedAt: '2026-11-25T09:40:00+08:00' })], now, todayClose)
        .state,
    ).toBe('overdue')
  })
})

describe('weekly trends', () => {
  it('weeks start on Monday in the hall’s time', () => {
    expect(weekOf('2026-11-23')).toBe('2026-11-23')
    expect(weekOf('2026-11-29')).toBe('2026-11-23')
    expect(weekOf('2026-11-30')).toBe('2026-11-30')
    expect(lastWeeks(new Date('2026-11-22T17:00:00Z'), 3)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']) // Monday 01:00 in Beijing
  })

  it('counts what each write of a case adds, in the week it happened', () => {
    const base = {
      id: 'c_1',
      windowId: 'bdc',
      firstWindowId: 'bdc',
      submittedAt: '2026-11-20T10:00:00+08:00',
      closedAt: null,
      ratings: [],
      clocks: [clock('2026-11-20T10:00:00+08:00', 2)],
    } as unknown as CaseState
    expect(trendDelta(null, base)).toEqual([{ windowId: 'bdc', day: '2026-11-20', what: 'submitted' }])
    // answered on Monday within the limit, rated and closed the same day
    const answered = { ...base, clocks: [{ ...base.clocks[0]!, metAt: '2026-11-23T09:00:00+08:00' }] } as CaseState
    expect(trendDelta(base, answered)).toEqual([{ windowId: 'bdc', day: '2026-11-23', what: 'onTime' }])
    const rated = {
      ...answered,
      ratings: [{ round: 1, level: 2, bad: true, tags: [], text: '', at: '2026-11-23T10:00:00+08:00', staffId: 'li', windowId: 'bdc' }],
    } as CaseState
    expect(trendDelta(answered, rated)).toEqual([{ windowId: 'bdc', day: '2026-11-23', what: 'rating:2' }])
    const closed = { ...rated, closedAt: '2026-11-23T10:05:00+08:00' } as CaseState
    expect(trendDelta(rated, closed)).toEqual([{ windowId: 'bdc', day: '2026-11-23', what: 'closed' }])
    // a write that changes none of these adds nothing
    expect(trendDelta(closed, { ...closed, version: 9 } as CaseState)).toEqual([])
    // breached first, answered later: one late reply, counted when the clock ran out
    const breached = { ...base, clocks: [{ ...base.clocks[0]!, breachedAt: '2026-11-24T17:30:00+08:00' }] } as CaseState
    expect(trendDelta(base, breached)).toEqual([{ windowId: 'bdc', day: '2026-11-24', what: 'late' }])
    expect(trendDelta(breached, { ...breached, clocks: [{ ...breached.clocks[0]!, metAt: '2026-11-25T09:00:00+08:00' }] } as CaseState)).toEqual([])

    const [w1, w2] = trendsFromCounts(
      [
        { day: '2026-11-20', what: 'submitted', n: 2 },
        { day: '2026-11-23', what: 'onTime', n: 1 },
        { day: '2026-11-24', what: 'late', n: 1 },
        { day: '2026-11-29', what: 'rating:2', n: 1 }, // Sunday: still the week of the 23rd
        { day: '2026-11-30', what: 'closed', n: 5 }, // the next week, not asked for
      ],
      ['2026-11-16', '2026-11-23'],
    )
    expect(w1).toMatchObject({ week: '2026-11-16', submitted: 2, closed: 0, repliedOnTime: 0, repliedLate: 0 })
    expect(w2).toMatchObject({ week: '2026-11-23', submitted: 0, closed: 0, repliedOnTime: 1, repliedLate: 1, ratings: { '2': 1 } })
    expect(onTimeShare([w1!, w2!])).toEqual({ onTime: 1, late: 1, share: 0.5 })
    expect(onTimeShare([]).share).toBeNull()
  })

  it('every receipt inside the weeks is counted exactly once', () => {
    const weeks = lastWeeks(new Date('2026-11-25T02:00:00Z'), 8)
    const from = Date.parse(`${weeks[0]}T00:00:00+08:00`)
    const at = fc.integer({ min: from - 14 * 86_400_000, max: Date.parse('2026-11-29T23:59:59+08:00') })
    fc.assert(
      fc.property(fc.array(at, { maxLength: 60 }), (times) => {
        const counts = times.flatMap((t) =>
          trendDelta(null, {
            windowId: 'bdc',
            firstWindowId: 'bdc',
            submittedAt: new Date(t).toISOString(),
            closedAt: null,
            clocks: [],
            ratings: [],
          } as unknown as CaseState),
        )
        const counted = trendsFromCounts(
          counts.map((c) => ({ day: c.day, what: c.what, n: 1 })),
          weeks,
        ).reduce((n, w) => n + w.submitted, 0)
        return counted === times.filter((t) => t >= from).length
      }),
    )
  })
})
