// Manual deductions (004 考核制度 三(二) 效能纪律, and the business duties no clock sees, 三(一)(1)(4)):
// attendance, leaving the post, conduct, quarrels, drinking, unanswered phones, negative remarks and
// inspections are not events of a case, so the hall office enters them with the item, the reason and
// the evidence. Each is kept with the points and citation it was entered under, counted in the month
// the violation happened, and revoked (never deleted) with a reason. Pure: the records come from the store.
import { z } from 'zod'
import { shanghaiDate } from './calendar'
import { Day, text } from './text'
import { RequestId, StaffId } from './schemas'
import { Attachments } from './attachment'

export type DisciplineItemId =
  | 'serviceRules'
  | 'lateTasks'
  | 'lateOrEarly'
  | 'unapprovedLeave'
  | 'offPost'
  | 'conduct'
  | 'quarrel'
  | 'drinking'
  | 'phoneUnanswered'
  | 'negativeRemarks'
  | 'inspection'

export interface DisciplineGrade {
  id: string
  label: string
  points: number
}

export interface DisciplineItem {
  id: DisciplineItemId
  label: string
  /** what the regulation counts; one grade when it has one value */
  grades: DisciplineGrade[]
  cite: string
  /** what the office should know before entering it */
  hint?: string
}

const one = (label: string, points: number): DisciplineGrade[] => [{ id: 'base', label, points }]

/** 004 考核制度 三 计分明细: the items no case records, in the regulation's order */
export const DISCIPLINE_ITEMS: DisciplineItem[] = [
  {
    id: 'serviceRules',
    label: '未落实窗口工作人员行为准则等服务制度',
    grades: one('每人（件）次', -1),
    cite: '004 考核制度 三(一)(1)',
    hint: '首问负责、一次性告知的超时由系统按案件自动扣分，此处登记其他情形',
  },
  { id: 'lateTasks', label: '未按要求及时完成业务工作或报送材料', grades: one('每人（件）次', -1), cite: '004 考核制度 三(一)(4)' },
  {
    id: 'lateOrEarly',
    label: '迟到、早退',
    grades: [
      { id: 'within30', label: '30 分钟以内', points: -1 },
      { id: 'over30', label: '超过 30 分钟', points: -2 },
    ],
    cite: '004 考核制度 三(二)(1)',
    hint: '迟到早退超过一小时不在岗的按旷工登记（三(二)(3)）',
  },
  {
    id: 'unapprovedLeave',
    label: '未履行请假手续擅自脱岗',
    grades: one('每人次', -1),
    cite: '004 考核制度 三(二)(2)',
    hint: '法定产假、哺乳假、探亲假、育儿假、病假等不扣分',
  },
  {
    id: 'offPost',
    label: '无故脱岗、旷工',
    grades: [
      { id: 'within30', label: '脱岗 30 分钟以内', points: -1 },
      { id: 'within60', label: '脱岗 1 小时以内', points: -2 },
      { id: 'absentDay', label: '旷工 1 天', points: -3 },
    ],
    cite: '004 考核制度 三(二)(3)',
  },
  {
    id: 'conduct',
    label: '工作时间做与工作无关的事',
    grades: one('每人次', -1),
    cite: '004 考核制度 三(二)(4)',
    hint: '吸烟、吃零食、玩游戏、网上聊天购物、大声喧哗、打盹等',
  },
  { id: 'quarrel', label: '与服务对象争吵或打架', grades: one('经核实责任在工作人员，每人次', -3), cite: '004 考核制度 三(二)(5)' },
  { id: 'drinking', label: '工作时间内饮酒', grades: one('每人次（同时移交纪委处理）', -4), cite: '004 考核制度 三(二)(6)' },
  { id: 'phoneUnanswered', label: '窗口咨询电话无人接听引起投诉', grades: one('每人次', -1), cite: '004 考核制度 三(二)(7)' },
  { id: 'negativeRemarks', label: '在公共场所或工作群发表负面言论', grades: one('每人次', -3), cite: '004 考核制度 三(二)(8)' },
  {
    id: 'inspection',
    label: '明察暗访查实违纪行为',
    grades: [
      { id: 'town', label: '被镇主要领导查实', points: -1 },
      { id: 'district', label: '被区级查实或通报批评', points: -2 },
      { id: 'city', label: '被市级查实或通报批评', points: -4 },
      { id: 'province', label: '被省级查实或通报批评', points: -6 },
    ],
    cite: '004 考核制度 三(二)(9)',
    hint: '同一违纪行为被多级通报的，登记为同一行为，只按最高一级扣分',
  },
]

export const disciplineItem = (id: string): DisciplineItem | undefined => DISCIPLINE_ITEMS.find((i) => i.id === id)

/** 004 三(二)(10): the rules apply during the lunch-time and weekend extended service too */
export const EXTENDED_SERVICE_CITE = '004 考核制度 三(二)(10)'
/** 004 三(二)(9): one violation reported at several levels counts once, at the highest */
export const SAME_INCIDENT_CITE = '004 考核制度 三(二)(9)'

