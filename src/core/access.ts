// Who may see and act on a case (docs/DESIGN.md "Cases"): staff act on the cases of their own window,
// the window lead (窗口负责人 / 首席代表) supervises them, the hall office (政务服务科) supervises the
// hall, and a citizen reaches only their own cases. Pure: the server resolves the caller, these say
// what the caller may do, and the case page's buttons are worked out from the same rules.
import type { WorkCalendar } from './calendar'
import type { CaseState } from './caseState'
import { DomainError } from './errors'
import type { Actor } from './events'
import type { Staff } from './schemas'

/** who is calling: a signed-in, active staff member, and/or a citizen identity */
export interface Caller {
  staff: Staff | null
  citizenId: string | null
}

export const staffActor = (s: Staff): Actor => ({ kind: 'staff', id: s.id, name: s.name, role: s.role, windowId: s.windowId })

/** staff of the case's window (staff or lead), of a co-window in joint handling (000 §5.2), or the hall office */
export function staffSeesCase(staff: Staff, state: Pick<CaseState, 'hallId' | 'windowId'> & { joint?: CaseState['joint'] }): boolean {
  if (staff.hallId !== state.hallId) return false
  if (staff.role === 'office') return true
  return staff.windowId === state.windowId || isCoWindowStaff(staff, state)
}

/** staff of one of the case's co-windows in joint handling */
export const isCoWindowStaff = (staff: Staff | null, state: Pick<CaseState, 'hallId'> & { joint?: CaseState['joint'] }): staff is Staff =>
  !!staff && staff.role !== 'office' && staff.hallId === state.hallId && !!staff.windowId && !!state.joint?.coWindowIds.includes(staff.windowId)

/** the citizen who submitted the case, calling as a citizen */
export const isOwner = (caller: Caller, state: CaseState) => !!caller.citizenId && caller.citizenId === state.citizenId

/** the person who holds the case (its first responder now) */
export const isHandler = (staff: Staff | null, state: CaseState): staff is Staff => !!staff && state.handlerId === staff.id

/** a window lead (首席代表) of the case's window */
export const isLeadOf = (staff: Staff | null, state: CaseState): staff is Staff =>
  !!staff && staff.role === 'lead' && staff.hallId === state.hallId && staff.windowId === state.windowId

/** the hall office (政务服务科) of the case's hall */
export const isOfficeOf = (staff: Staff | null, state: CaseState): staff is Staff => !!staff && staff.role === 'office' && staff.hallId === state.hallId

/** staff or lead working at the case's window (000 §1: the ones who receive it) */
export const worksAtWindow = (staff: Staff | null, state: CaseState): staff is Staff =>
  !!staff && staff.role !== 'office' && staff.hallId === state.hallId && staff.windowId === state.windowId

/**
 * Who may read a case: its citizen, or staff who see it. A colleague of another window is told whose
 * case it is; anyone else learns nothing, not even that it exists.
 */
export function readRefusal(caller: Caller, state: CaseState): DomainError | null {
  if (isOwner(caller, state)) return null
  if (caller.staff && staffSeesCase(caller.staff, state)) return null
  if (caller.staff && caller.staff.hallId === state.hallId) {
    return new DomainError('FORBIDDEN', '这是其他窗口的案件，请联系该窗口或政务服务科', { windowId: state.windowId })
  }
  return new DomainError('NOT_FOUND', '找不到这个案件')
}

export const forbidden = (message: string, details?: Record<string, unknown>) => new DomainError('FORBIDDEN', message, details)
export const signInFirst = () => new DomainError('UNAUTHENTICATED', '请先登录工作人员账号')
export const notHandler = (state: CaseState) => forbidden('只有本案的首问负责人可以办理', { handlerId: state.handlerId })
export const notLead = (state: CaseState) => forbidden('只有本窗口负责人可以这样做', { windowId: state.windowId })
export const notOffice = () => forbidden('只有政务服务科可以这样做')

/** the case's citizen; a caller without a citizen identity is asked to open the page again */
export function ownerRefusal(caller: Caller, state: CaseState): DomainError | null {
  if (!caller.citizenId) return new DomainError('UNAUTHENTICATED', '请从微信或浏览器重新打开页面')
  return caller.citizenId === state.citizenId ? null : new DomainError('NOT_FOUND', '找不到这个案件')
}

const DAY = 86_400_000

/**
 * 002 首问（办）负责 §4(2), 000 §6: a citizen may urge (催办) once a running clock is past half its
 * time, and at most once a day; null when allowed.
 */
export function citizenUrgeRefusal(state: CaseState, calendar: WorkCalendar, now: Date): DomainError | null {
  const halfGone = state.clocks.some((c) => {
    if (c.metAt || c.pausedAt) return false
    const total = calendar.workingMillisBetween(new Date(c.startedAt), new Date(c.dueAt))
    return calendar.workingMillisBetween(new Date(c.startedAt), now) * 2 >= total
  })
  if (!halfGone) return new DomainError('CONFLICT', '办理时限尚未过半，请耐心等待；如有急事请拨打监督电话')
  const last = [...state.urges].reverse().find((u) => u.byKind === 'citizen')
  if (last && now.getTime() - Date.parse(last.at) < DAY) {
    return new DomainError('RATE_LIMITED', '您今天已催办过，工作人员会尽快处理', { lastAt: last.at })
  }
  return null
}

/**
 * 002 限时办结 §7, 004 限时办结 §5: who may extend a limit. Where the hall's rules ask for a leader's
 * approval, the window lead or the hall office grants it; otherwise the person handling the case.
 */
export function extensionRefusal(staff: Staff | null, state: CaseState, needsApproval: { value: boolean; cite: string }): DomainError | null {
  if (!staff) return signInFirst()
  if (needsApproval.value) {
    return isLeadOf(staff, state) || isOfficeOf(staff, state) ? null : forbidden(`延期须经窗口负责人批准（${needsApproval.cite}）`)
  }
  return isHandler(staff, state) ? null : notHandler(state)
}
