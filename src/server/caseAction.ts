// How every staff or citizen action on a case runs: load, authorise, build the event, let the state
// machine guard and fold it, append it at the version it was decided on. A concurrent change makes
// the append conflict; the action is then decided again on the fresh state, so two claims at once
// give one first responder and a clear CONFLICT for the other. A repeated requestId records nothing
// twice and answers with the case as it is.
import { applyEvent } from '../core/caseMachine'
import { DomainError } from '../core/errors'
import type { Actor, CaseEvent, EventBody } from '../core/events'
import type { CaseState } from '../core/caseState'
import { formatShanghai, shanghaiDate } from '../core/calendar'
import type { Staff } from '../core/schemas'
import type { CaseView } from '../core/views'
import { abilities } from './abilities'
import { notificationsFor } from '../core/notification'
import { assertCanRead } from './authorize'
import { caseView } from './caseView'
import { loadDirectory } from './directory'
import { loadHallContext, type HallContext } from './hallContext'
import type { HandlerContext } from './handlers'

const MAX_ATTEMPTS = 8

export function staffActor(s: Staff): Actor {
  return { kind: 'staff', id: s.id, name: s.name, role: s.role, windowId: s.windowId }
}

/** the numbered forms: 补件告知单 (附件1) and 交接单 (附件2), numbered per hall and year without gaps */
export type FormSeries = 'BZ' | 'JJ'

export interface CaseAction {
  caseId: string
  requestId?: string
  actor: Actor
  /** throws FORBIDDEN when this caller may not act on the case */
  authorize: (state: CaseState, hall: HallContext) => void | Promise<void>
  /** the event to record, decided on the current state; `formNo` is the drawn number of a numbered form */
  decide: (state: CaseState, formNo: string | null) => EventBody
  /** draws the event's form number from this series in the same transaction */
  numbered?: FormSeries
  /** adds detail to a refusal of the state machine (e.g. who holds the case) */
  explain?: (error: DomainError, state: CaseState) => Promise<DomainError>
}

export async function runCaseAction(ctx: HandlerContext, action: CaseAction): Promise<CaseView> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const loaded = await ctx.store.getCase(action.caseId)
    if (!loaded) throw new DomainError('NOT_FOUND', '找不到这个案件')
    const { state } = loaded
    assertCanRead(ctx, state)
    // a case runs under the policy version it was opened under
    const [hallCtx, dir] = await Promise.all([loadHallContext(ctx.store, state.hallId, state.policy.version), loadDirectory(ctx.store, state.hallId)])
    await action.authorize(state, hallCtx)
    if (action.requestId && (await ctx.store.hasRequest(state.id, action.actor.id, action.requestId))) {
      return loadCaseView(ctx, state.id)
    }
    const year = shanghaiDate(ctx.now).slice(0, 4)
    const formNo = (seq: number) => `${hallCtx.hall.prefix}-${action.numbered}-${year}-${String(seq).padStart(4, '0')}`
    const make = (no: string | null) => {
      const event = {
        ...action.decide(state, no),
        caseId: state.id,
        seq: state.version + 1,
        at: formatShanghai(ctx.now),
        actor: action.actor,
        ...(action.requestId ? { requestId: action.requestId } : {}),
      } as CaseEvent
      return { event, next: applyEvent(state, event, { policy: hallCtx.policy, calendar: hallCtx.calendar }) }
    }
    // the machine's guards do not depend on the form number: check before drawing one
    const checked = make(action.numbered ? formNo(0) : null)
    if (!checked.next.ok) throw action.explain ? await action.explain(checked.next.error, state) : checked.next.error
    const result = await ctx.store.appendEvents({
      before: state,
      numberScope: action.numbered ? `${action.numbered}:${state.hallId}:${year}` : undefined,
      build: (seq) => {
        const final = action.numbered ? make(formNo(seq!)) : checked
        if (!final.next.ok) throw final.next.error
        return { events: [final.event], state: final.next.value, notifications: notificationsFor([final.event], final.next.value, dir) }
      },
      channels: ctx.channels,
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
  const [hallCtx, dir] = await Promise.all([loadHallContext(ctx.store, state.hallId, state.policy.version), loadDirectory(ctx.store, state.hallId)])
  const responderPhoto = state.firstResponderId ? dir.staffById.get(state.firstResponderId)?.photo : null
  const photoUrls = await ctx.files.urls(responderPhoto ? [...state.attachments, responderPhoto] : state.attachments)
  const can = abilities(ctx, state, hallCtx)
  return caseView(state, events, hallCtx.hall, dir, can, ctx.staff !== null, { now: ctx.now, calendar: hallCtx.calendar }, photoUrls)
}
