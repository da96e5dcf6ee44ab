// What the API returns: the shapes the pages render. Built by the handlers from the case state.
import type { CaseChannel } from './registration'
import type { FaqView } from './faq'
import type { LedgerSheet } from './ledger'
import type { CaseKind, Matter, MatterKind, MatterRef, ResponderCard, Role, SelfService } from './schemas'
import type { Searchable } from './matter'
import type { NotificationKind } from './notification'
import type { CaseStatus, ClockKind, LedgerColumn } from './events'
import type { WeeklyHours } from './hours'
import type { LevelCounts, OpenClockState, WeekTrend } from './dashboard'
import type { ForbiddenPhrase, PaperWording, PolicyField, PolicyGroup, PresetId } from './policy'

export interface PublicHall {
  id: string
  name: string
  address: string
  supervisionPhone: string
  complaintChannel: string
  /** the self-service area's maintenance phone, or '' */
  selfServicePhone: string
  /** the hall has a 帮办代办 window citizens may ask (002 帮办代办) */
  assisted: boolean
  /** 「周一至周五 09:00-12:00、13:30-17:30」 */
  hours: string[]
}

export interface PublicWindow {
  id: string
  name: string
  number: string
  scope: string
}

/** a catalog matter as the public list shows it (003), with what the search needs */
export interface MatterView extends Searchable {
  id: string
  kind: MatterKind
  promisedDays: number | null
  basis: string
  materials: string[]
  windowId: string
  /** the steps to do it at the self-service area or online, when the hall offers it */
  selfService: SelfService | null
}

export interface AssessmentView {
  month: string
  hallName: string
  policyName: string
  sheets: Array<{
    staffId: string
    name: string
    windowId: string | null
    windowName: string
    start: number
    total: number
    capRelief: number
    items: Array<{
      kind: string
      label: string
      caseId: string
      caseNo: string
      at: string
      points: number
      note: string
      cite: string
      /** a deduction the hall office entered (效能纪律): its evidence */
      manual?: { id: string; evidence: string; photos: Array<{ id: string; url: string | null }> }
    }>
  }>
  windows: Array<{
    windowId: string
    name: string
    staff: number
    averageScore: number
    deductions: number
    /** the month's ratings by level, 5 … 1 */
    ratings: Record<'5' | '4' | '3' | '2' | '1', number>
    /** rounds decided in the month whose rating window closed without a rating (未评价) */
    unrated: number
    /** the share of good ratings (4 and 5) in each of the last six months, oldest first */
    trend: Array<{ month: string; rated: number; goodShare: number | null }>
  }>
}

/** the year of score sheets (004): each person's monthly totals and the year's average */
export interface AssessmentYearView {
  year: number
  /** the months that have begun, YYYY-MM */
  months: string[]
  staff: Array<{ staffId: string; name: string; windowId: string | null; windowName: string; months: number[]; average: number | null }>
  windows: Array<{ windowId: string; name: string; average: number | null }>
}

export interface InboxItem {
  key: string
  caseId: string
  caseNo: string
  kind: NotificationKind
  title: string
  body: string
  at: string
  read: boolean
}

export interface InboxView {
  items: InboxItem[]
  unread: number
  /** the subscribe-message template this reader may allow, in the mini-program */
  template: string | null
}

export interface EntryView {
  hall: PublicHall
  window: PublicWindow | null
  windows: PublicWindow[]
  /** the hall's active matters, in catalog order */
  matters: MatterView[]
  /** 常见问答 published from answered consults, newest first: matched while the citizen types */
  faqs: FaqView[]
  /** mini-program: the subscribe-message template to ask for when the citizen submits */
  subscribeTemplate: string | null
  /** the hall policy's limits in working days: a consult's reply (000 §4.2), a complaint's answer (002 §7) */
  limits: { reply: number; complaint: number }
}

