// Policy presets: one per regulation in docs/regulations, each value with its citation. A hall
// picks a preset and may override values; the effective policy is versioned and every case keeps the
// version it was opened under.
import { z } from 'zod'
import { text } from './text'
import type { ClockKind, NoticeTopic } from './events'
import { fail, ok, type Result } from './errors'
import { REGULATION_TITLES, type PresetId } from './regulation'

export type { PresetId }
export const PRESET_IDS: PresetId[] = ['000', '001', '002', '003', '004']

export interface Cited<T> {
  value: T
  cite: string
}

export interface ForbiddenPhrase {
  phrase: string
  suggestion: string
}

/** what a one-time notice tells besides the materials (001 第六条(一), 002 一次性告知 §1, 003 三(一)1) */
export type { NoticeTopic }
export const NOTICE_TOPICS: NoticeTopic[] = ['basis', 'conditions', 'procedure', 'timeLimit']
export const NOTICE_TOPIC_LABELS: Record<NoticeTopic, string> = { basis: '办理依据', conditions: '办理条件', procedure: '办理程序', timeLimit: '办理时限' }

/**
 * The wording of the paper notices a case gives the citizen, as the preset's regulation words them.
 * `{matter}` stands for the matter's name, `{accepted}` for the date of acceptance.
 */
export interface PaperWording {
  /** 一次性告知: the title, the opening, and the topics it must tell besides the materials */
  supplementNotice: Cited<{ title: string; intro: string; topics: NoticeTopic[] }>
  /** 受理通知书 for a promised case (002 首问（办）负责 §3(2)) */
  acceptanceNotice: Cited<{ title: string; intro: string }>
  /** refused before acceptance: 不予受理 (002 限时办结 §3) */
  refusalBeforeAcceptance: Cited<{ title: string; intro: string }>
  /** refused after acceptance: 不予登记 (002 限时办结 §4), elsewhere 不予办理 */
  refusalAfterAcceptance: Cited<{ title: string; intro: string }>
  /** the citizen's remedy, printed under a refusal */
  remedy: Cited<string>
}

export interface Policy {
  presetId: PresetId
  version: number
  name: string
  /** working days; 0 = the same day */
  limits: Record<ClockKind, Cited<number>>
  /**
   * clockKinds: the clocks the regulation lets a hall extend (000, 001 and 003 have no extension
   * clause; 004 限时办结 §5 covers the promised limit only); maxDays: all extensions of one clock together
   */
  extension: { clockKinds: Cited<ClockKind[]>; maxDays: Cited<number>; needsLeadApproval: Cited<boolean> }
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
  /** the notices' wording; not adjustable by the hall (the regulation's own form) */
  forms: PaperWording
}

const c = <T>(value: T, cite: string): Cited<T> => ({ value, cite })

const PHRASES_000: ForbiddenPhrase[] = [
  { phrase: '不知道', suggestion: '请您稍等，我帮您确认一下' },
  { phrase: '不清楚', suggestion: '这个问题我马上为您查询核实' },
  { phrase: '不归我管', suggestion: '这项业务由相关窗口办理，我带您过去/帮您联系' },
]
const PHRASES_003: ForbiddenPhrase[] = [...PHRASES_000, { phrase: '我还有事', suggestion: '请您稍候，我处理完手头事项马上为您办理' }]

const ACCEPTANCE_INTRO = '你单位（个人）提出的{matter}申请，经审查，申请材料齐全、符合法定形式，决定予以受理。'
const REFUSED_INTRO = '你单位（个人）提出的{matter}申请，经审查，不符合受理条件，决定不予受理。'
const REFUSED_LATER_INTRO = '你单位（个人）于{accepted}提出并经受理的{matter}申请，经审查，不符合法定条件，决定不予办理。'
const REMEDY = c('如对本决定不服，可以依法申请行政复议或者提起行政诉讼。', '行政许可法 第三十八条')
/** 001 第六条(一), 003 三(一)1: 办理依据、办理时限、办理程序和所需资料 */
const TOLD_001 = '你单位（个人）申请办理的{matter}，符合法定条件但资料不齐全，现一次性告知办理依据、办理时限、办理程序和需要补正的全部资料：'

