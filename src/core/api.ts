// The API contract shared by the app and the server (docs/DESIGN.md "API contract"): one function `api`,
// a call is `{ action, ...input, requestId? }`, the answer `{ ok: true, data }` or `{ ok: false, error }`.
import { z } from 'zod'
import { Day, MAX_YEAR, MIN_YEAR, text } from './text'
import type { ErrorBody } from './errors'
import { caseActionInputs, Reason } from './caseActions'
import { CaseId, CaseKind, CaseText, Contact, HallId, MatterId, RequestId, Role, SelfService, StaffId, WindowId } from './schemas'
import { LedgerColumn } from './events'
import { Attachments, StaffPhotoId } from './attachment'
import { ComplaintFinding, ComplaintId, ComplaintInput, RegisteredComplaintInput } from './complaint'
import { RatingLevelSchema } from './rating'
import { PolicyOverrides, PRESET_IDS } from './policy'
import { WeeklyHoursSchema } from './hours'
import { ManualDeductionInput, RevokeDeductionInput } from './discipline'
import { CaseChannel, RegistrationInput } from './registration'
import { AssistedRequestInput, ReviewInput } from './assistedService'
import { LookupInput } from './lookup'
import { FaqId, FaqInput } from './faq'
import { AuditLogQuery } from './auditLog'

export { MIN_YEAR, MAX_YEAR }

const LedgerQuery = z
  .object({ from: Day, to: Day, windowId: WindowId.optional(), channel: CaseChannel.optional() })
  .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: '统计期间最长一年', path: ['to'] })

const Month = text()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请选择月份')
  .refine((m) => m >= `${MIN_YEAR}-01` && m <= `${MAX_YEAR}-12`, `请选择 ${MIN_YEAR} 年至 ${MAX_YEAR} 年之间的月份`)

export type ApiAnswer<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

