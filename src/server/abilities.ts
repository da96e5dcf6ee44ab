// What the caller may do on a case now, for the pages to show the right buttons. State guards come
// from the state machine itself (a dry run of the event); the roles mirror the handlers' checks,
// which run again on every call.
import { formatShanghai, type WorkCalendar } from '../core/calendar'
import { applyEvent } from '../core/caseMachine'
import type { CaseState } from '../core/caseState'
import { DomainError } from '../core/errors'
import type { Actor, CaseEvent, EventBody } from '../core/events'
import type { CaseAbility } from '../core/views'
import type { HallContext } from './hallContext'
import type { HandlerContext } from './handlers'

const DAY = 86_400_000

/** the citizen may urge once a clock is past half its time, and at most once a day; null when allowed */
export function citizenUrgeRefusal(state: CaseState, calendar: WorkCalendar, now: Date): DomainError | null {
  const halfGone = state.clocks.some((c) => {
    if (c.metAt || c.pausedAt) return false
    const total = calendar.workingMillisBetween(new Date(c.startedAt), new Date(c.dueAt))
    return calendar.workingMillisBetween(new Date(c.startedAt), now) * 2 >= total
  })
  if (!halfGone) return new DomainError('CONFLICT', '办理时限尚未过半，请耐心等待；如有急事请拨打监督电话')
  const last = [...state.urges].reverse().find((u) => u.byKind === 'citizen')
  if (last && now.getTime() - Date.parse(last.at) < DAY) {
    return new DomainError('RATE_LIMITED', '您今天已催办过，工作人员会尽快处理', { lastAt: last.at })
  }
  return null
}

export function abilities(ctx: HandlerContext, state: CaseState, hall: HallContext): Record<CaseAbility, boolean> {
  const staff = ctx.staff
  const at = formatShanghai(ctx.now)
  const owner = !staff && ctx.identity.citizenId === state.citizenId
  const handler = !!staff && state.handlerId === staff.id
  const lead = !!staff && staff.role === 'lead' && staff.hallId === state.hallId && staff.windowId === state.windowId
  const office = !!staff && staff.role === 'office' && staff.hallId === state.hallId
  const ofWindow = !!staff && staff.role !== 'office' && staff.hallId === state.hallId && staff.windowId === state.windowId
  const actor: Actor = staff
    ? { kind: 'staff', id: staff.id, name: staff.name, role: staff.role, windowId: staff.windowId }
    : { kind: 'citizen', id: ctx.identity.citizenId ?? '' }
  const legal = (body: EventBody) =>
    applyEvent(state, { ...body, caseId: state.id, seq: state.version + 1, at, actor } as CaseEvent, hall).ok
  const lastSlip = state.handovers[state.handovers.length - 1]
  const running = state.clocks.some((c) => !c.metAt && !c.breachedAt && !c.pausedAt && Date.parse(c.dueAt) > ctx.now.getTime())
  const extender = hall.policy.extension.needsLeadApproval.value ? lead || office : handler
  return {
    claim: ofWindow && legal({ type: 'claimed', payload: { staffId: staff!.id } }),
    reply: handler && legal({ type: 'replied', payload: { text: '-', mode: 'timed' } }),
    issueSupplementNotice: handler && legal({ type: 'supplementNoticeIssued', payload: { noticeNo: '-', items: ['-'] } }),
    materialsComplete: (owner || handler) && legal({ type: 'materialsCompleted', payload: { note: '' } }),
    accept: handler && legal({ type: 'accepted', payload: { mode: 'instant' } }),
    complete: handler && legal({ type: 'completed', payload: { result: '-' } }),
    refuse: handler && legal({ type: 'refused', payload: { reason: '-', legalBasis: '-' } }),
    createHandover: handler && legal({ type: 'handoverCreated', payload: { slipNo: '-', toStaffId: 'x-colleague', reason: '-', remarks: '' } }),
    acknowledgeHandover: !!staff && lastSlip?.toStaffId === staff.id && legal({ type: 'handoverAcknowledged', payload: { slipNo: lastSlip.slipNo } }),
    recordContact: handler && legal({ type: 'citizenContacted', payload: { note: '' } }),
    reportJoint: handler && legal({ type: 'jointReported', payload: { coWindowIds: ['x-other'], note: '-' } }),
    recordJointPlan: lead && legal({ type: 'jointPlanRecorded', payload: { plan: '-', coWindowIds: state.joint?.coWindowIds ?? ['x-other'] } }),
    urge: (owner && state.status !== 'closed' && citizenUrgeRefusal(state, hall.calendar, ctx.now) === null) || (office && state.status !== 'closed'),
    refer: (state.handlerId ? handler : ofWindow) && legal({ type: 'referred', payload: { toWindowId: 'x-other', note: '-' } }),
    outsideHall: handler && legal({ type: 'outsideHall', payload: { mode: 'consult', explanation: '-', department: '' } }),
    forwardOutside: office && state.status === 'forwarding',
    extend: extender && state.status !== 'closed' && running,
    takeOver: lead && state.handlerId !== staff!.id && state.status !== 'closed',
    close: (handler || lead) && legal({ type: 'closed', payload: { note: '' } }),
    rate: owner && legal({ type: 'rated', payload: { level: 5, tags: [], text: '', staffId: null, windowId: state.windowId } }),
    rectify: (lead || office) && legal({ type: 'rectified', payload: { finding: 'verified', measures: '-' } }),
    followUp: (lead || office) && legal({ type: 'followedUp', payload: { result: '-', satisfied: true } }),
  }
}
