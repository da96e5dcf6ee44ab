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
