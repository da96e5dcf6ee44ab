// The case state machine (docs/DESIGN.md "Cases"): `applyEvent(state, event, ctx)` guards one event against
// the state and folds it in; a case's state is the fold of its events. It decides WHAT may happen in
// a state; who may do it is the server's authorisation.
import type { WorkCalendar } from './calendar'
import type { CaseState } from './caseState'
import { breachClock, CLOCK_LABELS, clockDuty, extendClock, meetClock, pauseClock, resumeClock, startClock, type Clock } from './clock'
import { fail, ok, type Result } from './errors'
import type { CaseEvent, CaseStatus, ClockKind } from './events'
import { ledgerColumnOf } from './ledger'
import { nextActionTime } from './sweep'
import { isBad, type Rating, type Rectification } from './rating'
import { formatShanghai, shanghaiDate } from './calendar'
import { mayExtend, type Policy } from './policy'
import { isUnbound, unboundOwner } from './registration'

export interface MachineContext {
  policy: Policy
  calendar: WorkCalendar
}

export const STATUS_LABELS: Record<CaseStatus, string> = {
  open: '待接待',
  inProgress: '办理中',
  awaitingMaterials: '待补正材料',
  handoverPending: '移交中',
  joint: '共同办理中',
  forwarding: '待移交主管部门',
  replied: '已答复',
  completed: '已办结',
  refused: '不予办理',
  closed: '已结案',
}

const ACTIVE: CaseStatus[] = ['inProgress', 'awaitingMaterials', 'handoverPending', 'joint', 'forwarding']
const blank = (s: string | undefined) => !s || s.trim().length === 0

type Step = Result<CaseState>

function wrongState(state: CaseState, action: string): Step {
  return fail('CONFLICT', `案件当前为「${STATUS_LABELS[state.status]}」，不能${action}`, {
    status: state.status,
    handlerId: state.handlerId,
  })
}

function missing(field: string, message: string): Step {
  return fail('INVALID_INPUT', message, { field })
}

/** applies f to the case's open clock of this kind */
function onClock(state: CaseState, kind: ClockKind, f: (c: Clock) => Result<Clock>, required: boolean): Result<Clock[]> {
  const i = state.clocks.findIndex((c) => c.kind === kind && !c.metAt)
  if (i < 0) return required ? fail('CONFLICT', '没有进行中的该项时限', { clockKind: kind }) : ok(state.clocks)
  const next = f(state.clocks[i]!)
  if (!next.ok) return next
  const clocks = [...state.clocks]
  clocks[i] = next.value
  return ok(clocks)
}

const meetOpen = (state: CaseState, kind: ClockKind, at: Date) => onClock(state, kind, (c) => meetClock(c, at), false)

function meetAll(clocks: Clock[], at: Date): Clock[] {
  return clocks.map((c) => {
    if (c.metAt) return c
    const met = meetClock(c, at)
    return met.ok ? met.value : c
  })
}

function close(state: CaseState, at: string, clocks: Clock[], when: Date): Step {
  const column = ledgerColumnOf(state)
  if (!column) {
    const what = state.kind === 'consult' ? '咨询尚未答复' : '申请尚未办结或作出不予办理决定'
    return fail('CONFLICT', `不能结案：${what}`, { status: state.status })
  }
  return ok({ ...state, status: 'closed', ledgerColumn: column, closedAt: at, clocks: meetAll(clocks, when) })
}

export function applyEvent(state: CaseState | null, event: CaseEvent, ctx: MachineContext): Step {
  const next = fold(state, event, ctx)
  if (!next.ok) return next
  // when the sweep next has to look at the case: the stores index this
  const due = nextActionTime(next.value.clocks, ctx.policy, ctx.calendar)
  return ok({ ...next.value, nextActionAt: due ? formatShanghai(due) : null })
}

