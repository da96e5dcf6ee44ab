// How every action on a case runs (declared in src/core/caseActions.ts): read the case, then its hall
// with the rules the case runs under and the people it names (one store call), check who may do it
// before anything is written, let the state machine guard and fold the event, append it at the
// version it was decided on, and build the page from the appended state. A concurrent change makes
// the append conflict; the action is then decided again on the fresh state, so two claims at once
// give one first responder and a clear CONFLICT for the other. A repeated requestId records nothing
// twice and answers with the case as it is.
import type { z } from 'zod'
import { readRefusal, signInFirst, type Caller } from '../core/access'
import { shanghaiDate, formatShanghai } from '../core/calendar'
import { actorFor, caseAbilities, formSeriesOf, type CaseActionSpec, type CaseRules, type Decision, type Named } from '../core/caseActions'
import { applyEvent } from '../core/caseMachine'
import type { CaseState } from '../core/caseState'
import { DomainError } from '../core/errors'
import type { CaseEvent } from '../core/events'
import { findForbiddenPhrases } from '../core/forbiddenPhrase'
import { notificationsFor } from '../core/notification'
import type { CaseView } from '../core/views'
import { caseView } from './caseView'
import type { HandlerContext } from './context'
import { directoryOf, staffNamedBy, windowsOf, type Directory } from './directory'
import { hallContextOf, loadBundle, type HallContext } from './hallContext'
import { newCase, newCaseId } from './newCase'
import type { HallBundle } from './store/port'

const MAX_ATTEMPTS = 8

interface Loaded {
  state: CaseState
  events: CaseEvent[]
  bundle: HallBundle
  /** the rules the case runs under (its policy version) */
  hall: HallContext
  dir: Directory
}

/** the case, its hall under the case's policy version and the people it names: two store calls */
async function loadCase(
  ctx: HandlerContext,
  caseId: string,
  who: Caller,
  names: { staffIds?: string[]; windowIds?: string[] } = {},
  hideFromOthers = false,
): Promise<Loaded> {
  const found = await ctx.store.getCase(caseId)
  if (!found) throw new DomainError('NOT_FOUND', '找不到这个案件')
  const { state, events } = found
  const refusal = readRefusal(who, state)
  if (refusal) throw hideFromOthers ? new DomainError('NOT_FOUND', '找不到这个案件') : refusal
  const bundle = await loadBundle(ctx.store, {
    hallId: state.hallId,
    policyVersion: state.policy.version,
    staffIds: [...staffNamedBy(state, events), ...(names.staffIds ?? [])],
    windowIds: [...windowsOf(state), ...(names.windowIds ?? [])],
    // a case action may notify the hall office (an extension to approve, a report upward, a dispute)
    office: true,
  })
  const hall = hallContextOf(bundle, 'asked', state.policy.version)
  return { state, events, bundle, hall, dir: directoryOf(bundle.windows, bundle.staff) }
}

const namedIn = (dir: Directory): Named => ({ staff: (id) => dir.staffById.get(id), window: (id) => dir.windows.get(id) })

/** the page of a case for this caller, from what was read (and appended) in this call */
async function viewOf(ctx: HandlerContext, caller: Caller, l: Loaded, viewer?: 'byCode'): Promise<CaseView> {
  const { state, events, hall, dir } = l
  const responderPhoto = state.firstResponderId ? dir.staffById.get(state.firstResponderId)?.photo : null
  const photoUrls = await ctx.files.urls(responderPhoto ? [...state.attachments, responderPhoto] : state.attachments)
  const rules: CaseRules = { policy: hall.policy, calendar: hall.calendar, now: ctx.now }
  const can = caseAbilities(caller, state, rules)
  return caseView(
    state,
    events,
    hall.hall,
    dir,
    can,
    viewer ?? (caller.staff !== null ? 'staff' : 'owner'),
    { now: ctx.now, calendar: hall.calendar },
    photoUrls,
  )
}

/** the caller as the identity says */
const callerOf = async (ctx: HandlerContext): Promise<Caller> => ({ staff: await ctx.resolveStaff(), citizenId: ctx.identity.citizenId })

/**
 * The case page for the caller. `byCode`: the caller gave the case's number and a code that opens it
 * (core/lookup.ts), so one who neither owns nor works on it sees it read only.
 */
