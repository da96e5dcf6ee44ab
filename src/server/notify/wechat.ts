// Cloud: WeChat subscribe messages. Each grant a user gave for a template allows one message, so a
// message is sent only when a grant is left (and uses it); without one the inbox still has it.
import type { Notification } from '../../core/notification'
import type { Store } from '../store/port'
import type { Sender } from './deliver'
import { DEFAULT_KEYWORDS, type KeywordMap, type MessageField, type MiniprogramState, type SubscribeTemplates } from './config'

export interface SubscribeMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  miniprogramState?: MiniprogramState
  lang?: 'zh_CN'
}

/** WeChat's answers that no retry can change: the user refused or the template does not fit */
export const PERMANENT_ERRORS: Record<number, string> = {
  43101: '用户拒绝接受消息（未订阅或已取消）',
  47003: '模板参数不正确（请检查关键词与内容的对应）',
  41030: '跳转页面不存在',
  40037: '模板编号不正确',
}

/** each kind of keyword has WeChat's own format: length limits, and character_string only ASCII */
function formatFor(keyword: string, value: string): string {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)
  const kind = keyword.replace(/\d+$/, '')
  switch (kind) {
    case 'character_string':
      return value.replace(/[^\x21-\x7e]/g, '').slice(0, 32)
    case 'time':
      return value.slice(0, 16).replace('T', ' ')
    case 'date':
      return value.slice(0, 10)
    case 'phrase':
      return cut(value.replace(/[^\u4e00-\u9fff]/g, ''), 5)
    case 'name':
      return cut(value, 10)
    default:
      return cut(value, 20)
  }
}

/** the message's keywords, filled as the hall configured them */
export function messageData(n: Notification, keywords: KeywordMap = DEFAULT_KEYWORDS): SubscribeMessage['data'] {
  const fields: Record<MessageField, string> = {
    caseNo: n.caseNo,
    title: n.title,
    body: n.body.replace(`${n.caseNo}：`, ''),
    at: n.at,
  }
  return Object.fromEntries(Object.entries(keywords).map(([keyword, field]) => [keyword, { value: formatFor(keyword, fields[field]) }]))
}

const errCodeOf = (e: unknown): number | null => {
  const code = (e as { errCode?: unknown })?.errCode
  if (typeof code === 'number') return code
  const m = String((e as Error)?.message ?? e).match(/errCode:\s*(-?\d+)/)
  return m ? Number(m[1]) : null
}

export function wechatSender(store: Store, templates: SubscribeTemplates, send: (m: SubscribeMessage) => Promise<unknown>): Sender {
  return async (item) => {
    const n = item.notification
    const who = n.recipient.kind === 'citizen' ? 'citizen' : 'staff'
    const templateId = templates[who]
    if (!templateId) return { skipped: '未配置订阅消息模板' }
    const openid =
      n.recipient.kind === 'citizen' ? (n.recipient.id.startsWith('wx:') ? n.recipient.id.slice(3) : null) : await store.staffOpenid(n.recipient.id)
    if (!openid) return { skipped: '未绑定微信' }
    if (!(await store.takeGrant(openid, templateId))) return { skipped: '用户未订阅或订阅次数已用完' }
    const page = n.recipient.kind === 'citizen' ? `pages/case/index?id=${n.caseId}` : `staff/case/index?id=${n.caseId}`
    try {
      await send({
        touser: openid,
        templateId,
        page,
        data: messageData(n, templates.keywords?.[who]),
        lang: 'zh_CN',
        ...(templates.state ? { miniprogramState: templates.state } : {}),
      })
    } catch (e) {
      const code = errCodeOf(e)
      // the user refused: the grant is gone with it; otherwise the message did not use it
      if (code !== 43101) await store.addGrants(openid, templateId, 1)
      if (code !== null && PERMANENT_ERRORS[code]) return { failed: `微信返回 ${code}：${PERMANENT_ERRORS[code]}` }
      throw e
    }
    return 'sent'
  }
}
