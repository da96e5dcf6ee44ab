// Matters that are not the window's: another window of the hall (000 §5.3), outside the hall
// (000 §5.4), where the hall office forwards written applications within the policy's limit.
import { DomainError } from '../../core/errors'
import { applyEvent } from '../../core/caseMachine'
import { formatShanghai, shanghaiDate } from '../../core/calendar'
import type { CaseEvent } from '../../core/events'
import type { CaseState } from '../../core/caseState'
import { assertIsHandler, assertOffice, requireStaff, staffSeesCase } from '../authorize'
import { runCaseAction, staffActor } from '../caseAction'
import { loadHallContext } from '../hallContext'
import { caseNumber, newCaseId } from './submitCase'
import type { Handler } from '.'

export const referCase: Handler<'referCase'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  const current = await ctx.store.getCaseState(input.caseId)
  if (!current || !staffSeesCase(staff, current)) throw new DomainError('NOT_FOUND', '找不到这个案件')
  // an unclaimed case may be referred by anyone of its window; a held one by its handler
  const mayRefer = (state: CaseState) => {
    if (state.handlerId) assertIsHandler(staff, state)
    else if (staff.windowId !== state.windowId) throw new DomainError('FORBIDDEN', '只有本窗口的工作人员可以指引')
  }
  mayRefer(current)
  const target = await ctx.store.getWindow(current.hallId, input.toWindowId)
  if (!target || !target.active) throw new DomainError('INVALID_INPUT', '没有这个窗口', { field: 'toWindowId' })
  let linkedCaseId: string | undefined
  const repeat = await ctx.store.hasRequest(current.id, staff.id, input.requestId)
  if (input.openLinked && !repeat && (current.status === 'open' || current.status === 'inProgress')) {
    // nothing is written before the referral itself is known to be allowed: the state machine is
    // asked first with a stand-in for the linked case's id
    const caseCtx = await loadHallContext(ctx.store, current.hallId, current.policy.version)
    const probe = applyEvent(
      current,
      {
        type: 'referred',
        payload: { toWindowId: input.toWindowId, note: input.note, linkedCaseId: 'c_0000000000000000' },
        caseId: current.id,
        seq: current.version + 1,
        at: formatShanghai(ctx.now),
        actor: staffActor(staff),
        requestId: input.requestId,
      } as CaseEvent,
      caseCtx,
    )
    if (!probe.ok) throw probe.error
    // the linked case at the other window is the citizen's own; a repeat of this referral finds it again
    const hallCtx = await loadHallContext(ctx.store, current.hallId)
    const day = shanghaiDate(ctx.now)
    const id = newCaseId()
    const created = await ctx.store.createCase({
      citizenId: current.citizenId,
      requestId: `referral-${current.id}`,
      numberScope: `case:${current.hallId}:${day}`,
      build: (seq) => {
        const event: CaseEvent = {
          type: 'submitted',
          caseId: id,
          seq: 1,
          at: formatShanghai(ctx.now),
          actor: { kind: 'citizen', id: current.citizenId },
          requestId: `referral-${current.id}`,
          payload: {
            no: caseNumber(hallCtx.hall.prefix, day, seq),
            hallId: current.hallId,
            kind: current.kind,
            windowId: target.id,
            routedBy: 'general',
            contact: current.contact,
            text: current.text,
            attachments: current.attachments,
            policy: { presetId: hallCtx.policy.presetId, version: hallCtx.policy.version },
          },
        }
        const next = applyEvent(null, event, hallCtx)
        if (!next.ok) throw next.error
        return { state: next.value, event }
      },
    })
    linkedCaseId = created.state.id
  }
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: mayRefer,
    decide: () => ({ type: 'referred', payload: { toWindowId: input.toWindowId, note: input.note, linkedCaseId } }),
  })
}

export const outsideHall: Handler<'outsideHall'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => assertIsHandler(staff, state),
    decide: () => ({ type: 'outsideHall', payload: { mode: input.mode, explanation: input.explanation, department: input.department } }),
  })
}

export const forwardOutside: Handler<'forwardOutside'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => assertOffice(staff, state),
    decide: () => ({ type: 'outsideForwarded', payload: { department: input.department, date: input.date, documentNo: input.documentNo } }),
  })
}
