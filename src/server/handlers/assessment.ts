// The month's assessment (004): score sheets per staff member with every deduction linked to its case,
// window roll-ups with the rating distribution and its six-month trend. The hall office sees every
// window, a lead their window, a staff member their own sheet.
import {
  assessMonth,
  deductions,
  DEDUCTION_LABELS,
  dutyHoldersOf,
  monthSpan,
  ratingWindowClosedBefore,
  versionInForce,
  type AssessedCase,
  type AssessmentRules,
  type DutyHolders,
} from '../../core/assessment'
import { verifiedComplaints } from '../../core/complaintMachine'
import { formatShanghai, type WorkCalendar } from '../../core/calendar'
import { DomainError } from '../../core/errors'
import { effectivePolicy, type Policy, type PresetId } from '../../core/policy'
import type { Hall } from '../../core/schemas'
import { requireStaff } from '../authorize'
import { loadDirectory, type Directory } from '../directory'
import { loadHallContext } from '../hallContext'
import type { AssessmentView } from '../../core/views'
import type { Handler, HandlerContext } from '../context'

/** a window's leads and the hall office, from everyone at the hall (not only the sheets shown) */
const holdersIn = (dir: Directory): DutyHolders => dutyHoldersOf([...dir.staffById.values()])

/**
 * The policy versions the months' cases ran under (DESIGN "Policy presets": a case keeps the version it
 * was opened under) and the version in force in each month, for its starting score and cap. A case the
 * store gave without its version has it read from its first event; only cases with a deduction in
 * these months are looked up.
 */
async function rulesFor(
  ctx: HandlerContext,
  hall: Hall,
  cases: AssessedCase[],
  months: string[],
  calendar: WorkCalendar,
  holders: DutyHolders,
): Promise<(month: string) => AssessmentRules> {
  const stored = [...(await ctx.store.listPolicyVersions(hall.id))].sort((a, b) => a.version - b.version)
  const cache = new Map<number, Policy>()
  const policyAt = (version: number): Policy => {
    const hit = cache.get(version)
    if (hit) return hit
    const v = stored.find((x) => x.version === version)
    // a version never stored is the hall's preset as it stands (as hallContext reads it)
    const p = v ? effectivePolicy(v.presetId, v.overrides, v.version) : effectivePolicy(hall.policyPreset as PresetId, {}, version)
    if (!p.ok) throw p.error
    cache.set(version, p.value)
    return p.value
  }
  const current = policyAt(hall.policyVersion)
  const counted = cases.filter(
    (c) => !c.policy && months.some((m) => [...deductions([c], m, current, calendar, ctx.now, holders).values()].some((x) => x.items.length > 0)),
  )
  const versionOf = new Map<string, number>(cases.filter((c) => c.policy).map((c) => [c.id, c.policy!.version]))
  if (counted.length > 0) {
    const events = await ctx.store.listEvents(counted.map((c) => c.id))
    for (const c of counted) {
      const first = events[c.id]?.[0]
      if (first?.type === 'submitted') versionOf.set(c.id, first.payload.policy.version)
    }
  }
  return (month) => {
    const inForce = versionInForce(stored, month)
    // a month before any recorded change, or a hall that never changed its rules: its first version
    const sheet = month >= formatShanghai(ctx.now).slice(0, 7) ? current : policyAt(inForce?.version ?? hall.policyVersion)
    return { sheet, ofCase: (c) => policyAt(versionOf.get(c.id) ?? sheet.version) }
  }
}

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
  const [hallCtx, dir] = await Promise.all([loadHallContext(ctx.store, me.hallId, 'current'), loadDirectory(ctx.store, me.hallId)])
  const trendFrom = prevMonth(input.month, 5)
  const span = monthSpan(input.month)
  // 未评价: rounds decided in the month whose rating window has closed by now
  const closedBefore = ratingWindowClosedBefore(ctx.now, hallCtx.policy.rating.rateWithinDays.value, hallCtx.calendar)
  const decidedTo = new Date(Math.min(span.to.getTime(), closedBefore.getTime() + 1))
  const facts = await ctx.store.assessmentFacts({
    hallId: me.hallId,
    windowId,
    since: formatShanghai(monthSpan(trendFrom).from),
    decidedFrom: formatShanghai(span.from),
    decidedTo: formatShanghai(decidedTo < span.from ? span.from : decidedTo),
  })
  // 004 三(一)(5): complaints found verified in the month, against the person found responsible
  const answered = await ctx.store.listComplaints({
    hallId: me.hallId,
    answeredFrom: formatShanghai(span.from),
    answeredTo: formatShanghai(span.to),
    limit: 100_000,
  })
  const people = [...dir.staffById.values()].filter((s) => (me.role === 'staff' ? s.id === me.id : windowId ? s.windowId === windowId : true))
  // 004 三(二) 效能纪律: what the hall office entered for the month (revoked ones are not counted)
  const manual = await ctx.store.listManualDeductions({
    hallId: me.hallId,
    from: `${input.month}-01`,
    to: `${input.month}-31`,
    ...(me.role === 'staff' ? { staffId: me.id } : {}),
  })
  // the month is assessed under the rules its cases ran under, not today’s (a policy change applies to new cases only)
  const holders = holdersIn(dir)
  const rules = (await rulesFor(ctx, hallCtx.hall, facts.cases, [input.month], hallCtx.calendar, holders))(input.month)
  const sheets = assessMonth(
    facts.cases,
    verifiedComplaints(answered),
    people.map((s) => ({ id: s.id, windowId: s.windowId })),
    input.month,
    rules,
    hallCtx.calendar,
    ctx.now,
    holders,
    manual,
  )
  const photoUrls = await ctx.files.urls(sheets.flatMap((s) => s.items.flatMap((d) => d.manual?.photos ?? [])))

  const months = Array.from({ length: 6 }, (_, i) => prevMonth(input.month, 5 - i))
  const windows = me.role === 'staff' ? [] : [...dir.windows.values()].filter((w) => !windowId || w.id === windowId)
  const count = (wid: string, month: string, level?: number) =>
    facts.ratings.filter((r) => r.windowId === wid && r.month === month && (level === undefined || r.level === level)).reduce((n, r) => n + r.count, 0)
  const view: AssessmentView = {
    month: input.month,
    hallName: hallCtx.hall.name,
    policyName: rules.sheet.name,
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
        items: s.items.map(({ manual: m, ...d }) => ({
          ...d,
          label: m ? `${DEDUCTION_LABELS[d.kind]}：${m.label}` : DEDUCTION_LABELS[d.kind],
          ...(m ? { manual: { id: m.id, evidence: m.evidence, photos: m.photos.map((id) => ({ id, url: photoUrls.get(id) ?? null })) } } : {}),
        })),
      }
    }),
    windows: windows.map((w) => {
      const own = sheets.filter((s) => s.windowId === w.id)
      const ratings = {
        '5': count(w.id, input.month, 5),
        '4': count(w.id, input.month, 4),
        '3': count(w.id, input.month, 3),
        '2': count(w.id, input.month, 2),
        '1': count(w.id, input.month, 1),
      }
      return {
        windowId: w.id,
        name: w.name,
        staff: own.length,
        averageScore: own.length ? Math.round((own.reduce((s, x) => s + x.total, 0) / own.length) * 10) / 10 : 0,
        deductions: own.reduce((s, x) => s + x.items.length, 0),
        ratings,
        unrated: facts.unrated.find((u) => u.windowId === w.id)?.count ?? 0,
        trend: months.map((m) => {
          const rated = count(w.id, m)
          return { month: m, rated, goodShare: rated ? (count(w.id, m, 5) + count(w.id, m, 4)) / rated : null }
        }),
      }
    }),
  }
  return view
}

