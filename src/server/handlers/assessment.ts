// The month's assessment (004): score sheets per staff member with every deduction linked to its case,
// window roll-ups with the rating distribution and its six-month trend. The hall office sees every
// window, a lead their window, a staff member their own sheet.
import { assessMonth, DEDUCTION_LABELS, monthSpan } from '../../core/assessment'
import { verifiedComplaints } from '../../core/complaintMachine'
import { formatShanghai, shanghaiDate } from '../../core/calendar'
import { DomainError } from '../../core/errors'
import { requireStaff } from '../authorize'
import { loadDirectory } from '../directory'
import { loadHallContext } from '../hallContext'
import type { AssessmentView } from '../../core/views'
import type { Handler } from '.'

const prevMonth = (month: string, back: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const i = y * 12 + (m - 1) - back
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

export const assessment: Handler<'assessment'> = async (ctx, input) => {
  const me = requireStaff(ctx)
  const windowId = me.role === 'office' ? input.windowId : (me.windowId ?? undefined)
  if (me.role !== 'office' && input.windowId && input.windowId !== me.windowId) {
    throw new DomainError('FORBIDDEN', '只能查看本窗口的考核情况')
  }
  const [hallCtx, dir] = await Promise.all([loadHallContext(ctx.store, me.hallId), loadDirectory(ctx.store, me.hallId)])
  const trendFrom = prevMonth(input.month, 5)
  // every case changed since the first month of the trend: deductions and ratings are events of them
  const cases = await ctx.store.listCases({ hallId: me.hallId, windowId, updatedSince: formatShanghai(monthSpan(trendFrom).from), limit: 1_000_000 })
  // 004 三(一)(5): complaints found verified in the month, against the person found responsible
  const span = monthSpan(input.month)
  const answered = await ctx.store.listComplaints({ hallId: me.hallId, answeredFrom: formatShanghai(span.from), answeredTo: formatShanghai(span.to), limit: 100_000 })
  const people = [...dir.staffById.values()].filter((s) => (me.role === 'staff' ? s.id === me.id : windowId ? s.windowId === windowId : true))
  const sheets = assessMonth(cases, verifiedComplaints(answered), people.map((s) => ({ id: s.id, windowId: s.windowId })), input.month, hallCtx.policy, hallCtx.calendar, ctx.now)

  const months = Array.from({ length: 6 }, (_, i) => prevMonth(input.month, 5 - i))
  const windows = me.role === 'staff' ? [] : [...dir.windows.values()].filter((w) => !windowId || w.id === windowId)
  const ratingsOf = (wid: string) => cases.flatMap((c) => (c.ratings ?? []).filter((r) => r.windowId === wid))
  const view: AssessmentView = {
    month: input.month,
    hallName: hallCtx.hall.name,
    policyName: hallCtx.policy.name,
    sheets: sheets.map((s) => {
      const person = dir.staffById.get(s.staffId)!
      return {
        staffId: s.staffId,
        name: person.name,
        windowId: s.windowId,
        windowName: s.windowId ? dir.window(s.windowId) : '政务服务科',
        start: s.start,
        total: s.total,
        capRelief: s.capRelief,
        items: s.items.map((d) => ({ ...d, label: DEDUCTION_LABELS[d.kind] })),
      }
    }),
    windows: windows.map((w) => {
      const own = sheets.filter((s) => s.windowId === w.id)
      const rated = ratingsOf(w.id)
      const inMonth = (at: string, m: string) => shanghaiDate(new Date(at)).slice(0, 7) === m
      const ratings = { '5': 0, '4': 0, '3': 0, '2': 0, '1': 0 }
      for (const r of rated) if (inMonth(r.at, input.month)) ratings[String(r.level) as keyof typeof ratings]++
      return {
        windowId: w.id,
        name: w.name,
        staff: own.length,
        averageScore: own.length ? Math.round((own.reduce((s, x) => s + x.total, 0) / own.length) * 10) / 10 : 0,
        deductions: own.reduce((s, x) => s + x.items.length, 0),
        ratings,
        trend: months.map((m) => {
          const list = rated.filter((r) => inMonth(r.at, m))
          return { month: m, rated: list.length, goodShare: list.length ? list.filter((r) => r.level >= 4).length / list.length : null }
        }),
      }
    }),
  }
  return view
}
