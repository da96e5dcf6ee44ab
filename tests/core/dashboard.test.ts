// The dashboard's rules: where an open case stands against its clocks, and the weekly trend counting
// each event in the week it happened.
import fc from 'fast-check'
import { createCalendar } from '../../src/core/calendar'
import { startClock, type Clock } from '../../src/core/clock'
import { lastWeeks, onTimeShare, openClock, weekOf, weeklyTrends, type CaseFact } from '../../src/core/dashboard'

const cal = createCalendar()
const now = new Date('2026-11-25T10:00:00+08:00') // a Wednesday
const todayClose = cal.closeOfBusiness('2026-11-25')
const clock = (startedAt: string, days: number, patch: Partial<Clock> = {}): Clock => ({ ...startClock('reply', new Date(startedAt), days, cal), ...patch })

describe('openClock', () => {
  it('places a case by its most pressing clock', () => {
    expect(openClock([clock('2026-11-20T10:00:00+08:00', 2)], now, todayClose)).toMatchObject({ state: 'overdue', kind: 'reply', label: '答复时限', dueAt: '2026-11-24T17:30:00+08:00' })
    expect(openClock([clock('2026-11-23T10:00:00+08:00', 2)], now, todayClose).state).toBe('dueToday')
    expect(openClock([clock('2026-11-25T09:00:00+08:00', 2)], now, todayClose).state).toBe('onTime')
    // paused for the citizen's materials, or met: nothing is running
    expect(openClock([clock('2026-11-20T10:00:00+08:00', 2, { pausedAt: '2026-11-21T10:00:00+08:00' })], now, todayClose).state).toBe('waiting')
    expect(openClock([clock('2026-11-20T10:00:00+08:00', 2, { metAt: '2026-11-20T11:00:00+08:00' })], now, todayClose).state).toBe('waiting')
    expect(openClock([], now, todayClose)).toEqual({ state: 'waiting', kind: null, label: null, dueAt: null })
    // a breach the sweep recorded stays overdue, even paused later
    expect(openClock([clock('2026-11-25T09:00:00+08:00', 2, { breachedAt: '2026-11-25T09:30:00+08:00', pausedAt: '2026-11-25T09:40:00+08:00' })], now, todayClose).state).toBe('overdue')
  })
})

describe('weekly trends', () => {
  it('weeks start on Monday in the hall’s time', () => {
    expect(weekOf('2026-11-23')).toBe('2026-11-23')
    expect(weekOf('2026-11-29')).toBe('2026-11-23')
    expect(weekOf('2026-11-30')).toBe('2026-11-30')
    expect(lastWeeks(new Date('2026-11-22T17:00:00Z'), 3)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']) // Monday 01:00 in Beijing
  })

  it('counts each event in its week; replies on time only when met by the due time', () => {
    const weeks = ['2026-11-16', '2026-11-23']
    const facts: CaseFact[] = [
      { windowId: 'bdc', submittedAt: '2026-11-20T10:00:00+08:00', closedAt: '2026-11-23T09:30:00+08:00', replies: [{ dueAt: '2026-11-24T17:30:00+08:00', metAt: '2026-11-23T09:00:00+08:00', breachedAt: null }], ratings: [{ level: 5, at: '2026-11-23T10:00:00+08:00' }] },
      { windowId: 'bdc', submittedAt: '2026-11-16T08:00:00+08:00', closedAt: null, replies: [{ dueAt: '2026-11-18T17:30:00+08:00', metAt: '2026-11-19T09:00:00+08:00', breachedAt: '2026-11-18T17:31:00+08:00' }], ratings: [{ level: 2, at: '2026-11-20T10:00:00+08:00' }] },
      // before the weeks shown: not counted
      { windowId: 'bdc', submittedAt: '2026-11-13T10:00:00+08:00', closedAt: '2026-11-13T11:00:00+08:00', replies: [{ dueAt: '2026-11-17T17:30:00+08:00', metAt: null, breachedAt: null }], ratings: [] },
    ]
    const [w1, w2] = weeklyTrends(facts, weeks)
    expect(w1).toMatchObject({ week: '2026-11-16', submitted: 2, closed: 0, repliedOnTime: 0, repliedLate: 1, ratings: { '2': 1 } })
    expect(w2).toMatchObject({ week: '2026-11-23', submitted: 0, closed: 1, repliedOnTime: 1, repliedLate: 0, ratings: { '5': 1 } })
    expect(onTimeShare([w1!, w2!])).toEqual({ onTime: 1, late: 1, share: 0.5 })
    expect(onTimeShare([]).share).toBeNull()
  })

  it('every submission inside the weeks is counted exactly once', () => {
    const weeks = lastWeeks(new Date('2026-11-25T02:00:00Z'), 8)
    const from = Date.parse(`${weeks[0]}T00:00:00+08:00`)
    const at = fc.integer({ min: from - 14 * 86_400_000, max: Date.parse('2026-11-29T23:59:59+08:00') })
    fc.assert(
      fc.property(fc.array(at, { maxLength: 60 }), (times) => {
        const facts = times.map((t): CaseFact => ({ windowId: 'bdc', submittedAt: new Date(t).toISOString(), closedAt: null, replies: [], ratings: [] }))
        const counted = weeklyTrends(facts, weeks).reduce((n, w) => n + w.submitted, 0)
        return counted === times.filter((t) => t >= from).length
      }),
    )
  })
})
