// The case event vocabulary (docs/DESIGN.md "Cases"). A case is the fold of its events; events are never
// edited or deleted. Handlers build events, `applyEvent` in caseMachine.ts guards and folds them.
import { z } from 'zod'
import { CaseId, CaseKind, Contact, HallId, MatterId, MatterRef, StaffId, WindowId } from './schemas'
import { BadReason, RectificationFinding } from './rating'
import { RegistrationRecord } from './registration'
import { UpReason, UpTo } from './reportUp'

/** the topics of a one-time notice besides the materials (core/policy.ts NoticeTopic) */
export const NoticeTopicSchema = z.enum(['basis', 'conditions', 'procedure', 'timeLimit'])
export type NoticeTopic = z.infer<typeof NoticeTopicSchema>

export const IsoTime = z.string().datetime({ offset: true })

export const Actor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('citizen'), id: z.string().min(1) }),
  z.object({
    kind: z.literal('staff'),
    id: StaffId,
    name: z.string(),
    role: z.enum(['staff', 'lead', 'office']),
    windowId: WindowId.nullable(),
  }),
  z.object({ kind: z.literal('system'), id: z.literal('sweep') }),
])
export type Actor = z.infer<typeof Actor>

export const ClockKind = z.enum([
  'reply', // consult, 000 §4.2
  'jointPlan', // 000 §5.2, 001 §6(3), 003 §3(1)3
  'outsideForward', // 000 §5.4
  'handoverContact', // 003 §3(1)2: same day
  'promised', // the matter's promised limit
  'supplementNotice', // 002 一次性告知 §5(2)
  'complaint', // 002 限时办结 §7
  'rectification',
  'followUp',
  'reportUp', // 000 §5.1, §6: the answer to a report upward
  'jointDecision', // 001 第六条(三), 003 三(一)3: the hall office's decision when the windows cannot agree
])
export type ClockKind = z.infer<typeof ClockKind>

export const ReplyMode = z.enum(['onTheSpot', 'timed'])

const ev = <T extends string, P extends z.ZodTypeAny>(type: T, payload: P) => z.object({ type: z.literal(type), payload })

