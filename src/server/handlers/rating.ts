// 好差评 on a case and the rectification of a bad one (docs/DESIGN.md "Ratings and complaints"): the citizen
// rates once per round; the window lead records the finding and the measures, then the follow-up with
// the citizen; the hall office may do both for any window (and audits them all).
import { ratingSubject } from '../../core/caseMachine'
import type { CaseState } from '../../core/caseState'
import type { Staff } from '../../core/schemas'
import { assertLeadOfCase, assertOffice, requireOwner, requireStaff } from '../authorize'
import { runCaseAction, staffActor } from '../caseAction'
import type { Handler } from '.'

export const rateCase: Handler<'rateCase'> = async (ctx, input) => {
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: { kind: 'citizen', id: ctx.identity.citizenId ?? '' },
    authorize: (state) => {
      requireOwner(ctx, state)
    },
    decide: (state) => ({ type: 'rated', payload: { level: input.level, tags: input.tags, text: input.text, ...ratingSubject(state) } }),
  })
}

/** the lead of the rated window, or the hall office */
function assertRectifier(staff: Staff, state: CaseState) {
  if (staff.role === 'office') assertOffice(staff, state)
  else assertLeadOfCase(staff, state)
}

export const recordRectification: Handler<'recordRectification'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => assertRectifier(staff, state),
    decide: () => ({ type: 'rectified', payload: { finding: input.finding, measures: input.measures } }),
  })
}

export const recordFollowUp: Handler<'recordFollowUp'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => assertRectifier(staff, state),
    decide: () => ({ type: 'followedUp', payload: { result: input.result, satisfied: input.satisfied } }),
  })
}
