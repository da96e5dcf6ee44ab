// Shared zod schemas: the single source of the types used by the app, the handlers and both stores.
import { z } from 'zod'
import { text } from './text'
import { WeeklyHoursSchema } from './hours'

export const HallId = text().regex(/^[a-z][a-z0-9]{1,15}$/, '大厅编号格式不正确')
export const WindowId = text().regex(/^[a-z][a-z0-9-]{0,15}$/, '窗口编号格式不正确')
export const StaffId = text().regex(/^[a-z0-9][a-z0-9_-]{1,31}$/, '工作人员编号格式不正确')
export const CaseId = text().regex(/^c_[a-z0-9]{16}$/, '案件编号格式不正确')
export const MatterId = text().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, '事项编号格式不正确')
export const RequestId = text()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'requestId 格式不正确')

// Mainland mobile (1[3-9]xxxxxxxxx) or landline with area code (0xx-xxxxxxxx, 0xxx-xxxxxxx, optional
// extension). Separators (spaces, hyphens) are accepted on input and normalised away except the
// area-code hyphen.
const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/
export function normalisePhone(raw: string): string {
  const s = raw.replace(/[\s()（）]/g, '').replace(/^\+?86-?/, '')
  if (MOBILE.test(s.replace(/-/g, ''))) return s.replace(/-/g, '')
  return s
}
export const Phone = text()
  .trim()
  .transform(normalisePhone)
  .refine((s) => MOBILE.test(s) || LANDLINE.test(s), { message: '请填写正确的手机号或带区号的固定电话' })

/**
 * A phone number as staff see it until they ask for the whole number (and that look is logged):
 * 139****5678, 0562-****101.
 */
export function maskPhone(phone: string): string {
  const dash = phone.indexOf('-')
  // a landline keeps its area code and last four digits
  const head = dash > 0 ? dash + 1 : Math.min(3, phone.length)
  const tail = Math.max(head, phone.length - 4)
  return `${phone.slice(0, head)}${phone.slice(head, tail).replace(/\d/g, '*')}${phone.slice(tail)}`
}

export const Contact = z.object({
  name: text().trim().min(1, '请填写单位或姓名').max(60, '单位或姓名不超过 60 个字'),
  phone: Phone,
})
export type Contact = z.infer<typeof Contact>

export const CaseKind = z.enum(['consult', 'application'])
export type CaseKind = z.infer<typeof CaseKind>

export const CaseText = text().trim().min(5, '请至少填写 5 个字，说明您要咨询或办理的事情').max(1000, '内容不超过 1000 个字')

export const Role = z.enum(['staff', 'lead', 'office'])
export type Role = z.infer<typeof Role>

export const Hall = z.object({
  id: HallId,
  prefix: text().regex(/^[A-Z]{2,6}$/, '案件编号前缀为 2–6 个大写字母'),
  name: text().min(2).max(60),
  address: text().max(120).default(''),
  // 000 §10: a supervision phone and a complaint channel are public
  supervisionPhone: text().max(40).default(''),
  complaintChannel: text().max(120).default(''),
  /** the self-service area's maintenance phone, on the entry page (004 自助办理制度 第五条) */
  selfServicePhone: text().max(40).optional(),
  generalWindowId: WindowId.optional(),
  policyPreset: z.enum(['000', '001', '002', '003', '004']).default('000'),
  policyVersion: z.number().int().min(1).default(1),
  // business hours per weekday; absent: 09:00-12:00 and 13:30-17:30 Monday to Friday
  hours: WeeklyHoursSchema.optional(),
})
export type Hall = z.infer<typeof Hall>

export const Window = z.object({
  id: WindowId,
  hallId: HallId,
  name: text().min(2).max(40),
  number: text().max(10).default(''), // the counter number shown above the window, e.g. "A03"
  scope: text().max(500).default(''), // business scope, shown to citizens (000 §10)
  active: z.boolean().default(true),
})
export type Window = z.infer<typeof Window>

