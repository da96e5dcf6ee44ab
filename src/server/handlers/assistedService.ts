// 帮办代办 (002 帮办代办制度) beyond the case actions: the 帮办代办工作登记台账 (三(二)) for any period, on the
// page and as xlsx laid out like the other ledgers, and the hall office's 随机回访 and 不定期抽查 (四).
// Read from the requests' own cases at the hall's 帮办代办 window, so the ledger and the cases can
// never disagree.
import { assistedLedger as ledgerRows, finishedAt, finishedInMonth } from '../../core/assistedLedger'
import { ASSIST_MODE_LABELS, drawSample, REVIEW_KIND_LABELS, REVIEW_OUTCOME_LABELS, seededRandom, type AssistedReview } from '../../core/assistedService'
import { formatShanghai, shanghaiDate } from '../../core/calendar'
import { applyEvent } from '../../core/caseMachine'
import { REVIEW_ASSISTED, SAMPLE_ASSISTED } from '../../core/caseActions'
import { DISCIPLINE_ITEMS, type ManualDeductionInput } from '../../core/discipline'
import { DomainError } from '../../core/errors'
import { RATING_LABELS, type RatingLevel } from '../../core/rating'
import { CHANNEL_LABELS } from '../../core/registration'
import { maskPhone, type Staff } from '../../core/schemas'
import type { AssistedLedgerView, AssistedReviewRow, AssistedSupervisionView } from '../../core/views'
import type { CaseState } from '../../core/caseState'
import { OUTCOME_LABELS } from '../../core/assistedLedger'
import { audit, staffActor } from '../audit'
import { requireOffice, requireStaff } from '../authorize'
import { runCaseAction } from '../caseAction'
import { enterDeduction } from './discipline'
import type { Handler, HandlerContext } from '../context'
import { loadDirectory } from '../directory'
import { loadHall, loadHallContext } from '../hallContext'
import { assistedLedgerWorkbook as workbook } from '../ledgerWorkbook'

/** one ledger stays small enough for a phone and a cloud function's answer */
export const ASSISTED_LEDGER_MAX = 5000

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** the hall office, and the people of the 帮办代办 window, keep the ledger */
function keeper(me: Staff, windowId: string): void {
  if (me.role === 'office' || me.windowId === windowId) return
  throw new DomainError('FORBIDDEN', '帮办代办台账由帮办代办窗口和政务服务科查看')
}

/** the requests received at the hall's 帮办代办 window from `from` to `to` */
export async function assistedRequests(ctx: HandlerContext, hallId: string, windowId: string, from: string, to: string): Promise<CaseState[]> {
  const states = await ctx.store.listCases({
    hallId,
    windowId,
    submittedFrom: `${from}T00:00:00+08:00`,
    submittedTo: `${nextDay(to)}T00:00:00+08:00`,
    limit: ASSISTED_LEDGER_MAX + 1,
  })
  if (states.length > ASSISTED_LEDGER_MAX) {
    throw new DomainError('INVALID_INPUT', `这段时间的案件超过 ${ASSISTED_LEDGER_MAX} 件，请缩短期间（例如按月）`, { field: 'to' })
  }
  return states
}

async function build(ctx: HandlerContext, input: { from: string; to: string }, full: boolean): Promise<AssistedLedgerView> {
  const me = requireStaff(ctx)
  const hall = await loadHall(ctx.store, me.hallId)
  if (!hall.assistedWindowId) throw new DomainError('NOT_FOUND', '本大厅尚未设立帮办代办窗口')
  keeper(me, hall.assistedWindowId)
  const [dir, states] = await Promise.all([loadDirectory(ctx.store, me.hallId), assistedRequests(ctx, me.hallId, hall.assistedWindowId, input.from, input.to)])
  const rows = ledgerRows(states, input.from, input.to, (s) => (s.channel ? CHANNEL_LABELS[s.channel] : '网上申请'))
  return {
    from: input.from,
    to: input.to,
    hallName: hall.name,
    windowName: dir.window(hall.assistedWindowId),
    rows: rows.map((r) => ({
      caseId: r.caseId,
      no: r.no,
      matter: r.matter,
      receivedAt: r.receivedAt,
      finishedAt: r.finishedAt,
      agent: r.agentId ? dir.staff(r.agentId) : '',
      applicant: r.applicant,
      // the page shows the number as staff see it; the workbook, which is audited, in full
      phone: full ? r.phone : r.phone ? maskPhone(r.phone) : '',
      kind: `${ASSIST_MODE_LABELS[r.mode]}${r.homeVisit ? '（上门办）' : ''}`,
      channel: r.channel,
      outcome: OUTCOME_LABELS[r.outcome],
      result: r.result,
      rating: r.rating ? RATING_LABELS[r.rating as RatingLevel] : '',
    })),
    totals: {
      received: rows.length,
      finished: rows.filter((r) => r.outcome !== 'pending').length,
      help: rows.filter((r) => r.mode === 'help').length,
      agent: rows.filter((r) => r.mode === 'agent').length,
      homeVisit: rows.filter((r) => r.homeVisit).length,
      rated: rows.filter((r) => r.rating !== null).length,
    },
  }
}

