// 上报: when the first responder cannot settle a case alone, they report it to the window lead or the
// hall office, who answer within the policy's limit; the first responder stays responsible.
import { z } from 'zod'

/** why a case is reported upward, each with the clause that asks for it */
export const UpReason = z.enum(['unclearResponsibility', 'seriousOrUrgent', 'departmentUnknown', 'colleagueAbsent', 'policyDispute'])
export type UpReason = z.infer<typeof UpReason>

export const UP_REASONS: Record<UpReason, { label: string; cite: string }> = {
  unclearResponsibility: { label: '职责不明确', cite: '000 §5.1' },
  seriousOrUrgent: { label: '特别重大或紧急情况', cite: '000 §6' },
  departmentUnknown: { label: '承办部门不明确', cite: '004 首问负责制度 §5(3)' },
  colleagueAbsent: { label: '经办人员外出不在', cite: '002 首问（办）负责 §2(2)' },
  policyDispute: { label: '政策理解有差异，须领导裁定', cite: '002 首问（办）负责 §2(3)、003 三(三)4' },
}

/** to whom: the window lead (首席代表) or the hall office (政务服务科) */
export const UpTo = z.enum(['lead', 'office'])
export type UpTo = z.infer<typeof UpTo>
export const UP_TO_LABELS: Record<UpTo, string> = { lead: '窗口负责人', office: '政务服务科' }
