// 投诉 (docs/DESIGN.md "Ratings and complaints"): what a complaint is — its topics, target, input and the
// record the hall office works on. The rules of its handling are in complaintMachine.ts; this module
// stays free of the calendar so the citizen's pages stay small.
import { z } from 'zod'
import { text } from './text'
import { Attachments } from './attachment'
import type { Clock } from './clock'
import type { RatingLevel } from './rating'
import { CaseId, Contact, HallId, RequestId, StaffId, WindowId } from './schemas'

export const ComplaintTopic = z.enum(['buckPassing', 'attitude', 'forbiddenPhrase', 'overdue', 'other'])
export type ComplaintTopic = z.infer<typeof ComplaintTopic>
export const COMPLAINT_TOPIC_LABELS: Record<ComplaintTopic, string> = {
  buckPassing: '推诿扯皮',
  attitude: '服务态度',
  forbiddenPhrase: '使用服务禁语',
  overdue: '超时未办',
  other: '其他',
}

export const ComplaintFinding = z.enum(['verified', 'unfounded'])
export type ComplaintFinding = z.infer<typeof ComplaintFinding>
export const COMPLAINT_FINDING_LABELS: Record<ComplaintFinding, string> = { verified: '投诉属实', unfounded: '投诉不属实' }

/** what the complaint is about: one of the citizen's cases, a staff member, or a window */
export const ComplaintTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('case'), caseId: CaseId }),
  z.object({ kind: z.literal('staff'), staffId: StaffId }),
  z.object({ kind: z.literal('window'), windowId: WindowId }),
])
export type ComplaintTarget = z.infer<typeof ComplaintTarget>

export const ComplaintId = text().regex(/^k_[a-z0-9]{16}$/, '投诉编号格式不正确')

export const COMPLAINT_TEXT_MAX = 1000
/** complaints a citizen may file in a day: every real grievance fits, a flood does not */
export const MAX_COMPLAINTS_PER_DAY = 3

export const ComplaintInput = z.object({
  hallId: HallId,
  target: ComplaintTarget,
  topic: ComplaintTopic,
  text: text().trim().min(10, '请具体说明情况，至少 10 个字').max(COMPLAINT_TEXT_MAX, `投诉内容不超过 ${COMPLAINT_TEXT_MAX} 个字`),
  contact: Contact,
  attachments: Attachments,
  requestId: RequestId,
})
export type ComplaintInput = z.infer<typeof ComplaintInput>

/** how a complaint came in when the hall office registers it (002 限时办结 第七条; 003 一) */
export const ComplaintChannel = z.enum(['phone', 'letter', 'counter', 'hotline12345'], { message: '请选择投诉渠道' })
export type ComplaintChannel = z.infer<typeof ComplaintChannel>
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = { phone: '来电', letter: '来信', counter: '来访', hotline12345: '12345 转办' }

/**
 * A complaint by phone, letter or visit, registered by the hall office into the same desk: what it is
 * about (a case by its number, a window or a staff member), the time of receipt its 15-working-day
 * clock runs from, and the complainant's name and number to tell the outcome by the same channel.
 */
export const RegisteredComplaintInput = z.object({
  hallId: HallId,
  channel: ComplaintChannel,
  about: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('caseNo'), no: text().trim().toUpperCase().min(4, '请填写案件编号').max(40) }),
    z.object({ kind: z.literal('staff'), staffId: StaffId }),
    z.object({ kind: z.literal('window'), windowId: WindowId }),
  ]),
  topic: ComplaintTopic,
  text: ComplaintInput.shape.text,
  contact: Contact,
  /** a letter's postmark or a work order's date; default now */
  receivedAt: z.string().datetime({ offset: true, message: '时间格式不正确' }).optional(),
  requestId: RequestId,
})
export type RegisteredComplaintInput = z.output<typeof RegisteredComplaintInput>

/** the intake of a registered complaint: by which channel, when it was received, who registered it */
export interface ComplaintIntake {
  channel: ComplaintChannel
  receivedAt: string
  registeredBy: string
}

export type ComplaintStatus = 'open' | 'answered'

export interface ComplaintStep {
  at: string
  type: 'filed' | 'extended' | 'answered' | 'rated' | 'breached'
  /** staff id of the hall office, or the citizen */
  by: string
  text: string
}

export interface Complaint {
  id: string
  no: string
  hallId: string
  citizenId: string
  requestId: string
  contact: { name: string; phone: string }
  target: ComplaintTarget
  /** the window the complaint concerns (of the case, the staff member or the window itself), if any */
  windowId: string | null
  /** the staff member it concerns (the case's first responder or handler, or the named person) */
  staffId: string | null
  /** the case's number, for the desk and the score sheet */
  caseNo: string | null
  topic: ComplaintTopic
  text: string
  attachments: string[]
  filedAt: string
  status: ComplaintStatus
  clock: Clock
  /** 002 限时办结 §7: extension approved by the leader in charge */
  extension: { days: number; reason: string; approvedBy: string; at: string; by: string } | null
  finding: ComplaintFinding | null
  /** the staff member found responsible when verified: the one the 004 deduction goes to */
  responsibleStaffId: string | null
  answer: string | null
  answeredAt: string | null
  answeredBy: string | null
  /** whether a verified complaint reopened the case it is about */
  reopenedCase: boolean
  satisfaction: { level: RatingLevel; text: string; at: string } | null
  /** registered by the hall office from a call, a letter or a visit; absent for one filed in the app */
  intake?: ComplaintIntake
  steps: ComplaintStep[]
  /** when the sweep next has to look at it (a reminder or the due time); null once answered */
  nextActionAt?: string | null
  version: number
}
