// The monthly assessment (004 考核制度; docs/DESIGN.md "Assessment"): a score sheet per staff member, each
// deduction linked to its case. The rules are the hall's policy, so another hall changes the numbers.
// Pure: the server gives it the cases that changed in or after the month.
import type { WorkCalendar } from './calendar'
import { formatShanghai, shanghaiDate } from './calendar'
import type { CaseState } from './caseState'
import { noticeRound } from './caseMachine'
import { CLOCK_LABELS } from './clock'
import type { ClockKind } from './events'
import type { Policy } from './policy'
import { countManual, EXTENDED_SERVICE_CITE, type ManualDeduction } from './discipline'

/**
 * Whether a case can carry a deduction (004): a recorded violation, a second supplement notice, a bad
 * rating or a promise overdue. Stores keep this with each case so the month's sheets read only these.
 */
export function mayDeduct(state: Pick<CaseState, 'violations' | 'notices' | 'ratings' | 'clocks'>): boolean {
  return (
    (state.violations?.length ?? 0) > 0 ||
    state.notices.length > 1 ||
    (state.ratings ?? []).some((r) => r.bad) ||
    state.clocks.some((c) => c.kind === 'promised' && c.breachedAt !== null)
  )
}

/** whether the case's current service round has its rating */
export const roundRated = (state: Pick<CaseState, 'ratings' | 'round'>) => (state.ratings ?? []).some((r) => r.round === state.round)

/** what a store gives the month's assessment */
export interface AssessmentFacts {
  /** the cases that may carry a deduction, changed since the query's time */
  cases: AssessedCase[]
  /** ratings given to each window, by month (YYYY-MM in the hall's time) and level */
  ratings: Array<{ windowId: string; month: string; level: number; count: number }>
  /** rounds decided in the query's span whose rating is missing, per window */
  unrated: Array<{ windowId: string; count: number }>
}

/**
 * The latest decision time whose rating window (n working days) has closed by `now`: a round decided
 * at or before it and still unrated stays 未评价.
 */
export function ratingWindowClosedBefore(now: Date, days: number, cal: WorkCalendar): Date {
  // dueAt grows with the decision time, so walk back day by day to the last day whose window has closed
  let day = new Date(now.getTime())
  for (let i = 0; i < 400; i++) {
    const endOfDay = new Date(`${shanghaiDate(day)}T23:59:59.999+08:00`)
    if (cal.dueAt(endOfDay, days) <= now) return endOfDay
    day = new Date(day.getTime() - 86_400_000)
  }
  return new Date(0)
}

/** the parts of a case the assessment reads; stores may load only these */
export interface AssessedCase {
  id: string
  no: string
  windowId: string
  handlerId: string | null
  round: number
  violations?: CaseState['violations']
  clocks: CaseState['clocks']
  notices: CaseState['notices']
  ratings?: CaseState['ratings']
  rectifications?: CaseState['rectifications']
  reply: { at: string; by: string } | null
  completion: { at: string } | null
  refusal: { at: string } | null
  /** the policy version the case runs under (a store may leave it out; the server then reads it from the case's events) */
  policy?: { presetId: string; version: number }
}

/**
 * The policies a month is assessed under (docs/DESIGN.md "Policy presets": a case keeps the version it
 * was opened under): each case's deductions by its own version, the sheet's starting score and cap
 * by the version in force in that month — never simply the hall's policy of today.
 */
export interface AssessmentRules {
  /** the version in force in the month: starting score, the monthly cap, complaints */
  sheet: Policy
  ofCase(c: AssessedCase): Policy
}

const rulesOf = (p: Policy | AssessmentRules): AssessmentRules => ('ofCase' in p ? p : { sheet: p, ofCase: () => p })

/**
 * The version in force at the end of the month: the last one saved before the month ended, else the
 * first (the hall's rules when it opened). `versions` is oldest first.
 */
export function versionInForce<V extends { version: number; at: string }>(versions: V[], month: string): V | null {
  const end = monthSpan(month).to.getTime()
  let found: V | null = null
  for (const v of versions) if (!v.at || Date.parse(v.at) < end) found = v
  return found ?? versions[0] ?? null
}

export type DeductionKind = 'firstResponderBreach' | 'onlineConsultLate' | 'overdue' | 'badRating' | 'complaint' | 'discipline'

export const DEDUCTION_LABELS: Record<DeductionKind, string> = {
  firstResponderBreach: '违反首问负责或一次性告知',
  onlineConsultLate: '网上咨询未按时答复',
  overdue: '超时办结',
  badRating: '差评（经核实）',
  complaint: '投诉（经核实）',
  discipline: '效能纪律（政务服务科登记）',
}

