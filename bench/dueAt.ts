// dueAt over a year of random receipt times: the prefix-count calendar against the naive loop that
// asks the holiday data day by day.
import { getDayDetail } from 'chinese-days'
import { createCalendar } from '../src/core/calendar'
import type { Metric } from './run'

const DAY = 86_400_000

/** the obvious implementation: step one day at a time, asking chinese-days each time */
function naiveDueAt(received: Date, n: number): Date {
  const shanghai = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
  let ms = received.getTime()
  let left = n
  while (left > 0) {
    ms += DAY
    if (getDayDetail(shanghai(ms)).work) left--
  }
  return new Date(`${shanghai(ms)}T17:30:00+08:00`)
}

function rate(f: (d: Date, n: number) => Date, inputs: Array<[Date, number]>, minMs = 1000): number {
  let calls = 0
  const start = performance.now()
  while (performance.now() - start < minMs) {
    for (const [d, n] of inputs) f(d, n)
    calls += inputs.length
  }
  return calls / ((performance.now() - start) / 1000)
}

export async function benchDueAt(): Promise<Metric[]> {
  const cal = createCalendar()
  const year = Date.parse('2026-01-01T00:00:00+08:00')
  let seed = 42
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const inputs: Array<[Date, number]> = Array.from({ length: 2000 }, () => [new Date(year + Math.floor(random() * 300 * DAY)), 1 + Math.floor(random() * 15)])
  // both agree before either is timed
  for (const [d, n] of inputs.slice(0, 200)) {
    if (cal.dueAt(d, n).getTime() !== naiveDueAt(d, n).getTime()) throw new Error(`disagree on ${d.toISOString()} + ${n}`)
  }
  const fast = rate((d, n) => cal.dueAt(d, n), inputs)
  const naive = rate(naiveDueAt, inputs.slice(0, 200))
  return [
    { name: 'dueAt calls/s (prefix counts)', value: fast, unit: 'calls/s' },
    { name: 'dueAt calls/s (day-by-day loop over chinese-days)', value: naive, unit: 'calls/s' },
    { name: 'speed-up of dueAt over the day-by-day loop', value: fast / naive, unit: '×' },
  ]
}
