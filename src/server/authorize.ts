// The caller a handler needs. Who may do what on a case is decided in src/core/access.ts and
// src/core/caseActions.ts; these turn the identity of the call into a staff member or a citizen.
import { readRefusal } from '../core/access'
import type { CaseState } from '../core/caseState'
import { DomainError } from '../core/errors'
import type { Staff } from '../core/schemas'
import type { HandlerContext } from './context'

export function requireStaff(ctx: HandlerContext): Staff {
  if (!ctx.staff) {
    throw new DomainError('UNAUTHENTICATED', '请先登录工作人员账号')
  }
  return ctx.staff
}

/** the hall office (政务服务科): who sets up and runs the hall; `why` says what only they may do */
export function requireOffice(ctx: HandlerContext, why: string): Staff {
  const me = requireStaff(ctx)
  if (me.role !== 'office') throw new DomainError('FORBIDDEN', why)
  return me
}

export function requireCitizen(ctx: HandlerContext): string {
  if (!ctx.identity.citizenId) throw new DomainError('UNAUTHENTICATED', '请从微信或浏览器重新打开页面')
  return ctx.identity.citizenId
}

/** who may read a case: its citizen, or staff who see it; others learn nothing, not even that it exists */
export function assertCanRead(ctx: HandlerContext, state: CaseState): void {
  const refusal = readRefusal({ staff: ctx.staff, citizenId: ctx.identity.citizenId }, state)
  if (refusal) throw refusal
}