export interface ClockView {
  kind: ClockKind
  label: string
  startedAt: string
  dueAt: string
  state: 'running' | 'paused' | 'met' | 'breached'
  /** 「剩余 1 个工作日 3 小时」「已超时 2 个工作日」, at the time of the answer */
  countdown: string
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
  /** the catalog matter chosen at submission, as it was then */
  matter: MatterRef | null
  /** photos the citizen added; `url` is null when a photo cannot be shown right now */
  attachments: Array<{ id: string; url: string | null }>
  submittedAt: string
  responder: ResponderCard | null
  reply: { text: string; mode: 'onTheSpot' | 'timed'; at: string } | null
  clocks: ClockView[]
  timeline: TimelineEntry[]
  ledgerColumn: LedgerColumn | null
  /** What the caller may do now; the pages show buttons from this, the server checks again. */
  can: Record<CaseAbility, boolean>
  acceptance: { mode: 'instant' | 'promised'; at: string; limitDays?: number; limitReason?: string; noticeNo?: string } | null
  completion: { result: string; at: string } | null
  refusal: { reason: string; legalBasis: string; at: string; noticeNo?: string; afterAcceptance?: boolean } | null
  /** 一次性补件告知单 (附件1), with what the preset's notice tells besides the materials */
  notices: Array<{ noticeNo: string; items: string[]; at: string; by: string; told: Array<{ label: string; text: string }> }>
  /** the wording of the case's notices, from the preset its policy version follows */
  forms: PaperWording
  /** 交接单 (附件2) */
  handovers: Array<{
    slipNo: string
    at: string
    reason: string
    remarks: string
    from: { id: string; name: string; phone: string }
    to: { id: string; name: string; phone: string }
    acknowledgedAt: string | null
    contactedAt: string | null
    /** withdrawn by a takeover or an assignment before the receiver acknowledged it */
    withdrawnAt: string | null
  }>
  joint: {
    coWindowIds: string[]
    coWindows: string[]
    note: string
    plan: string | null
    planAt: string | null
    /** each co-window's confirmed part, and the co-windows still to confirm */
    confirmations: Array<{ windowId: string; window: string; part: string; by: string; at: string }>
    unconfirmed: string[]
    /** the written report to the hall office when the windows could not agree (001 第六条(三)) */
    dispute: {
      items: string
      leadReasons: string
      coReasons: string
      proposal: string
      at: string
      by: string
      decision: { text: string; at: string; by: string } | null
    } | null
  } | null
  /** extension requests and their decisions (004 限时办结 §5) */
  extensionRequests: Array<{
    clockKind: ClockKind
    clockLabel: string
    days: number
    reason: string
    by: string
    at: string
    decision: { granted: boolean; note: string; by: string; at: string } | null
  }>
  /** 上报 and the answers */
  reports: Array<{ to: string; reason: string; cite: string; detail: string; by: string; at: string; answer: { text: string; by: string; at: string } | null }>
  referral: { toWindow: PublicWindow; note: string; linkedCaseId: string | null; at: string } | null
  outside: {
    mode: 'consult' | 'written'
    explanation: string
    department: string
    at: string
    forwarded: { department: string; date: string; documentNo: string } | null
  } | null
  /** 好差评 of each round, with the rectification of a bad one */
  ratings: Array<{
    round: number
    level: number
    label: string
    bad: boolean
    tags: string[]
    text: string
    at: string
    rectification: {
      finding: string | null
      measures: string | null
      at: string | null
      followUp: { result: string; satisfied: boolean; at: string } | null
    } | null
  }>
  /** 帮办代办 (002 帮办代办制度): the request, its agent, the materials handover, the linked cases at other windows */
  assisted: AssistedView | null
  /** a case an agent opened for a 帮办代办 request: the request it serves */
  assistedBy: { caseId: string; no: string; agentName: string } | null
  /** after a breach: the apology and who supervises the case now (督办) */
  supervision: { since: string; clocks: ClockKind[]; apology: string; supervisors: string } | null
  /** for staff: the window's colleagues (hand-over, assignment) and the hall's other windows (referral, joint) */
  colleagues: Array<{ id: string; name: string; title: string }>
  otherWindows: PublicWindow[]
  /** opened by case number and code on a device that does not own the case: read only, the phone masked */
  lookedUp: boolean
  /** for staff: the slip of a registered case nobody has opened yet, to show or print again */
  slip: { queryCode: string; path: string } | null
  version: number
}

