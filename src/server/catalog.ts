// The matter catalog as the entry page receives it: each active matter with the pinyin initials of
// its name, computed here so the pinyin dictionary never ships in the mini-program.
import { pinyin } from 'pinyin-pro'
import type { Faq, FaqView } from '../core/faq'
import type { Matter } from '../core/schemas'
import type { MatterView } from '../core/views'

/** 不动产转移登记 → bdczydj; Latin letters and digits are kept, everything else dropped */
export function initialsOf(name: string): string {
  const letters = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
  return letters
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

export const matterView = (m: Matter): MatterView => ({
  id: m.id,
  name: m.name,
  initials: initialsOf(m.name),
  keywords: m.keywords,
  kind: m.kind,
  promisedDays: m.kind === 'promised' ? m.promisedDays : null,
  basis: m.basis,
  materials: m.materials,
  windowId: m.windowId,
  selfService: m.selfService ?? null,
})

/** a published question as the entry page matches it (core/faq.ts), with its pinyin initials */
export const faqView = (f: Faq): FaqView => ({ id: f.id, matterId: f.matterId, question: f.question, answer: f.answer, initials: initialsOf(f.question) })
