// The window lead and the hall office supervise: take over (002: the highest rank answers), assign,
// urge (催办), extend a limit (004 限时办结 §5) and close.
import { DomainError } from '../../core/errors'
import type { Actor } from '../../core/events'
import { assertIsHandler, assertLeadOfCase, requireOwner, requireStaff } from '../authorize'
import { citizenUrgeRefusal } from '../abilities'
import { runCaseAction, staffActor } from '../caseAction'
import type { Handler } from '.'

export const takeOver: Handler<'takeOver'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => {
      assertLeadOfCase(staff, state)
      if (state.handlerId === staff.id) throw new DomainError('CONFLICT', '您已是本案的首问负责人')
    },
    decide: (state) => ({ type: 'takenOver', payload: { staffId: staff.id, reason: input.reason, previousId: state.handlerId } }),
  })
}

export const assignCase: Handler<'assignCase'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: async (state) => {
      assertLeadOfCase(staff, state)
      const to = await ctx.store.getStaff(input.staffId)
      if (!to || !to.active || to.hallId !== state.hallId || to.windowId !== state.windowId) {
        throw new DomainError('INVALID_INPUT', '只能指派给本窗口在岗的工作人员', { field: 'staffId' })
      }
    },
    decide: () => ({ type: 'assigned', payload: { staffId: input.staffId } }),
  })
}

/**
 * 催办: the citizen once a clock is past half its time (at most once a day), the hall office at any
 * time, the lead window to its co-windows in joint handling (002 首问（办）负责 §4(2)).
 */
export const urgeCase: Handler<'urgeCase'> = async (ctx, input) => {
  const actor: Actor = ctx.staff ? staffActor(ctx.staff) : { kind: 'citizen', id: ctx.identity.citizenId ?? '' }
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor,
    authorize: (state, { calendar }) => {
      const staff = ctx.staff
      if (staff) {
        if (input.targetWindowId) assertLeadOfCase(staff, state)
        else if (staff.role !== 'office' || staff.hallId !== state.hallId) throw new DomainError('FORBIDDEN', '催办由市民或政务服务科发起')
        return
      }
      requireOwner(ctx, state)
      if (input.targetWindowId) throw new DomainError('FORBIDDEN', '市民催办不指定窗口')
      const refusal = citizenUrgeRefusal(state, calendar, ctx.now)
      if (refusal) throw refusal
    },
    decide: () => ({ type: 'urged', payload: { note: input.note, targetWindowId: input.targetWindowId } }),
  })
}

export const extendClock: Handler<'extendClock'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state, { policy }) => {
      // 002 限时办结 §7: with a leader's approval where the policy says so
      if (policy.extension.needsLeadApproval.value) {
        const approver = (staff.role === 'lead' && staff.windowId === state.windowId) || (staff.role === 'office' && staff.hallId === state.hallId)
        if (!approver) throw new DomainError('FORBIDDEN', `延期须经窗口负责人批准（${policy.extension.needsLeadApproval.cite}）`)
      } else assertIsHandler(staff, state)
    },
    decide: () => ({
      type: 'extended',
      payload: { clockKind: input.clockKind, days: input.days, reason: input.reason, approvedBy: staff.role === 'staff' ? undefined : staff.id },
    }),
  })
}

export const closeCase: Handler<'closeCase'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => {
      if (state.handlerId !== staff.id) assertLeadOfCase(staff, state)
    },
    decide: () => ({ type: 'closed', payload: { note: input.note } }),
  })
}
