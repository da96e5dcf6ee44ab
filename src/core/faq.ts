// 常见问答 (issue: answers before asking): a first responder or the window's lead publishes an answered
// consult as its matter's common question, with names, phone numbers and ID numbers taken out; while a
// citizen types, the published answers that match appear, and 已解决 is counted — the citizen can
// still ask. Pure: the redaction and the matching; the store keeps the records and the counts.
import { z } from 'zod'
import { CaseId, RequestId } from './schemas'
import { text } from './text'

export const FaqId = text().regex(/^q_[a-z0-9]{16}$/, '问答编号格式不正确')

export interface Faq {
  id: string
  hallId: string
  matterId: string | null
  windowId: string
  /** the consult it was made from: one question per case */
  caseId: string
  question: string
  answer: string
  publishedBy: string
  publishedAt: string
  /** withdrawn questions no longer show */
  active: boolean
  /** citizens who said it answered their question */
  resolved: number
}

export const FaqInput = z.object({
  caseId: CaseId,
  question: text().trim().min(4, '请写下问题，至少 4 个字').max(300, '问题不超过 300 个字'),
  answer: text().trim().min(4, '请写下答复，至少 4 个字').max(2000, '答复不超过 2000 个字'),
  requestId: RequestId,
})
export type FaqInput = z.output<typeof FaqInput>

// an 18-digit (or old 15-digit) resident ID number, a mobile, a landline with its area code
const ID_NUMBER = /(?<![0-9])(\d{17}[\dXx]|\d{15})(?![0-9Xx])/g
const MOBILE = /(?<![0-9])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?![0-9])/g
const LANDLINE = /(?<![0-9])0\d{2,3}[-\s]?\d{7,8}(?:-\d{1,6})?(?![0-9])/g
// 张先生, 李女士, 王阿姨 …: a surname and how one is addressed
const ADDRESSED = /[\u4e00-\u9fff](先生|女士|小姐|阿姨|师傅|大爷|大妈|大姐|老师)/g
// 我叫张三, 本人李四 …: a name given by its owner
const SELF_NAMED = /(我叫|我是|本人|名叫|姓名[:：]?)\s*[\u4e00-\u9fff]{2,3}/g

/**
 * The text with what identifies a person taken out: the names given (the case's contact), names after
 * 我叫 / 本人, a surname with 先生 / 女士, ID numbers and phone numbers. The publisher reads the result
 * before it is published; the server applies it again to what they send.
 */
export function redact(raw: string, names: string[] = []): string {
  let s = raw
  for (const name of names
    .map((n) => n.trim())
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length)) {
    s = s.split(name).join('某某')
  }
  return s
    .replace(ID_NUMBER, '［身份证号］')
    .replace(MOBILE, '［电话］')
    .replace(LANDLINE, '［电话］')
    .replace(SELF_NAMED, (_m, lead: string) => `${lead.replace(/[:：]$/, '')}某某`)
    .replace(ADDRESSED, (_m, title: string) => `某${title}`)
}

/** what the entry page matches against: the question, its answer and the question's pinyin initials */
export interface FaqView {
  id: string
  matterId: string | null
  question: string
  answer: string
  /** pinyin initials of the question, lower case (computed by the server) */
  initials: string
}

const bigrams = (s: string): Set<string> => {
  const t = s.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')
  const out = new Set<string>()
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2))
  return out
}

/** how well a published question answers what the citizen is typing: 0 is no match */
export function faqScore(f: FaqView, typed: string): number {
  const q = typed.trim().toLowerCase()
  if (q.length < 2) return 0
  if (/^[a-z]+$/.test(q)) return q.length >= 3 && f.initials.includes(q) ? 10 + q.length : 0
  const asked = bigrams(q)
  if (asked.size === 0) return 0
  const question = bigrams(f.question)
  const answer = bigrams(f.answer)
  let inQuestion = 0
  let inAnswer = 0
  for (const b of asked) {
    if (question.has(b)) inQuestion++
    else if (answer.has(b)) inAnswer++
  }
  // most of a short question, or several of a long one's word pairs, in the published question
  const share = (inQuestion + inAnswer / 2) / asked.size
  return inQuestion >= 2 && share >= 0.3 ? Math.round(share * 100) : 0
}

/** the published answers that match, best first; a chosen matter's own first, at most `limit` */
export function matchFaqs(faqs: FaqView[], typed: string, matterId: string | null, limit = 3): FaqView[] {
  return faqs
    .filter((f) => !matterId || f.matterId === matterId || f.matterId === null)
    .map((f, i) => ({ f, i, base: faqScore(f, typed) }))
    .filter((x) => x.base > 0)
    .map((x) => ({ ...x, score: x.base + (matterId && x.f.matterId === matterId ? 5 : 0) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.f)
}
