// 帮办代办 (002 帮办代办制度): a citizen asks the hall's 帮办代办 window for help (帮办: consulted, helped
// to prepare the materials, accompanied to the windows) or for an agent (代办: the materials handed over,
// the agent does it all); 老、弱、病、残、孕 may ask for 上门办 at an address and a time. Free of charge
// (一(二)). A request is a case at the 帮办代办 window: its agent is the case's holder, the cases the
// agent opens at other windows are linked to it, it is rated like any case, and its own ledger (三(二))
// is a reading of those cases.
import { z } from 'zod'
import { DomainError } from './errors'
import { CaseId, StaffId, WindowId } from './schemas'
import { text } from './text'
import { AttachmentId } from './attachment'

export const AssistMode = z.enum(['help', 'agent'], { message: '请选择帮办或代办' })
export type AssistMode = z.infer<typeof AssistMode>
export const ASSIST_MODE_LABELS: Record<AssistMode, string> = { help: '帮办', agent: '代办' }

/** 002 二: the special groups 上门办 is offered to */
export const SpecialGroup = z.enum(['elderly', 'frail', 'ill', 'disabled', 'pregnant'], { message: '请选择服务对象的情况' })
export type SpecialGroup = z.infer<typeof SpecialGroup>
export const SPECIAL_GROUP_LABELS: Record<SpecialGroup, string> = { elderly: '老年人', frail: '体弱', ill: '患病', disabled: '残疾人', pregnant: '孕妇' }

const IsoTime = z.string().datetime({ offset: true, message: '请选择上门时间' })

/** 上门办: where and when the agent comes */
export const HomeVisit = z.object({
  group: SpecialGroup,
  address: text().trim().max(120, '上门地址不超过 120 个字').default(''),
  time: IsoTime.optional(),
})

/** what the citizen (or the staff registering for them) asks */
export const AssistedRequestInput = z.object({
  mode: AssistMode,
  homeVisit: HomeVisit.optional(),
})
export type AssistedRequestInput = z.output<typeof AssistedRequestInput>

/** the request as the case's first event keeps it */
export const AssistedRecord = z.object({
  mode: AssistMode,
  /** the window that handles the matter itself: a case the agent opens there is for that matter */
  matterWindowId: WindowId.optional(),
  homeVisit: z.object({ group: SpecialGroup, address: text(), time: IsoTime }).optional(),
})
export type AssistedRecord = z.infer<typeof AssistedRecord>

/** a 上门办 needs the address and the time, in the future (INVALID_INPUT naming the field) */
export function assistedRecord(input: AssistedRequestInput, now: Date, matter?: { windowId: string } | null): AssistedRecord {
  const v = input.homeVisit
  const base = { mode: input.mode, ...(matter ? { matterWindowId: matter.windowId } : {}) }
  if (!v) return base
  if (v.address.trim().length < 4) throw new DomainError('INVALID_INPUT', '上门办请填写详细地址', { field: 'assisted.homeVisit.address' })
  if (!v.time) throw new DomainError('INVALID_INPUT', '上门办请选择上门时间', { field: 'assisted.homeVisit.time' })
  if (Date.parse(v.time) <= now.getTime()) throw new DomainError('INVALID_INPUT', '上门时间须晚于现在', { field: 'assisted.homeVisit.time' })
  return { ...base, homeVisit: { group: v.group, address: v.address.trim(), time: v.time } }
}

/** the window a request goes to: the hall's 帮办代办 window (002 帮办代办 三(一)) */
export function assistedWindowOf(hall: { assistedWindowId?: string }): string {
  if (!hall.assistedWindowId) throw new DomainError('CONFLICT', '本大厅尚未设立帮办代办窗口，请到综合咨询窗口咨询', { field: 'assisted' })
  return hall.assistedWindowId
}

/** one item of the 代办 materials handover record: what, how many copies, original or copy */
export const HandoverItem = z.object({
  name: text().trim().min(2, '请写明材料名称').max(100, '材料名称不超过 100 个字'),
  copies: z.number({ message: '请填写份数' }).int().min(1, '份数至少 1').max(99, '份数不超过 99'),
  original: z.boolean(),
})
export type HandoverItem = z.infer<typeof HandoverItem>

/**
 * One line of the handover form as staff type it: 「不动产权证书 原件 1份」「身份证 复印件 2 份」. An
 * original unless it says 复印件, one copy unless it gives the number; the rest is the name.
 */
