// Cases registered by staff: a visit at the counter, a call, a letter, a 12345 referral or a message left
// online (000 §1; 004 首问负责制度 第三条, 第五条(四); 003 一). The first person the citizen met is
// responsible — when several answered together, the highest-ranked of them (002 首问(办) 第一条).
import { z } from 'zod'
import { shanghaiDate } from './calendar'
import { DomainError } from './errors'
import { CaseKind, CaseText, Contact, HallId, MatterId, RequestId, StaffId, WindowId, type Staff } from './schemas'
import { text } from './text'

const IsoTime = z.string().datetime({ offset: true, message: '时间格式不正确' })

export const IntakeChannel = z.enum(['counter', 'phone', 'letter', 'hotline12345', 'online'], { message: '请选择来源渠道' })
export type IntakeChannel = z.infer<typeof IntakeChannel>

export const CHANNEL_LABELS: Record<IntakeChannel, string> = {
  counter: '窗口来访',
  phone: '来电',
  letter: '来信',
  hotline12345: '12345 转办',
  online: '网上留言',
}

/** where a case came from, for the split of the ledger and the dashboard: staff's registration channels, or the app */
export const CaseChannel = z.enum(['app', ...IntakeChannel.options], { message: '请选择来源渠道' })
export type CaseChannel = z.infer<typeof CaseChannel>
export const CASE_CHANNEL_LABELS: Record<CaseChannel, string> = { app: '扫码提交', ...CHANNEL_LABELS }
export const channelOf = (state: { channel?: IntakeChannel }): CaseChannel => state.channel ?? 'app'

/** what the registering staff member enters, from the phone in a few taps */
export const RegistrationInput = z.object({
  hallId: HallId,
  channel: IntakeChannel,
  kind: CaseKind.default('consult'),
  matterId: MatterId.optional(),
  windowId: WindowId.optional(),
  // optional only for an anonymous phone consult (004 第五条(四) records the caller when they give it)
  contact: Contact.optional(),
  text: CaseText,
  /** colleagues who answered together with the registering person (002 首问(办) 第一条) */
  present: z.array(StaffId).max(10, '在场人员最多 10 位').default([]),
  /** when it was received: a letter's postmark or a 12345 work order's date; default now */
  receivedAt: IsoTime.optional(),
  /** answered on the spot: registered and closed in one step (000 §4.2 当场答复) */
  answer: text().trim().min(2, '答复内容至少 2 个字').max(2000, '答复内容不超过 2000 个字').optional(),
  requestId: RequestId,
})
export type RegistrationInput = z.output<typeof RegistrationInput>

/** the registration as the case's first event records it */
export const RegistrationRecord = z.object({
  channel: IntakeChannel,
  receivedAt: IsoTime,
  registeredBy: StaffId,
  present: z.array(StaffId),
  firstResponderId: StaffId,
  anonymous: z.boolean(),
  /** printed on the citizen's slip: binds the case to the citizen who scans it */
  queryCode: z.string().regex(/^\d{6}$/),
})
export type RegistrationRecord = z.infer<typeof RegistrationRecord>

/** how a case's owner is kept until a citizen binds its slip: never equal to a citizen's id (wx:…, dev:…) */
export const unboundOwner = (staffId: string, requestId: string) => `slip:${staffId}:${requestId}`
export const isUnbound = (citizenId: string) => citizenId.startsWith('slip:')

/** the slip's link: the citizen's case page with the number and the code that binds it (a browser or WeChat's scan) */
export const slipPath = (no: string, queryCode: string) => `/pages/case/index?scene=${encodeURIComponent(slipScene(no, queryCode))}`
/** the slip's mini-program code scene: `n=<case number>&q=<query code>`, within the 32 characters of wxacode */
export const slipScene = (no: string, queryCode: string) => `n=${no}&q=${queryCode}`

/** the name kept for a caller who gives none, as the paper register writes it */
export const ANONYMOUS_CALLER = { name: '匿名来电', phone: '' }

/**
 * 002 首问(办) 第一条: of those who answered together, the highest-ranked is the first responder; on a tie
 * the registering person, else the one listed first.
 */
export function firstResponderOf(registering: Staff, present: Staff[]): Staff {
  let best = registering
  for (const s of present) if (s.rank > best.rank) best = s
  return best
}

/** letters and 12345 work orders may carry an earlier date; a visit or a call is registered the same day */
const EARLIER_DAYS: Record<IntakeChannel, number> = { counter: 0, phone: 0, online: 30, letter: 366, hotline12345: 366 }

/** the time of receipt the clocks start from: never later than now, and no earlier than the channel allows */
export function receiptTime(input: Pick<RegistrationInput, 'channel' | 'receivedAt'>, now: Date): Date {
  if (!input.receivedAt) return now
  const at = new Date(input.receivedAt)
  if (at.getTime() > now.getTime()) throw new DomainError('INVALID_INPUT', '收到时间不能晚于现在', { field: 'receivedAt' })
  const days = EARLIER_DAYS[input.channel]
  const earliest = days === 0 ? shanghaiDate(now) : shanghaiDate(new Date(now.getTime() - days * 86_400_000))
  if (shanghaiDate(at) < earliest) {
    const message = days === 0 ? `${CHANNEL_LABELS[input.channel]}请登记当天收到的时间` : `收到时间不能早于 ${days} 天前`
    throw new DomainError('INVALID_INPUT', message, { field: 'receivedAt' })
  }
  return at
}

/** who gave a name and number: everyone but an anonymous phone consult */
export function contactOf(input: Pick<RegistrationInput, 'channel' | 'kind' | 'contact'>): { contact: Contact; anonymous: boolean } {
  if (input.contact) return { contact: input.contact, anonymous: false }
  if (input.channel === 'phone' && input.kind === 'consult') return { contact: ANONYMOUS_CALLER, anonymous: true }
  throw new DomainError('INVALID_INPUT', '请填写服务对象的姓名和联系电话（仅匿名来电咨询可不填）', { field: 'contact' })
}
