// The hall's working-day calendar, always in Asia/Shanghai whatever the process's TZ (China keeps
// +08:00 all year, so the arithmetic is fixed-offset and needs no zone database).
// Working days follow the State Council's yearly holiday notice, including make-up working days on
// weekends (调休), as shipped by the `chinese-days` package; the hall's own overrides win over it.
// A period of n working days does not count the day of receipt and ends at the close of business of
// its last day (民法典 第201、203条).
import officialData from 'chinese-days/dist/chinese-days.json'

export interface CalendarOverride {
  date: string // YYYY-MM-DD
  kind: 'workday' | 'restday'
  note: string
}
import { DEFAULT_HOURS, type WeeklyHours } from './hours'

export { DEFAULT_HOURS, type WeeklyHours }
export interface CalendarConfig {
  overrides?: CalendarOverride[]
  hours?: Partial<WeeklyHours>
}
export interface YearInfo {
  year: number
  hasOfficialData: boolean
  holidays: Array<{ date: string; name: string; source: 'official' | 'override' }>
  makeupWorkdays: Array<{ date: string; name: string; source: 'official' | 'override' }>
  overrides: CalendarOverride[]
}
export interface WorkCalendar {
  isWorkingDay(date: string): boolean
  /** the end of the day's last business-hours span (a rest day has none: the weekday's hours are used) */
  closeOfBusiness(date: string): Date
  dueAt(received: Date, n: number): Date
  workingMillisBetween(from: Date, to: Date): number
  addWorkingMillis(from: Date, ms: number): Date
  overdueWorkingDays(due: Date, at: Date): number
  yearInfo(year: number): YearInfo
  hasOfficialData(year: number): boolean
  /** the business hours of a standard (Monday) working day, for counting in working days */
  workdayMillis(): number
}

const DAY = 86_400_000
const OFFSET = 8 * 3_600_000
const MINUTE = 60_000

type Official = { holidays: Record<string, string>; workdays: Record<string, string> }
const OFFICIAL = officialData as Official
const OFFICIAL_YEARS = new Set(Object.keys(OFFICIAL.holidays).map((d) => Number(d.slice(0, 4))))
const officialName = (value: string | undefined) => value?.split(',')[1] ?? ''

/** days since 1970-01-01 in Asia/Shanghai */
const dayOf = (ms: number) => Math.floor((ms + OFFSET) / DAY)
const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const dateOfDay = (day: number) => {
  const d = new Date(day * DAY)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
function dayOfDate(date: string): number {
  const m = DATE_RE.exec(date)
  if (!m) throw new RangeError(`not a date: ${date}`)
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY)
}
const weekdayOf = (day: number) => ((day % 7) + 4 + 7) % 7 // 1970-01-01 was a Thursday
const yearOfDay = (day: number) => new Date(day * DAY).getUTCFullYear()
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

export function shanghaiDate(instant: Date): string {
  return dateOfDay(dayOf(instant.getTime()))
}

