// 查进度 from any device (core/lookup.ts): the case number and the slip's query code, or the last four
// digits of the phone number given with it. A registered case's slip binds the case to the first
// citizen who opens it; everyone else who knows number and code sees it read only.
import { formatShanghai } from '../../core/calendar'
import { applyEvent } from '../../core/caseMachine'
import type { CaseState } from '../../core/caseState'
import { DomainError } from '../../core/errors'
import type { CaseEvent } from '../../core/events'
import { afterFailure, isLocked } from '../../core/limits'
import { codeOpens, LOOKUP_GUARD, LOOKUP_LOCKED, LOOKUP_MISS, mayBind, QUERY_CODE } from '../../core/lookup'
import { isUnbound } from '../../core/registration'
import { audit } from '../audit'
import { loadCaseView } from '../caseAction'
import type { Handler, HandlerContext } from '../context'
import { hallContextOf, loadBundle } from '../hallContext'

const guard = { kind: 'operator' as const, id: 'lookup-guard', name: '查询保护' }
const TAKEN = '这张回执已由其他微信或浏览器关联。如非您本人操作，请带上回执到大厅窗口处理；您仍可在这里查看办理进度'

/** the failure counters a lookup is charged to: the case number, the caller, the network address */
function guardKeys(ctx: HandlerContext, no: string): Array<{ key: string; threshold: number }> {
  const id = ctx.identity.citizenId ?? ctx.identity.openid
  return [
    { key: `lookup:no:${no}`, threshold: LOOKUP_GUARD.caseFailures },
    ...(id ? [{ key: `lookup:id:${id}`, threshold: LOOKUP_GUARD.callerFailures }] : []),
    ...(ctx.identity.address ? [{ key: `lookup:addr:${ctx.identity.address}`, threshold: LOOKUP_GUARD.addressFailures }] : []),
  ]
}

export const lookupCase: Handler<'lookupCase'> = async (ctx, input) => {
  const keys = guardKeys(ctx, input.no)
  const before = await Promise.all(keys.map((k) => ctx.store.signInFailures(k.key)))
  // while locked the code is not even tried: a right guess teaches nothing
  if (before.some((r) => isLocked(r, ctx.now))) throw new DomainError('RATE_LIMITED', LOOKUP_LOCKED, { field: 'code' })

  const caseId = await ctx.store.caseIdOfNo(input.no)
  const state = caseId ? await ctx.store.getCaseState(caseId) : null
  if (!state || !codeOpens(state, input.code)) {
    await recordMiss(ctx, keys, state, input.no)
    throw new DomainError('NOT_FOUND', LOOKUP_MISS, { field: 'code' })
  }
  if (input.bind && ctx.identity.citizenId && state.citizenId !== ctx.identity.citizenId) await bind(ctx, state, input.code, input.requestId)
  return loadCaseView(ctx, state.id, 'byCode')
}

/**
 * The slip's owner is the first citizen who opens it. Concurrent scans race on the case's version: one
 * appends, the others find it bound and are told so (CONFLICT), once, with the way on.
 */
async function bind(ctx: HandlerContext, first: CaseState, code: string, requestId: string | undefined) {
  const citizenId = ctx.identity.citizenId!
  let state: CaseState | null = first
  for (let attempt = 0; attempt < 4 && state; attempt++) {
    if (state.citizenId === citizenId) return
    if (!mayBind(state, code)) {
      // the slip's own code on a case another citizen opened first
      if (state.registration && !isUnbound(state.citizenId) && QUERY_CODE.test(code))
        throw new DomainError('CONFLICT', TAKEN, { field: 'code', readOnly: true })
      return // an online case, or opened with the phone's digits: read only
    }
    const hall = hallContextOf(await loadBundle(ctx.store, { hallId: state.hallId, policyVersion: state.policy.version }), 'asked', state.policy.version)
    const event = {
      type: 'slipBound',
      caseId: state.id,
      seq: state.version + 1,
      at: formatShanghai(ctx.now),
      actor: { kind: 'citizen', id: citizenId },
      ...(requestId ? { requestId } : {}),
      payload: { citizenId },
    } as CaseEvent
    const next = applyEvent(state, event, hall)
    if (!next.ok) throw next.error
    const before: CaseState = state
    const result = await ctx.store.appendEvents({ before, build: () => ({ events: [event], state: next.value, notifications: [] }), channels: [] })
    if (result.status === 'ok') return
    state = await ctx.store.getCaseState(state.id) // another scan, or staff at work on it: look again
  }
  throw new DomainError('CONFLICT', '案件正在更新，请稍后再试')
}

/** counts a miss on every key; the lock of a case that exists is written to its hall's audit log */
async function recordMiss(ctx: HandlerContext, keys: Array<{ key: string; threshold: number }>, state: CaseState | null, no: string) {
  for (const [i, k] of keys.entries()) {
    const after = await ctx.store.recordSignInFailure(k.key, (prev) => afterFailure(prev, ctx.now, k.threshold, formatShanghai, LOOKUP_GUARD))
    if (state && after.failures === k.threshold && isLocked(after, ctx.now)) {
      await audit(
        ctx.store,
        {
          hallId: state.hallId,
          actor: guard,
          action: i === 0 ? 'lookup.lock' : 'lookup.lockCaller',
          target: `case:${state.id}`,
          detail: { no, failures: after.failures, until: after.lockedUntil, caller: ctx.identity.citizenId ?? null, address: ctx.identity.address ?? null },
        },
        ctx.now,
      )
    }
  }
}
