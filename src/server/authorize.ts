// Who may do what on a case (docs/DESIGN.md "Cases": staff actions need the staff to belong to the case's
// current window, or a lead or hall-office role). The state machine decides what is allowed in a
// state; this module decides who is allowed.
import { DomainError } from '../core/errors'
import type { Staff } from '../core/schemas'
import type { CaseState } from '../core/caseState'
import type { HandlerContext } from './handlers'

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

/** staff of the case's window (staff or lead), or the hall office */
export function staffSeesCase(staff: Staff, state: CaseState): boolean {
  if (staff.hallId !== state.hallId) return false
  if (staff.role === 'office') return true
  return staff.windowId === state.windowId
}

/** who may read a case: its citizen, or staff who see it; others learn nothing, not even that it exists */
export function assertCanRead(ctx: HandlerContext, state: CaseState): void {
  if (ctx.identity.citizenId && ctx.identity.citizenId === state.citizenId) return
  if (ctx.staff && staffSeesCase(ctx.staff, state)) return
  if (ctx.staff && ctx.staff.hallId === state.hallId) {
    throw new DomainError('FORBIDDEN', '这是其他窗口的案件，请联系该窗口或政务服务科', { windowId: state.windowId })
  }
  throw new DomainError('NOT_FOUND', '找不到这个案件')
}

/** claim: staff or lead of the case's current window (000 §1: the one who receives it) */
export function assertCanClaim(staff: Staff, state: CaseState): void {
  if (staff.hallId !== state.hallId || staff.role === 'office' || staff.windowId !== state.windowId) {
    throw new DomainError('FORBIDDEN', '只有本窗口的工作人员可以认领', { windowId: state.windowId })
  }
}

/** reply and other handling: the person who holds the case */
export function assertIsHandler(staff: Staff, state: CaseState): void {
  if (state.handlerId !== staff.id) {
    throw new DomainError('FORBIDDEN', '只有本案的首问负责人可以办理', { handlerId: state.handlerId })
  }
}

/** a window lead (首席代表) of the case's window */
export function assertLeadOfCase(staff: Staff, state: CaseState): void {
  if (staff.role !== 'lead' || staff.hallId !== state.hallId || staff.windowId !== state.windowId) {
    throw new DomainError('FORBIDDEN', '只有本窗口负责人可以这样做', { windowId: state.windowId })
  }
}

/** the hall office (政务服务科) of the case's hall */
export function assertOffice(staff: Staff, state: CaseState): void {
  if (staff.role !== 'office' || staff.hallId !== state.hallId) {
    throw new DomainError('FORBIDDEN', '只有政务服务科可以这样做')
  }
}

/** the citizen who submitted the case */
export function requireOwner(ctx: HandlerContext, state: CaseState): string {
  const citizenId = requireCitizen(ctx)
  if (citizenId !== state.citizenId) throw new DomainError('NOT_FOUND', '找不到这个案件')
  return citizenId
}
