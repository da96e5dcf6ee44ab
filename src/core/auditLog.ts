// The audit log as the hall office reads it (src/server/audit.ts keeps the chain): what each action is
// called in Chinese, its kind for the filters, and an entry's target and detail in words, so the page
// shows no ids or raw fields. Every action the server writes has its label here (tests/core/auditLog.test.ts
// reads the server's sources to hold it so).
import { z } from 'zod'
import { DISCIPLINE_ITEMS } from './discipline'
import { REGULATION_TITLES, type PresetId } from './regulation'
import { CASE_CHANNEL_LABELS, type CaseChannel } from './registration'
import { Day, text } from './text'

/** the kinds of action, in the order the filter offers them; an action's kind is its name before the dot */
export const AUDIT_KINDS = [
  { id: 'phone', label: '查看手机号' },
  { id: 'staff', label: '工作人员' },
  { id: 'invite', label: '邀请码' },
  { id: 'signIn', label: '登录' },
  { id: 'lookup', label: '查进度' },
  { id: 'case', label: '来件补登' },
  { id: 'complaint', label: '投诉补登' },
  { id: 'deduction', label: '效能扣分' },
  { id: 'assisted', label: '帮办代办抽查' },
  { id: 'assistedLedger', label: '帮办代办台账' },
  { id: 'archive', label: '归档导出' },
  { id: 'matter', label: '事项清单' },
  { id: 'policy', label: '规则设置' },
  { id: 'calendar', label: '工作日历' },
  { id: 'hall', label: '大厅设置' },
  { id: 'window', label: '窗口' },
] as const
export type AuditKind = (typeof AUDIT_KINDS)[number]['id']

/** every action the server writes to the log, by its name */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'phone.reveal': '查看完整手机号',
  'staff.create': '新增工作人员',
  'staff.update': '修改工作人员信息',
  'staff.photo': '更换工作人员照片',
  'staff.password': '设置登录密码',
  'staff.unbind': '解除微信绑定',
  'invite.create': '生成邀请码',
  'signIn.lock': '密码多次错误，账号暂停登录',
  'signIn.lockAddress': '密码多次错误，该网络地址暂停登录',
  'signIn.unlock': '解除登录锁定',
  'lookup.lock': '查进度验证码多次错误，案件暂停查询',
  'lookup.lockCaller': '查进度验证码多次错误，查询人暂停查询',
  'case.backdated': '补登来件（收到时间早于登记时间）',
  'complaint.backdated': '补登投诉（收到时间早于登记时间）',
  'deduction.add': '录入效能纪律扣分',
  'deduction.revoke': '撤销效能纪律扣分',
  'assisted.sample': '抽取帮办代办回访样本',
  'assistedLedger.export': '导出帮办代办登记台账',
  'archive.export': '归档导出案件',
  'matter.create': '新增事项',
  'matter.update': '修改事项',
  'matter.import': '导入事项清单',
  'policy.update': '调整规则设置',
  'calendar.set': '设置工作日历',
  'calendar.remove': '取消工作日历调整',
  'hall.update': '修改大厅信息',
  'hall.import': '导入大厅资料',
  'window.create': '新增窗口',
  'window.update': '修改窗口',
}

/** who acts without being a staff member: the guards of sign-in and 查进度, and the server's command line */
export const SYSTEM_ACTORS = [
  { id: 'sign-in', name: '登录保护' },
  { id: 'lookup-guard', name: '查询保护' },
  { id: 'cli', name: '服务器命令行' },
] as const

export const auditKindOf = (action: string): string => action.split('.')[0]!

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action

/** what the hall office asks the log for (the `auditLog` action) */
export const AuditLogQuery = z
  .object({
    /** a kind (`phone`) or one action (`phone.reveal`); named so as not to be the call's own `action` */
    kind: text()
      .regex(/^[A-Za-z]+(\.[A-Za-z]+)?$/, '请选择要查看的操作类别')
      .max(40, '请选择要查看的操作类别')
      .optional(),
    actorId: text().trim().min(1, '请选择人员').max(40, '请选择人员').optional(),
    from: Day.optional(),
    to: Day.optional(),
    /** the next page: the entries before this one (the smallest number of the page shown) */
    beforeSeq: z.number({ message: '页码有误' }).int('页码有误').min(1, '页码有误').optional(),
    limit: z.number().int().min(1).max(100, '每页最多 100 条').default(30),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })

type Value = string | number | boolean | null

/** an entry as far as its description needs it */
export interface AuditRecord {
  action: string
  target: string
  detail: Record<string, Value>
}

/** the names the description looks up: staff and windows of the hall */
export interface AuditNames {
  staff(id: string): string | undefined
  window(id: string): string | undefined
}

