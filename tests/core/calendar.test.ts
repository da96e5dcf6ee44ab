// The working-day calendar. The hall's times are always Asia/Shanghai whatever the server's TZ: the
// same computations are run in child processes under other zones and must give the same instants.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import fc from 'fast-check'
import { createCalendar, formatShanghai, shanghaiDate, type CalendarOverride } from '../../src/core/calendar'

const at = (s: string) => new Date(s)
const due = (cal: ReturnType<typeof createCalendar>, received: string, n: number) => formatShanghai(cal.dueAt(at(received), n))
const H = 3_600_000

describe('the working-day calendar', () => {
  const cal = createCalendar()

  it('docs/DESIGN.md examples across the 2026 National Day holiday and its make-up Saturday', () => {
    // received Wed 30 Sep 15:00: 1–7 Oct are the holiday, Thu 8 Oct is day 1, Fri 9 Oct day 2
    expect(cal.isWorkingDay('2026-10-07')).toBe(false)
    expect(due(cal, '2026-09-30T15:00:00+08:00', 2)).toBe('2026-10-09T17:30:00+08:00')
  })

  it('Fri 9 Oct + 2 working days is Mon 12 Oct because Sat 10 Oct is a make-up working day', () => {
    expect(cal.isWorkingDay('2026-10-10')).toBe(true)
    expect(cal.isWorkingDay('2026-10-11')).toBe(false)
    expect(due(cal, '2026-10-09T10:00:00+08:00', 2)).toBe('2026-10-12T17:30:00+08:00')
  })

  it('does not count the day of receipt (民法典 201)', () => {
    expect(due(cal, '2026-11-23T08:00:00+08:00', 1)).toBe('2026-11-24T17:30:00+08:00')
    expect(due(cal, '2026-11-23T23:59:00+08:00', 1)).toBe('2026-11-24T17:30:00+08:00')
    // Friday evening + 2 working days: Monday and Tuesday
    expect(due(cal, '2026-11-27T20:00:00+08:00', 2)).toBe('2026-12-01T17:30:00+08:00')
    // a Saturday receipt counts from Monday
    expect(due(cal, '2026-11-28T10:00:00+08:00', 1)).toBe('2026-11-30T17:30:00+08:00')
  })

  it('n = 0 is the same day, or the next working day after close or on a rest day', () => {
    expect(due(cal, '2026-11-23T09:30:00+08:00', 0)).toBe('2026-11-23T17:30:00+08:00')
    expect(due(cal, '2026-11-23T17:29:00+08:00', 0)).toBe('2026-11-23T17:30:00+08:00')
    expect(due(cal, '2026-11-23T17:30:00+08:00', 0)).toBe('2026-11-24T17:30:00+08:00')
    expect(due(cal, '2026-11-28T10:00:00+08:00', 0)).toBe('2026-11-30T17:30:00+08:00')
    expect(due(cal, '2026-10-01T10:00:00+08:00', 0)).toBe('2026-10-08T17:30:00+08:00')
  })

  it('spans the Spring Festival', () => {
    // 15–23 Feb 2026 off, 14 Feb (Sat) and 28 Feb (Sat) are make-up working days
    expect(cal.isWorkingDay('2026-02-14')).toBe(true)
    expect(due(cal, '2026-02-13T16:00:00+08:00', 2)).toBe('2026-02-24T17:30:00+08:00')
  })

  it('formats Shanghai dates and times', () => {
    expect(shanghaiDate(at('2026-11-22T16:30:00Z'))).toBe('2026-11-23')
    expect(formatShanghai(at('2026-11-22T16:30:00Z'))).toBe('2026-11-23T00:30:00+08:00')
  })

  it('counts working time only inside business hours', () => {
    // Mon 08:00 → Tue 10:00: Monday 7 h, Tuesday 1 h
    expect(cal.workingMillisBetween(at('2026-11-23T08:00:00+08:00'), at('2026-11-24T10:00:00+08:00'))).toBe(8 * H)
    // the lunch break and the weekend are not working time
    expect(cal.workingMillisBetween(at('2026-11-23T11:00:00+08:00'), at('2026-11-23T14:30:00+08:00'))).toBe(2 * H)
    expect(cal.workingMillisBetween(at('2026-11-27T17:00:00+08:00'), at('2026-11-30T09:30:00+08:00'))).toBe(H)
    expect(formatShanghai(cal.addWorkingMillis(at('2026-11-27T17:00:00+08:00'), H))).toBe('2026-11-30T09:30:00+08:00')
  })

  it('every started working day past due counts as one day overdue (004)', () => {
    const d = at('2026-11-23T17:30:00+08:00')
    expect(cal.overdueWorkingDays(d, at('2026-11-23T20:00:00+08:00'))).toBe(0)
    expect(cal.overdueWorkingDays(d, at('2026-11-24T09:01:00+08:00'))).toBe(1)
    expect(cal.overdueWorkingDays(d, at('2026-11-25T09:01:00+08:00'))).toBe(2)
    // Friday's due, looked at on Monday morning: the weekend does not count
    expect(cal.overdueWorkingDays(at('2026-11-27T17:30:00+08:00'), at('2026-11-30T10:00:00+08:00'))).toBe(1)
  })
})