export const ManualDeductionInput = z.object({
  staffId: StaffId,
  item: z.enum(DISCIPLINE_ITEMS.map((i) => i.id) as [DisciplineItemId, ...DisciplineItemId[]], { message: '请选择扣分项目' }),
  /** the grade of a graded item (迟到 30 分钟以内 / 超过 30 分钟 …); absent for a one-grade item */
  grade: text().max(20).optional(),
  /** the day it happened, in the hall's time: it counts in that month */
  occurredOn: Day,
  reason: text().trim().min(4, '请写明扣分事由（至少 4 个字）').max(500, '扣分事由不超过 500 个字'),
  evidence: text().trim().min(2, '请写明依据的证据（考勤记录、监控、通报文号等）').max(1000, '证据说明不超过 1000 个字'),
  photos: Attachments,
  /** during the lunch-time or weekend extended service (三(二)(10)) */
  extendedService: z.boolean().default(false),
  /** the deduction this one reports at another level (三(二)(9)): only the highest counts */
  sameIncidentAs: text().max(40).optional(),
  requestId: RequestId,
})
export type ManualDeductionInput = z.output<typeof ManualDeductionInput>

export const RevokeDeductionInput = z.object({
  deductionId: text().min(1).max(40),
  reason: text().trim().min(4, '请写明撤销理由（至少 4 个字）').max(500, '撤销理由不超过 500 个字'),
  requestId: RequestId,
})

/** a manual deduction as kept: the points and citation it was entered under never change */
export interface ManualDeduction {
  id: string
  hallId: string
  staffId: string
  /** the person's window when it was entered (null: the hall office) */
  windowId: string | null
  item: DisciplineItemId
  grade: string
  label: string
  points: number
  cite: string
  occurredOn: string
  reason: string
  evidence: string
  photos: string[]
  extendedService: boolean
  sameIncidentAs: string | null
  by: { id: string; name: string }
  at: string
  requestId: string
  revoked: { by: { id: string; name: string }; at: string; reason: string; requestId: string } | null
}

/** the grade the input names, or the refusal naming the field */
export function gradeOf(
  input: Pick<ManualDeductionInput, 'item' | 'grade'>,
): { item: DisciplineItem; grade: DisciplineGrade } | { field: string; message: string } {
  const item = disciplineItem(input.item)
  if (!item) return { field: 'item', message: '请选择扣分项目' }
  if (item.grades.length === 1 && (input.grade === undefined || input.grade === item.grades[0]!.id)) return { item, grade: item.grades[0]! }
  const grade = item.grades.find((g) => g.id === input.grade)
  if (!grade) return { field: 'grade', message: `请选择${item.label}的情形：${item.grades.map((g) => g.label).join('、')}` }
  return { item, grade }
}

/** what the sheet reads of a manual deduction */
export interface CountedDeduction {
  deduction: ManualDeduction
  /** the points it costs this month: 0 when a higher-level report of the same violation counts instead */
  points: number
  note: string
}

/**
 * The month's manual deductions of the hall, as the sheets count them: revoked ones left out, each
 * in the month it happened, and a violation reported at several levels counted once at its highest
 * (004 三(二)(9); the first of equals counts).
 */
export function countManual(all: ManualDeduction[], month: string): CountedDeduction[] {
  const live = all.filter((d) => !d.revoked)
  // an incident is its first report and every report linked to it, revoked ones too: revoking one
  // level's report never splits the incident into two
  const byId = new Map(all.map((d) => [d.id, d]))
  // follow sameIncidentAs to the first report of the violation (an unknown one ends the walk)
  const rootOf = (d: ManualDeduction): string => {
    let cur = d
    for (let i = 0; i < 20 && cur.sameIncidentAs && byId.has(cur.sameIncidentAs); i++) cur = byId.get(cur.sameIncidentAs)!
    return cur.id
  }
  const counting = new Map<string, ManualDeduction>()
  for (const d of [...live].sort((a, b) => a.at.localeCompare(b.at))) {
    const root = rootOf(d)
    const best = counting.get(root)
    if (!best || d.points < best.points) counting.set(root, d)
  }
  return live
    .filter((d) => d.occurredOn.slice(0, 7) === month)
    .map((d) => {
      const counts = counting.get(rootOf(d)) === d
      const where = d.extendedService ? '（延时服务期间，三(二)(10)）' : ''
      return {
        deduction: d,
        points: counts ? d.points : 0,
        note: counts ? `${d.reason}${where}` : `${d.reason}${where}；同一违纪行为已按最高一级扣分（${SAME_INCIDENT_CITE}）`,
      }
    })
}

/** the month (YYYY-MM) a day lies in; a deduction may not be entered for a day still to come */
export const isFutureDay = (day: string, now: Date) => day > shanghaiDate(now)