/** an instant as the log writes it (…T10:00:00+08:00), in Beijing time as people read it */
const time = (v: Value) => (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v) ? `${v.slice(0, 10)} ${v.slice(11, 16)}` : String(v))

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  title: '职务',
  post: '岗位',
  windowId: '所在窗口',
  role: '角色',
  rank: '排序',
  phone: '电话',
  active: '启用状态',
  photo: '照片',
  number: '窗口号',
  scope: '业务范围',
  address: '地址',
  supervisionPhone: '监督电话',
  complaintChannel: '投诉渠道',
  selfServicePhone: '自助区电话',
  generalWindowId: '综合窗口',
  assistedWindowId: '帮办代办窗口',
  hours: '办公时间',
}

const itemLabel = (id: Value) => DISCIPLINE_ITEMS.find((i) => i.id === id)?.label ?? String(id)
const presetLabel = (id: Value) => REGULATION_TITLES[id as PresetId] ?? String(id)

/** each detail field in words, in the order shown; null leaves it out (shown in the target, or an internal id) */
const DETAIL: Record<string, (v: Value) => string | null> = {
  kind: (v) => (v === 'workday' ? '调为工作日' : v === 'restday' ? '调为休息日' : String(v)),
  changed: (v) =>
    v === 'created' || !v
      ? null
      : `改动：${String(v)
          .split(',')
          .map((f) => FIELD_LABELS[f] ?? f)
          .join('、')}`,
  login: (v) => (v ? '同时设置了登录名' : null),
  removed: (v) => (v ? '移除了照片' : '换上了新照片'),
  sessionsEnded: (v) => `结束已登录的会话 ${v} 个`,
  wasLocked: (v) => (v ? '解除前处于锁定' : '解除前未锁定'),
  expiresAt: (v) => `邀请码有效至 ${time(v)}`,
  failures: (v) => `连续错误 ${v} 次`,
  until: (v) => (v ? `暂停至 ${time(v)}` : null),
  address: (v) => (v ? `网络地址 ${v}` : null),
  caller: () => null,
  no: () => null,
  deductionId: () => null,
  name: () => null,
  channel: (v) => `来源：${CASE_CHANNEL_LABELS[v as CaseChannel] ?? v}`,
  receivedAt: (v) => `收到于 ${time(v)}`,
  registeredAt: (v) => `登记于 ${time(v)}`,
  item: (v) => `项目：${itemLabel(v)}`,
  grade: () => null,
  points: (v) => `扣 ${Math.abs(Number(v))} 分`,
  occurredOn: (v) => `发生日期 ${v}`,
  photos: (v) => (v ? `照片 ${v} 张` : null),
  reason: (v) => (v ? `理由：${v}` : null),
  size: (v) => `抽取 ${v} 件`,
  finished: (v) => `当月办结 ${v} 件`,
  rows: (v) => `共 ${v} 条`,
  format: (v) => `格式：${v === 'jsonl' ? 'JSON Lines' : 'Excel（xlsx）'}`,
  cases: (v) => `案件 ${v} 件`,
  created: (v) => `其中新增 ${v} 项`,
  active: (v) => (v ? '启用' : '停用'),
  presetId: (v) => `预设：${presetLabel(v)}`,
  changes: (v) => (v ? `调整：${v}` : null),
  note: (v) => (v ? `说明：${v}` : null),
  windows: (v) => `窗口 ${v} 个`,
  staff: (v) => `工作人员 ${v} 名`,
}

/** what an entry was done to, in words */
export function auditTarget(e: AuditRecord, names: AuditNames): string {
  const at = e.target.indexOf(':')
  const [kind, id] = at < 0 ? [e.target, ''] : [e.target.slice(0, at), e.target.slice(at + 1)]
  const no = typeof e.detail.no === 'string' ? e.detail.no : null
  switch (kind) {
    case 'staff':
      return `工作人员 ${names.staff(id) ?? id}`
    case 'case':
      return no ? `案件 ${no}` : '案件'
    case 'complaint':
      return no ? `投诉 ${no}` : '投诉'
    case 'window':
      return `窗口 ${names.window(id) ?? id}`
    case 'matter':
      return typeof e.detail.name === 'string' ? `事项「${e.detail.name}」` : '事项'
    case 'policy':
      return `规则第 ${id} 版`
    case 'day':
      return `${id} 的日历`
    case 'period': {
      const [from, to] = id.split('~')
      return `${from} 至 ${to}`
    }
    case 'month':
      return /^\d{4}-\d\d$/.test(id) ? `${id.slice(0, 4)} 年 ${Number(id.slice(5))} 月` : id
    case 'login':
      return `登录名 ${id}`
    case 'address':
      return `网络地址 ${id}`
    case 'hall':
      return '本大厅'
    default:
      return e.target
  }
}

/** the entry's detail, one short phrase per field, in the same order however the store kept the fields */
export function auditDetails(e: AuditRecord): string[] {
  const known = Object.keys(DETAIL)
  const rank = (k: string) => (known.includes(k) ? known.indexOf(k) : known.length)
  const fields = Object.entries(e.detail).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
  return fields.flatMap(([k, v]) => {
    const say = DETAIL[k]
    const line = say ? say(v) : `${k}：${v === null ? '无' : typeof v === 'boolean' ? (v ? '是' : '否') : v}`
    return line ? [line] : []
  })
}
