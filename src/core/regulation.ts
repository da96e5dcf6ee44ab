// The five regulations the rules come from (docs/regulations), named for people: a rule's basis is
// written in code as `000 §4.2` (file 000, 第四条第2项), and shown as the regulation's name and article,
// the short code kept beside it for the hall office's reference. The names are generic (what kind of
// body the rules were written for) so that no real city's name appears in another hall's screens.
/** the five regulations by their file number; a hall's policy preset is one of them */
export type PresetId = '000' | '001' | '002' | '003' | '004'

export const REGULATION_TITLES: Record<PresetId, string> = {
  '000': '政务服务中心窗口首问负责制实施细则',
  '001': '机关首问负责制实施办法',
  '002': '政务服务中心一次性告知、限时办结、首问（办）负责、帮办代办制度',
  '003': '住房公积金管理中心首问负责制实施细则',
  '004': '便民服务中心首问负责、限时办结与考核制度',
}

const DIGITS = '零一二三四五六七八九'
/** 1 → 一, 12 → 十二, 21 → 二十一 (articles stay below a hundred) */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!
  const tens = Math.floor(n / 10)
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`
}

/** §4.2 or §7(1) → 第四条第二项 / 第七条第（一）项 */
const article = (no: string, item?: string, paren?: string) =>
  `第${chineseNumber(Number(no))}条${item ? `第${chineseNumber(Number(item))}项` : paren ? `第（${chineseNumber(Number(paren))}）项` : ''}`
const ARTICLE = /§(\d+)(?:\.(\d+)|\((\d+)\))?(?: (?=\D))?/g
const CODE = /(^|[^0-9]) ?(00[0-4]) /g

/**
 * `000 §4.2` → `《政务服务中心窗口首问负责制实施细则》第四条第2项`; `002 限时办结 §7（…）` →
 * `《…》「限时办结」第七条（…）`. Anything after the article (a note in brackets) is kept, with the
 * codes inside it turned into words too; a basis without a code ("本厅设定") is left as it is.
 */
export function citeInWords(cite: string): string {
  const head = /^(00[0-4]) (?:([^\s§0-9(]+?) )?/.exec(cite)
  let rest = cite
  let title = ''
  if (head) {
    title = `《${REGULATION_TITLES[head[1] as PresetId]}》${head[2] ? `「${head[2]}」` : ''}`
    rest = cite.slice(head[0].length)
  }
  rest = rest.replace(CODE, (_, before: string, code: string) => `${before}《${REGULATION_TITLES[code as PresetId]}》`)
  rest = rest.replace(ARTICLE, (_, no: string, item?: string, paren?: string) => article(no, item, paren))
  return `${title}${rest}`
}

/** the short code of a basis for the office's reference (`000 §4.2`), or null when it has none */
export const citeCode = (cite: string): string | null =>
  /^00[0-4] (?:[^§ ]+ )?(?:§[\d.()]+|[一二三四五六七八九十]+\([一二三四五六七八九十]+\)[\d()]*)/.exec(cite)?.[0] ?? /^00[0-4](?= )/.exec(cite)?.[0] ?? null
