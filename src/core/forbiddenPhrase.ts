// The forbidden-phrase check (文明忌语, 000 §5.3, 003 三(三)3): finds the policy's phrases in a reply
// even when spaces or punctuation are slipped between the characters, when they are typed full-width,
// or in traditional characters, and offers the polite alternative.
import { Converter } from 'opencc-js/t2cn'
import type { ForbiddenPhrase } from './policy'

export interface PhraseHit {
  phrase: string
  suggestion: string
  /** where the match starts in the original text */
  index: number
  /** the text as written, e.g. 「不 歸 我 管」 */
  matched: string
}

/** at most this many separator characters may stand between two characters of a phrase */
const MAX_GAP = 3

let toSimplified: ((s: string) => string) | null = null
function simplify(ch: string): string {
  toSimplified ??= Converter({ from: 't', to: 'cn' })
  const out = toSimplified(ch)
  return out.length === ch.length ? out : ch
}

const isContent = (ch: string) => /[\p{Script=Han}\p{L}\p{N}]/u.test(ch)

/** one comparable character per original character: width-folded, simplified, lower-cased */
function fold(ch: string): string {
  return simplify(ch.normalize('NFKC')).toLowerCase()
}

interface Skeleton {
  chars: string[]
  /** original index of each skeleton character */
  at: number[]
}

function skeleton(text: string): Skeleton {
  const chars: string[] = []
  const at: number[] = []
  let i = 0
  for (const ch of text) {
    if (isContent(ch.normalize('NFKC'))) {
      chars.push(fold(ch))
      at.push(i)
    }
    i += ch.length
  }
  return { chars, at }
}

export function findForbiddenPhrases(text: string, phrases: ForbiddenPhrase[]): PhraseHit[] {
  const sk = skeleton(text)
  const hits: PhraseHit[] = []
  for (const p of phrases) {
    const needle = skeleton(p.phrase).chars
    if (needle.length === 0) continue
    for (let s = 0; s + needle.length <= sk.chars.length; s++) {
      let matches = true
      for (let k = 0; k < needle.length && matches; k++) {
        if (sk.chars[s + k] !== needle[k]) matches = false
        // characters of a phrase stand close together; a long gap joins two unrelated sentences
        else if (k > 0 && sk.at[s + k]! - sk.at[s + k - 1]! - 1 > MAX_GAP) matches = false
      }
      if (!matches) continue
      const start = sk.at[s]!
      const last = sk.at[s + needle.length - 1]!
      const end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1)
      hits.push({ phrase: p.phrase, suggestion: p.suggestion, index: start, matched: text.slice(start, end) })
    }
  }
  return hits.sort((a, b) => a.index - b.index)
}