describe('the hall overrides and missing years', () => {
  const overrides: CalendarOverride[] = [
    { date: '2026-11-24', kind: 'restday', note: '大厅系统升级停办一天' },
    { date: '2026-11-28', kind: 'workday', note: '周六延时服务' },
  ]
  const cal = createCalendar({ overrides })

  it('overrides win over the official data', () => {
    expect(cal.isWorkingDay('2026-11-24')).toBe(false)
    expect(cal.isWorkingDay('2026-11-28')).toBe(true)
    expect(due(cal, '2026-11-23T10:00:00+08:00', 1)).toBe('2026-11-25T17:30:00+08:00')
    const info = cal.yearInfo(2026)
    expect(info.holidays).toContainEqual({ date: '2026-11-24', name: '大厅系统升级停办一天', source: 'override' })
    expect(info.makeupWorkdays).toContainEqual({ date: '2026-11-28', name: '周六延时服务', source: 'override' })
  })

  it('a year without official data is flagged; weekends are still rest days', () => {
    const plain = createCalendar()
    expect(plain.hasOfficialData(2026)).toBe(true)
    expect(plain.hasOfficialData(2027)).toBe(false)
    expect(plain.yearInfo(2027).hasOfficialData).toBe(false)
    expect(plain.isWorkingDay('2027-01-01')).toBe(true) // a Friday, until the hall enters the notice
    expect(plain.isWorkingDay('2027-01-02')).toBe(false)
    const entered = createCalendar({ overrides: [{ date: '2027-01-01', kind: 'restday', note: '元旦' }] })
    expect(entered.isWorkingDay('2027-01-01')).toBe(false)
  })

  it('business hours are the hall own', () => {
    const late = createCalendar({
      hours: {
        1: [
          { start: '08:30', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
      },
    })
    expect(formatShanghai(late.closeOfBusiness('2026-11-23'))).toBe('2026-11-23T18:00:00+08:00')
    expect(formatShanghai(late.closeOfBusiness('2026-11-24'))).toBe('2026-11-24T17:30:00+08:00')
  })
})

describe('laws of dueAt (property tests)', () => {
  const cal = createCalendar({ overrides: [{ date: '2026-06-15', kind: 'restday', note: '' }] })
  const instant = fc.integer({ min: Date.parse('2025-01-01T00:00:00+08:00'), max: Date.parse('2026-12-01T00:00:00+08:00') })
  const n = fc.integer({ min: 0, max: 20 })

  it('a due instant is always the close of business of a working day', () => {
    fc.assert(
      fc.property(instant, n, (t, days) => {
        const d = cal.dueAt(new Date(t), days)
        const date = shanghaiDate(d)
        expect(cal.isWorkingDay(date)).toBe(true)
        expect(d.getTime()).toBe(cal.closeOfBusiness(date).getTime())
      }),
      { numRuns: 2000 },
    )
  })

  it('never goes backwards as the receipt time moves forward, and more days are never earlier', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * 86_400_000 }), n, (t, dt, days) => {
        expect(cal.dueAt(new Date(t + dt), days).getTime()).toBeGreaterThanOrEqual(cal.dueAt(new Date(t), days).getTime())
        const more = cal.dueAt(new Date(t), days + 1).getTime()
        const fewer = cal.dueAt(new Date(t), days).getTime()
        // on a rest day, "the same day" (n = 0) already means the next working day, as n = 1 does
        if (days === 0) expect(more).toBeGreaterThanOrEqual(fewer)
        else expect(more).toBeGreaterThan(fewer)
      }),
      { numRuns: 2000 },
    )
  })

  it('is never before the receipt, and exactly n working days lie strictly between receipt day and due day plus one', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 20 }), (t, days) => {
        const received = new Date(t)
        const d = cal.dueAt(received, days)
        expect(d.getTime()).toBeGreaterThan(t)
        let count = 0
        for (let x = t + 86_400_000; shanghaiDate(new Date(x)) <= shanghaiDate(d); x += 86_400_000) {
          if (cal.isWorkingDay(shanghaiDate(new Date(x)))) count++
        }
        expect(count).toBe(days)
      }),
      { numRuns: 300 },
    )
  })

  it('adding working time and measuring it agree', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * H }), (t, ms) => {
        const from = new Date(t)
        const to = cal.addWorkingMillis(from, ms)
        expect(cal.workingMillisBetween(from, to)).toBe(ms)
      }),
      { numRuns: 500 },
    )
  })
})

describe('the same answers under every process time zone', () => {
  const probe = join(__dirname, 'calendarProbe.ts')
  const run = (tz: string) =>
    execFileSync(process.execPath, ['--require', 'tsx/cjs', probe], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, TZ: tz, NODE_OPTIONS: '' },
      encoding: 'utf8',
    })

  it.each(['Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati'])('TZ=%s agrees with TZ=UTC', (tz) => {
    const utc = JSON.parse(run('UTC'))
    const other = JSON.parse(run(tz))
    expect(other.offsetMinutes).not.toBe(utc.offsetMinutes) // the zone really changed
    expect(other.results).toEqual(utc.results)
    expect(other.results[0]).toBe('2026-10-09T17:30:00+08:00')
  })
})
