// Policy presets: one per regulation in ../shared/regulations, each value with its citation. A hall
// picks a preset and may override values; the effective policy is versioned and every case keeps the
// version it was opened under.
import { z } from 'zod'
import type { ClockKind } from './events'
import { fail, ok, type Result } from './errors'

export type PresetId = '000' | '001' | '002' | '003' | '004'
export const PRESET_IDS: PresetId[] = ['000', '001', '002', '003', '004']

export interface Cited<T> {
  value: T
  cite: string
}

export interface ForbiddenPhrase {
  phrase: string
  suggestion: string
}

export interface Policy {
  presetId: PresetId
  version: number
  name: string
  /** working days; 0 = the same day */
  limits: Record<ClockKind, Cited<number>>
  extension: { maxDays: Cited<number>; needsLeadApproval: Cited<boolean> }
  forbiddenPhrases: Cited<ForbiddenPhrase[]>
  reminders: { atFraction: Cited<number>; hoursBefore: Cited<number> }
  rating: { badAtOrBelow: Cited<number>; rectificationDays: Cited<number>; followUpDays: Cited<number>; rateWithinDays: Cited<number> }
  assessment: {
    startScore: Cited<number>
    firstResponderBreach: Cited<number>
    onlineConsultLate: Cited<number>
    overduePerDay: Cited<number>
    badRating: Cited<number>
    complaint: Cited<number>
    ratingComplaintMonthlyCap: Cited<number>
  }
}

const c = <T>(value: T, cite: string): Cited<T> => ({ value, cite })

const PHRASES_000: ForbiddenPhrase[] = [
  { phrase: '不知道', suggestion: '请您稍等，我帮您确认一下' },
  { phrase: '不清楚', suggestion: '这个问题我马上为您查询核实' },
  { phrase: '不归我管', suggestion: '这项业务由相关窗口办理，我带您过去/帮您联系' },
]
const PHRASES_003: ForbiddenPhrase[] = [...PHRASES_000, { phrase: '我还有事', suggestion: '请您稍候，我处理完手头事项马上为您办理' }]

/** 000: 铜陵市政务服务中心窗口“首问负责制”实施细则, the reference rule set */
const P000: Policy = {
  presetId: '000',
  version: 1,
  name: '铜陵市政务服务中心窗口首问负责制实施细则（2020）',
  limits: {
    reply: c(2, '000 §4.2'),
    jointPlan: c(2, '000 §5.2'),
    outsideForward: c(2, '000 §5.4'),
    handoverContact: c(0, '000 §5.1（尽快联系，按当日计）'),
    promised: c(0, '000 §4.1（按事项承诺时限）'),
    supplementNotice: c(0, '000 §4.1（当场一次性告知）'),
    complaint: c(15, '002 限时办结 §7（本规定未作规定，沿用）'),
    rectification: c(5, '本厅设定（本规定未作规定）'),
    followUp: c(2, '本厅设定（本规定未作规定）'),
  },
  extension: { maxDays: c(5, '004 限时办结 §5（本规定未作规定，沿用）'), needsLeadApproval: c(true, '000 §8（窗口负责人负总责）') },
  forbiddenPhrases: c(PHRASES_000, '000 §5.3'),
  reminders: { atFraction: c(0.5, '本厅设定'), hoursBefore: c(2, '本厅设定') },
  rating: {
    badAtOrBelow: c(2, 'GB/T 39735 好差评（不满意、非常不满意为差评）'),
    rectificationDays: c(5, '本厅设定'),
    followUpDays: c(2, '本厅设定'),
    rateWithinDays: c(7, '本厅设定'),
  },
  assessment: {
    startScore: c(100, '本厅设定'),
    firstResponderBreach: c(-1, '004 考核制度 三(一)(1)（沿用）'),
    onlineConsultLate: c(-1, '004 考核制度 三(一)(2)（沿用）'),
    overduePerDay: c(-1, '004 考核制度 三(一)(3)（沿用）'),
    badRating: c(-1, '004 考核制度 三(一)(5)（沿用）'),
    complaint: c(-2, '004 考核制度 三(一)(5)（沿用）'),
    ratingComplaintMonthlyCap: c(-10, '004 考核制度 三(一)(5)（沿用）'),
  },
}

const withLimits = (base: Policy, over: Partial<Record<ClockKind, Cited<number>>>): Policy['limits'] => ({ ...base.limits, ...over })

/** 001: 常州市金坛区机关首问负责制实施办法 — joint plan within 3 working days */
const P001: Policy = {
  ...P000,
  presetId: '001',
  name: '常州市金坛区机关首问负责制实施办法（试行）（2019）',
  limits: withLimits(P000, {
    reply: c(2, '001 §7(1)'),
    jointPlan: c(3, '001 §6(3)'),
    outsideForward: c(2, '001 §6(4)'),
    promised: c(0, '001 §6(1)（按事项承诺时限）'),
  }),
  forbiddenPhrases: c(PHRASES_000, '000 §5.3（本规定未列举，沿用）'),
}