export function parseHandoverLine(line: string): { name: string; copies: number; original: boolean } | null {
  let rest = line.trim()
  if (!rest) return null
  const original = !/复印件|复印/.test(rest)
  rest = rest.replace(/原件|复印件|复印/g, ' ')
  const count = /(\d{1,2})\s*(份|张|本|页|件)?\s*$/.exec(rest.trim())
  const copies = count ? Number(count[1]) : 1
  if (count) rest = rest.trim().slice(0, rest.trim().length - count[0].length)
  const name = rest
    .replace(/[，,、;；×xX*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return { name, copies, original }
}

/** the 代办材料交接单 as the agent records it with the citizen: every item, both sides' confirmation, photos */
export const MaterialsHandoverInput = z.object({
  items: z.array(HandoverItem).max(40, '材料不超过 40 项'),
  citizenConfirmed: z.boolean(),
  agentConfirmed: z.boolean(),
  photos: z.array(AttachmentId).max(6, '最多 6 张照片').default([]),
  note: text().trim().max(200, '备注不超过 200 个字').default(''),
})
export type MaterialsHandoverInput = z.output<typeof MaterialsHandoverInput>

/** refuses a handover the form cannot be: no items, a side that did not confirm */
export function checkHandover(input: MaterialsHandoverInput): void {
  if (input.items.length === 0) throw new DomainError('INVALID_INPUT', '请逐项登记交接的材料', { field: 'items' })
  if (!input.citizenConfirmed) throw new DomainError('INVALID_INPUT', '请申请人确认交接的材料', { field: 'citizenConfirmed' })
  if (!input.agentConfirmed) throw new DomainError('INVALID_INPUT', '请代办员确认收到的材料', { field: 'agentConfirmed' })
}

/** what a case of the request keeps beside the usual case record */
export interface AssistedState extends AssistedRecord {
  agentId: string | null
  assignedAt: string | null
  handover: {
    slipNo: string
    items: HandoverItem[]
    photos: string[]
    note: string
    at: string
    by: string
  } | null
  /** the cases the agent opened at other windows for this request */
  linked: Array<{ caseId: string; windowId: string; note: string; at: string }>
  /** 随机回访 and 不定期抽查 (002 四) */
  reviews: AssistedReview[]
  /** the months this request was drawn for 随机回访 */
  sampledIn: string[]
}

export const ReviewKind = z.enum(['callBack', 'spotCheck'])
export type ReviewKind = z.infer<typeof ReviewKind>
export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = { callBack: '随机回访', spotCheck: '不定期抽查' }

export const ReviewOutcome = z.enum(['satisfied', 'dissatisfied', 'unreachable'])
export type ReviewOutcome = z.infer<typeof ReviewOutcome>
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = { satisfied: '满意', dissatisfied: '不满意', unreachable: '未接通' }

export interface AssistedReview {
  kind: ReviewKind
  outcome: ReviewOutcome
  note: string
  /** a finding against the agent, with the 效能纪律 deduction it became (core/discipline.ts) */
  deductionId: string | null
  at: string
  by: string
}

/** the link from a case at another window to the request it serves */
export const AssistedLink = z.object({ caseId: CaseId, no: text(), agentId: StaffId })
export type AssistedLink = z.infer<typeof AssistedLink>

export const OpenAssistedCaseInput = z.object({ toWindowId: WindowId, note: text().trim().min(2, '请写明到该窗口办理的内容').max(300) })

/**
 * The request's clock (002 帮办代办 二, 限时办结 第一条): the policy's limit when it sets one, else the
 * promise of the matter it is for (an instant matter: the same day); without a matter, the policy's
 * `promised` fallback is the same day too.
 */
export function assistedLimitDays(policyDays: number, matter: { kind: 'instant' | 'promised'; promisedDays: number | null } | null): number {
  if (policyDays > 0) return policyDays
  if (matter?.kind === 'promised' && matter.promisedDays) return matter.promisedDays
  return 0
}

/**
 * 002 四 随机回访: `size` distinct requests drawn from those finished in the month, each equally likely
 * (a partial Fisher–Yates shuffle of the ids in a fixed order, driven by `random` in [0, 1)). A size
 * larger than the population is refused, naming the field.
 */
export function drawSample(finishedIds: string[], size: number, random: () => number): string[] {
  const ids = [...new Set(finishedIds)].sort()
  if (!Number.isInteger(size) || size < 1) throw new DomainError('INVALID_INPUT', '抽取数量至少为 1', { field: 'size' })
  if (size > ids.length) {
    throw new DomainError('INVALID_INPUT', `本月办结的帮办代办只有 ${ids.length} 件，抽取数量不能超过它`, { field: 'size', finished: ids.length })
  }
  for (let i = 0; i < size; i++) {
    const j = Math.min(ids.length - 1, i + Math.floor(random() * (ids.length - i)))
    ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
  }
  return ids.slice(0, size)
}

/**
 * The draw's random numbers from a seed (xmur3 into mulberry32): the same month's population gives the
 * same order, so a repeated or concurrent draw marks the same requests, and a larger size extends the
 * smaller one's sample.
 */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  let a = h >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** what the hall office records of a 随机回访 call or a 不定期抽查, and a finding against the agent */
export const ReviewInput = z.object({
  kind: ReviewKind,
  outcome: ReviewOutcome,
  note: text().trim().min(2, '请填写回访或抽查情况').max(500, '情况说明不超过 500 个字'),
  /** a finding (冷硬推拖, 不作为 …) goes to the agent's assessment as a 效能纪律 deduction (core/discipline.ts) */
  finding: z
    .object({
      item: text().min(1).max(40),
      grade: text().max(20).optional(),
      reason: text().trim().min(4, '请写明查实的问题（至少 4 个字）').max(500),
    })
    .optional(),
})