export async function loadCaseView(ctx: HandlerContext, caseId: string, opened?: 'byCode'): Promise<CaseView> {
  const found = await ctx.store.getCase(caseId)
  if (!found) throw new DomainError('NOT_FOUND', '找不到这个案件')
  const { state, events } = found
  // a citizen on their own case page (no staff sign-in in this session) is answered as the citizen
  const ownPage = !ctx.identity.staffId && !!ctx.identity.citizenId && ctx.identity.citizenId === state.citizenId
  const byCode = opened === 'byCode' && !ownPage
  const caller: Caller = ownPage || byCode ? { staff: null, citizenId: ctx.identity.citizenId } : await callerOf(ctx)
  const refusal = byCode ? null : readRefusal(caller, state)
  if (refusal) throw refusal
  const bundle = await loadBundle(ctx.store, {
    hallId: state.hallId,
    policyVersion: state.policy.version,
    staffIds: staffNamedBy(state, events),
    windowIds: windowsOf(state),
  })
  return viewOf(
    ctx,
    caller,
    {
      state,
      events,
      bundle,
      hall: hallContextOf(bundle, 'asked', state.policy.version),
      dir: directoryOf(bundle.windows, bundle.staff),
    },
    byCode ? 'byCode' : undefined,
  )
}

type CaseInput = { caseId: string; requestId?: string }

export async function runCaseAction<S extends z.ZodType>(ctx: HandlerContext, spec: CaseActionSpec<S>, input: z.output<S> & CaseInput): Promise<CaseView> {
  const names = spec.names?.(input) ?? {}
  const caller = await callerOf(ctx)
  // staff actions ask anyone else to sign in before the case is read
  if (spec.by === 'staff' && !caller.staff) throw signInFirst()
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const loaded = await loadCase(ctx, input.caseId, caller, names, spec.hideFromOthers)
    const { state, events, hall, dir, bundle } = loaded
    const rules: CaseRules = { policy: hall.policy, calendar: hall.calendar, now: ctx.now }
    // who may do it, before anything is written
    const refusal = spec.may(caller, state, rules, input)
    if (refusal) throw refusal
    const actor = actorFor(spec, caller)
    if (input.requestId && events.some((e) => e.requestId === input.requestId && e.actor.id === actor.id)) {
      return viewOf(ctx, caller, loaded)
    }

    // a case opened at another window in the same write, under the hall's current rules
    const opens = spec.opens?.(input, state) ?? null
    const linkedCaseId = opens ? newCaseId() : null
    const decision: Decision = { caller, rules, named: namedIn(dir), formNo: null, linkedCaseId, findPhrases: findForbiddenPhrases }
    spec.check?.(input, state, decision)

    const year = shanghaiDate(ctx.now).slice(0, 4)
    const series = formSeriesOf(spec, input)
    const formNo = (seq: number) => `${hall.hall.prefix}-${series}-${year}-${String(seq).padStart(4, '0')}`
    const make = (no: string | null) => {
      const event = {
        ...spec.decide(input, state, { ...decision, formNo: no }),
        caseId: state.id,
        seq: state.version + 1,
        at: formatShanghai(ctx.now),
        actor,
        ...(input.requestId ? { requestId: input.requestId } : {}),
      } as CaseEvent
      return { event, next: applyEvent(state, event, hall) }
    }
    // the machine's guards do not depend on the form number: check before drawing one
    const checked = make(series ? formNo(0) : null)
    if (!checked.next.ok) throw spec.explain ? spec.explain(checked.next.error, state, decision.named) : checked.next.error

    let appended: CaseEvent | null = null
    const result = await ctx.store.appendEvents({
      before: state,
      numberScope: series ? `${series}:${state.hallId}:${year}` : undefined,
      build: (seq) => {
        const final = series ? make(formNo(seq!)) : checked
        if (!final.next.ok) throw final.next.error
        appended = final.event
        return { events: [final.event], state: final.next.value, notifications: notificationsFor([final.event], final.next.value, dir) }
      },
      channels: ctx.channels,
      opens:
        opens && linkedCaseId
          ? newCase(
              hallContextOf(bundle, 'current'),
              ctx.now,
              { citizenId: state.citizenId, requestId: `referral-${state.id}:${state.version + 1}`, id: linkedCaseId },
              {
                kind: state.kind,
                windowId: opens.windowId,
                routedBy: 'general',
                contact: state.contact,
                text: state.text,
                attachments: state.attachments,
              },
            )
          : undefined,
    })
    if (result.status === 'ok') return viewOf(ctx, caller, { ...loaded, state: result.state, events: [...events, appended!] })
  }
  throw new DomainError('CONFLICT', '案件正在被他人处理，请刷新后再试')
}
