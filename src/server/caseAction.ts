// How every staff or citizen action on a case runs: load, authorise, build the event, let the state
// machine guard and fold it, append it at the version it was decided on. A concurrent change makes
// the append conflict; the action is then decided again on the fresh state, so two claims at once
// give one first responder and a clear CONFLICT for the other. A repeated requestId records nothing
// twice and answers with the case as it is.
import { applyEvent } from '../core/caseMachine'
import { DomainError } from '../core/errors'
import type { Actor, CaseEvent, EventBody } from '../core/events'
import type { CaseState } from '../core/caseState'
import { formatShanghai } from '../core/calendar'
import type { Staff } from '../core/schemas'
import type { CaseView } from '../core/views'
import { assertCanRead, staffSeesCase } from './authorize'
import { caseView } from './caseView'
import { loadDirectory } from './directory'
import { loadHallContext } from './hallContext'
import type { HandlerContext } from './handlers'

const MAX_ATTEMPTS = 8

export function staffActor(s: Staff): Actor {
  return { kind: 'staff', id: s.id, name: s.name, role: s.role, windowId: s.windowId }
}

export interface CaseAction {
  caseId: string
  requestId?: string
  actor: Actor
  /** throws FORBIDDEN when this caller may not act on the case */
  authorize: (state: CaseState) => void
  /** the event to record, decided on the current state */
  decide: (state: CaseState) => EventBody
  /** adds detail to a refusal of the state machine (e.g. who holds the case) */
  explain?: (error: DomainError, state: CaseState) => Promise<DomainError>
}

export async function runCaseAction(ctx: HandlerContext, action: CaseAction): Promise<CaseView> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const loaded = await ctx.store.getCase(action.caseId)
    if (!loaded) throw new DomainError('NOT_FOUND', '找不到这个案件')
    const { state } = loaded
    assertCanRead(ctx, state)
    action.authorize(state)
    if (action.requestId && (await ctx.store.hasRequest(state.id, action.actor.id, action.requestId))) {
      return loadCaseView(ctx, state.id)
    }
    // a case runs under the policy version it was opened under
    const hallCtx = await loadHallContext(ctx.store, state.hallId, state.policy.version)
    const body = action.decide(state)
    const event = {
      ...body,
      caseId: state.id,
      seq: state.version + 1,
      at: formatShanghai(ctx.now),
      actor: action.actor,
      ...(action.requestId ? { requestId: action.requestId } : {}),
    } as CaseEvent
    const next = applyEvent(state, event, { policy: hallCtx.policy, calendar: hallCtx.calendar })
    if (!next.ok) throw action.explain ? await action.explain(next.error, state) : next.error
    const result = await ctx.store.appendEvents({
      caseId: state.id,
      expectedVersion: state.version,
      build: () => ({ events: [event], state: next.value }),
    })
    if (result.status === 'ok') return loadCaseView(ctx, state.id)
  }
  throw new DomainError('CONFLICT', '案件正在被他人处理，请刷新后再试')
}

export async function loadCaseView(ctx: HandlerContext, caseId: string): Promise<CaseView> {
  const loaded = await ctx.store.getCase(caseId)
  if (!loaded) throw new DomainError('NOT_FOUND', '找不到这个案件')
  const { state, events } = loaded
  assertCanRead(ctx, state)
  const [hallCtx, dir] = await Promise.all([loadHallContext(ctx.store, state.hallId), loadDirectory(ctx.store, state.hallId)])
  const staff = ctx.staff
  const can = {
    claim:
      !!staff &&
      staff.role !== 'office' &&
      staff.windowId === state.windowId &&
      staffSeesCase(staff, state) &&
      state.status === 'open' &&
      state.handlerId === null,
    reply: !!staff && state.handlerId === staff.id && state.kind === 'consult' && state.status === 'inProgress',
  }
  return caseView(state, events, hallCtx.hall, dir, can)
}
