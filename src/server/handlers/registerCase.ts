import { staffActor } from '../../core/access'
import { CASE_ACTIONS } from '../../core/caseActions'
import { formatShanghai } from '../../core/calendar'
import { applyEvent } from '../../core/caseMachine'
import type { CaseState } from '../../core/caseState'
import { DomainError } from '../../core/errors'
import type { CaseEvent } from '../../core/events'
import { findForbiddenPhrases } from '../../core/forbiddenPhrase'
import { matterRef } from '../../core/matter'
import { contactOf, firstResponderOf, receiptTime, slipPath, unboundOwner, type RegistrationRecord } from '../../core/registration'
import { randomInt } from 'node:crypto'
import { slipText } from '../../core/lookup'
import { audit, staffActor as auditActor } from '../audit'
import { requireStaff } from '../authorize'
import type { Handler } from '../context'
import { hallContextOf, loadBundle, type HallContext } from '../hallContext'
import { newCase } from '../newCase'
import type { Staff } from '../../core/schemas'

/** a receipt more than this before the registration is a backdated one, and goes to the audit log */
const BACKDATED_MS = 10 * 60_000

/**
 * Staff register what came in at the counter, by phone, by letter or from 12345 (core/registration.ts).
 * The registering person — or the highest-ranked of those present — holds the case at once, its clocks
 * run from the time of receipt, and a consult answered on the spot is recorded as 当场答复 and closed
 * in the same call. Everything is checked before the first write; a repeated requestId registers once.
 */
export const registerCase: Handler<'registerCase'> = async (ctx, input) => {
  const me = requireStaff(ctx)
  if (me.hallId !== input.hallId) throw new DomainError('FORBIDDEN', '只能登记本大厅的案件')
  const present = [...new Set(input.present.filter((id) => id !== me.id))]
  const bundle = await loadBundle(ctx.store, { hallId: input.hallId, matterId: input.matterId, staffIds: present })
  const hallCtx = hallContextOf(bundle, 'current')
  const { hall } = hallCtx

  const matter = input.matterId ? bundle.matter : null
  if (input.matterId && (!matter || !matter.active)) {
    throw new DomainError('INVALID_INPUT', '这个事项不在本大厅的事项清单中，请重新选择', { field: 'matterId' })
  }
  const others = present.map((id) => {
    const s = bundle.staff.find((x) => x.id === id)
    if (!s || !s.active || s.hallId !== hall.id) throw new DomainError('INVALID_INPUT', `在场人员中没有这位工作人员：${id}`, { field: 'present' })
    return s
  })
  const responder = firstResponderOf(me, others)
  const windowId = input.windowId ?? responder.windowId ?? matter?.windowId ?? hall.generalWindowId
  const window = bundle.windows.find((w) => w.id === windowId)
  if (!windowId || !window || !window.active) throw new DomainError('INVALID_INPUT', '这个窗口不存在或已停用', { field: 'windowId' })
  if (responder.role !== 'office' && responder.windowId !== window.id) {
    throw new DomainError('INVALID_INPUT', `首问负责人${responder.name}不在${window.name}，请登记到其所在窗口后再转办`, { field: 'windowId' })
  }
  const { contact, anonymous } = contactOf(input)
  const received = receiptTime(input, ctx.now)
  if (input.answer !== undefined && input.kind !== 'consult') {
    throw new DomainError('INVALID_INPUT', '当场答复只用于咨询；办事申请请登记后受理', { field: 'answer' })
  }

  const registration: RegistrationRecord = {
    channel: input.channel,
    receivedAt: formatShanghai(received),
    registeredBy: me.id,
    present,
    firstResponderId: responder.id,
    anonymous,
    queryCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
  }
  const made = newCase(
    hallCtx,
    ctx.now,
    { citizenId: unboundOwner(me.id, input.requestId), requestId: input.requestId, actor: staffActor(me) },
    {
      kind: input.kind,
      windowId: window.id,
      routedBy: matter ? 'matter' : 'general',
      ...(matter ? { matterId: matter.id, matter: matterRef(matter) } : {}),
      contact,
      text: input.text,
      attachments: [],
      registration,
    },
  )
  made.registeredBy = me.id
  // a caller with a mobile number is texted the slip through the hall's SMS gateway (when there is one)
  made.channels = ctx.channels.filter((c) => c === 'webhook')
  made.notices = (state) => {
    const sms = slipText(state)
    if (!sms || made.channels!.length === 0) return []
    const citizen = { kind: 'citizen' as const, id: state.citizenId }
    return [
      {
        key: `${state.id}:1:slip`,
        hallId: state.hallId,
        caseId: state.id,
        caseNo: state.no,
        recipient: citizen,
        kind: 'progress' as const,
        title: '来电已登记',
        body: sms.body,
        at: state.updatedAt,
        phone: sms.phone,
      },
    ]
  }
  // the answer is decided on the case as it will be, before anything is written: nothing half-registered
  const answered = (state: CaseState) =>
    input.answer === undefined ? null : answerOnTheSpot(ctx.now, hallCtx, state, responder, input.answer, input.requestId)
  answered(made.build(0).state)

  const { state, created } = await ctx.store.createCase(made)
  let final = state
  // a repeat of a call whose answer was not yet written finishes it; a concurrent twin's answer is taken as is
  if (input.answer !== undefined && state.version === 1) {
    const steps = answered(state)!
    const result = await ctx.store.appendEvents({ before: state, build: () => ({ events: steps.events, state: steps.state, notifications: [] }), channels: [] })
    if (result.status === 'ok') final = result.state
    else {
      const now = await ctx.store.getCaseState(state.id)
      if (!now || now.status !== 'closed') throw new DomainError('CONFLICT', '案件正在被他人处理，请刷新后再试')
      final = now
    }
  }
  if (created && ctx.now.getTime() - received.getTime() > BACKDATED_MS) {
    await audit(
      ctx.store,
      {
        hallId: hall.id,
        actor: auditActor(me),
        action: 'case.backdated',
        target: `case:${state.id}`,
        detail: { no: state.no, channel: input.channel, receivedAt: registration.receivedAt, registeredAt: formatShanghai(ctx.now) },
      },
      ctx.now,
    )
  }
  // a repeat answers with the code the case was registered with
  const queryCode = final.registration!.queryCode
  return {
    caseId: final.id,
    no: final.no,
    status: final.status,
    firstResponderId: responder.id,
    firstResponderName: responder.name,
    queryCode,
    slipPath: slipPath(final.no, queryCode),
    texted: made.channels.length > 0 && slipText(final) !== null,
  }
}

