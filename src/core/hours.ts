// The hall's business hours per weekday: when clocks run (a working day's close is its last span's
// end) and what citizens read on the entry page and the posters. Pure, with no holiday data, so the
// app's main package may use it.
import { z } from 'zod'
import { text } from './text'

export type Span = { start: string; end: string }
export type WeeklyHours = Record<0 | 1 | 2 | 3 | 4 | 5 | 6, Span[]> // 0 = Sunday

const WEEKDAY: Span[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
]
export const DEFAULT_HOURS: WeeklyHours = { 0: [], 1: WEEKDAY, 2: WEEKDAY, 3: WEEKDAY, 4: WEEKDAY, 5: WEEKDAY, 6: [] }
export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

const Time = text().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间请写成 09:00 的形式')
const Spans = z
  .array(z.object({ start: Time, end: Time }))
  .max(4, '每天最多 4 个时段')
  .refine((spans) => spans.every((s) => s.start < s.end), '结束时间须晚于开始时间')
  .refine((spans) => [...spans].sort((a, b) => a.start.localeCompare(b.start)).every((s, i, all) => i === 0 || all[i - 1]!.end <= s.start), '时段不能重叠')
/** Monday to Friday must be open: the working days of the official calendar need hours */
export const WeeklyHoursSchema = z
  .object({ 0: Spans, 1: Spans, 2: Spans, 3: Spans, 4: Spans, 5: Spans, 6: Spans })
  .refine((h) => [1, 2, 3, 4, 5].every((d) => h[d as 1].length > 0), { message: '周一至周五须有办公时间' })

/** 「09:00-12:00、13:30-17:30」 to spans; null when a part cannot be read */
export function parseSpans(text: string): Span[] | null {
  const parts = text.split(/[,，、;；\s]+/).filter(Boolean)
  const out: Span[] = []
  for (const p of parts) {
    const m = /^(\d{1,2})[:：](\d{2})[-–—~～至到](\d{1,2})[:：](\d{2})$/.exec(p)
    if (!m) return null
    out.push({ start: `${m[1]!.padStart(2, '0')}:${m[2]}`, end: `${m[3]!.padStart(2, '0')}:${m[4]}` })
  }
  return out
}

export const formatSpans = (spans: Span[]): string => spans.map((s) => `${s.start}-${s.end}`).join('、')

/** the week in a few lines, runs of days with the same hours together: 「周一至周五 09:00-12:00、13:30-17:30」 */
export function describeHours(hours: WeeklyHours): string[] {
  const order = [1, 2, 3, 4, 5, 6, 0] as const
  const lines: string[] = []
  let i = 0
  while (i < order.length) {
    const text = formatSpans(hours[order[i]!])
    let j = i
    while (j + 1 < order.length && formatSpans(hours[order[j + 1]!]) === text) j++
    const days = i === j ? WEEKDAY_NAMES[order[i]!] : `${WEEKDAY_NAMES[order[i]!]}至${WEEKDAY_NAMES[order[j]!]}`
    if (text) lines.push(`${days} ${text}`)
    i = j + 1
  }
  return lines
}