export const ActionInputs = {
  session: z.object({}),
  login: z.object({ hallId: HallId, login: text().trim().min(1).max(40), password: text().min(1).max(200) }),
  demoLogin: z.object({ staffId: text().min(1).max(32) }),
  demoStaff: z.object({ hallId: HallId.optional() }),
  logout: z.object({}),
  entry: z.object({ scene: text().max(200) }),
  submitCase: z.object({
    hallId: HallId,
    windowId: WindowId.optional(),
    matterId: MatterId.optional(),
    kind: CaseKind.default('consult'),
    contact: Contact,
    text: CaseText,
    // photos of documents, uploaded first (000 §4.1: what the citizen already has)
    attachments: Attachments,
    // a 帮办代办 request (002 帮办代办): to the hall's 帮办代办 window, for the matter named
    assisted: AssistedRequestInput.optional(),
    requestId: RequestId,
  }),
  // staff register a visit, a call, a letter or a 12345 referral (core/registration.ts)
  registerCase: RegistrationInput,
  registerOptions: z.object({}),
  // 常见问答 (core/faq.ts): publish an answered consult, withdraw it, and a citizen's 已解决
  publishFaq: FaqInput,
  withdrawFaq: z.object({ faqId: FaqId }),
  resolveFaq: z.object({ hallId: HallId, faqId: FaqId, requestId: RequestId }),
  getCase: z.object({ caseId: CaseId }),
  // 查进度 by case number and code from any device; a registered case's slip binds it to the caller once (core/lookup.ts)
  lookupCase: LookupInput,
  // staff: the slip of a registered case, to show or print (its code to scan)
  caseSlip: z.object({
    caseId: CaseId,
    origin: z
      .url({ protocol: /^https?$/, message: '地址格式不正确' })
      .max(200)
      .optional(),
  }),
  myCases: z.object({}),
  staffQueue: z.object({}),
  // every action on a case: src/core/caseActions.ts
  ...caseActionInputs,
  // 投诉 (002 限时办结 §7): the citizen files and rates the handling; the hall office's complaint desk
  fileComplaint: ComplaintInput,
  getComplaint: z.object({ complaintId: ComplaintId }),
  myComplaints: z.object({}),
  complaintDesk: z.object({}),
  // the hall office registers a complaint made by phone, letter or visit (002 限时办结 第七条)
  registerComplaint: RegisteredComplaintInput,
  extendComplaint: z.object({
    complaintId: ComplaintId,
    days: z.number().int().min(1, '延期至少 1 个工作日').max(30),
    reason: Reason('延期理由'),
    approvedBy: text().trim().min(2, '请填写批准延期的分管领导').max(40),
  }),
  answerComplaint: z.object({
    complaintId: ComplaintId,
    finding: ComplaintFinding,
    answer: Reason('调查核实情况和处理结果', 2000),
    responsibleStaffId: StaffId.optional(),
  }),
  rateComplaint: z.object({ complaintId: ComplaintId, level: RatingLevelSchema, text: text().trim().max(300, '评价内容不超过 300 个字').default('') }),
  // 附件3: the window ledger for a period, its cases, and the sheet as an xlsx workbook
  ledger: LedgerQuery,
  ledgerCases: LedgerQuery.safeExtend({ windowId: WindowId, column: LedgerColumn.optional() }),
  ledgerWorkbook: LedgerQuery,
  // 002 三(二) 帮办代办工作登记台账: the requests received in a period, and the same as xlsx
  assistedLedger: LedgerQuery,
  assistedLedgerWorkbook: LedgerQuery,
  // 002 四: the month's 随机回访 sample drawn by the hall office (size set by it), the calls' and the 不定期抽查's outcomes
  assistedSupervision: z.object({ month: Month }),
  drawAssistedSample: z.object({
    month: Month,
    size: z.number({ message: '请填写抽取数量' }).int('抽取数量须为整数').min(1, '抽取数量至少为 1').max(200, '抽取数量不超过 200'),
    requestId: RequestId,
  }),
  recordAssistedReview: ReviewInput.safeExtend({ caseId: CaseId, requestId: RequestId }),
  // 运行看板: open cases against their clocks and the weekly trend (the hall office; a lead: the window)
  dashboard: z.object({ windowId: WindowId.optional(), weeks: z.number().int().min(4, '至少统计 4 周').max(26, '最多统计 26 周').default(12) }),
  // 归档导出: the cases submitted in a period with every step, for the hall's own archive
  exportArchive: z
    .object({ from: Day, to: Day, format: z.enum(['xlsx', 'jsonl'], { message: '请选择 xlsx 或 JSON Lines' }) })
    .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: '归档期间最长一年', path: ['to'] }),
  // QR codes for the hall and each window, for the posters (self-hosted: the H5 address the office uses)
  entryCodes: z.object({
    origin: z
      .url({ protocol: /^https?$/, message: '地址格式不正确' })
      .max(200)
      .optional(),
  }),
  // the citizen's whole phone number for staff who handle the case or complaint; every look is logged
  revealPhone: z.union([z.object({ caseId: CaseId }), z.object({ complaintId: ComplaintId })]),
  // 大厅设置: the hall's public profile and its windows (closed only without cases still at them)
  hallSettings: z.object({}),
  saveHall: z.object({
    name: text().trim().min(2, '请填写大厅名称').max(60, '大厅名称不超过 60 个字'),
    address: text().trim().max(120, '地址不超过 120 个字').default(''),
    supervisionPhone: text().trim().max(40).default(''),
    complaintChannel: text().trim().max(120, '投诉渠道不超过 120 个字').default(''),
    selfServicePhone: text().trim().max(40).optional(),
    generalWindowId: WindowId.nullable().optional(),
    assistedWindowId: WindowId.nullable().optional(),
    hours: WeeklyHoursSchema.optional(),
  }),
  saveWindow: z.object({
    id: WindowId,
    isNew: z.boolean().default(false),
    name: text().trim().min(2, '请填写窗口名称').max(40, '窗口名称不超过 40 个字'),
    number: text().trim().max(10, '窗口号不超过 10 个字').default(''),
    scope: text().trim().max(500, '业务范围不超过 500 个字').default(''),
    active: z.boolean().default(true),
  }),
  // 规则设置: the preset and the hall's adjustments; each save is a new version (optimistic on baseVersion)
  policySettings: z.object({}),
  savePolicy: z.object({
    presetId: z.enum(PRESET_IDS as ['000', '001', '002', '003', '004'], { message: '请选择规则预设' }),
    overrides: PolicyOverrides.default({}),
    note: Reason('调整说明', 200),
    baseVersion: z.number().int().min(1),
    requestId: RequestId,
  }),
  // 工作日历: the official holidays and make-up days, and the hall's own days
  calendarSettings: z.object({ year: z.number().int().min(MIN_YEAR).max(MAX_YEAR).optional() }),
  saveCalendarDay: z.object({
    date: Day,
    kind: z.enum(['workday', 'restday']),
    note: text().trim().min(2, '请说明原因，例如「延时服务」或「地方节日」').max(60, '说明不超过 60 个字'),
  }),
  removeCalendarDay: z.object({ date: Day }),
  // 事项清单 (003): one matter at a time, or the whole catalog as xlsx (all or nothing)
  matterList: z.object({}),
  saveMatter: z.object({
    id: MatterId.optional(),
    windowId: WindowId,
    name: text().trim().min(2, '事项名称至少 2 个字').max(80, '事项名称不超过 80 个字'),
    kind: z.enum(['instant', 'promised']),
    promisedDays: z.number().int().min(1, '承诺时限至少 1 个工作日').max(60, '承诺时限不超过 60 个工作日').nullable().optional(),
    basis: text().trim().max(500, '设定依据不超过 500 个字').default(''),
    materials: z.array(text().trim().min(1).max(100)).max(40, '材料不超过 40 项').default([]),
    keywords: z.array(text().trim().min(1).max(20)).max(20).default([]),
    selfService: SelfService.nullable().default(null),
    active: z.boolean().default(true),
    // a new matter: the same request adds it once
    requestId: RequestId.optional(),
  }),
  exportMatters: z.object({}),
  importMatters: z.object({ base64: text().min(1, '请选择 xlsx 文件').max(4_000_000, '文件不超过 3 MB') }),
  // the hall office manages its staff: deactivated, never deleted
  staffList: z.object({}),
  saveStaff: z.object({
    id: StaffId.optional(),
    name: text().trim().min(1, '请填写姓名').max(30, '姓名不超过 30 个字'),
    title: text().trim().max(30, '职务不超过 30 个字').default(''),
    post: text().trim().max(30, '岗位不超过 30 个字').default(''),
    windowId: WindowId.nullable().optional(),
    role: Role,
    rank: z.number().int().min(0).max(20).default(1),
    phone: text().trim().max(30).default(''),
    active: z.boolean().default(true),
    // self-hosted sign-in name; empty clears it
    login: text()
      .trim()
      .max(40)
      .regex(/^[A-Za-z0-9_.-]*$/, '登录名只能用字母、数字和 _ . -')
      .optional(),
    // a new person: the same request adds them once
    requestId: RequestId.optional(),
  }),
  // the photo on a staff member's responder card; null removes it
  setStaffPhoto: z.object({ staffId: StaffId, photo: StaffPhotoId.nullable() }),
  setStaffPassword: z.object({ staffId: StaffId, password: text().min(8, '密码至少 8 位').max(200) }),
  // 审计日志: the hall office reads its audit log by kind, person and day, newest first, and sees whether the chain is whole
  auditLog: AuditLogQuery,
  // lifts a staff member's sign-in lock after too many wrong passwords (self-hosted)
  unlockSignIn: z.object({ staffId: StaffId }),
  // WeChat sign-in for staff by a one-time invite code from the hall office
  createInvite: z.object({ staffId: StaffId }),
  bindInvite: z.object({ code: text().trim().min(8, '请输入 8 位邀请码').max(12, '请输入 8 位邀请码') }),
  unbindStaff: z.object({ staffId: StaffId }),
  // 004: the month's score sheets (the hall office: every window; a lead: the window; staff: their own)
  assessmentYear: z.object({ year: z.number().int().min(MIN_YEAR).max(MAX_YEAR) }),
  assessment: z.object({ month: Month, windowId: WindowId.optional() }),
  // 004 三(二) 效能纪律: the hall office enters a deduction no case records, and may revoke it with a reason
  disciplineDesk: z.object({ month: Month }),
  addDeduction: ManualDeductionInput,
  revokeDeduction: RevokeDeductionInput,
  // the in-app inbox of every role, and the WeChat subscribe-message grants
  inbox: z.object({ as: z.enum(['citizen', 'staff']).default('citizen'), limit: z.number().int().min(1).max(100).default(50) }),
  markRead: z.object({ as: z.enum(['citizen', 'staff']).default('citizen'), keys: z.array(text().min(1).max(200)).max(100).optional() }),
  subscribeGranted: z.object({ templateIds: z.array(text().min(1).max(100)).max(3) }),
} as const

export type ActionName = keyof typeof ActionInputs
export type ActionInput<A extends ActionName> = z.input<(typeof ActionInputs)[A]>
export type ParsedInput<A extends ActionName> = z.output<(typeof ActionInputs)[A]>
export const ACTION_NAMES = Object.keys(ActionInputs) as ActionName[]