function fold(state: CaseState | null, event: CaseEvent, ctx: MachineContext): Step {
  const at = event.at
  const when = new Date(at)
  if (Number.isNaN(when.getTime())) return missing('at', '事件时间无效')

  if (event.type === 'submitted') {
    if (state) return fail('CONFLICT', '案件已存在', { caseId: state.id })
    const p = event.payload
    const reg = p.registration
    // a citizen submits; staff register what came in at the counter, by phone or letter (core/registration.ts)
    if (reg ? event.actor.kind !== 'staff' || event.actor.id !== reg.registeredBy : event.actor.kind !== 'citizen') {
      return fail('FORBIDDEN', '只有市民可以提交')
    }
    if (reg && new Date(reg.receivedAt) > when) return missing('receivedAt', '收到时间不能晚于登记时间')
    // clocks run from the time of receipt (a letter's date), not from when it was typed in
    const received = reg ? new Date(reg.receivedAt) : when
    const clocks =
      p.kind === 'consult'
        ? // 000 §4.2: a consult not answered on the spot is answered within the policy's limit
          [startClock('reply', received, ctx.policy.limits.reply.value, ctx.calendar)]
        : // 002 一次性告知 §5(2), 000 §4.1: an application's first clock runs from receipt, met by the
          // notice of missing materials, the acceptance or the refusal
          [startClock('supplementNotice', received, ctx.policy.limits.supplementNotice.value, ctx.calendar)]
    // 000 §1, 002 首问(办) 第一条: the registering person or the highest-ranked present holds it at once
    const responder = reg?.firstResponderId ?? null
    return ok({
      id: event.caseId,
      no: p.no,
      hallId: p.hallId,
      kind: p.kind,
      windowId: p.windowId,
      firstWindowId: p.windowId,
      matterId: p.matterId ?? null,
      matter: p.matter ?? null,
      citizenId: reg ? unboundOwner(reg.registeredBy, event.requestId ?? '') : event.actor.id,
      ...(reg ? { channel: reg.channel, registration: reg } : {}),
      contact: p.contact,
      text: p.text,
      attachments: p.attachments,
      status: responder ? 'inProgress' : 'open',
      firstResponderId: responder,
      handlerId: responder,
      reply: null,
      clocks,
      ledgerColumn: null,
      acceptance: null,
      completion: null,
      refusal: null,
      notices: [],
      oneTimeNoticeBreaches: 0,
      handovers: [],
      joint: null,
      referral: null,
      outside: null,
      urges: [],
      violations: [],
      nextActionAt: null,
      round: 1,
      policy: p.policy,
      submittedAt: reg ? reg.receivedAt : at,
      updatedAt: at,
      closedAt: null,
      version: 1,
    })
  }

  if (!state) return fail('NOT_FOUND', '案件不存在')
  if (event.seq !== state.version + 1) {
    return fail('CONFLICT', '案件已被更新，请刷新后再试', { expected: state.version + 1, got: event.seq })
  }
  const next = step(state, event, ctx, at, when)
  if (!next.ok) return next
  return ok({ ...next.value, updatedAt: at, version: event.seq })
}