/** the year's view: each person's monthly scores and the year's average, and each window's average */
export const assessmentYear: Handler<'assessmentYear'> = async (ctx, input) => {
  const me = requireStaff(ctx)
  const windowId = me.role === 'office' ? undefined : (me.windowId ?? undefined)
  const [hallCtx, dir] = await Promise.all([loadHallContext(ctx.store, me.hallId, 'current'), loadDirectory(ctx.store, me.hallId)])
  const from = monthSpan(`${input.year}-01`).from
  const to = monthSpan(`${input.year}-12`).to
  const thisMonth = formatShanghai(ctx.now).slice(0, 7)
  // months of the year that have begun
  const months = Array.from({ length: 12 }, (_, i) => `${input.year}-${String(i + 1).padStart(2, '0')}`).filter((m) => m <= thisMonth)
  const [facts, answered, manual] = await Promise.all([
    ctx.store.assessmentFacts({ hallId: me.hallId, windowId, since: formatShanghai(from), decidedFrom: formatShanghai(from), decidedTo: formatShanghai(from) }),
    ctx.store.listComplaints({ hallId: me.hallId, answeredFrom: formatShanghai(from), answeredTo: formatShanghai(to), limit: 100_000 }),
    ctx.store.listManualDeductions({
      hallId: me.hallId,
      from: `${input.year}-01-01`,
      to: `${input.year}-12-31`,
      ...(me.role === 'staff' ? { staffId: me.id } : {}),
    }),
  ])
  const people = [...dir.staffById.values()].filter(
    (s) => s.role !== 'office' && (me.role === 'staff' ? s.id === me.id : windowId ? s.windowId === windowId : true),
  )
  const complaints = verifiedComplaints(answered)
  const holders = holdersIn(dir)
  const rulesOf = await rulesFor(ctx, hallCtx.hall, facts.cases, months, hallCtx.calendar, holders)
  const byMonth = months.map((m) =>
    assessMonth(
      facts.cases,
      complaints,
      people.map((s) => ({ id: s.id, windowId: s.windowId })),
      m,
      rulesOf(m),
      hallCtx.calendar,
      ctx.now,
      holders,
      manual,
    ),
  )
  const average = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null)
  const staff = people.map((p) => {
    const totals = byMonth.map((sheets) => sheets.find((s) => s.staffId === p.id)!.total)
    return {
      staffId: p.id,
      name: p.name,
      windowId: p.windowId,
      windowName: p.windowId ? dir.window(p.windowId) : '政务服务科',
      months: totals,
      average: average(totals),
    }
  })
  const windows = me.role === 'staff' ? [] : [...dir.windows.values()].filter((w) => !windowId || w.id === windowId)
  return {
    year: input.year,
    months,
    staff,
    windows: windows.map((w) => ({ windowId: w.id, name: w.name, average: average(staff.filter((s) => s.windowId === w.id).flatMap((s) => s.months)) })),
  }
}
