// The sweep's rules: when a running clock asks for a reminder or records its breach, and that each
// happens once however often (or however late) the sweep runs.
import fc from 'fast-check'
import { createCalendar, formatShanghai } from '../../src/core/calendar'
import { meetClock, startClock, type Clock } from '../../src/core/clock'
import { effectivePolicy, PRESETS, type Policy } from '../../src/core/policy'
import { milestones, nextActionTime, sweepEvents, type ReminderLevel } from '../../src/core/sweep'

const cal = createCalendar()
const policy = PRESETS['000']
const who = { staffId: 'bdc-li', windowId: 'bdc' }
const at = (s: string) => new Date(s)
const local = (d: Date) => formatShanghai(d).slice(0, 16)

// Monday 10:00; 2 working days (000 §4.2) end Wednesday at close of business, 17:30
const reply = () => startClock('reply', at('2026-11-23T10:00:00+08:00'), 2, cal)

function policyWith(reminders: { atFraction?: number; hoursBefore?: number }): Policy {
  const p = effectivePolicy('000', { reminders }, 2)
  if (!p.ok) throw p.error
  return p.value
}

describe('milestones', () => {
  it('a 2-working-day consult (000 §4.2): half time in working hours, 2 working hours before the due time, the breach at 17:30 on the last day', () => {
    const m = milestones(reply(), policy, cal)
    // Monday 10:00–17:30 is 6 working hours, Tuesday and Wednesday 7 each: 20 in all
    expect(m.map((x) => [x.level, local(x.at)])).toEqual([
      ['half', '2026-11-24T14:30'],
      ['soon', '2026-11-25T15:30'],
      ['breach', '2026-11-25T17:30'],
    ])
  })

  it('leaves out a half-time reminder that would not come before the 2-hours-before one', () => {
    const p = policyWith({ atFraction: 0.95 })
    expect(milestones(reply(), p, cal).map((x) => x.level)).toEqual(['soon', 'breach'])
  })

  it('has no "soon" reminder when the policy sets none, or when the whole period is shorter than the lead', () => {
    expect(milestones(reply(), policyWith({ hoursBefore: 0 }), cal).map((x) => x.level)).toEqual(['half', 'breach'])
    // a same-day clock (003 §3(1)2) started at 16:30 has one working hour left
    const sameDay = startClock('handoverContact', at('2026-11-23T16:30:00+08:00'), 0, cal)
    expect(local(new Date(sameDay.dueAt))).toBe('2026-11-23T17:30')
    expect(milestones(sameDay, policy, cal).map((x) => x.level)).toEqual(['half', 'breach'])
  })

  it('law: for any start and limit, the milestones are in time order and end with the breach at the due time', () => {
    const starts = fc.integer({ min: Date.parse('2026-01-05T00:00:00+08:00'), max: Date.parse('2026-12-20T00:00:00+08:00') })
    fc.assert(
      fc.property(
        starts,
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.integer({ min: 0, max: 8 }),
        (ms, days, fraction, hours) => {
          const clock = startClock('promised', new Date(ms), days, cal)
          const m = milestones(clock, policyWith({ atFraction: Math.round(fraction * 100) / 100, hoursBefore: hours }), cal)
          expect(m.at(-1)).toEqual({ level: 'breach', at: new Date(clock.dueAt) })
          for (let i = 1; i < m.length; i++) expect(m[i]!.at.getTime()).toBeGreaterThan(m[i - 1]!.at.getTime())
          expect(new Set(m.map((x) => x.level)).size).toBe(m.length)
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe('sweepEvents', () => {
  it('before the first milestone records nothing', () => {
    expect(sweepEvents([reply()], at('2026-11-24T14:29:00+08:00'), policy, cal, who)).toEqual([])
  })

  it('at half time reminds the responsible person once', () => {
    const c = reply()
    expect(sweepEvents([c], at('2026-11-24T14:30:00+08:00'), policy, cal, who)).toEqual([{ type: 'reminded', payload: { clockKind: 'reply', level: 'half' } }])
    expect(sweepEvents([{ ...c, reminded: ['half'] }], at('2026-11-24T16:00:00+08:00'), policy, cal, who)).toEqual([])
  })

  it('a sweep that missed half time sends only the latest reminder reached, not the earlier one late', () => {
    expect(sweepEvents([reply()], at('2026-11-25T16:00:00+08:00'), policy, cal, who)).toEqual([
      { type: 'reminded', payload: { clockKind: 'reply', level: 'soon' } },
    ])
    // and once "soon" is recorded, "half" is never asked for again
    expect(sweepEvents([{ ...reply(), reminded: ['soon'] }], at('2026-11-25T17:00:00+08:00'), policy, cal, who)).toEqual([])
  })

  it('at the due time records the breach against who is responsible (000 §6, 004), whatever reminders were sent', () => {
    const breach = { type: 'clockBreached', payload: { clockKind: 'reply', staffId: 'bdc-li', windowId: 'bdc' } }
    expect(sweepEvents([reply()], at('2026-11-25T17:30:00+08:00'), policy, cal, who)).toEqual([breach])
    expect(sweepEvents([{ ...reply(), reminded: ['half', 'soon'] }], at('2026-12-01T09:00:00+08:00'), policy, cal, who)).toEqual([breach])
  })

  it('leaves met, paused and breached clocks alone', () => {
    const late = at('2026-12-01T09:00:00+08:00')
    const met = meetClock(reply(), at('2026-11-24T10:00:00+08:00'))
    if (!met.ok) throw met.error
    const paused: Clock = { ...reply(), pausedAt: '2026-11-24T10:00:00+08:00' }
    const breached: Clock = { ...reply(), breachedAt: '2026-11-25T17:30:00+08:00' }
    expect(sweepEvents([met.value, paused, breached], late, policy, cal, who)).toEqual([])
    expect(nextActionTime([met.value, paused, breached], policy, cal)).toBeNull()
  })

  it('one event per running clock', () => {
    const a = reply()
    const b = startClock('jointPlan', at('2026-11-20T10:00:00+08:00'), 2, cal)
    const events = sweepEvents([a, b], at('2026-11-25T17:30:00+08:00'), policy, cal, who)
    expect(events.map((e) => (e.type === 'clockBreached' || e.type === 'reminded' ? e.payload.clockKind : null))).toEqual(['reply', 'jointPlan'])
  })
})

describe('nextActionTime', () => {
  it('is the earliest milestone not yet acted on among the running clocks', () => {
    const a = reply()
    const b = startClock('jointPlan', at('2026-11-23T09:00:00+08:00'), 3, cal)
    expect(local(nextActionTime([a, b], policy, cal)!)).toBe('2026-11-24T14:30')
    expect(local(nextActionTime([{ ...a, reminded: ['half'] }], policy, cal)!)).toBe('2026-11-25T15:30')
    expect(local(nextActionTime([{ ...a, reminded: ['half', 'soon'] }], policy, cal)!)).toBe('2026-11-25T17:30')
    expect(nextActionTime([], policy, cal)).toBeNull()
  })

  it('law: sweeping at each next action time sends every reminder once, in order, and then the breach', () => {
    const starts = fc.integer({ min: Date.parse('2026-01-05T00:00:00+08:00'), max: Date.parse('2026-12-20T00:00:00+08:00') })
    fc.assert(
      fc.property(starts, fc.integer({ min: 0, max: 15 }), (ms, days) => {
        let clock = startClock('promised', new Date(ms), days, cal)
        const sent: string[] = []
        for (let i = 0; i < 5; i++) {
          const when = nextActionTime([clock], policy, cal)
          if (!when) break
          // a second sweep at the same instant changes nothing once the first was recorded
          const [e] = sweepEvents([clock], when, policy, cal, who)
          expect(e).toBeDefined()
          if (e!.type === 'clockBreached') {
            sent.push('breach')
            clock = { ...clock, breachedAt: formatShanghai(when) }
          } else if (e!.type === 'reminded') {
            sent.push(e!.payload.level)
            clock = { ...clock, reminded: [...(clock.reminded ?? []), e!.payload.level as ReminderLevel] }
            expect(sweepEvents([clock], when, policy, cal, who)).toEqual([])
          }
        }
        expect(sent).toEqual(milestones(startClock('promised', new Date(ms), days, cal), policy, cal).map((m) => m.level))
        expect(nextActionTime([clock], policy, cal)).toBeNull()
      }),
      { numRuns: 150 },
    )
  })
})