function step(state: CaseState, event: Exclude<CaseEvent, { type: 'submitted' }>, ctx: MachineContext, at: string, when: Date): Step {
  const { policy, calendar } = ctx
  const by = event.actor.id
  switch (event.type) {
    case 'slipBound': {
      // a registered case belongs to the first citizen who opens its slip; a second one is refused
      if (event.actor.kind !== 'citizen' || event.actor.id !== event.payload.citizenId) return fail('FORBIDDEN', '只有服务对象本人可以绑定回执')
      if (!state.registration || !isUnbound(state.citizenId)) {
        return fail('CONFLICT', '这张回执已被其他微信或浏览器绑定。如非本人操作，请联系大厅', { field: 'code' })
      }
      return ok({ ...state, citizenId: event.payload.citizenId })
    }
    case 'claimed': {
      // 000 §1: the first staff member who receives it is the first responder; exactly one wins
      if (state.status !== 'open' || state.handlerId) {
        return fail('CONFLICT', '该案件已有人接待', { status: state.status, handlerId: state.handlerId })
      }
      const id = event.payload.staffId
      return ok({ ...state, status: 'inProgress', firstResponderId: id, handlerId: id })
    }

    case 'takenOver': {
      // 002 首问（办）负责 §1: when several answer, the highest-ranking one is first responder
      if (state.status === 'closed') return wrongState(state, '接手')
      if (blank(event.payload.reason)) return missing('reason', '接手须说明原因')
      if (event.payload.previousId !== state.handlerId) {
        return fail('CONFLICT', '案件承办人已变化，请刷新后再试', { handlerId: state.handlerId })
      }
      const id = event.payload.staffId
      // 000 §5.1: one first responder at a time, so a slip still waiting for its receiver is withdrawn
      const status = state.status === 'open' || state.status === 'handoverPending' ? 'inProgress' : state.status
      return ok({ ...state, status, firstResponderId: id, handlerId: id, handovers: withdrawPendingSlip(state, at) })
    }

    case 'assigned': {
      // the window lead gives the case to a colleague; a slip still waiting is withdrawn as on a takeover
      if (state.status !== 'open' && state.status !== 'inProgress' && state.status !== 'handoverPending') return wrongState(state, '指派')
      const id = event.payload.staffId
      return ok({ ...state, status: 'inProgress', firstResponderId: id, handlerId: id, handovers: withdrawPendingSlip(state, at) })
    }

    case 'replied': {
      if (state.kind !== 'consult') return fail('CONFLICT', '办事申请请使用受理、办结或不予办理', { kind: state.kind })
      if (state.status !== 'inProgress') return wrongState(state, '答复')
      if (blank(event.payload.text)) return missing('text', '请填写答复内容')
      const mode = replyMode(state, event.payload.mode, when, calendar)
      const clocks = meetOpen(state, 'reply', when)
      if (!clocks.ok) return clocks
      return ok({
        ...state,
        status: 'replied',
        clocks: clocks.value,
        reply: { text: event.payload.text, mode, at, by },
      })
    }

    case 'supplementNoticeIssued': {
      // 000 §4.1 / 附件1: ALL missing materials at once; a second notice is a 一次性告知 breach
      if (state.kind !== 'application') return fail('CONFLICT', '补件告知只用于办事申请', { kind: state.kind })
      if (state.status !== 'inProgress') return wrongState(state, '出具补件告知单')
      const items = event.payload.items.map((s) => s.trim()).filter(Boolean)
      if (items.length === 0) return missing('items', '请列明需要补正的全部材料')
      let clocks = meetOpen(state, 'supplementNotice', when)
      if (!clocks.ok) return clocks
      clocks = onClock({ ...state, clocks: clocks.value }, 'promised', (c) => (c.pausedAt ? ok(c) : pauseClock(c, when)), false)
      if (!clocks.ok) return clocks
      return ok({
        ...state,
        status: 'awaitingMaterials',
        clocks: clocks.value,
        notices: [
          ...state.notices,
          { noticeNo: event.payload.noticeNo, items, at, by, round: state.round, ...(event.payload.guidance ? { guidance: event.payload.guidance } : {}) },
        ],
        // a reopened case is a new round: its first notice is not a second one
        oneTimeNoticeBreaches: state.oneTimeNoticeBreaches + (state.notices.some((n) => noticeRound(n) === state.round) ? 1 : 0),
      })
    }

    case 'materialsCompleted': {
      if (state.status !== 'awaitingMaterials') return wrongState(state, '确认材料齐全')
      const clocks = onClock(state, 'promised', (c) => (c.pausedAt ? resumeClock(c, when, calendar) : ok(c)), false)
      if (!clocks.ok) return clocks
      return ok({ ...state, status: 'inProgress', clocks: clocks.value })
    }

    case 'accepted': {
      if (state.kind !== 'application') return fail('CONFLICT', '咨询无需受理，请直接答复', { kind: state.kind })
      if (state.status !== 'inProgress' || state.acceptance) return wrongState(state, '受理')
      // the acceptance answers the first clock: nothing was missing (002 一次性告知 §5(2))
      const first = meetOpen(state, 'supplementNotice', when)
      if (!first.ok) return first
      if (event.payload.mode === 'instant') {
        // 000 §4.1: what can be done on the spot is done at once
        return ok({ ...state, status: 'completed', clocks: first.value, acceptance: { mode: 'instant', at }, completion: { result: '当场办结', at } })
      }
      const published = state.matter?.promisedDays ?? undefined
      const limit = event.payload.limitDays ?? published
      if (limit === undefined || limit < 1) return missing('limitDays', '承诺件须有承诺办结时限')
      // 003 五4, 004 服务承诺 §3: the matter's published limit is the promise; another one is explained to the citizen
      const reason = event.payload.limitReason?.trim() ?? ''
      if (published !== undefined && published > 0 && limit !== published && reason.length < 2) {
        return missing('limitReason', `事项清单公布的承诺时限为 ${published} 个工作日，改为 ${limit} 个工作日请说明理由（将告知市民）`)
      }
      return ok({
        ...state,
        acceptance: {
          mode: 'promised',
          at,
          limitDays: limit,
          ...(published !== undefined && limit !== published ? { limitReason: reason } : {}),
          ...(event.payload.noticeNo ? { noticeNo: event.payload.noticeNo } : {}),
        },
        clocks: [...first.value, startClock('promised', when, limit, calendar)],
      })
    }

    case 'completed': {
      if (state.kind !== 'application') return fail('CONFLICT', '咨询请使用答复', { kind: state.kind })
      if (state.status !== 'inProgress' || state.acceptance?.mode !== 'promised') return wrongState(state, '办结')
      if (blank(event.payload.result)) return missing('result', '请填写办理结果')
      const clocks = meetOpen(state, 'promised', when)
      if (!clocks.ok) return clocks
      return ok({ ...state, status: 'completed', clocks: clocks.value, completion: { result: event.payload.result, at } })
    }

    case 'refused': {
      // 000 §4.1: refusing needs the reason and the legal basis
      if (state.kind !== 'application') return fail('CONFLICT', '咨询不适用不予办理，请答复并说明理由', { kind: state.kind })
      if (state.status !== 'inProgress') return wrongState(state, '作出不予办理决定')
      if (blank(event.payload.reason)) return missing('reason', '不予办理须说明理由')
      if (blank(event.payload.legalBasis)) return missing('legalBasis', '不予办理须写明依据（000 §4.1）')
      const first = meetOpen(state, 'supplementNotice', when)
      if (!first.ok) return first
      const clocks = meetOpen({ ...state, clocks: first.value }, 'promised', when)
      if (!clocks.ok) return clocks
      return ok({
        ...state,
        status: 'refused',
        clocks: clocks.value,
        // 002 限时办结 §3 不予受理 before acceptance, §4 不予登记 after it
        refusal: {
          reason: event.payload.reason,
          legalBasis: event.payload.legalBasis,
          at,
          afterAcceptance: state.acceptance !== null,
          ...(event.payload.noticeNo ? { noticeNo: event.payload.noticeNo } : {}),
        },
      })
    }

    case 'handoverCreated': {
      // 000 §5.1 / 附件2: hand over within the window; the receiver takes the duty on reading the slip
      if (state.status !== 'inProgress') return wrongState(state, '移交')
      if (event.payload.toStaffId === state.handlerId) return missing('toStaffId', '不能移交给自己')
      if (blank(event.payload.reason)) return missing('reason', '请填写交接原因')
      return ok({
        ...state,
        status: 'handoverPending',
        handovers: [
          ...state.handovers,
          {
            slipNo: event.payload.slipNo,
            fromStaffId: by,
            toStaffId: event.payload.toStaffId,
            reason: event.payload.reason,
            remarks: event.payload.remarks,
            at,
            acknowledgedAt: null,
            contactedAt: null,
          },
        ],
      })
    }

    case 'handoverAcknowledged': {
      if (state.status !== 'handoverPending') return wrongState(state, '确认交接')
      const last = pendingSlip(state)
      if (!last || last.slipNo !== event.payload.slipNo) {
        return fail('CONFLICT', '交接单编号不符', { slipNo: last?.slipNo ?? null })
      }
      const handovers = [...state.handovers.slice(0, -1), { ...last, acknowledgedAt: at }]
      return ok({
        ...state,
        status: 'inProgress',
        handovers,
        firstResponderId: last.toStaffId,
        handlerId: last.toStaffId,
        // 003 三(一)2: the receiver contacts the citizen the same day
        clocks: [...state.clocks, startClock('handoverContact', when, policy.limits.handoverContact.value, calendar)],
      })
    }

    case 'citizenContacted': {
      const last = state.handovers[state.handovers.length - 1]
      if (!last?.acknowledgedAt || last.contactedAt) return wrongState(state, '登记联系情况')
      const clocks = meetOpen(state, 'handoverContact', when)
      if (!clocks.ok) return clocks
      return ok({ ...state, clocks: clocks.value, handovers: [...state.handovers.slice(0, -1), { ...last, contactedAt: at }] })
    }

    case 'jointReported': {
      // 000 §5.2: report to the window lead; the first window agrees a plan within the policy's limit
      if (state.status !== 'inProgress' || state.joint) return wrongState(state, '报告共同办理')
      if (event.payload.coWindowIds.includes(state.windowId)) return missing('coWindowIds', '协办窗口不能是本窗口')
      return ok({
        ...state,
        status: 'joint',
        joint: { coWindowIds: event.payload.coWindowIds, note: event.payload.note, reportedAt: at, plan: null, planAt: null },
        clocks: [...state.clocks, startClock('jointPlan', when, policy.limits.jointPlan.value, calendar)],
      })
    }

    case 'jointPlanRecorded': {
      if (state.status !== 'joint' || !state.joint || state.joint.plan) return wrongState(state, '记录共同办理方案')
      if (blank(event.payload.plan)) return missing('plan', '请填写商定的办理方案')
      const clocks = meetOpen(state, 'jointPlan', when)
      if (!clocks.ok) return clocks
      return ok({
        ...state,
        status: 'inProgress',
        clocks: clocks.value,
        joint: { ...state.joint, coWindowIds: event.payload.coWindowIds, plan: event.payload.plan, planAt: at },
      })
    }

    case 'urged': {
      // 002 首问（办）负责 §4(2): the lead window keeps the proof that it urged the co-windows
      if (state.status === 'closed') return wrongState(state, '催办')
      const target = event.payload.targetWindowId ?? null
      if (target && !state.joint?.coWindowIds.includes(target)) return missing('targetWindowId', '只能催办本案的协办窗口')
      return ok({
        ...state,
        urges: [...state.urges, { at, by, byKind: event.actor.kind, note: event.payload.note, targetWindowId: target }],
      })
    }

    case 'referred': {
      // 000 §5.3: tell the citizen which window, and guide them there
      if (state.status !== 'open' && state.status !== 'inProgress') return wrongState(state, '指引到其他窗口')
      if (event.payload.toWindowId === state.windowId) return missing('toWindowId', '请选择其他窗口')
      if (blank(event.payload.note)) return missing('note', '请告诉市民到哪个窗口、怎么办')
      const referred: CaseState = {
        ...state,
        referral: { toWindowId: event.payload.toWindowId, note: event.payload.note, linkedCaseId: event.payload.linkedCaseId ?? null, at },
      }
      const clocks = meetOpen(referred, 'reply', when)
      if (!clocks.ok) return clocks
      return close(referred, at, clocks.value, when)
    }

    case 'outsideHall': {
      // 000 §5.4: a consult is explained; a written application goes to the hall office to forward
      if (state.status !== 'inProgress') return wrongState(state, '按大厅职责外处理')
      if (blank(event.payload.explanation)) return missing('explanation', '请向市民说明理由')
      const outside: CaseState['outside'] = {
        mode: event.payload.mode,
        explanation: event.payload.explanation,
        department: event.payload.department,
        at,
        forwarded: null,
      }
      if (event.payload.mode === 'consult') {
        const withOutside = { ...state, outside }
        const clocks = meetOpen(withOutside, 'reply', when)
        if (!clocks.ok) return clocks
        return close(withOutside, at, clocks.value, when)
      }
      // a written application sent on is answered for the first clock (002 一次性告知 §5(2))
      const first = meetOpen(state, 'supplementNotice', when)
      if (!first.ok) return first
      return ok({
        ...state,
        status: 'forwarding',
        outside,
        clocks: [...first.value, startClock('outsideForward', when, policy.limits.outsideForward.value, calendar)],
      })
    }

    case 'outsideForwarded': {
      if (state.status !== 'forwarding' || !state.outside) return wrongState(state, '登记移交')
      const p = event.payload
      if (blank(p.department)) return missing('department', '请填写接收部门')
      if (blank(p.documentNo)) return missing('documentNo', '请填写移交文号')
      if (!/^\d{4}-\d{2}-\d{2}$/.test(p.date)) return missing('date', '请填写移交日期')
      const forwarded: CaseState = {
        ...state,
        outside: { ...state.outside, forwarded: { department: p.department, date: p.date, documentNo: p.documentNo, at } },
      }
      const clocks = meetOpen(forwarded, 'outsideForward', when)
      if (!clocks.ok) return clocks
      return close(forwarded, at, clocks.value, when)
    }

    case 'extended': {
      // 004 限时办结 §5: at most the policy's maximum, before due, with the reason told to the citizen
      if (state.status === 'closed') return wrongState(state, '延期')
      const { clockKind, days, reason } = event.payload
      if (!mayExtend(policy, clockKind)) {
        return fail('INVALID_INPUT', `${CLOCK_LABELS[clockKind]}不能延期（${policy.extension.clockKinds.cite}）`, {
          field: 'clockKind',
          cite: policy.extension.clockKinds.cite,
        })
      }
      const clocks = onClock(state, clockKind, (c) => extendClock(c, when, days, reason, by, policy.extension.maxDays.value, calendar), true)
      if (!clocks.ok) return clocks
      return ok({ ...state, clocks: clocks.value })
    }

    case 'extensionRequested': {
      // 004 服务承诺 §3, 限时办结 §5: the request is checked as the extension itself would be
      if (state.status === 'closed') return wrongState(state, '申请延期')
      if (pendingExtension(state)) return fail('CONFLICT', '已有一项延期申请等待批准', { clockKind: pendingExtension(state)!.clockKind })
      const { clockKind, days, reason } = event.payload
      if (!mayExtend(policy, clockKind)) {
        return fail('INVALID_INPUT', `${CLOCK_LABELS[clockKind]}不能延期（${policy.extension.clockKinds.cite}）`, {
          field: 'clockKind',
          cite: policy.extension.clockKinds.cite,
        })
      }
      const trial = onClock(state, clockKind, (c) => extendClock(c, when, days, reason, by, policy.extension.maxDays.value, calendar), true)
      if (!trial.ok) return trial
      const request = { clockKind, days, reason: reason.trim(), by, at, decision: null }
      return ok({ ...state, extensionRequests: [...(state.extensionRequests ?? []), request] })
    }

    case 'extensionDecided': {
      const request = pendingExtension(state)
      if (!request) return fail('CONFLICT', '没有等待批准的延期申请')
      const { granted, note } = event.payload
      if (!granted && blank(note)) return missing('note', '不予批准请说明理由')
      let clocks = state.clocks
      if (granted) {
        // granted before the limit lapses, so the citizen learns the reason in time (004 服务承诺 §3)
        const extended = onClock(
          state,
          request.clockKind,
          (c) => extendClock(c, when, request.days, request.reason, by, policy.extension.maxDays.value, calendar),
          true,
        )
        if (!extended.ok) return extended
        clocks = extended.value
      }
      const requests = (state.extensionRequests ?? []).map((r) => (r === request ? { ...r, decision: { granted, note: note.trim(), by, at } } : r))
      return ok({ ...state, clocks, extensionRequests: requests })
    }

    case 'reportedUp': {
      // 000 §5.1, §6; 002 首问（办）负责 §2(2)(3); 004 首问负责制度 §5(3): reported, still the first responder's
      if (!ACTIVE.includes(state.status)) return wrongState(state, '上报')
      if (pendingReport(state)) return fail('CONFLICT', '已上报，正在等待答复')
      if (blank(event.payload.detail)) return missing('detail', '请写明需要上级答复的情况')
      const { to, reason, detail } = event.payload
      return ok({
        ...state,
        reports: [...(state.reports ?? []), { to, reason, detail: detail.trim(), by, at, answer: null }],
        clocks: [...state.clocks, startClock('reportUp', when, policy.limits.reportUp.value, calendar)],
      })
    }

    case 'reportAnswered': {
      const report = pendingReport(state)
      if (!report) return fail('CONFLICT', '没有等待答复的上报')
      if (blank(event.payload.answer)) return missing('answer', '请填写答复意见')
      const clocks = meetOpen(state, 'reportUp', when)
      if (!clocks.ok) return clocks
      const reports = (state.reports ?? []).map((r) => (r === report ? { ...r, answer: { text: event.payload.answer.trim(), by, at } } : r))
      return ok({ ...state, clocks: clocks.value, reports })
    }

    case 'jointPartConfirmed': {
      // 000 §5.2, 002 首问（办）负责 §4(2): each co-window confirms the part of the plan it takes on
      const joint = state.joint
      if (!joint?.plan || state.status === 'closed') return wrongState(state, '确认承办部分')
      const w = event.payload.windowId
      if (!joint.coWindowIds.includes(w)) return missing('windowId', '只有本案的协办窗口可以确认')
      if ((joint.confirmations ?? []).some((c) => c.windowId === w)) return fail('CONFLICT', '本窗口已确认过承办部分', { windowId: w })
      if (blank(event.payload.part)) return missing('part', '请写明本窗口承担的办理内容')
      const confirmations = [...(joint.confirmations ?? []), { windowId: w, part: event.payload.part.trim(), by, at }]
      return ok({ ...state, joint: { ...joint, confirmations } })
    }

    case 'jointDisputeReported': {
      // 001 第六条(三), 003 三(一)3: the windows cannot agree: a written report to the hall office
      const joint = state.joint
      if (state.status !== 'joint' || !joint || joint.plan || joint.dispute) return wrongState(state, '报告共同办理争议')
      const p = event.payload
      for (const [field, value, what] of [
        ['items', p.items, '争议事项'],
        ['leadReasons', p.leadReasons, '本窗口的理由'],
        ['coReasons', p.coReasons, '协办窗口的理由'],
        ['proposal', p.proposal, '处理建议'],
      ] as const) {
        if (blank(value)) return missing(field, `请填写${what}`)
      }
      // the lead window did its part in reporting: the decision is the hall office's, on its own clock
      const met = meetOpen(state, 'jointPlan', when)
      if (!met.ok) return met
      const dispute = {
        items: p.items.trim(),
        leadReasons: p.leadReasons.trim(),
        coReasons: p.coReasons.trim(),
        proposal: p.proposal.trim(),
        at,
        by,
        decision: null,
      }
      return ok({
        ...state,
        joint: { ...joint, dispute },
        clocks: [...met.value, startClock('jointDecision', when, policy.limits.jointDecision.value, calendar)],
      })
    }

    case 'jointDisputeDecided': {
      const joint = state.joint
      if (state.status !== 'joint' || !joint?.dispute || joint.dispute.decision) return wrongState(state, '裁定共同办理争议')
      if (blank(event.payload.decision)) return missing('decision', '请填写裁定意见')
      const clocks = meetOpen(state, 'jointDecision', when)
      if (!clocks.ok) return clocks
      const text = event.payload.decision.trim()
      // the decision is the plan the windows follow
      return ok({
        ...state,
        status: 'inProgress',
        clocks: clocks.value,
        joint: { ...joint, plan: text, planAt: at, dispute: { ...joint.dispute, decision: { text, at, by } } },
      })
    }

    case 'reminded': {
      if (event.actor.kind !== 'system') return fail('FORBIDDEN', '提醒由系统发出')
      const level = event.payload.level
      const clocks = onClock(
        state,
        event.payload.clockKind,
        (c) =>
          c.breachedAt || c.pausedAt || (c.reminded ?? []).includes(level)
            ? fail('CONFLICT', '该提醒已发出或时限不在计时中', { clockKind: c.kind, level })
            : ok({ ...c, reminded: [...(c.reminded ?? []), level] }),
        true,
      )
      if (!clocks.ok) return clocks
      return ok({ ...state, clocks: clocks.value })
    }

    case 'clockBreached': {
      const clocks = onClock(state, event.payload.clockKind, (c) => breachClock(c, when), true)
      if (!clocks.ok) return clocks
      // 004: the violation is recorded against whoever was responsible at the due time: the holder of
      // the case, unless the clock is the lead window's (joint plan) or the hall office's (forward)
      const kind = event.payload.clockKind
      const duty = clockDuty(kind, pendingReport(state)?.to)
      const windowId = event.payload.windowId ?? state.windowId
      const holder = event.payload.staffId ?? state.handlerId
      // nobody claimed it: the window answers for it, through its leads (004 考核 三(一)(1)(2))
      const violation =
        duty === 'holder' && holder
          ? { clockKind: kind, staffId: holder, windowId, at }
          : { clockKind: kind, staffId: null, windowId, at, duty: duty === 'holder' ? ('windowLead' as const) : duty }
      return ok({ ...state, clocks: clocks.value, violations: [...(state.violations ?? []), violation] })
    }

    case 'rated': {
      if (event.actor.kind !== 'citizen') return fail('FORBIDDEN', '由市民本人评价')
      const decidedAt = decisionTime(state)
      if (!decidedAt) return fail('CONFLICT', '答复或办结后才能评价', { status: state.status })
      const ratings = state.ratings ?? []
      const existing = ratings.find((r) => r.round === state.round)
      if (existing) return fail('CONFLICT', '您已评价过本次服务', { rating: existing })
      // a rating window per policy; after it the round stays unrated, never scored for the citizen
      const closes = calendar.dueAt(new Date(decidedAt), policy.rating.rateWithinDays.value)
      if (when > closes)
        return fail('CONFLICT', `评价期已过（答复或办结后 ${policy.rating.rateWithinDays.value} 个工作日内可评价）`, { closedAt: formatShanghai(closes) })
      const p = event.payload
      const bad = isBad(p.level, policy.rating.badAtOrBelow.value)
      if (bad && p.tags.length === 0) return missing('tags', '请选择不满意的原因')
      if (bad && p.text.trim().length < 5) return missing('text', '请简要说明不满意的情况（至少 5 个字）')
      const rating: Rating = {
        round: state.round,
        level: p.level as Rating['level'],
        bad,
        tags: p.tags,
        text: p.text.trim(),
        at,
        staffId: p.staffId,
        windowId: p.windowId,
      }
      if (!bad) return ok({ ...state, ratings: [...ratings, rating] })
      // a bad rating: the window lead rectifies within the policy's limit
      const rectification: Rectification = {
        round: state.round,
        openedAt: at,
        finding: null,
        measures: null,
        rectifiedAt: null,
        rectifiedBy: null,
        followUp: null,
      }
      return ok({
        ...state,
        ratings: [...ratings, rating],
        rectifications: [...(state.rectifications ?? []), rectification],
        clocks: [...state.clocks, startClock('rectification', when, policy.rating.rectificationDays.value, calendar)],
      })
    }

    case 'rectified': {
      const list = state.rectifications ?? []
      const open = list.findIndex((r) => !r.rectifiedAt)
      if (open < 0) return fail('CONFLICT', '没有待整改的差评')
      if (blank(event.payload.measures)) return missing('measures', '请填写核查情况和整改措施')
      const clocks = onClock(state, 'rectification', (c) => meetClock(c, when), false)
      if (!clocks.ok) return clocks
      const next = [...list]
      next[open] = { ...list[open]!, finding: event.payload.finding, measures: event.payload.measures.trim(), rectifiedAt: at, rectifiedBy: by }
      return ok({ ...state, rectifications: next, clocks: [...clocks.value, startClock('followUp', when, policy.rating.followUpDays.value, calendar)] })
    }

    case 'followedUp': {
      const list = state.rectifications ?? []
      const i = list.findIndex((r) => r.rectifiedAt && !r.followUp)
      if (i < 0) return fail('CONFLICT', '没有待回访的整改')
      if (blank(event.payload.result)) return missing('result', '请填写回访情况')
      const clocks = onClock(state, 'followUp', (c) => meetClock(c, when), false)
      if (!clocks.ok) return clocks
      const next = [...list]
      next[i] = { ...list[i]!, followUp: { result: event.payload.result.trim(), satisfied: event.payload.satisfied, at, by } }
      return ok({ ...state, rectifications: next, clocks: clocks.value })
    }

    case 'closed': {
      if (state.status === 'closed') return wrongState(state, '结案')
      if (ACTIVE.includes(state.status) && state.status !== 'inProgress') return wrongState(state, '结案')
      return close(state, at, state.clocks, when)
    }

    case 'reopened': {
      // a bad rating or a verified complaint reopens the case for rectification
      if (state.status !== 'closed' && state.status !== 'replied' && state.status !== 'completed' && state.status !== 'refused') {
        return wrongState(state, '重新办理')
      }
      if (blank(event.payload.reason)) return missing('reason', '请说明重新办理的原因')
      const clocks = state.kind === 'consult' ? [...state.clocks, startClock('reply', when, policy.limits.reply.value, calendar)] : state.clocks
      return ok({
        ...state,
        status: state.handlerId ? 'inProgress' : 'open',
        ledgerColumn: null,
        closedAt: null,
        reply: null,
        // a new service round: an application is accepted and decided again
        acceptance: null,
        completion: null,
        refusal: null,
        clocks,
        round: state.round + 1,
      })
    }
  }
}

