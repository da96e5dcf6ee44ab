// Joint handling with other windows (000 §5.2): the first responder reports to the window lead, who
// records the plan agreed with the co-windows within the policy's limit and urges them (002).
import { DomainError } from '../../core/errors'
import { assertIsHandler, assertLeadOfCase, requireStaff } from '../authorize'
import { runCaseAction, staffActor } from '../caseAction'
import type { HandlerContext, Handler } from '.'

async function assertWindowsOfHall(ctx: HandlerContext, hallId: string, ids: string[]) {
  for (const id of ids) {
    const w = await ctx.store.getWindow(hallId, id)
    if (!w || !w.active) throw new DomainError('INVALID_INPUT', `没有这个窗口：${id}`, { field: 'coWindowIds' })
  }
}

export const reportJoint: Handler<'reportJoint'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: async (state) => {
      assertIsHandler(staff, state)
      await assertWindowsOfHall(ctx, state.hallId, input.coWindowIds)
    },
    decide: () => ({ type: 'jointReported', payload: { coWindowIds: input.coWindowIds, note: input.note } }),
  })
}

export const recordJointPlan: Handler<'recordJointPlan'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: async (state) => {
      assertLeadOfCase(staff, state)
      await assertWindowsOfHall(ctx, state.hallId, input.coWindowIds)
    },
    decide: () => ({ type: 'jointPlanRecorded', payload: { plan: input.plan, coWindowIds: input.coWindowIds } }),
  })
}