export const assistedLedger: Handler<'assistedLedger'> = (ctx, input) => build(ctx, input, false)

export const assistedLedgerWorkbook: Handler<'assistedLedgerWorkbook'> = async (ctx, input) => {
  const view = await build(ctx, input, true)
  const bytes = await workbook(view, ctx.now)
  const me = ctx.staff!
  // the file carries the applicants' names and numbers
  await audit(
    ctx.store,
    {
      hallId: me.hallId,
      actor: staffActor(me),
      action: 'assistedLedger.export',
      target: `period:${input.from}~${input.to}`,
      detail: { rows: view.rows.length },
    },
    ctx.now,
  )
  return ctx.files.deliver(me.hallId, `帮办代办工作登记台账_${view.hallName}_${view.from}至${view.to}.xlsx`, bytes, ctx.now)
}

// 002 四 监督考核: each month the hall office draws a sample of the finished requests for 随机回访 and
// records each call's outcome; 不定期抽查 are recorded the same way on any request; a finding against
// the agent becomes a 效能纪律 deduction on their sheet (handlers/discipline.ts).

const monthStart = (month: string) => `${month}-01T00:00:00+08:00`

/** the requests finished in the month, and those with a review recorded in it */
async function monthOf(ctx: HandlerContext, hallId: string, windowId: string, month: string): Promise<CaseState[]> {
  const states = await ctx.store.listCases({ hallId, windowId, updatedSince: monthStart(month), limit: ASSISTED_LEDGER_MAX + 1 })
  if (states.length > ASSISTED_LEDGER_MAX) throw new DomainError('INVALID_INPUT', `本月的案件超过 ${ASSISTED_LEDGER_MAX} 件，无法抽取`, { field: 'month' })
  return states.filter((s) => s.assisted)
}

async function officeAndWindow(ctx: HandlerContext): Promise<{ me: Staff; windowId: string }> {
  const me = requireOffice(ctx, '随机回访和不定期抽查由政务服务科进行')
  const hall = await loadHall(ctx.store, me.hallId)
  if (!hall.assistedWindowId) throw new DomainError('NOT_FOUND', '本大厅尚未设立帮办代办窗口')
  return { me, windowId: hall.assistedWindowId }
}

async function supervision(ctx: HandlerContext, me: Staff, windowId: string, month: string): Promise<AssistedSupervisionView> {
  const [dir, states] = await Promise.all([loadDirectory(ctx.store, me.hallId), monthOf(ctx, me.hallId, windowId, month)])
  const inMonth = (at: string) => shanghaiDate(new Date(at)).slice(0, 7) === month
  const row = (s: CaseState, review: AssistedReview | null): AssistedReviewRow => ({
    caseId: s.id,
    no: s.no,
    matter: s.matter?.name ?? '（未指定事项）',
    agent: s.assisted!.agentId ? dir.staff(s.assisted!.agentId) : '',
    applicant: s.contact.name,
    phone: s.contact.phone ? maskPhone(s.contact.phone) : '',
    finishedAt: finishedAt(s),
    review: review
      ? {
          kind: REVIEW_KIND_LABELS[review.kind],
          outcome: REVIEW_OUTCOME_LABELS[review.outcome],
          note: review.note,
          at: review.at,
          by: dir.staff(review.by),
          deductionId: review.deductionId,
        }
      : null,
  })
  const sample = states
    .filter((s) => s.assisted!.sampledIn.includes(month))
    .sort((a, b) => a.no.localeCompare(b.no))
    .map((s) => row(s, s.assisted!.reviews.find((r) => r.kind === 'callBack') ?? null))
  const spotChecks = states.flatMap((s) => s.assisted!.reviews.filter((r) => r.kind === 'spotCheck' && inMonth(r.at)).map((r) => row(s, r)))
  return {
    month,
    finished: finishedInMonth(states, month).length,
    sample,
    spotChecks,
    items: DISCIPLINE_ITEMS.map((i) => ({ id: i.id, label: i.label, grades: i.grades })),
  }
}