/**
 * 000 §4.2: a consult is answered on the spot (当场答复) while the citizen is there, otherwise within
 * the limit (限时答复). "There" is the business session of its receipt: the same working day, before
 * that day's close of business (a consult received after the close, or on a rest day, finds no session
 * open). The round's receipt is the start of its reply clock (the submission, or the reopening).
 */
export function withinReceiptSession(received: Date, at: Date, cal: WorkCalendar): boolean {
  const day = shanghaiDate(received)
  if (shanghaiDate(at) !== day || !cal.isWorkingDay(day) || at < received) return false
  return at <= cal.closeOfBusiness(day) && received <= cal.closeOfBusiness(day)
}

/** the mode a reply is recorded with: 当场答复 only within the receipt's session, whatever was chosen */
export function replyMode(state: Pick<CaseState, 'clocks' | 'submittedAt'>, chosen: 'onTheSpot' | 'timed', at: Date, cal: WorkCalendar): 'onTheSpot' | 'timed' {
  if (chosen === 'timed') return 'timed'
  const clock = state.clocks.find((c) => c.kind === 'reply' && !c.metAt)
  return withinReceiptSession(new Date(clock?.startedAt ?? state.submittedAt), at, cal) ? 'onTheSpot' : 'timed'
}

/** the service round a supplement notice was issued in; notices recorded before rounds were kept are round 1 */
export const noticeRound = (n: { round?: number }) => n.round ?? 1

