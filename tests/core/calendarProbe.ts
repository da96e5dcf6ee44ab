// Run by calendar.test.ts in a child process under a given TZ: prints the calendar's answers.
import { createCalendar, formatShanghai, shanghaiDate } from '../../src/core/calendar'

const cal = createCalendar()
const results: string[] = [formatShanghai(cal.dueAt(new Date('2026-09-30T15:00:00+08:00'), 2))]
let t = Date.parse('2026-01-01T00:00:00+08:00')
for (let i = 0; i < 400; i++) {
  t += 19 * 3_600_000 + 17 * 60_000 // walks through every hour of the day over the year
  const d = new Date(t)
  results.push(`${shanghaiDate(d)} ${formatShanghai(cal.dueAt(d, i % 6))} ${cal.workingMillisBetween(d, new Date(t + 50 * 3_600_000))}`)
}
process.stdout.write(JSON.stringify({ offsetMinutes: new Date('2026-07-01T00:00:00Z').getTimezoneOffset(), results }))