const FORMS_000: PaperWording = {
  supplementNotice: c(
    {
      title: '一次性补件告知单',
      intro: '你单位（个人）提出{matter}申请经审查，所提供的申请材料不完全符合法定形式，现将资料退回，请将下列材料补正补全：',
      topics: [],
    },
    '000 §4.1、附件1',
  ),
  acceptanceNotice: c({ title: '受理通知书', intro: ACCEPTANCE_INTRO }, '000 §4.1（在承诺时限内办理）'),
  refusalBeforeAcceptance: c({ title: '不予受理通知书', intro: REFUSED_INTRO }, '000 §4.1（明确告知不予办理的理由、依据）'),
  refusalAfterAcceptance: c({ title: '不予办理通知书', intro: REFUSED_LATER_INTRO }, '000 §4.1（明确告知不予办理的理由、依据）'),
  remedy: REMEDY,
}

/** 000: 铜陵市政务服务中心窗口“首问负责制”实施细则, the reference rule set */
const P000: Policy = {
  presetId: '000',
  version: 1,
  name: `${REGULATION_TITLES['000']}（市级政务服务中心，2020）`,
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
    reportUp: c(1, '本厅设定（000 §6 要求立即请示报告，未规定答复时限）'),
    jointDecision: c(2, '本厅设定（001 第六条(三)、003 三(一)3 未规定裁定时限）'),
  },
  extension: {
    clockKinds: c([], '000 未规定延期（§4.1 在承诺时限内办理，§4.2 2 个工作日内答复）'),
    maxDays: c(5, '004 限时办结 §5（本规定未作规定，沿用）'),
    needsLeadApproval: c(true, '000 §8（窗口负责人负总责）'),
  },
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
  forms: FORMS_000,
}

const withLimits = (base: Policy, over: Partial<Record<ClockKind, Cited<number>>>): Policy['limits'] => ({ ...base.limits, ...over })

/** 001: 常州市金坛区机关首问负责制实施办法 — joint plan within 3 working days */
const P001: Policy = {
  ...P000,
  presetId: '001',
  name: `${REGULATION_TITLES['001']}（试行）（区级机关，2019）`,
  limits: withLimits(P000, {
    reply: c(2, '001 §7(1)'),
    jointPlan: c(3, '001 §6(3)'),
    outsideForward: c(2, '001 §6(4)'),
    promised: c(0, '001 §6(1)（按事项承诺时限）'),
  }),
  extension: { ...P000.extension, clockKinds: c([], '001 未规定延期（§6、§7 按时限办理）') },
  forbiddenPhrases: c(PHRASES_000, '000 §5.3（本规定未列举，沿用）'),
  forms: {
    supplementNotice: c({ title: '一次性告知书', intro: TOLD_001, topics: ['basis', 'timeLimit', 'procedure'] }, '001 第六条(一)'),
    acceptanceNotice: c({ title: '受理通知书', intro: ACCEPTANCE_INTRO }, '001 第六条(一)'),
    refusalBeforeAcceptance: c({ title: '不予受理通知书', intro: REFUSED_INTRO }, '001 第六条(一)（明确告知不予办理的理由、依据）'),
    refusalAfterAcceptance: c({ title: '不予办理通知书', intro: REFUSED_LATER_INTRO }, '001 第六条(一)（明确告知不予办理的理由、依据）'),
    remedy: REMEDY,
  },
}