export function formatShanghai(instant: Date): string {
  const d = new Date(instant.getTime() + OFFSET)
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`
  )
}

interface YearTable {
  first: number // day number of 1 January
  working: Uint8Array
  /** prefix[i] = working days among the year's first i days */
  prefix: Int32Array
}

export function createCalendar(cfg: CalendarConfig = {}): WorkCalendar {
  const overrides = new Map((cfg.overrides ?? []).map((o) => [o.date, o]))
  const hours: WeeklyHours = { ...DEFAULT_HOURS, ...cfg.hours }
  // business spans per weekday in minutes after midnight, sorted
  const spans = ([0, 1, 2, 3, 4, 5, 6] as const).map((w) => hours[w].map((s) => [minutes(s.start), minutes(s.end)] as const).sort((a, b) => a[0] - b[0]))
  const tables = new Map<number, YearTable>()

  function computeWorking(day: number): boolean {
    const date = dateOfDay(day)
    const o = overrides.get(date)
    if (o) return o.kind === 'workday'
    if (OFFICIAL.workdays[date]) return true
    if (OFFICIAL.holidays[date]) return false
    const w = weekdayOf(day)
    return w !== 0 && w !== 6
  }

  function table(year: number): YearTable {
    let t = tables.get(year)
    if (!t) {
      const first = Math.floor(Date.UTC(year, 0, 1) / DAY)
      const length = Math.floor(Date.UTC(year + 1, 0, 1) / DAY) - first
      const working = new Uint8Array(length)
      const prefix = new Int32Array(length + 1)
      for (let i = 0; i < length; i++) {
        working[i] = computeWorking(first + i) ? 1 : 0
        prefix[i + 1] = prefix[i]! + working[i]!
      }
      t = { first, working, prefix }
      tables.set(year, t)
    }
    return t
  }

  const isWorking = (day: number) => {
    const t = table(yearOfDay(day))
    return t.working[day - t.first] === 1
  }

  /** business spans of a working day as [startMs, endMs] instants; none on a rest day */
  function daySpans(day: number): Array<[number, number]> {
    if (!isWorking(day)) return []
    const w = weekdayOf(day)
    // a make-up working day on a weekend keeps Monday's hours
    const list = spans[w]!.length > 0 ? spans[w]! : spans[1]!
    const base = day * DAY - OFFSET
    return list.map(([s, e]) => [base + s * MINUTE, base + e * MINUTE])
  }

  function closeOfDay(day: number): number {
    const w = weekdayOf(day)
    const list = spans[w]!.length > 0 ? spans[w]! : spans[1]!
    const last = list[list.length - 1]
    return day * DAY - OFFSET + (last ? last[1] : 24 * 60) * MINUTE
  }

  /** the n-th working day after `day` (n ≥ 1), by prefix counts rather than day by day */
  function nthWorkingDayAfter(day: number, n: number): number {
    let remaining = n
    let cursor = day + 1
    for (;;) {
      const t = table(yearOfDay(cursor))
      const idx = cursor - t.first
      const available = t.prefix[t.working.length]! - t.prefix[idx]!
      if (remaining <= available) {
        // smallest j ≥ idx with prefix[j + 1] - prefix[idx] === remaining
        const target = t.prefix[idx]! + remaining
        let lo = idx
        let hi = t.working.length - 1
        while (lo < hi) {
          const mid = (lo + hi) >> 1
          if (t.prefix[mid + 1]! >= target) hi = mid
          else lo = mid + 1
        }
        return t.first + lo
      }
      remaining -= available
      cursor = t.first + t.working.length
    }
  }

  function nextWorkingDay(day: number): number {
    return nthWorkingDayAfter(day, 1)
  }

  const cal: WorkCalendar = {
    isWorkingDay: (date) => isWorking(dayOfDate(date)),

    closeOfBusiness: (date) => new Date(closeOfDay(dayOfDate(date))),

    dueAt(received, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`)
      const ms = received.getTime()
      const day = dayOf(ms)
      if (n === 0) {
        // 003 三(一)2: the same day; after close or on a rest day, the next working day
        if (isWorking(day) && ms < closeOfDay(day)) return new Date(closeOfDay(day))
        return new Date(closeOfDay(nextWorkingDay(day)))
      }
      // 民法典 201: the day of receipt is not counted; 203: the period ends at close of business
      return new Date(closeOfDay(nthWorkingDayAfter(day, n)))
    },

    workingMillisBetween(from, to) {
      const a = from.getTime()
      const b = to.getTime()
      if (b <= a) return 0
      let total = 0
      for (let day = dayOf(a); day <= dayOf(b); day++) {
        for (const [s, e] of daySpans(day)) {
          const lo = Math.max(s, a)
          const hi = Math.min(e, b)
          if (hi > lo) total += hi - lo
        }
      }
      return total
    },

    addWorkingMillis(from, ms) {
      let t = from.getTime()
      let left = ms
      if (left <= 0) return new Date(t)
      for (let day = dayOf(t); ; day++) {
        for (const [s, e] of daySpans(day)) {
          if (e <= t) continue
          const start = Math.max(s, t)
          if (start + left <= e) return new Date(start + left)
          left -= e - start
          t = e
        }
      }
    },

    overdueWorkingDays(due, at) {
      const a = due.getTime()
      const b = at.getTime()
      if (b <= a) return 0
      let days = 0
      // every working day whose business hours past the due time have begun counts as one (004)
      for (let day = dayOf(a); day <= dayOf(b); day++) {
        if (daySpans(day).some(([s, e]) => Math.min(e, b) > Math.max(s, a))) days++
      }
      return days
    },

    hasOfficialData: (year) => OFFICIAL_YEARS.has(year),

    workdayMillis: () => spans[1]!.reduce((sum, [s, e]) => sum + (e - s) * MINUTE, 0),

    yearInfo(year) {
      const prefix = `${year}-`
      const yearOverrides = [...overrides.values()].filter((o) => o.date.startsWith(prefix)).sort((x, y) => x.date.localeCompare(y.date))
      const holidays: YearInfo['holidays'] = []
      const makeupWorkdays: YearInfo['makeupWorkdays'] = []
      for (const [date, value] of Object.entries(OFFICIAL.holidays)) {
        if (date.startsWith(prefix) && !overrides.has(date)) holidays.push({ date, name: officialName(value), source: 'official' })
      }
      for (const [date, value] of Object.entries(OFFICIAL.workdays)) {
        if (date.startsWith(prefix) && !overrides.has(date)) makeupWorkdays.push({ date, name: officialName(value), source: 'official' })
      }
      for (const o of yearOverrides) {
        const w = weekdayOf(dayOfDate(o.date))
        const weekend = w === 0 || w === 6
        if (o.kind === 'restday' && (!weekend || OFFICIAL.workdays[o.date])) {
          holidays.push({ date: o.date, name: o.note, source: 'override' })
        } else if (o.kind === 'workday' && (weekend || OFFICIAL.holidays[o.date])) {
          makeupWorkdays.push({ date: o.date, name: o.note, source: 'override' })
        }
      }
      holidays.sort((x, y) => x.date.localeCompare(y.date))
      makeupWorkdays.sort((x, y) => x.date.localeCompare(y.date))
      return { year, hasOfficialData: OFFICIAL_YEARS.has(year), holidays, makeupWorkdays, overrides: yearOverrides }
    },
  }
  return cal
}
