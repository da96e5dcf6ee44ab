// 好差评 (GB/T 39735, docs/DESIGN.md "Ratings and complaints"): five levels, a bad rating needs a reason
// tag and text, one rating per case and service round, attributed to whoever replied or decided. A bad
// rating opens a rectification for the window lead and then a follow-up with the citizen.
import { z } from 'zod'

export const RATING_LABELS = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' } as const
export type RatingLevel = keyof typeof RATING_LABELS
export const RatingLevelSchema = z.number().int().min(1, '请选择评价等级').max(5, '请选择评价等级')

export const BadReason = z.enum(['attitude', 'buckPassing', 'overdue', 'oneTimeNotice', 'result', 'other'])
export type BadReason = z.infer<typeof BadReason>
export const BAD_REASON_LABELS: Record<BadReason, string> = {
  attitude: '态度',
  buckPassing: '推诿',
  overdue: '超时',
  oneTimeNotice: '一次性告知不到位',
  result: '结果不满意',
  other: '其他',
}

export const RectificationFinding = z.enum(['verified', 'notStaffFault'])
export type RectificationFinding = z.infer<typeof RectificationFinding>
export const FINDING_LABELS: Record<RectificationFinding, string> = { verified: '情况属实', notStaffFault: '非工作人员原因' }

export interface Rating {
  round: number
  level: RatingLevel
  bad: boolean
  tags: BadReason[]
  text: string
  at: string
  /** who replied, completed or refused in that round, and their window */
  staffId: string | null
  windowId: string
}

export interface Rectification {
  round: number
  openedAt: string
  finding: RectificationFinding | null
  measures: string | null
  rectifiedAt: string | null
  rectifiedBy: string | null
  followUp: { result: string; satisfied: boolean; at: string; by: string } | null
}

export const isBad = (level: number, badAtOrBelow: number) => level <= badAtOrBelow
