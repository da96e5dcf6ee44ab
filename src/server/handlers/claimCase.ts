import { DomainError } from '../../core/errors'
import { assertCanClaim, requireStaff } from '../authorize'
import { runCaseAction, staffActor } from '../caseAction'
import type { Handler } from '.'

/** 000 §1: the staff member who takes the case becomes its first responder; exactly one claim wins */
export const claimCase: Handler<'claimCase'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => assertCanClaim(staff, state),
    decide: () => ({ type: 'claimed', payload: { staffId: staff.id } }),
    explain: async (error, state) => {
      if (error.code !== 'CONFLICT' || !state.handlerId) return error
      const holder = await ctx.store.getStaff(state.handlerId)
      return new DomainError('CONFLICT', `该案件已由${holder?.name ?? '其他工作人员'}接待`, {
        ...error.details,
        holderId: state.handlerId,
        holderName: holder?.name ?? null,
      })
    },
  })
}
