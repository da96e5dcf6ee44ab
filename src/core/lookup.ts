// 查进度 from any device: a citizen opens a case by its number and either the query code printed on a
// registered case's slip or the last four digits of the phone number given with it. The first citizen
// who opens a registered case's slip with its code becomes its owner, once; anyone else who knows the
// number and a code sees the case read only. Guessing is throttled per case, per caller and per
// address, and the error never says which part was wrong.
import { z } from 'zod'
import type { CaseState } from './caseState'
import { isUnbound } from './registration'
import { RequestId } from './schemas'
import { text } from './text'

/** printed on the slip: 6 digits */
export const QUERY_CODE = /^\d{6}$/
/** the phone number's last four digits */
const PHONE_TAIL = /^\d{4}$/

export const LookupInput = z.object({
  no: text()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{1,16}-\d{8}-\d{4,}$/, '请填写完整的案件编号，例如 SW-20261123-0007')),
  code: text()
    .trim()
    .refine((s) => QUERY_CODE.test(s) || PHONE_TAIL.test(s), '请填写回执上的 6 位查询码，或联系电话的后 4 位'),
  /** the slip's link or code was opened: make the case the caller's if nobody has it yet */
  bind: z.boolean().default(false),
  requestId: RequestId.optional(),
})
export type LookupInput = z.output<typeof LookupInput>

/** the slip's scene `n=<no>&q=<code>` (wxacode, or the H5 link's `scene`), or null */
export function parseSlipScene(raw: string | undefined | null): { no: string; code: string } | null {
  if (!raw) return null
  let s: string
  try {
    s = decodeURIComponent(raw)
  } catch {
    return null
  }
  const m = /^n=([A-Za-z0-9-]{1,40})&q=(\d{6})$/.exec(s)
  return m ? { no: m[1]!, code: m[2]! } : null
}

/** the same answer for an unknown number and a wrong code */
export const LOOKUP_MISS = '案件编号或查询码不正确，请核对回执后再试'

/** whether the code opens this case: the slip's query code, or the last four digits of the phone given with it */
export function codeOpens(state: CaseState, code: string): boolean {
  if (QUERY_CODE.test(code)) return !!state.registration && constantTimeEqual(state.registration.queryCode, code)
  if (!PHONE_TAIL.test(code) || state.registration?.anonymous) return false
  const digits = state.contact.phone.replace(/\D/g, '')
  return digits.length >= 8 && constantTimeEqual(digits.slice(-4), code)
}

/** only the slip's own code binds, and only a registered case nobody has opened yet */
export const mayBind = (state: CaseState, code: string) => !!state.registration && isUnbound(state.citizenId) && QUERY_CODE.test(code)

function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return diff === 0
}

/**
 * 004 首问负责制度 第五条(四): the caller is told how it goes on. A call registered with a mobile number
 * is texted its case number and query code through the hall's SMS gateway, when one is configured;
 * otherwise staff read them out from the registration's answer.
 */
export function slipText(state: CaseState): { phone: string; body: string } | null {
  const r = state.registration
  if (!r || r.channel !== 'phone' || r.anonymous || !/^1\d{10}$/.test(state.contact.phone)) return null
  return {
    phone: state.contact.phone,
    body: `您的来电已登记，案件编号 ${state.no}，查询码 ${r.queryCode}。打开大厅小程序或网页的「查进度」，输入编号和查询码即可查看办理情况。`,
  }
}

/** failed lookups allowed before the case (or the caller, or the address) is locked for a while */
export const LOOKUP_GUARD = {
  windowMs: 15 * 60_000,
  lockMs: 30 * 60_000,
  caseFailures: 5,
  callerFailures: 10,
  addressFailures: 30,
} as const

export const LOOKUP_LOCKED = '查询失败次数过多，请 30 分钟后再试；如有急事，请带上回执到大厅窗口查询'