export const assistedSupervision: Handler<'assistedSupervision'> = async (ctx, input) => {
  const { me, windowId } = await officeAndWindow(ctx)
  return supervision(ctx, me, windowId, input.month)
}

/**
 * The month's draw: `size` distinct finished requests, each marked on its case. A month is drawn once:
 * a repeated call answers the sample it drew. The order comes from the month's population, so two
 * draws at once mark the same requests and each case records it once (its machine refuses a second).
 */
export const drawAssistedSample: Handler<'drawAssistedSample'> = async (ctx, input) => {
  const { me, windowId } = await officeAndWindow(ctx)
  if (input.month > shanghaiDate(ctx.now).slice(0, 7)) throw new DomainError('INVALID_INPUT', '不能抽取尚未到来的月份', { field: 'month' })
  const population = finishedInMonth(await monthOf(ctx, me.hallId, windowId, input.month), input.month)
  if (population.some((s) => s.assisted!.sampledIn.includes(input.month))) return supervision(ctx, me, windowId, input.month)
  const ids = population.map((s) => s.id)
  const drawn = drawSample(ids, input.size, seededRandom(`${me.hallId}:${input.month}:${[...ids].sort().join(',')}`))
  for (const caseId of drawn) {
    try {
      await runCaseAction(ctx, SAMPLE_ASSISTED, { caseId, month: input.month, requestId: `sample-${input.month}` })
    } catch (e) {
      // drawn by a concurrent call: already marked
      if (!(e instanceof DomainError && e.code === 'CONFLICT')) throw e
    }
  }
  await audit(
    ctx.store,
    { hallId: me.hallId, actor: staffActor(me), action: 'assisted.sample', target: `month:${input.month}`, detail: { size: input.size, finished: ids.length } },
    ctx.now,
  )
  return supervision(ctx, me, windowId, input.month)
}

/** a 随机回访 call's or a 不定期抽查's outcome; a finding becomes the agent's deduction, once per requestId */
export const recordAssistedReview: Handler<'recordAssistedReview'> = async (ctx, input) => {
  const { me, windowId } = await officeAndWindow(ctx)
  const state = await ctx.store.getCaseState(input.caseId)
  if (!state || state.hallId !== me.hallId || !state.assisted) throw new DomainError('NOT_FOUND', '找不到这件帮办代办申请', { field: 'caseId' })
  const agentId = state.assisted.agentId
  if (input.finding && !agentId) throw new DomainError('INVALID_INPUT', '该申请尚未指派帮办代办员，查实的问题无从扣分', { field: 'finding' })
  // the case must take the review before a deduction is entered for it
  const trial = applyEvent(
    state,
    {
      type: 'assistedReviewed',
      payload: { kind: input.kind, outcome: input.outcome, note: input.note, deductionId: null },
      caseId: state.id,
      seq: state.version + 1,
      at: formatShanghai(ctx.now),
      actor: { kind: 'staff', id: me.id, name: me.name, role: me.role, windowId: me.windowId },
    },
    await loadHallContext(ctx.store, me.hallId, state.policy.version),
  )
  const repeated = await ctx.store.hasRequest(state.id, me.id, input.requestId)
  if (!trial.ok && !repeated) throw trial.error
  let deductionId: string | null = null
  if (input.finding && agentId) {
    const what = REVIEW_KIND_LABELS[input.kind]
    const deduction = await enterDeduction(ctx, me, {
      staffId: agentId,
      item: input.finding.item as ManualDeductionInput['item'],
      grade: input.finding.grade,
      occurredOn: shanghaiDate(ctx.now),
      reason: input.finding.reason,
      evidence: `帮办代办${what}（${state.no}）：${input.note}`,
      photos: [],
      extendedService: false,
      requestId: `${input.requestId}-md`,
    }).catch((e: unknown) => {
      // the deduction's own fields are the finding's on this form
      if (e instanceof DomainError && e.details?.field) throw new DomainError(e.code, e.message, { ...e.details, field: `finding.${String(e.details.field)}` })
      throw e
    })
    deductionId = deduction.id
  }
  await runCaseAction(ctx, REVIEW_ASSISTED, {
    caseId: state.id,
    kind: input.kind,
    outcome: input.outcome,
    note: input.note,
    deductionId,
    requestId: input.requestId,
  })
  // a call-back is shown in the month it was drawn for, a spot check in the month it was made
  const drawnFor = state.assisted.sampledIn[state.assisted.sampledIn.length - 1]
  return supervision(ctx, me, windowId, input.kind === 'callBack' && drawnFor ? drawnFor : shanghaiDate(ctx.now).slice(0, 7))
}
