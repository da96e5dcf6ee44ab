// Text a caller sends, of any field. PostgreSQL cannot store a NUL byte (invalid byte sequence for
// encoding "UTF8": 0x00) and a lone UTF-16 surrogate is no character at all, so both are refused at
// the schema with the field named, never as a crash in the store. Every text field of the API's
// inputs starts from `text()`.
import { z } from 'zod'

/** no NUL and no unpaired surrogate (written out: older mini-program engines lack isWellFormed and regex lookbehind) */
export function isCleanText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0) return false
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1)
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false
      i++
    } else if (c >= 0xdc00 && c <= 0xdfff) return false
  }
  return true
}

export const UNCLEAN_TEXT = '内容中有无法识别的字符，请删除后重新输入'

export const text = () => z.string().refine(isCleanText, UNCLEAN_TEXT)

/** the years a caller may ask about: the system's own lifetime, with room on both sides */
export const MIN_YEAR = 2020
export const MAX_YEAR = 2100

/** a day that exists, as YYYY-MM-DD, within the years a caller may ask about */
export const Day = text()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '请选择日期')
  // a day that exists: no 2 月 30 日
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`)
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d
  }, '没有这一天，请重新选择日期')
  // every date a caller may send is bounded: the store's date types and the calendar data end somewhere
  .refine((d) => d >= `${MIN_YEAR}-01-01` && d <= `${MAX_YEAR}-12-31`, `请选择 ${MIN_YEAR} 年至 ${MAX_YEAR} 年之间的日期`)