export interface Deduction {
  kind: DeductionKind
  /** the case behind it; empty for a deduction the hall office entered (效能纪律) */
  caseId: string
  caseNo: string
  /** a deduction the hall office entered: its record and the item's own label */
  manual?: { id: string; label: string; evidence: string; photos: string[] }
  at: string
  points: number
  note: string
  cite: string
}

export interface ScoreSheet {
  staffId: string
  windowId: string | null
  month: string
  start: number
  items: Deduction[]
  /** points given back because bad ratings and complaints together are capped per month */
  capRelief: number
  total: number
}

/** a verified complaint, as the complaint desk records it (issue 7's complaints) */
export interface VerifiedComplaint {
  caseId: string | null
  caseNo: string
  staffId: string
  at: string
}

/** the month's first instant and the next month's, in the hall's time */
export function monthSpan(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const from = new Date(`${month}-01T00:00:00+08:00`)
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return { from, to: new Date(`${next}-01T00:00:00+08:00`) }
}

const inMonth = (iso: string, month: string) => shanghaiDate(new Date(iso)).slice(0, 7) === month

/** clocks whose breach is a breach of the first-responder (or one-time notice) duty itself */
const DUTY_CLOCKS: ClockKind[] = ['handoverContact', 'jointPlan', 'outsideForward', 'supplementNotice']

/** the people a unit's duty falls on: a window's leads (窗口负责人 / 首席代表) and the hall office */
export interface DutyHolders {
  leadsOf(windowId: string): string[]
  office: string[]
}

const nobody: DutyHolders = { leadsOf: () => [], office: [] }

/** the holders named by the staff list's roles */
export function dutyHoldersOf(staff: Array<{ id: string; windowId: string | null; role?: 'staff' | 'lead' | 'office'; active?: boolean }>): DutyHolders {
  const on = staff.filter((s) => s.active !== false)
  return {
    leadsOf: (windowId) => on.filter((s) => s.role === 'lead' && s.windowId === windowId).map((s) => s.id),
    office: on.filter((s) => s.role === 'office').map((s) => s.id),
  }
}

/**
 * Who a violation is charged to: the holder of the case at the due time; a late joint plan to the
 * lead window's leads (000 §5.2, §8: 窗口负责人负总责; §12 共同办理事项窗口负责人), a late forward
 * outside the hall to the hall office that had to make it (000 §5.4) — never to the clerk.
 */
export function chargedFor(v: NonNullable<AssessedCase['violations']>[number], holders: DutyHolders): Array<{ staffId: string; windowId: string | null }> {
  const duty = v.duty ?? 'holder'
  if (duty === 'windowLead') return holders.leadsOf(v.windowId).map((staffId) => ({ staffId, windowId: v.windowId }))
  if (duty === 'office') return holders.office.map((staffId) => ({ staffId, windowId: null }))
  return v.staffId ? [{ staffId: v.staffId, windowId: v.windowId }] : []
}

