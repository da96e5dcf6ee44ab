// Limits on sign-in and on what a citizen may send, as pure rules: the shells and the handlers ask
// the store to count, these decide. Numbers are per identity (device session, WeChat OPENID, staff
// account) and per network address, so dropping a cookie does not reset them.

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Sign-in: after this many failures within the window, the account (or address) is locked for a while. */
export const SIGN_IN = {
  windowMs: 15 * MINUTE,
  /** failed passwords per account before it is locked */
  accountFailures: 5,
  /** failed passwords from one address (any account) before the address is locked */
  addressFailures: 20,
  /** how long a lock lasts, unless the hall office lifts it first */
  lockMs: 15 * MINUTE,
} as const

export interface FailureRecord {
  failures: number
  /** when the current window of failures began (ISO) */
  firstAt: string
  /** locked until then (ISO), or not locked */
  lockedUntil: string | null
}

export const isLocked = (r: FailureRecord | null, at: Date): boolean => !!r?.lockedUntil && Date.parse(r.lockedUntil) > at.getTime()

/** one more failed sign-in: a new window once the old one is over; the lock starts when the count reaches the threshold */
export function afterFailure(
  prev: FailureRecord | null,
  at: Date,
  threshold: number,
  iso: (d: Date) => string,
  rule: { windowMs: number; lockMs: number } = SIGN_IN,
): FailureRecord {
  const fresh = !prev || at.getTime() - Date.parse(prev.firstAt) >= rule.windowMs
  const failures = fresh ? 1 : prev!.failures + 1
  const firstAt = fresh ? iso(at) : prev!.firstAt
  const lockedUntil = failures >= threshold ? iso(new Date(at.getTime() + rule.lockMs)) : prev && isLocked(prev, at) ? prev.lockedUntil : null
  return { failures, firstAt, lockedUntil }
}

/** What a caller may do how often. `perIdentity` counts the device session or OPENID, `perAddress` the network address. */
export interface Limit {
  windowMs: number
  perIdentity: number
  perAddress: number
}

export const LIMITS = {
  // a citizen submits a handful of requests; a hall's public Wi-Fi puts many citizens behind one address
  submit: { windowMs: HOUR, perIdentity: 10, perAddress: 60 },
  // 002 §7 complaints: the per-day count of core/complaint.ts (3) stays; this catches a cookie-less flood
  complaint: { windowMs: DAY, perIdentity: 3, perAddress: 10 },
  // photos of documents: 30 a day per citizen (README), a few citizens' worth per address
  upload: { windowMs: DAY, perIdentity: 30, perAddress: 100 },
  // 已解决 on published answers: a citizen reads a few; a flood of taps does not move the count
  faq: { windowMs: DAY, perIdentity: 30, perAddress: 300 },
  // fresh anonymous device sessions from one address (each first visit makes one)
  newSession: { windowMs: 10 * MINUTE, perIdentity: Number.POSITIVE_INFINITY, perAddress: 120 },
} as const satisfies Record<string, Limit>

export type LimitName = keyof typeof LIMITS

/** the start of the fixed window `at` falls in (aligned to the epoch, so every process agrees) */
export const windowStart = (at: Date, windowMs: number): Date => new Date(Math.floor(at.getTime() / windowMs) * windowMs)

export const RATE_LIMITED_MESSAGE: Record<LimitName, string> = {
  submit: '您提交得有些频繁，请稍后再试。如有急事，请直接到窗口或拨打大厅监督电话咨询。',
  complaint: '今天提交的投诉已经较多，我们会认真处理已收到的每一件，请明天再提交或拨打大厅监督电话。',
  upload: '今天上传的照片已经较多，请明天再上传，或到窗口提交纸质材料。',
  newSession: '当前网络的访问较多，请稍后再试。',
  faq: '今天的反馈已经较多，谢谢您，请明天再试。',
}