export const Staff = z.object({
  id: StaffId,
  hallId: HallId,
  windowId: WindowId.nullable(), // hall office staff have no window
  name: text().min(1).max(30),
  title: text().max(30).default(''), // 职务
  post: text().max(30).default(''), // 工作岗位
  role: Role,
  rank: z.number().int().min(0).max(20).default(0), // 002 §1: the highest rank answers when several do
  phone: text().max(30).default(''),
  active: z.boolean().default(true),
  // a photo for the responder card (000 §10): a file on the hall's server or in cloud storage
  photo: text().max(300).nullish(),
})
export type Staff = z.infer<typeof Staff>

// 003: the hall publishes its list of matters (事项清单) with basis, materials, time limit and window
export const MatterKind = z.enum(['instant', 'promised'])
export type MatterKind = z.infer<typeof MatterKind>
const MaterialName = text().trim().min(2, '材料名称至少 2 个字').max(100, '材料名称不超过 100 个字')
export const SelfService = z.object({
  steps: z
    .array(text().trim().min(2, '每一步至少 2 个字').max(200, '每一步不超过 200 个字'))
    .min(1, '自助办理请至少写一步')
    .max(20, '自助办理步骤不超过 20 步'),
  link: z
    .string()
    .trim()
    .max(500)
    .refine((u) => u === '' || /^https:\/\/[^\s]+$/.test(u), '网上办理链接须以 https:// 开头')
    .default(''),
})
export type SelfService = z.infer<typeof SelfService>

export const Matter = z
  .object({
    id: MatterId,
    hallId: HallId,
    windowId: WindowId,
    name: text().trim().min(2, '事项名称至少 2 个字').max(80, '事项名称不超过 80 个字'),
    kind: MatterKind,
    /** 承诺办结时限 in working days; promised matters only */
    promisedDays: z.number().int().min(1, '承诺时限至少 1 个工作日').max(60, '承诺时限不超过 60 个工作日').nullable().default(null),
    /** 设定依据 */
    basis: text().trim().max(500, '设定依据不超过 500 个字').default(''),
    materials: z.array(MaterialName).max(40, '材料不超过 40 项').default([]),
    /** what citizens type when they look for it: 过户, 提取, 退休 … */
    keywords: z.array(text().trim().min(1).max(20)).max(20).default([]),
    /** 自助办理 (004 自助办理制度 第三–六条): the numbered steps at the self-service terminal, and the online link */
    selfService: SelfService.nullable().optional(),
    active: z.boolean().default(true),
  })
  .refine((m) => m.kind === 'instant' || m.promisedDays !== null, { message: '承诺件须填写承诺办结时限', path: ['promisedDays'] })
export type Matter = z.infer<typeof Matter>

/** the matter as a case keeps it: a snapshot taken at submission, so later catalog edits do not rewrite the case */
export const MatterRef = z.object({
  id: MatterId,
  name: text(),
  kind: MatterKind,
  promisedDays: z.number().int().nullable(),
  materials: z.array(text()),
  /** 设定依据, for the one-time notice (absent on cases submitted before it was kept) */
  basis: text().optional(),
})
export type MatterRef = z.infer<typeof MatterRef>

/** What a citizen sees of the person who owns their case (000 §10). */
export const ResponderCard = z.object({
  staffId: StaffId,
  name: text(),
  title: text(),
  post: text(),
  windowId: WindowId,
  windowName: text(),
  windowNumber: text(),
  scope: text(),
  /** a link to the staff member's photo, when there is one */
  photo: text().nullable(),
})
export type ResponderCard = z.infer<typeof ResponderCard>

/** The QR scene: `h=<hall>&w=<window>` fits the 32 visible characters of wxacode.getUnlimited. */
export const Scene = z.object({ hallId: HallId, windowId: WindowId.optional() })
export type Scene = z.infer<typeof Scene>

export function parseScene(raw: string | undefined | null): Scene | null {
  if (!raw) return null
  let s: string
  try {
    s = decodeURIComponent(raw)
  } catch {
    return null
  }
  const params = new Map<string, string>()
  for (const part of s.split('&')) {
    const [k, v] = part.split('=')
    if (!k || v === undefined) return null
    params.set(k, v)
  }
  const parsed = Scene.safeParse({ hallId: params.get('h'), windowId: params.get('w') })
  return parsed.success ? parsed.data : null
}

export function formatScene(scene: Scene): string {
  return scene.windowId ? `h=${scene.hallId}&w=${scene.windowId}` : `h=${scene.hallId}`
}