/** 002: 铜川市政务服务中心四项制度 — notice within 5 wd, complex consults within 1 wd, complaints 15 wd */
const P002: Policy = {
  ...P000,
  presetId: '002',
  name: `${REGULATION_TITLES['002']}（市级政务服务中心，2023）`,
  limits: withLimits(P000, {
    reply: c(1, '002 一次性告知 §5(3)'),
    supplementNotice: c(5, '002 一次性告知 §5(2)'),
    complaint: c(15, '002 限时办结 §7'),
    promised: c(0, '002 限时办结 §1（按受理单承诺时限）'),
  }),
  // 002 限时办结 §7 lets only petitions and complaints run longer, with the leader in charge's approval
  // (the complaint desk's own extension); §1 binds an accepted case to the limit on its receipt
  extension: {
    clockKinds: c([], '002 限时办结 §1（在受理单承诺的时限内办结；§7 的延长仅适用于投诉等信访件，由投诉受理台经分管领导批准）'),
    maxDays: c(5, '004 限时办结 §5（沿用）'),
    needsLeadApproval: c(true, '002 限时办结 §7（经分管领导批准）'),
  },
  forbiddenPhrases: c(PHRASES_000, '002 首问（办）负责 §6(5)（禁忌用语，沿用 000 §5.3 所列）'),
  forms: {
    supplementNotice: c(
      {
        title: '政务服务事项一次性告知通知书',
        intro: '你单位（个人）提出的{matter}申请，经审查，申请材料不符合规定，现一次性告知所办事项的依据、条件、办事程序、办理时限和需要补齐补正的全部材料：',
        topics: ['basis', 'conditions', 'procedure', 'timeLimit'],
      },
      '002 一次性告知 §1、§4(2)、§5(2)；首问（办）负责 §3(3)',
    ),
    acceptanceNotice: c({ title: '受理通知书', intro: ACCEPTANCE_INTRO }, '002 首问（办）负责 §3(2)（开具受理通知书）；限时办结 §1'),
    refusalBeforeAcceptance: c({ title: '不予受理通知书', intro: REFUSED_INTRO }, '002 限时办结 §3；一次性告知 §5(2)（不能办理的原因和依据）'),
    refusalAfterAcceptance: c(
      { title: '不予登记通知书', intro: '你单位（个人）于{accepted}提出并经受理的{matter}申请，经审查，有限制或不符合相关规定，决定不予登记。' },
      '002 限时办结 §4',
    ),
    remedy: REMEDY,
  },
}

/** 003: 铜陵市住房公积金管理中心 — the receiver contacts the citizen the same day; joint plan 3 wd */
const P003: Policy = {
  ...P000,
  presetId: '003',
  name: `${REGULATION_TITLES['003']}（市级公积金中心，2020）`,
  limits: withLimits(P000, {
    reply: c(2, '003 三(二)1'),
    jointPlan: c(3, '003 三(一)3'),
    handoverContact: c(0, '003 三(一)2（当日联系）'),
  }),
  extension: { ...P000.extension, clockKinds: c([], '003 未规定延期（三(一)、三(二) 按时限办理）') },
  forbiddenPhrases: c(PHRASES_003, '003 三(三)3'),
  forms: {
    supplementNotice: c({ title: '一次性告知单', intro: TOLD_001, topics: ['basis', 'timeLimit', 'procedure'] }, '003 三(一)1'),
    acceptanceNotice: c({ title: '受理通知书', intro: ACCEPTANCE_INTRO }, '003 三(一)1'),
    refusalBeforeAcceptance: c({ title: '不予受理通知书', intro: REFUSED_INTRO }, '003 三(一)1（明确告知不予办理的理由、依据）'),
    refusalAfterAcceptance: c({ title: '不予办理通知书', intro: REFUSED_LATER_INTRO }, '003 三(一)1（明确告知不予办理的理由、依据）'),
    remedy: REMEDY,
  },
}

