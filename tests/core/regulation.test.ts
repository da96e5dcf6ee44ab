// A rule's basis in words (src/core/regulation.ts): every basis the presets cite reads as a
// regulation's name and article, keeps its short code for the office, and names no real place.
import { PRESETS, PRESET_IDS } from '../../src/core/policy'
import { chineseNumber, citeCode, citeInWords, REGULATION_TITLES } from '../../src/core/regulation'

const citesOf = (o: unknown, out = new Set<string>()): Set<string> => {
  if (o && typeof o === 'object') {
    if ('cite' in o && typeof (o as { cite: unknown }).cite === 'string') out.add((o as { cite: string }).cite)
    for (const v of Object.values(o)) citesOf(v, out)
  }
  return out
}
const ALL = [...citesOf(PRESETS)]
const PLACES = /铜陵|常州|金坛|铜川|重庆|铜梁|二坪/

it('writes articles and items in Chinese numbers', () => {
  expect([1, 9, 10, 12, 20, 21].map(chineseNumber)).toEqual(['一', '九', '十', '十二', '二十', '二十一'])
  expect(citeInWords('000 §4.2')).toBe('《政务服务中心窗口首问负责制实施细则》第四条第二项')
  expect(citeInWords('001 §7(1)')).toBe('《机关首问负责制实施办法》第七条第（一）项')
  expect(citeInWords('002 限时办结 §7（经分管领导批准）')).toBe(
    '《政务服务中心一次性告知、限时办结、首问（办）负责、帮办代办制度》「限时办结」第七条（经分管领导批准）',
  )
  expect(citeInWords('002 首问（办）负责 §6(5)（禁忌用语，沿用 000 §5.3 所列）')).toBe(
    '《政务服务中心一次性告知、限时办结、首问（办）负责、帮办代办制度》「首问（办）负责」第六条第（五）项（禁忌用语，沿用《政务服务中心窗口首问负责制实施细则》第五条第三项所列）',
  )
  expect(citeInWords('本厅设定')).toBe('本厅设定')
})

it('keeps the short code for the office', () => {
  expect(citeCode('000 §5.1（尽快联系，按当日计）')).toBe('000 §5.1')
  expect(citeCode('002 首问（办）负责 §6(5)（禁忌用语）')).toBe('002 首问（办）负责 §6(5)')
  expect(citeCode('004 考核制度 三(一)(1)（沿用）')).toBe('004 考核制度 三(一)(1)')
  expect(citeCode('000 未规定延期（§4.1 在承诺时限内办理）')).toBe('000')
  expect(citeCode('本厅设定')).toBeNull()
})

it.each(ALL)('reads %s as words, with no § and no bare file number', (cite) => {
  const words = citeInWords(cite)
  expect(words).not.toMatch(/§|(^|[^0-9])00[0-4]( |$)/)
  if (/^00[0-4] /.test(cite)) expect(words.startsWith(`《${REGULATION_TITLES[cite.slice(0, 3) as '000']}》`)).toBe(true)
  expect(words).not.toMatch(PLACES)
})

it('names every preset without a real place', () => {
  for (const id of PRESET_IDS) expect(PRESETS[id].name).not.toMatch(PLACES)
})