/** every deduction of the month, by staff member (before the cap) */
export function deductions(
  cases: AssessedCase[],
  month: string,
  policy: Policy | AssessmentRules,
  cal: WorkCalendar,
  now: Date,
  holders: DutyHolders = nobody,
): Map<string, { windowId: string | null; items: Deduction[] }> {
  const rules = rulesOf(policy)
  const out = new Map<string, { windowId: string | null; items: Deduction[] }>()
  const add = (staffId: string | null, windowId: string | null, d: Deduction) => {
    if (!staffId) return
    const sheet = out.get(staffId) ?? { windowId, items: [] }
    sheet.items.push(d)
    out.set(staffId, sheet)
  }
  const { from, to } = monthSpan(month)
  for (const c of cases) {
    // each case's points and citations are those of the policy version it ran under
    const a = rules.ofCase(c).assessment
    for (const v of c.violations ?? []) {
      if (v.clockKind === 'promised') continue // counted per overdue day below
      if (!inMonth(v.at, month)) continue
      for (const who of chargedFor(v, holders)) {
        if (v.clockKind === 'reply') {
          add(who.staffId, who.windowId, {
            kind: 'onlineConsultLate',
            caseId: c.id,
            caseNo: c.no,
            at: v.at,
            points: a.onlineConsultLate.value,
            note: `${CLOCK_LABELS.reply}已超过`,
            cite: a.onlineConsultLate.cite,
          })
        } else if (DUTY_CLOCKS.includes(v.clockKind)) {
          add(who.staffId, who.windowId, {
            kind: 'firstResponderBreach',
            caseId: c.id,
            caseNo: c.no,
            at: v.at,
            points: a.firstResponderBreach.value,
            note: `${CLOCK_LABELS[v.clockKind]}已超过`,
            cite: a.firstResponderBreach.cite,
          })
        }
      }
    }
    // 004: −1 per case per working day overdue, in the days of this month, until the clock is met
    for (const clock of c.clocks) {
      if (clock.kind !== 'promised' || !clock.breachedAt) continue
      const due = new Date(clock.dueAt)
      const end = new Date(Math.min((clock.metAt ? new Date(clock.metAt) : now).getTime(), to.getTime()))
      const start = due > from ? due : from
      if (end <= start) continue
      // overdue days that began in this month: those up to its end minus those before it
      const days = cal.overdueWorkingDays(due, end) - (due < from ? cal.overdueWorkingDays(due, from) : 0)
      if (days <= 0) continue
      const v = (c.violations ?? []).find((x) => x.clockKind === 'promised')
      add(v?.staffId ?? c.handlerId, c.windowId, {
        kind: 'overdue',
        caseId: c.id,
        caseNo: c.no,
        at: formatShanghai(end),
        points: a.overduePerDay.value * days,
        note: `超过承诺时限 ${days} 个工作日`,
        cite: a.overduePerDay.cite,
      })
    }
    // a second supplement notice in a round breaks the one-time notice duty (000 §4.1); a reopened
    // round's first notice is a first notice
    c.notices.forEach((n, i) => {
      const again = c.notices.slice(0, i).some((m) => noticeRound(m) === noticeRound(n))
      if (again && inMonth(n.at, month))
        add(n.by, c.windowId, {
          kind: 'firstResponderBreach',
          caseId: c.id,
          caseNo: c.no,
          at: n.at,
          points: a.firstResponderBreach.value,
          note: `再次出具补件告知单 ${n.noticeNo}`,
          cite: a.firstResponderBreach.cite,
        })
    })
    for (const r of c.ratings ?? []) {
      const rect = (c.rectifications ?? []).find((x) => x.round === r.round)
      if (!r.bad || rect?.finding !== 'verified' || !inMonth(r.at, month)) continue
      add(r.staffId, r.windowId, {
        kind: 'badRating',
        caseId: c.id,
        caseNo: c.no,
        at: r.at,
        points: a.badRating.value,
        note: '差评经核实属实',
        cite: a.badRating.cite,
      })
    }
  }
  return out
}

/** the month's score sheets; bad ratings and complaints together cost at most the policy's cap */
export function assessMonth(
  cases: AssessedCase[],
  complaints: VerifiedComplaint[],
  staff: Array<{ id: string; windowId: string | null; role?: 'staff' | 'lead' | 'office' }>,
  month: string,
  policy: Policy | AssessmentRules,
  cal: WorkCalendar,
  now: Date,
  holders: DutyHolders = dutyHoldersOf(staff),
  manual: ManualDeduction[] = [],
): ScoreSheet[] {
  const rules = rulesOf(policy)
  const a = rules.sheet.assessment
  const found = deductions(cases, month, rules, cal, now, holders)
  // 004 三(二) 效能纪律, entered by the hall office: outside the cap of 三(一)(5), which covers ratings and complaints only
  for (const m of countManual(manual, month)) {
    const d = m.deduction
    const sheet = found.get(d.staffId) ?? { windowId: staff.find((s) => s.id === d.staffId)?.windowId ?? d.windowId, items: [] }
    sheet.items.push({
      kind: 'discipline',
      caseId: '',
      caseNo: '',
      at: `${d.occurredOn}T12:00:00+08:00`,
      points: m.points,
      note: m.note,
      cite: d.extendedService ? `${d.cite}、${EXTENDED_SERVICE_CITE}` : d.cite,
      manual: { id: d.id, label: d.label, evidence: d.evidence, photos: d.photos },
    })
    found.set(d.staffId, sheet)
  }
  for (const k of complaints) {
    if (!inMonth(k.at, month)) continue
    const sheet = found.get(k.staffId) ?? { windowId: staff.find((s) => s.id === k.staffId)?.windowId ?? null, items: [] }
    sheet.items.push({
      kind: 'complaint',
      caseId: k.caseId ?? '',
      caseNo: k.caseNo,
      at: k.at,
      points: a.complaint.value,
      note: '投诉经核实属实',
      cite: a.complaint.cite,
    })
    found.set(k.staffId, sheet)
  }
  return staff.map((s) => {
    const items = (found.get(s.id)?.items ?? []).sort((x, y) => Date.parse(x.at) - Date.parse(y.at))
    const capped = items.filter((d) => d.kind === 'badRating' || d.kind === 'complaint').reduce((sum, d) => sum + d.points, 0)
    const capRelief = capped < a.ratingComplaintMonthlyCap.value ? a.ratingComplaintMonthlyCap.value - capped : 0
    const total = a.startScore.value + items.reduce((sum, d) => sum + d.points, 0) + capRelief
    return { staffId: s.id, windowId: s.windowId, month, start: a.startScore.value, items, capRelief, total }
  })
}
