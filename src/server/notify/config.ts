// Which outside channels a deployment sends notifications through, from its environment. The in-app
// inbox needs no configuration; the outside channels are optional.
import type { Channel } from '../store/port'

/** what a notice can fill a subscribe-message keyword with */
export const MESSAGE_FIELDS = {
  caseNo: '案件编号',
  title: '事由',
  body: '说明',
  at: '时间',
} as const
export type MessageField = keyof typeof MESSAGE_FIELDS

/** a template's keywords (as 公众平台 shows them, e.g. `thing2`) and the field each is filled with */
export type KeywordMap = Record<string, MessageField>

/**
 * WeChat subscribe-message templates (公众平台 → 订阅消息), one for citizens and one for staff: the
 * template id, and which field fills which of the template's keywords (every template names them its
 * own way).
 */
export interface SubscribeTemplates {
  citizen?: string
  staff?: string
  keywords?: { citizen?: KeywordMap; staff?: KeywordMap }
  /** which version of the mini-program a message opens: formal (released), trial or developer */
  state?: MiniprogramState
}
export type MiniprogramState = 'formal' | 'trial' | 'developer'

export interface NotifyConfig {
  channels: Channel[]
  templates: SubscribeTemplates
  webhook: { url: string; secret: string } | null
  /** what in the environment could not be used, in words for the operator */
  problems: string[]
}

/** the keywords of the template the first deployments used: 案件编号, 事项, 时间, 说明 */
export const DEFAULT_KEYWORDS: KeywordMap = { character_string1: 'caseNo', thing2: 'title', time3: 'at', thing4: 'body' }

/** the kinds of keyword WeChat's templates have, each with its own format rules */
const KEYWORD = /^(thing|character_string|time|date|phrase|number|letter|name|phone_number|amount|car_number|symbol)\d{1,2}$/

/** parses `character_string1=caseNo,thing2=title,…`; null and the problem when it cannot be used */
export function parseKeywords(raw: string): { map: KeywordMap } | { problem: string } {
  const map: KeywordMap = {}
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [keyword, field] = part.split('=').map((s) => s?.trim() ?? '')
    if (!keyword || !KEYWORD.test(keyword)) return { problem: `「${part}」：关键词应形如 thing2、time3、character_string1` }
    if (!field || !(field in MESSAGE_FIELDS)) return { problem: `「${part}」：可填写的内容为 ${Object.keys(MESSAGE_FIELDS).join('、')}` }
    map[keyword] = field as MessageField
  }
  if (Object.keys(map).length === 0) return { problem: '没有填写任何关键词' }
  return { map }
}

export function notifyConfig(env: Readonly<Record<string, string | undefined>>, mode: 'cloud' | 'selfHosted'): NotifyConfig {
  const problems: string[] = []
  const templates: SubscribeTemplates = { keywords: {} }
  for (const who of ['citizen', 'staff'] as const) {
    const id = env[who === 'citizen' ? 'WX_TEMPLATE_CITIZEN' : 'WX_TEMPLATE_STAFF']
    if (!id) continue
    const name = who === 'citizen' ? 'WX_TEMPLATE_CITIZEN_KEYWORDS' : 'WX_TEMPLATE_STAFF_KEYWORDS'
    const raw = env[name]
    const parsed = raw ? parseKeywords(raw) : { map: DEFAULT_KEYWORDS }
    // a template whose keywords cannot be filled would be refused by WeChat (47003) for every message
    if ('problem' in parsed) {
      problems.push(`${name} ${parsed.problem}；该模板暂不发送`)
      continue
    }
    templates[who] = id
    templates.keywords![who] = parsed.map
  }
  const state = env.WX_MINIPROGRAM_STATE
  if (state === 'formal' || state === 'trial' || state === 'developer') templates.state = state
  else if (state) problems.push(`WX_MINIPROGRAM_STATE 只能是 formal、trial 或 developer`)
  const webhook = env.NOTIFY_WEBHOOK_URL ? { url: env.NOTIFY_WEBHOOK_URL, secret: env.NOTIFY_WEBHOOK_SECRET ?? '' } : null
  const channels: Channel[] = []
  if (mode === 'cloud' && (templates.citizen || templates.staff)) channels.push('wechat')
  if (webhook) channels.push('webhook')
  return { channels, templates, webhook, problems }
}