/** the handover slip waiting for its receiver to acknowledge it (阅知), if any: only ever the last one */
export function pendingSlip(state: Pick<CaseState, 'status' | 'handovers'>): CaseState['handovers'][number] | null {
  const last = state.handovers[state.handovers.length - 1]
  return state.status === 'handoverPending' && last && !last.acknowledgedAt && !last.withdrawnAt ? last : null
}

/** the extension request waiting for the approver, if any */
export function pendingExtension(state: Pick<CaseState, 'extensionRequests'>): NonNullable<CaseState['extensionRequests']>[number] | null {
  return (state.extensionRequests ?? []).find((r) => !r.decision) ?? null
}

/** the report upward waiting for its answer, if any */
export function pendingReport(state: Pick<CaseState, 'reports'>): NonNullable<CaseState['reports']>[number] | null {
  return (state.reports ?? []).find((r) => !r.answer) ?? null
}

/** the slips with the pending one, if any, marked withdrawn at this time */
function withdrawPendingSlip(state: CaseState, at: string): CaseState['handovers'] {
  const slip = pendingSlip(state)
  return slip ? [...state.handovers.slice(0, -1), { ...slip, withdrawnAt: at }] : state.handovers
}

/** when this round was answered or decided: a rating may follow */
export function decisionTime(state: { reply: { at: string } | null; completion: { at: string } | null; refusal: { at: string } | null }): string | null {
  return state.reply?.at ?? state.completion?.at ?? state.refusal?.at ?? null
}

/** whom a rating of this round is about: who replied, else who held the case when it was decided */
export function ratingSubject(state: CaseState): { staffId: string | null; windowId: string } {
  return { staffId: state.reply?.by ?? state.handlerId, windowId: state.windowId }
}

/** the state of a case is the fold of its events */
export function replay(events: CaseEvent[], ctx: MachineContext): Result<CaseState> {
  let state: CaseState | null = null
  for (const e of events) {
    const next = applyEvent(state, e, ctx)
    if (!next.ok) return next
    state = next.value
  }
  return state ? ok(state) : fail('NOT_FOUND', '案件没有任何记录')
}