/** Every event the case state machine knows. Payloads carry what the forms of the regulations ask. */
export const EventBody = z.discriminatedUnion('type', [
  ev(
    'submitted',
    z.object({
      no: z.string(), // readable case number, e.g. DEMO-20261123-0007
      hallId: HallId,
      kind: CaseKind,
      windowId: WindowId,
      matterId: MatterId.optional(),
      matter: MatterRef.optional(),
      routedBy: z.enum(['windowQr', 'matter', 'general']),
      contact: Contact,
      text: z.string(),
      attachments: z.array(z.string()).default([]),
      policy: z.object({ presetId: z.string(), version: z.number().int() }),
      // registered by staff from a visit, a call, a letter or a referral (absent: the citizen's own submission)
      registration: RegistrationRecord.optional(),
    }),
  ),
  ev('claimed', z.object({ staffId: StaffId })),
  // the citizen who scanned a registered case's slip becomes its owner, once (core/registration.ts)
  ev('slipBound', z.object({ citizenId: z.string().min(1) })),
  ev('takenOver', z.object({ staffId: StaffId, reason: z.string().min(2), previousId: StaffId.nullable() })),
  ev('assigned', z.object({ staffId: StaffId })),
  ev('replied', z.object({ text: z.string(), mode: ReplyMode })),
  // guidance: what the preset's notice tells besides the materials (001 第六条(一), 002 一次性告知 §1)
  ev(
    'supplementNoticeIssued',
    z.object({ noticeNo: z.string(), items: z.array(z.string().min(1)).min(1), guidance: z.partialRecord(NoticeTopicSchema, z.string()).optional() }),
  ),
  ev('materialsCompleted', z.object({ note: z.string().default('') })),
  // limitReason: why the promised limit differs from the matter's published one, told to the citizen
  // noticeNo: the 受理通知书 of a promised case (002 首问（办）负责 §3(2))
  ev(
    'accepted',
    z.object({
      mode: z.enum(['instant', 'promised']),
      limitDays: z.number().int().min(0).optional(),
      limitReason: z.string().optional(),
      noticeNo: z.string().optional(),
    }),
  ),
  ev('completed', z.object({ result: z.string() })),
  // noticeNo: the 不予受理 / 不予登记通知书 (002 限时办结 §3–§4)
  ev('refused', z.object({ reason: z.string(), legalBasis: z.string(), noticeNo: z.string().optional() })),
  ev('handoverCreated', z.object({ slipNo: z.string(), toStaffId: StaffId, reason: z.string(), remarks: z.string().default('') })),
  ev('handoverAcknowledged', z.object({ slipNo: z.string() })),
  ev('citizenContacted', z.object({ note: z.string().default('') })),
  ev('jointReported', z.object({ coWindowIds: z.array(WindowId).min(1), note: z.string() })),
  ev('jointPlanRecorded', z.object({ plan: z.string(), coWindowIds: z.array(WindowId).min(1) })),
  ev('urged', z.object({ note: z.string().default(''), targetWindowId: WindowId.optional() })),
  ev('referred', z.object({ toWindowId: WindowId, note: z.string(), linkedCaseId: CaseId.optional() })),
  ev('outsideHall', z.object({ mode: z.enum(['consult', 'written']), explanation: z.string(), department: z.string().default('') })),
  ev('outsideForwarded', z.object({ department: z.string(), date: z.string(), documentNo: z.string() })),
  ev('extended', z.object({ clockKind: ClockKind, days: z.number().int().min(1), reason: z.string(), approvedBy: StaffId.optional() })),
  // 004 服务承诺 §3, 限时办结 §5: where the rules ask for approval the clerk requests, the approver decides
  ev('extensionRequested', z.object({ clockKind: ClockKind, days: z.number().int().min(1), reason: z.string() })),
  ev('extensionDecided', z.object({ granted: z.boolean(), note: z.string().default('') })),
  // 上报 (000 §5.1, §6; 002 首问（办）负责 §2; 004 首问负责制度 §5(3)): the first responder stays responsible
  ev('reportedUp', z.object({ to: UpTo, reason: UpReason, detail: z.string() })),
  ev('reportAnswered', z.object({ answer: z.string() })),
  // joint handling on both sides (000 §5.2, 001 第六条(三), 002 首问（办）负责 §4(2), 003 三(一)3)
  ev('jointPartConfirmed', z.object({ windowId: WindowId, part: z.string() })),
  ev('jointDisputeReported', z.object({ items: z.string(), leadReasons: z.string(), coReasons: z.string(), proposal: z.string() })),
  ev('jointDisputeDecided', z.object({ decision: z.string() })),
  // recorded by the sweep: a reminder to the responsible person, the breach at the due time with who
  // was responsible then (a violation for the assessment, 004)
  ev('reminded', z.object({ clockKind: ClockKind, level: z.enum(['half', 'soon']) })),
  ev('clockBreached', z.object({ clockKind: ClockKind, staffId: StaffId.nullable().optional(), windowId: WindowId.optional() })),
  // 好差评: one per round; a bad one opens a rectification, then a follow-up with the citizen
  ev(
    'rated',
    z.object({
      level: z.number().int().min(1).max(5),
      tags: z.array(BadReason).default([]),
      text: z.string().default(''),
      staffId: StaffId.nullable(),
      windowId: WindowId,
    }),
  ),
  ev('rectified', z.object({ finding: RectificationFinding, measures: z.string() })),
  ev('followedUp', z.object({ result: z.string(), satisfied: z.boolean() })),
  ev('closed', z.object({ note: z.string().default('') })),
  ev('reopened', z.object({ reason: z.string() })),
])
export type EventBody = z.infer<typeof EventBody>
export type EventType = EventBody['type']

/** An event as stored: its body plus envelope. `seq` starts at 1 and has no gaps per case. */
export type CaseEvent = EventBody & {
  caseId: string
  seq: number
  at: string // ISO 8601 with offset
  actor: Actor
  requestId?: string
}

export const CaseStatus = z.enum([
  'open', // queued at the window, nobody has claimed it
  'inProgress', // a first responder owns it
  'awaitingMaterials', // supplement notice issued, promised clock paused
  'handoverPending', // slip made, the receiver has not acknowledged yet
  'joint', // several windows handle it together
  'forwarding', // written application outside the hall, waiting for the hall office to forward
  'replied', // consult answered
  'completed', // application done
  'refused', // refused with reason and legal basis
  'closed',
])
export type CaseStatus = z.infer<typeof CaseStatus>

/** The 附件3 ledger sheet columns (000 §8). Every closed case falls in exactly one. */
export const LedgerColumn = z.enum([
  'instant',
  'promised',
  'consultOnTheSpot',
  'consultTimed',
  'handedOver',
  'joint',
  'otherWindow',
  'outsideConsult',
  'outsideWritten',
])
export type LedgerColumn = z.infer<typeof LedgerColumn>
