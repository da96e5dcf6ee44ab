// Applications (000 §4.1): the one-time supplement notice, materials completed, acceptance as an
// instant or promised case, completion, refusal with reason and legal basis.
import { DomainError } from '../../core/errors'
import { assertIsHandler, requireOwner, requireStaff } from '../authorize'
import { runCaseAction, staffActor } from '../caseAction'
import type { Handler } from '.'

export const issueSupplementNotice: Handler<'issueSupplementNotice'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => assertIsHandler(staff, state),
    numbered: 'BZ',
    decide: (_state, noticeNo) => ({ type: 'supplementNoticeIssued', payload: { noticeNo: noticeNo!, items: input.items } }),
  })
}

/** the citizen says the materials are complete ("材料已备齐"), which resumes the promised clock */
export const materialsComplete: Handler<'materialsComplete'> = async (ctx, input) => {
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: ctx.staff ? staffActor(ctx.staff) : { kind: 'citizen', id: ctx.identity.citizenId ?? '' },
    authorize: (state) => {
      if (ctx.staff) assertIsHandler(ctx.staff, state)
      else requireOwner(ctx, state)
    },
    decide: () => ({ type: 'materialsCompleted', payload: { note: input.note } }),
  })
}

export const acceptCase: Handler<'acceptCase'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => assertIsHandler(staff, state),
    decide: (state) => {
      if (input.mode === 'instant') return { type: 'accepted', payload: { mode: 'instant' } }
      // 003: a catalog matter brings its published limit; staff may set another one
      const limitDays = input.limitDays ?? state.matter?.promisedDays ?? undefined
      if (limitDays === undefined) {
        throw new DomainError('INVALID_INPUT', '承诺件请填写承诺办结的工作日数', { field: 'limitDays' })
      }
      return { type: 'accepted', payload: { mode: 'promised', limitDays } }
    },
  })
}

export const completeCase: Handler<'completeCase'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => assertIsHandler(staff, state),
    decide: () => ({ type: 'completed', payload: { result: input.result } }),
  })
}

export const refuseCase: Handler<'refuseCase'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => assertIsHandler(staff, state),
    decide: () => ({ type: 'refused', payload: { reason: input.reason, legalBasis: input.legalBasis } }),
  })
}