export interface AssistedView {
  mode: 'help' | 'agent'
  modeLabel: string
  homeVisit: { group: string; address: string; time: string } | null
  agent: { id: string; name: string; phone: string } | null
  assignedAt: string | null
  /** 代办材料交接单 */
  handover: {
    slipNo: string
    items: Array<{ name: string; copies: number; original: boolean }>
    photos: Array<{ id: string; url: string | null }>
    note: string
    at: string
    by: string
  } | null
  /** the cases the agent opened at other windows, as they stand now */
  linked: Array<{ caseId: string; window: string; note: string; at: string; status: CaseStatus | null; statusLabel: string }>
  /** 随机回访 and 不定期抽查: staff only */
  reviews: Array<{ kind: string; outcome: string; note: string; at: string; by: string }>
}

export const CASE_ABILITIES = [
  'claim',
  'reply',
  'issueSupplementNotice',
  'materialsComplete',
  'accept',
  'complete',
  'refuse',
  'createHandover',
  'acknowledgeHandover',
  'recordContact',
  'reportJoint',
  'recordJointPlan',
  'urge',
  'refer',
  'outsideHall',
  'forwardOutside',
  'extend',
  'requestExtension',
  'decideExtension',
  'reportUp',
  'answerReport',
  'confirmJointPart',
  'reportJointDispute',
  'decideJointDispute',
  'takeOver',
  'assign',
  'close',
  'rate',
  'rectify',
  'followUp',
  'assignAgent',
  'recordMaterialsHandover',
  'openAssistedCase',
] as const
export type CaseAbility = (typeof CASE_ABILITIES)[number]

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
  /** the nearest deadline in working days and hours (「剩余 1 个工作日 3 小时」), where the list shows it */
  dueText: string | null
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
  /** hand-over slips waiting for me to read (000 §5.1) */
  incoming: CaseSummary[]
  unclaimed: CaseSummary[]
  mine: CaseSummary[]
  /** for a window lead every open case of the window, for the hall office every open case of the hall, nearest due first */
  supervised: CaseSummary[]
  /** for a window lead the window's bad ratings to rectify or follow up, for the hall office the whole hall's */
  rectifications: CaseSummary[]
  /** joint handling another window leads with this window as a co-window (000 §5.2): its staff confirm their part */
  coHandled: CaseSummary[]
}

export interface DemoStaffEntry {
  id: string
  name: string
  title: string
  role: Role
  windowName: string
}

/** a complaint in a list */
export interface ComplaintSummary {
  id: string
  no: string
  status: 'open' | 'answered'
  statusLabel: string
  topic: string
  about: string
  filedAt: string
  dueAt: string
  countdown: string
  overdue: boolean
}

export interface ComplaintView extends ComplaintSummary {
  caseId: string | null
  text: string
  contact: { name: string; phone: string }
  attachments: Array<{ id: string; url: string | null }>
  extension: { days: number; reason: string; approvedBy: string; at: string } | null
  finding: string | null
  answer: string | null
  answeredAt: string | null
  /** a verified complaint about a case sent it back for handling */
  reopenedCase: boolean
  satisfaction: { level: number; label: string; text: string; at: string } | null
  steps: Array<{ at: string; text: string }>
  /** for the hall office: who it concerns and who was found responsible */
  concerns: { windowName: string | null; staffName: string | null; responsibleName: string | null } | null
  /** for the hall office: the staff who may be found responsible */
  staffChoices: Array<{ id: string; name: string; windowName: string }>
  /** registered by the hall office from a call, a letter or a visit: how the complainant is to be told the outcome */
  intake: { channel: string; receivedAt: string; tell: string } | null
  can: { extend: boolean; answer: boolean; rate: boolean }
}

