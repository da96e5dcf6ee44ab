// Hand-over within the window (000 §5.1, 附件2): a numbered slip; the receiver takes the first-responder
// duty when they acknowledge it and contacts the citizen the same day (003 三(一)2).
import { DomainError } from '../../core/errors'
import { assertIsHandler, requireStaff } from '../authorize'
import { runCaseAction, staffActor } from '../caseAction'
import type { Handler } from '.'

export const createHandover: Handler<'createHandover'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: async (state) => {
      assertIsHandler(staff, state)
      const to = await ctx.store.getStaff(input.toStaffId)
      if (!to || !to.active || to.hallId !== state.hallId || to.windowId !== state.windowId) {
        throw new DomainError('INVALID_INPUT', '只能移交给本窗口在岗的工作人员', { field: 'toStaffId' })
      }
    },
    numbered: 'JJ',
    decide: (_state, slipNo) => ({
      type: 'handoverCreated',
      payload: { slipNo: slipNo!, toStaffId: input.toStaffId, reason: input.reason, remarks: input.remarks },
    }),
  })
}

export const acknowledgeHandover: Handler<'acknowledgeHandover'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => {
      const slip = state.handovers[state.handovers.length - 1]
      if (!slip || slip.toStaffId !== staff.id) throw new DomainError('FORBIDDEN', '只有交接单上的接收人可以确认')
    },
    decide: () => ({ type: 'handoverAcknowledged', payload: { slipNo: input.slipNo } }),
  })
}

export const recordContact: Handler<'recordContact'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => assertIsHandler(staff, state),
    decide: () => ({ type: 'citizenContacted', payload: { note: input.note } }),
  })
}