/** 002: 铜川市政务服务中心四项制度 — notice within 5 wd, complex consults within 1 wd, complaints 15 wd */
const P002: Policy = {
  ...P000,
  presetId: '002',
  name: '铜川市政务服务中心一次性告知、限时办结、首问（办）负责、帮办代办制度（2023）',
  limits: withLimits(P000, {
    reply: c(1, '002 一次性告知 §5(3)'),
    supplementNotice: c(5, '002 一次性告知 §5(2)'),
    complaint: c(15, '002 限时办结 §7'),
    promised: c(0, '002 限时办结 §1（按受理单承诺时限）'),
  }),
  extension: { maxDays: c(5, '004 限时办结 §5（沿用）'), needsLeadApproval: c(true, '002 限时办结 §7（经分管领导批准）') },
  forbiddenPhrases: c(PHRASES_000, '002 首问（办）负责 §6(5)（禁忌用语，沿用 000 §5.3 所列）'),
}

/** 003: 铜陵市住房公积金管理中心 — the receiver contacts the citizen the same day; joint plan 3 wd */
const P003: Policy = {
  ...P000,
  presetId: '003',
  name: '铜陵市住房公积金管理中心首问负责制实施细则（2020）',
  limits: withLimits(P000, {
    reply: c(2, '003 三(二)1'),
    jointPlan: c(3, '003 三(一)3'),
    handoverContact: c(0, '003 三(一)2（当日联系）'),
  }),
  forbiddenPhrases: c(PHRASES_003, '003 三(三)3'),
}

/** 004: 重庆铜梁二坪镇 — extension at most 5 wd; the monthly assessment deductions */
const P004: Policy = {
  ...P000,
  presetId: '004',
  name: '二坪镇便民服务中心首问负责、限时办结与考核制度（2023）',
  limits: withLimits(P000, { promised: c(0, '004 服务承诺 §3（按承诺时限）') }),
  extension: { maxDays: c(5, '004 限时办结 §5'), needsLeadApproval: c(false, '004 限时办结 §5（向群众说明理由）') },
  assessment: {
    startScore: c(100, '本厅设定'),
    firstResponderBreach: c(-1, '004 考核制度 三(一)(1)'),
    onlineConsultLate: c(-1, '004 考核制度 三(一)(2)'),
    overduePerDay: c(-1, '004 考核制度 三(一)(3)'),
    badRating: c(-1, '004 考核制度 三(一)(5)'),
    complaint: c(-2, '004 考核制度 三(一)(5)'),
    ratingComplaintMonthlyCap: c(-10, '004 考核制度 三(一)(5)'),
  },
}

export const PRESETS: Record<PresetId, Policy> = { '000': P000, '001': P001, '002': P002, '003': P003, '004': P004 }

const days = z.number().int().min(0).max(60)
const points = z.number().int().min(-100).max(0)
export const PolicyOverrides = z
  .object({
    limits: z.partialRecord(z.enum(['reply', 'jointPlan', 'outsideForward', 'handoverContact', 'promised', 'supplementNotice', 'complaint', 'rectification', 'followUp']), days),
    extension: z.object({ maxDays: days, needsLeadApproval: z.boolean() }).partial(),
    forbiddenPhrases: z.array(z.object({ phrase: z.string().trim().min(2).max(20), suggestion: z.string().trim().min(2).max(60) })).max(100),
    reminders: z.object({ atFraction: z.number().gt(0).lt(1), hoursBefore: z.number().min(0).max(24) }).partial(),
    rating: z.object({ badAtOrBelow: z.number().int().min(1).max(3), rectificationDays: days, followUpDays: days, rateWithinDays: days }).partial(),
    assessment: z
      .object({
        startScore: z.number().int().min(0).max(1000),
        firstResponderBreach: points,
        onlineConsultLate: points,
        overduePerDay: points,
        badRating: points,
        complaint: points,
        ratingComplaintMonthlyCap: points,
      })
      .partial(),
  })
  .partial()
export type PolicyOverrides = z.infer<typeof PolicyOverrides>

const HALL = '（本厅调整）'

function overrideGroup<G extends Record<string, Cited<unknown>>>(group: G, values: Partial<{ [K in keyof G]: G[K]['value'] }> | undefined): G {
  if (!values) return group
  const out: Record<string, Cited<unknown>> = { ...group }
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue
    const base = group[k]
    out[k] = { value: v, cite: base ? `${base.cite}${HALL}` : `本厅设定` }
  }
  return out as G
}

/** the hall's effective policy: a preset plus its overrides, each overridden value marked as the hall's */
export function effectivePolicy(presetId: PresetId, overrides: PolicyOverrides, version: number): Result<Policy> {
  const preset = PRESETS[presetId]
  if (!preset) return fail('INVALID_INPUT', `没有这个规则预设：${presetId}`, { field: 'presetId' })
  const parsed = PolicyOverrides.safeParse(overrides)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return fail('INVALID_INPUT', issue?.message ?? '规则调整有误', { field: issue?.path.join('.') })
  }
  const o = parsed.data
  return ok({
    ...preset,
    version,
    limits: overrideGroup(preset.limits, o.limits),
    extension: overrideGroup(preset.extension, o.extension),
    forbiddenPhrases: o.forbiddenPhrases ? { value: o.forbiddenPhrases, cite: `${preset.forbiddenPhrases.cite}${HALL}` } : preset.forbiddenPhrases,
    reminders: overrideGroup(preset.reminders, o.reminders),
    rating: overrideGroup(preset.rating, o.rating),
    assessment: overrideGroup(preset.assessment, o.assessment),
  })
}