export interface LedgerView {
  from: string
  to: string
  hallName: string
  /** the sheet of one channel only (窗口来访, 来电 …), or all */
  channel: { id: CaseChannel; label: string } | null
  channelChoices: Array<{ id: CaseChannel; label: string }>
  columns: Array<{ key: LedgerColumn; label: string; group: 'inScope' | 'outOfScope' }>
  /** one sheet per window (附件3), in window order */
  windows: Array<{ windowId: string; name: string; number: string; sheet: LedgerSheet }>
  /** the hall-wide sheet (the hall office's view), or the one window's */
  total: LedgerSheet
}

/** the citizen's slip of a registered case: shown on the phone or printed (A6, 58/80 mm receipt paper) */
export interface SlipView {
  /** self-hosted: said when the slip's code carries an address citizens' phones cannot open */
  addressWarning: string | null
  no: string
  queryCode: string
  kind: CaseKind
  channel: string
  receivedAt: string
  hallName: string
  supervisionPhone: string
  window: { name: string; number: string } | null
  responder: { name: string; title: string } | null
  /** a citizen has already opened it: the code now shows the case read only */
  bound: boolean
  /** the H5 link (self-hosted) or null (cloud: the mini-program code) */
  link: string | null
  image: string | null
  problem: string | null
}

export interface EntryCodesView {
  hallName: string
  supervisionPhone: string
  /** the business hours, for the poster */
  hours: string[]
  /** the hall policy's reply limit for consults, in working days, for the promise on the poster */
  replyDays: number
  /** self-hosted: said before printing when the codes carry an address citizens' phones cannot open */
  addressWarning: string | null
  /** the hall's code first (windowId null), then each active window's */
  codes: Array<{ windowId: string | null; name: string; number: string; scope: string; link: string | null; image: string | null; problem: string | null }>
}

export interface HallSettingsView {
  hall: {
    id: string
    prefix: string
    name: string
    address: string
    supervisionPhone: string
    complaintChannel: string
    selfServicePhone: string
    generalWindowId: string | null
    assistedWindowId: string | null
    hours: WeeklyHours
  }
  windows: Array<{ id: string; name: string; number: string; scope: string; active: boolean; openCases: number; leads: string[] }>
}

export interface DashboardView {
  /** 「铜陵市政务服务中心」 or the window's name */
  scope: string
  windowId: string | null
  /** the hall office may narrow to one window */
  windowChoices: Array<{ id: string; name: string }>
  at: string
  states: Array<{ key: OpenClockState; label: string }>
  open: {
    total: number
    byState: Record<OpenClockState, number>
    windows: Array<{ windowId: string; name: string; number: string; byState: Record<OpenClockState, number>; total: number }>
  }
  overdueCount: number
  /** earliest due first, at most 50 */
  overdue: Array<CaseSummary & { clockLabel: string | null; dueAt: string | null; overdueText: string }>
  weeks: WeekTrend[]
  /** open cases and cases received in the trend's weeks, by where they came from */
  channels: Array<{ id: CaseChannel; label: string; open: number; received: number }>
  /** 常见问答 published and how many times a citizen said one answered their question */
  faqs: { published: number; resolved: number }
  replies: { onTime: number; late: number; share: number | null }
  ratings: { counts: LevelCounts; total: number; goodShare: number | null }
}

export interface PolicySettingsView {
  version: number
  presetId: PresetId
  presetName: string
  presets: Array<{ id: PresetId; name: string }>
  /** the hall office adjusts; other staff read */
  canEdit: boolean
  fields: Array<{
    id: string
    group: PolicyGroup
    groupLabel: string
    key: string
    label: string
    unit: PolicyField['unit']
    hint: string | null
    value: number | boolean
    /** 「2 个工作日」「-1 分」 */
    text: string
    presetValue: number | boolean
    cite: string
    overridden: boolean
  }>
  forbiddenPhrases: { value: ForbiddenPhrase[]; presetValue: ForbiddenPhrase[]; cite: string; overridden: boolean }
  /** newest first; each with what changed from the version before */
  history: Array<{ version: number; presetName: string; note: string; by: string; at: string; changes: string[] }>
}