/** 000 §4.2: the reply given at the counter or on the phone, then the case closed, through the same rules as 答复 */
function answerOnTheSpot(now: Date, hallCtx: HallContext, state: CaseState, by: Staff, text: string, requestId: string) {
  const rules = { policy: hallCtx.policy, calendar: hallCtx.calendar, now }
  const reply = { caseId: state.id, text, mode: 'onTheSpot' as const, requestId }
  const caller = { staff: by, citizenId: null }
  const named = { staff: () => undefined, window: () => undefined }
  const decision = { caller, rules, named, formNo: null, linkedCaseId: null, findPhrases: findForbiddenPhrases }
  try {
    CASE_ACTIONS.replyCase.check!(reply, state, decision)
  } catch (e) {
    // the registration form calls it `answer`
    if (e instanceof DomainError && e.details?.field === 'text') throw new DomainError(e.code, e.message, { ...e.details, field: 'answer' })
    throw e
  }
  const actor = staffActor(by)
  const at = formatShanghai(now)
  const events: CaseEvent[] = []
  let current = state
  for (const body of [CASE_ACTIONS.replyCase.decide(reply, state, decision), { type: 'closed' as const, payload: { note: '当场答复' } }]) {
    const event = { ...body, caseId: state.id, seq: current.version + 1, at, actor, requestId: `${requestId}:${body.type}` } as CaseEvent
    const next = applyEvent(current, event, hallCtx)
    if (!next.ok) throw next.error
    events.push(event)
    current = next.value
  }
  return { events, state: current }
}
