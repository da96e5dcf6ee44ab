// `shouwen calendar due|year`: for the hall office checking its calendar, and for support.
import { createCalendar, formatShanghai, type CalendarOverride } from '../../core/calendar'

export interface CalendarIo {
  out: (line: string) => void
  err: (line: string) => void
  loadOverrides: (hallId: string) => Promise<CalendarOverride[]>
}

const USAGE = '用法：shouwen calendar due <ISO-8601 时间> <工作日数> [--hall <大厅编号>]\n      shouwen calendar year <年份> [--hall <大厅编号>]'
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** an ISO 8601 time; without an offset it is read as Beijing time */
export function parseInstant(text: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim())
  if (!m) return null
  const time = m[2] ?? '00:00'
  const zone = m[3] ? (m[3] === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '+08:00'
  const d = new Date(`${m[1]}T${time}${zone}`)
  if (Number.isNaN(d.getTime())) return null
  // reject impossible dates such as 2026-02-30, which Date rolls over
  const [y, mo, da] = m[1]!.split('-').map(Number)
  const probe = new Date(Date.UTC(y!, mo! - 1, da!))
  if (probe.getUTCMonth() !== mo! - 1 || probe.getUTCDate() !== da) return null
  return d
}

function takeHall(args: string[]): { rest: string[]; hallId: string | null } | null {
  const i = args.indexOf('--hall')
  if (i < 0) return { rest: args, hallId: null }
  const hallId = args[i + 1]
  if (!hallId || hallId.startsWith('--')) return null
  return { rest: [...args.slice(0, i), ...args.slice(i + 2)], hallId }
}

export async function calendarCommand(args: string[], io: CalendarIo): Promise<number> {
  const parsed = takeHall(args)
  if (!parsed) {
    io.err('--hall 后面需要大厅编号')
    return 2
  }
  const [sub, ...rest] = parsed.rest
  let overrides: CalendarOverride[] = []
  const load = async () => {
    if (!parsed.hallId) return true
    try {
      overrides = await io.loadOverrides(parsed.hallId)
      return true
    } catch (e) {
      io.err(e instanceof Error ? e.message : String(e))
      return false
    }
  }

  if (sub === 'due' && rest.length === 2) {
    const received = parseInstant(rest[0]!)
    if (!received) {
      io.err(`时间格式不正确：${rest[0]}（例如 2026-09-30T15:00+08:00）`)
      return 2
    }
    const n = Number(rest[1])
    if (!/^\d{1,3}$/.test(rest[1]!) || !Number.isInteger(n)) {
      io.err(`工作日数须为 0 或正整数：${rest[1]}`)
      return 2
    }
    if (!(await load())) return 2
    const cal = createCalendar({ overrides })
    const due = cal.dueAt(received, n)
    const from = Number(formatShanghai(received).slice(0, 4))
    const to = Number(formatShanghai(due).slice(0, 4))
    for (let y = from; y <= to; y++) {
      if (!cal.hasOfficialData(y)) io.err(`提醒：${y} 年的法定节假日数据尚未收录，请政务服务科录入放假安排；此前仅按周末计休息日。`)
    }
    io.out(formatShanghai(due))
    return 0
  }

  if (sub === 'year' && rest.length === 1 && /^\d{4}$/.test(rest[0]!)) {
    const year = Number(rest[0])
    if (!(await load())) return 2
    const info = createCalendar({ overrides }).yearInfo(year)
    if (!info.hasOfficialData) {
      io.err(`提醒：${year} 年的法定节假日数据尚未收录，请政务服务科按国务院办公厅通知录入放假与调休安排；此前仅按周末计休息日。`)
    }
    const day = (date: string) => WEEKDAYS[new Date(`${date}T12:00:00+08:00`).getUTCDay()]
    const mark = (source: string) => (source === 'override' ? '  ［本厅调整］' : '')
    io.out(`${year} 年节假日（${info.holidays.length} 天）：`)
    for (const h of info.holidays) io.out(`  ${h.date} 周${day(h.date)}  ${h.name}${mark(h.source)}`)
    io.out(`${year} 年调休上班日（${info.makeupWorkdays.length} 天）：`)
    for (const w of info.makeupWorkdays) io.out(`  ${w.date} 周${day(w.date)}  ${w.name}${mark(w.source)}`)
    const other = info.overrides.filter((o) => !info.holidays.some((h) => h.date === o.date) && !info.makeupWorkdays.some((w) => w.date === o.date))
    if (other.length > 0) {
      io.out('本厅其他调整：')
      for (const o of other) io.out(`  ${o.date} ${o.kind === 'workday' ? '上班' : '休息'}  ${o.note}  ［本厅调整］`)
    }
    return 0
  }

  io.err(USAGE)
  return 2
}