export interface CalendarView {
  year: number
  hasOfficialData: boolean
  holidays: Array<{ date: string; name: string; source: 'official' | 'override' }>
  makeupWorkdays: Array<{ date: string; name: string; source: 'official' | 'override' }>
  /** the hall's own days of the year */
  overrides: Array<{ date: string; kind: 'workday' | 'restday'; note: string }>
  /** the next year's official notice is not in the data yet */
  warning: string | null
}

export interface MatterAdminView {
  /** every matter of the hall, withdrawn ones too, in window and name order */
  matters: Matter[]
  windows: Array<{ id: string; name: string }>
}

/** the hall office's audit log viewer: a page of entries, newest first, and the chain's state */
export interface AuditLogView {
  /** the whole chain checked: 完整 with its count, or where it breaks and why; null on the pages after the first */
  chain: { ok: true; entries: number } | { ok: false; entries: number; seq: number; reason: string } | null
  entries: Array<{
    seq: number
    at: string
    actor: { kind: 'staff' | 'operator'; id: string; name: string }
    action: string
    /** the action in Chinese, e.g. 查看完整手机号 */
    label: string
    kind: string
    /** what it was done to, in words */
    target: string
    /** the detail, one phrase each */
    details: string[]
  }>
  /** the next page: pass as beforeSeq; null when this is the last */
  nextBeforeSeq: number | null
  kinds: Array<{ id: string; label: string }>
  /** the hall's staff and the system's guards, for the person filter */
  people: Array<{ id: string; name: string; note: string }>
}

export interface StaffAdminView {
  /** cloud: WeChat binding by invite code; self-hosted: login and password */
  mode: 'cloud' | 'selfHosted'
  hallId: string
  staff: Array<{
    id: string
    name: string
    title: string
    post: string
    windowId: string | null
    windowName: string
    role: Role
    rank: number
    phone: string
    active: boolean
    login: string | null
    bound: boolean
    /** a link to the photo on the responder card */
    photoUrl: string | null
  }>
  windows: Array<{ id: string; name: string }>
}

/** the hall office's 效能纪律 desk (004 考核制度 三(二)): the items, the people, the month's entries */
export interface DisciplineDeskView {
  month: string
  /** for the evidence photos' uploads */
  hallId: string
  items: Array<{ id: string; label: string; cite: string; hint: string | null; grades: Array<{ id: string; label: string; points: number }> }>
  people: Array<{ id: string; name: string; windowName: string }>
  entries: Array<{
    id: string
    staffId: string
    name: string
    windowName: string
    item: string
    label: string
    gradeLabel: string
    points: number
    /** what it costs on the sheet: 0 when revoked or when a higher-level report of the same violation counts */
    counted: number
    cite: string
    occurredOn: string
    reason: string
    evidence: string
    photos: Array<{ id: string; url: string | null }>
    extendedService: boolean
    sameIncidentAs: string | null
    by: string
    at: string
    revoked: { by: string; at: string; reason: string } | null
  }>
}

/**
 * A file the server made for the user (a workbook, an archive): inline on the hall's own server; in
 * the cloud a short-lived link to cloud storage, since a function's answer is limited in size.
 */
/** 002 三(二) 帮办代办工作登记台账 for a period */
export interface AssistedLedgerView {
  from: string
  to: string
  hallName: string
  windowName: string
  rows: Array<{
    caseId: string
    no: string
    matter: string
    receivedAt: string
    finishedAt: string | null
    agent: string
    applicant: string
    phone: string
    kind: string
    channel: string
    outcome: string
    result: string
    rating: string
  }>
  totals: { received: number; finished: number; help: number; agent: number; homeVisit: number; rated: number }
}

/** 002 四 监督考核: the month's 随机回访 sample and the 不定期抽查 recorded in it */
export interface AssistedSupervisionView {
  month: string
  /** the requests finished in the month: the population of the draw */
  finished: number
  sample: AssistedReviewRow[]
  spotChecks: AssistedReviewRow[]
  /** the 效能纪律 items a finding may be entered under (core/discipline.ts) */
  items: Array<{ id: string; label: string; grades: Array<{ id: string; label: string; points: number }> }>
}

export interface AssistedReviewRow {
  caseId: string
  no: string
  matter: string
  agent: string
  applicant: string
  phone: string
  finishedAt: string | null
  review: { kind: string; outcome: string; note: string; at: string; by: string; deductionId: string | null } | null
}