/** 004: 重庆铜梁二坪镇 — extension at most 5 wd; the monthly assessment deductions */
const P004: Policy = {
  ...P000,
  presetId: '004',
  name: `${REGULATION_TITLES['004']}（乡镇，2023）`,
  limits: withLimits(P000, { promised: c(0, '004 服务承诺 §3（按承诺时限）') }),
  extension: {
    clockKinds: c(['promised'], '004 限时办结 §5（仅承诺办结时限）'),
    maxDays: c(5, '004 限时办结 §5'),
    needsLeadApproval: c(false, '004 限时办结 §5（向群众说明理由）'),
  },
  assessment: {
    startScore: c(100, '本厅设定'),
    firstResponderBreach: c(-1, '004 考核制度 三(一)(1)'),
    onlineConsultLate: c(-1, '004 考核制度 三(一)(2)'),
    overduePerDay: c(-1, '004 考核制度 三(一)(3)'),
    badRating: c(-1, '004 考核制度 三(一)(5)'),
    complaint: c(-2, '004 考核制度 三(一)(5)'),
    ratingComplaintMonthlyCap: c(-10, '004 考核制度 三(一)(5)'),
  },
  forms: {
    supplementNotice: c(
      {
        title: '补正材料一次性告知书',
        intro: '你单位（个人）申请办理的{matter}，申请材料不全或不符合法定形式，请按下列清单一次补正全部材料：',
        topics: [],
      },
      '004 一次性告知制度 §6',
    ),
    acceptanceNotice: c({ title: '受理通知书', intro: ACCEPTANCE_INTRO }, '004 服务承诺 §3（向其承诺办理时限）'),
    refusalBeforeAcceptance: c({ title: '不予受理通知书', intro: REFUSED_INTRO }, '004 服务承诺 §3（充分说明理由）'),
    refusalAfterAcceptance: c({ title: '不予办理通知书', intro: REFUSED_LATER_INTRO }, '004 服务承诺 §3（充分说明理由）'),
    remedy: REMEDY,
  },
}

export const PRESETS: Record<PresetId, Policy> = { '000': P000, '001': P001, '002': P002, '003': P003, '004': P004 }

