// The hall's matter catalog (事项清单, 003) as citizens search it: by name, by the initials of its
// pinyin ("bdc" finds 不动产…) and by keywords. The server computes the initials once (the pinyin
// dictionary stays out of the mini-program); matching runs on the phone, so typing is instant.
import type { Matter, MatterRef } from './schemas'

export interface Searchable {
  name: string
  /** pinyin initials of the name, lower case: 不动产转移登记 → bdczydj */
  initials: string
  keywords: string[]
}

export const matterRef = (m: Matter): MatterRef => ({
  id: m.id,
  name: m.name,
  kind: m.kind,
  promisedDays: m.kind === 'promised' ? m.promisedDays : null,
  materials: [...m.materials],
  ...(m.basis ? { basis: m.basis } : {}),
})

/** how well a matter answers the query: 0 is no match; higher is better */
export function matchScore(m: Searchable, rawQuery: string): number {
  const q = rawQuery.trim().toLowerCase().replace(/\s+/g, '')
  if (!q) return 1
  const name = m.name.toLowerCase()
  if (name === q) return 100
  if (name.startsWith(q)) return 80
  if (name.includes(q)) return 60
  if (m.keywords.some((k) => k.toLowerCase() === q)) return 50
  if (/^[a-z]+$/.test(q)) {
    if (m.initials.startsWith(q)) return 40
    if (m.initials.includes(q)) return 30
  }
  if (m.keywords.some((k) => k.toLowerCase().includes(q) || q.includes(k.toLowerCase()))) return 20
  // every character of a Chinese query somewhere in the name: 公积金提 → 住房公积金提取
  if (/[\u4e00-\u9fff]/.test(q) && [...q].every((ch) => name.includes(ch))) return 10
  return 0
}

/** the matters that answer the query, best first, catalog order among equals */
export function searchMatters<T extends Searchable>(matters: T[], query: string): T[] {
  return matters
    .map((m, i) => ({ m, i, score: matchScore(m, query) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.m)
}
