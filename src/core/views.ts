// What the API returns: the shapes the pages render. Built by the handlers from the case state.
import type { CaseKind, ResponderCard, Role } from './schemas'
import type { CaseStatus, ClockKind, LedgerColumn } from './events'

export interface PublicHall {
  id: string
  name: string
  address: string
  supervisionPhone: string
  complaintChannel: string
}

export interface PublicWindow {
  id: string
  name: string
  number: string
  scope: string
}

export interface EntryView {
  hall: PublicHall
  window: PublicWindow | null
  windows: PublicWindow[]
}

export interface ClockView {
  kind: ClockKind
  label: string
  startedAt: string
  dueAt: string
  state: 'running' | 'paused' | 'met' | 'breached'
  metAt: string | null
  breachedAt: string | null
}

export interface TimelineEntry {
  seq: number
  at: string
  type: string
  who: string // 「市民」「张三（不动产登记窗口）」「系统」
  text: string // plain Chinese, e.g. 「已认领，成为首问负责人」
}

export interface CaseView {
  id: string
  no: string
  kind: CaseKind
  status: CaseStatus
  statusLabel: string
  hall: PublicHall
  window: PublicWindow
  contact: { name: string; phone: string }
  text: string
  submittedAt: string
  responder: ResponderCard | null
  reply: { text: string; mode: 'onTheSpot' | 'timed'; at: string } | null
  clocks: ClockView[]
  timeline: TimelineEntry[]
  ledgerColumn: LedgerColumn | null
  /** What the caller may do now; the pages show buttons from this, the server checks again. */
  can: { claim: boolean; reply: boolean }
  version: number
}

export interface CaseSummary {
  id: string
  no: string
  kind: CaseKind
  status: CaseStatus
  statusLabel: string
  windowName: string
  contactName: string
  text: string
  submittedAt: string
  responderName: string | null
  nextDueAt: string | null
}

export interface StaffView {
  id: string
  name: string
  title: string
  post: string
  role: Role
  hallId: string
  windowId: string | null
  windowName: string | null
}

export interface SessionView {
  citizenId: string | null
  staff: StaffView | null
  demo: boolean
}

export interface QueueView {
  window: PublicWindow | null
  unclaimed: CaseSummary[]
  mine: CaseSummary[]
}

export interface DemoStaffEntry {
  id: string
  name: string
  title: string
  role: Role
  windowName: string
}

export interface ActionOutputs {
  session: SessionView
  login: SessionView
  demoLogin: SessionView
  demoStaff: { staff: DemoStaffEntry[] }
  logout: SessionView
  entry: EntryView
  submitCase: { caseId: string; no: string }
  getCase: CaseView
  myCases: { cases: CaseSummary[] }
  staffQueue: QueueView
  claimCase: CaseView
  replyCase: CaseView
  issueSupplementNotice: CaseView
  materialsComplete: CaseView
  acceptCase: CaseView
  completeCase: CaseView
  refuseCase: CaseView
  createHandover: CaseView
  acknowledgeHandover: CaseView
  recordContact: CaseView
  reportJoint: CaseView
  recordJointPlan: CaseView
  urgeCase: CaseView
  referCase: CaseView
  outsideHall: CaseView
  forwardOutside: CaseView
  extendClock: CaseView
  takeOver: CaseView
  assignCase: CaseView
  closeCase: CaseView
}