const days = z.number({ message: '请填写工作日数' }).int('工作日数须为整数').min(0, '工作日数不能小于 0').max(60, '工作日数不超过 60')
const points = z.number({ message: '请填写分值' }).int('分值须为整数').min(-100, '扣分不超过 100 分').max(0, '扣分请填写 0 或负数')
export const PolicyOverrides = z
  .object({
    limits: z.partialRecord(
      z.enum([
        'reply',
        'jointPlan',
        'outsideForward',
        'handoverContact',
        'promised',
        'supplementNotice',
        'complaint',
        'rectification',
        'followUp',
        'reportUp',
        'jointDecision',
      ]),
      days,
    ),
    extension: z.object({ maxDays: days, needsLeadApproval: z.boolean() }).partial(),
    forbiddenPhrases: z
      .array(
        z.object({
          phrase: text().trim().min(2, '禁语至少 2 个字').max(20, '禁语不超过 20 个字'),
          suggestion: text().trim().min(2, '请填写建议说法').max(60, '建议说法不超过 60 个字'),
        }),
      )
      .max(100, '禁语不超过 100 条'),
    reminders: z
      .object({
        atFraction: z.number({ message: '请填写提醒时点' }).gt(0, '提醒时点须在时限之内').lt(1, '提醒时点须在时限之内'),
        hoursBefore: z.number({ message: '请填写小时数' }).min(0, '小时数不能小于 0').max(24, '小时数不超过 24'),
      })
      .partial(),
    rating: z
      .object({
        badAtOrBelow: z.number({ message: '请选择差评标准' }).int().min(1, '差评标准为 1–3 星').max(3, '差评标准为 1–3 星'),
        rectificationDays: days,
        followUpDays: days,
        rateWithinDays: days,
      })
      .partial(),
    assessment: z
      .object({
        startScore: z.number({ message: '请填写基础分' }).int('基础分须为整数').min(0, '基础分不能小于 0').max(1000, '基础分不超过 1000'),
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

/** what the policy page says beside a field: for the extension cap, which clocks may be extended at all */
export function fieldHint(policy: Pick<Policy, 'extension'>, f: Pick<PolicyField, 'group' | 'key' | 'hint'>, labels: Record<ClockKind, string>): string | null {
  if (f.group !== 'extension' || f.key !== 'maxDays') return f.hint ?? null
  const kinds = policy.extension.clockKinds
  const which = kinds.value.length ? `可延期的时限：${kinds.value.map((k) => labels[k]).join('、')}` : '本规定各项时限均不可延期'
  return `${which}（${kinds.cite}）；${f.hint ?? ''}`.replace(/；$/, '')
}

/** whether the policy lets this clock be extended (004 限时办结 §5: the promised limit only) */
export const mayExtend = (policy: Pick<Policy, 'extension'>, kind: ClockKind): boolean => policy.extension.clockKinds.value.includes(kind)

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
    forms: preset.forms,
  })
}

/** the values the hall office may adjust, in the order the policy page shows them */
export type PolicyGroup = 'limits' | 'extension' | 'reminders' | 'rating' | 'assessment'
export interface PolicyField {
  group: PolicyGroup
  key: string
  label: string
  /** how the value reads: 「2 个工作日」「-1 分」「50%」 */
  unit: 'workdays' | 'points' | 'score' | 'hours' | 'fraction' | 'stars' | 'yesNo'
  hint?: string
}
export const POLICY_GROUP_LABELS: Record<PolicyGroup, string> = {
  limits: '办理时限',
  extension: '延期',
  reminders: '到期提醒',
  rating: '好差评与整改',
  assessment: '考核扣分',
}
// `promised` is each matter's own limit (事项清单); the rectification and follow-up limits are set under 好差评
export const POLICY_FIELDS: PolicyField[] = [
  { group: 'limits', key: 'reply', label: '咨询答复时限', unit: 'workdays', hint: '不能当场答复的咨询，须在此时限内答复（0 为当日）' },
  { group: 'limits', key: 'supplementNotice', label: '一次性告知时限', unit: 'workdays', hint: '材料不全时一次性告知需补正的全部材料（0 为当场）' },
  { group: 'limits', key: 'handoverContact', label: '承办人联系市民时限', unit: 'workdays', hint: '交接后承办人联系市民（0 为当日）' },
  { group: 'limits', key: 'jointPlan', label: '共同办理方案商定时限', unit: 'workdays' },
  { group: 'limits', key: 'outsideForward', label: '书面申请移交时限', unit: 'workdays' },
  { group: 'limits', key: 'reportUp', label: '上报答复时限', unit: 'workdays', hint: '首问负责人上报窗口负责人或政务服务科后，得到答复的时限' },
  { group: 'limits', key: 'jointDecision', label: '共同办理争议裁定时限', unit: 'workdays', hint: '各窗口商定不成、书面报告政务服务科后，由其裁定的时限' },
  { group: 'limits', key: 'complaint', label: '投诉办理时限', unit: 'workdays' },
  { group: 'extension', key: 'maxDays', label: '延期合计最多', unit: 'workdays', hint: '同一时限的各次延期合计不超过此数' },
  { group: 'extension', key: 'needsLeadApproval', label: '延期须经窗口负责人批准', unit: 'yesNo' },
  { group: 'reminders', key: 'atFraction', label: '时限过半提醒', unit: 'fraction', hint: '时限用去多少时提醒承办人' },
  { group: 'reminders', key: 'hoursBefore', label: '到期前提醒', unit: 'hours' },
  { group: 'rating', key: 'badAtOrBelow', label: '差评标准（不高于）', unit: 'stars' },
  { group: 'rating', key: 'rateWithinDays', label: '评价期限', unit: 'workdays', hint: '答复或办结后可评价的期限' },
  { group: 'rating', key: 'rectificationDays', label: '差评整改时限', unit: 'workdays' },
  { group: 'rating', key: 'followUpDays', label: '整改后回访时限', unit: 'workdays' },
  { group: 'assessment', key: 'startScore', label: '月度基础分', unit: 'score' },
  { group: 'assessment', key: 'firstResponderBreach', label: '首问负责未落实', unit: 'points' },
  { group: 'assessment', key: 'onlineConsultLate', label: '网上咨询超时答复', unit: 'points' },
  { group: 'assessment', key: 'overduePerDay', label: '超期办结（每个工作日）', unit: 'points' },
  { group: 'assessment', key: 'badRating', label: '差评（每件）', unit: 'points' },
  { group: 'assessment', key: 'complaint', label: '有效投诉（每件）', unit: 'points' },
  { group: 'assessment', key: 'ratingComplaintMonthlyCap', label: '差评与投诉每月最多扣', unit: 'points' },
]

export const fieldId = (f: Pick<PolicyField, 'group' | 'key'>) => `${f.group}.${f.key}`

/** the cited value of a field in a policy */
export function policyValue(policy: Policy, f: Pick<PolicyField, 'group' | 'key'>): Cited<number | boolean> {
  return (policy[f.group] as unknown as Record<string, Cited<number | boolean>>)[f.key]!
}

/** a value as the page and the history read it */
export function formatPolicyValue(f: Pick<PolicyField, 'unit'>, v: number | boolean): string {
  if (typeof v === 'boolean') return v ? '是' : '否'
  switch (f.unit) {
    case 'workdays':
      return v === 0 ? '当日' : `${v} 个工作日`
    case 'points':
    case 'score':
      return `${v} 分`
    case 'hours':
      return `${v} 小时`
    case 'fraction':
      return `${Math.round(v * 100)}%`
    case 'stars':
      return `${v} 星`
    default:
      return String(v)
  }
}

const samePhrases = (a: ForbiddenPhrase[], b: ForbiddenPhrase[]) =>
  a.length === b.length && a.every((p, i) => p.phrase === b[i]!.phrase && p.suggestion === b[i]!.suggestion)

/**
 * The overrides as kept in a version: only values that differ from the preset, so switching presets
 * or setting a value back to the preset's leaves nothing behind.
 */
export function normalizeOverrides(presetId: PresetId, overrides: PolicyOverrides): PolicyOverrides {
  const preset = PRESETS[presetId]
  const out: Record<string, unknown> = {}
  for (const group of ['limits', 'extension', 'reminders', 'rating', 'assessment'] as const) {
    const given = overrides[group] as Record<string, unknown> | undefined
    if (!given) continue
    const kept: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(given)) {
      const base = (preset[group] as unknown as Record<string, Cited<unknown> | undefined>)[k]
      if (v !== undefined && (!base || base.value !== v)) kept[k] = v
    }
    if (Object.keys(kept).length) out[group] = kept
  }
  if (overrides.forbiddenPhrases && !samePhrases(overrides.forbiddenPhrases, preset.forbiddenPhrases.value)) out.forbiddenPhrases = overrides.forbiddenPhrases
  return out as PolicyOverrides
}

/** what changed from one policy to the next, in words: 「咨询答复时限：2 个工作日 → 1 个工作日」 */
export function policyChanges(before: Policy, after: Policy): string[] {
  const out: string[] = []
  if (before.presetId !== after.presetId) out.push(`规则预设：${before.name} → ${after.name}`)
  for (const f of POLICY_FIELDS) {
    const a = policyValue(before, f).value
    const b = policyValue(after, f).value
    if (a !== b) out.push(`${f.label}：${formatPolicyValue(f, a)} → ${formatPolicyValue(f, b)}`)
  }
  if (!samePhrases(before.forbiddenPhrases.value, after.forbiddenPhrases.value)) {
    out.push(`服务禁语：${before.forbiddenPhrases.value.length} 条 → ${after.forbiddenPhrases.value.length} 条`)
  }
  return out
}

/** a notice's wording with the matter and the date of acceptance filled in */
export const fillWording = (template: string, values: { matter: string; accepted?: string }) =>
  template.replace('{matter}', values.matter).replace('{accepted}', values.accepted ?? '')