export type MadeFile = { fileName: string; base64: string } | { fileName: string; url: string }

export interface ActionOutputs {
  session: SessionView
  login: SessionView
  demoLogin: SessionView
  demoStaff: { staff: DemoStaffEntry[] }
  logout: SessionView
  entry: EntryView
  submitCase: { caseId: string; no: string }
  registerCase: {
    caseId: string
    no: string
    status: CaseStatus
    firstResponderId: string
    firstResponderName: string
    /** printed on the slip with the case number; the link binds the case to the citizen who opens it */
    queryCode: string
    slipPath: string
    /** the number and code were sent to the caller's mobile through the hall's SMS gateway */
    texted: boolean
  }
  getCase: CaseView
  registerOptions: {
    windows: Array<{ id: string; name: string }>
    /** searchable as on the entry page (core/matter.ts): by name, pinyin initials and keywords */
    matters: Array<{ id: string; name: string; window: string; initials: string; keywords: string[] }>
    colleagues: Array<{ id: string; name: string; title: string; window: string }>
  }
  lookupCase: CaseView
  publishFaq: FaqView & { resolved: number; active: boolean }
  withdrawFaq: FaqView & { resolved: number; active: boolean }
  resolveFaq: { counted: boolean }
  registerComplaint: ComplaintView
  caseSlip: SlipView
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
  requestExtension: CaseView
  decideExtension: CaseView
  reportUp: CaseView
  answerReport: CaseView
  confirmJointPart: CaseView
  reportJointDispute: CaseView
  decideJointDispute: CaseView
  takeOver: CaseView
  assignCase: CaseView
  closeCase: CaseView
  rateCase: CaseView
  assignAgent: CaseView
  recordMaterialsHandover: CaseView
  openAssistedCase: CaseView
  recordRectification: CaseView
  recordFollowUp: CaseView
  assessment: AssessmentView
  assessmentYear: AssessmentYearView
  fileComplaint: ComplaintView
  getComplaint: ComplaintView
  myComplaints: { complaints: ComplaintSummary[] }
  complaintDesk: { open: ComplaintSummary[]; answered: ComplaintSummary[] }
  extendComplaint: ComplaintView
  answerComplaint: ComplaintView
  rateComplaint: ComplaintView
  ledger: LedgerView
  ledgerCases: { cases: CaseSummary[]; more: boolean }
  ledgerWorkbook: MadeFile
  assistedLedger: AssistedLedgerView
  assistedLedgerWorkbook: MadeFile
  assistedSupervision: AssistedSupervisionView
  drawAssistedSample: AssistedSupervisionView
  recordAssistedReview: AssistedSupervisionView
  revealPhone: { phone: string }
  hallSettings: HallSettingsView
  saveHall: HallSettingsView
  saveWindow: HallSettingsView
  dashboard: DashboardView
  exportArchive: MadeFile & { cases: number }
  policySettings: PolicySettingsView
  savePolicy: PolicySettingsView
  calendarSettings: CalendarView
  saveCalendarDay: CalendarView
  removeCalendarDay: CalendarView
  matterList: MatterAdminView
  saveMatter: Matter
  exportMatters: MadeFile
  importMatters: { imported: number; created: number; updated: number }
  staffList: StaffAdminView
  auditLog: AuditLogView
  saveStaff: StaffAdminView['staff'][number]
  setStaffPhoto: StaffAdminView['staff'][number]
  setStaffPassword: { staffId: string; login: string }
  unlockSignIn: { staffId: string; login: string | null; wasLocked: boolean }
  entryCodes: EntryCodesView
  createInvite: { code: string; expiresAt: string; staffId: string; staffName: string }
  bindInvite: SessionView
  unbindStaff: { staffId: string; bound: false }
  inbox: InboxView
  markRead: { unread: number }
  subscribeGranted: { recorded: number }
  disciplineDesk: DisciplineDeskView
  addDeduction: DisciplineDeskView
  revokeDeduction: DisciplineDeskView
}
