// Cloud: WeChat subscribe messages. Each grant a user gave for a template allows one message, so a
// message is sent only when a grant is left (and uses it); without one the inbox still has it.
import type { Notification } from '../../core/notification'
import type { Store } from '../store/port'
import type { Sender } from './deliver'
import type { SubscribeTemplates } from './config'

export interface SubscribeMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

/** the template's keywords: 案件编号 character_string1, 事项 thing2, 时间 time3, 说明 thing4 */
export function messageData(n: Notification): SubscribeMessage['data'] {
  const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s)
  return {
    character_string1: { value: n.caseNo.slice(0, 32) },
    thing2: { value: thing(n.title) },
    time3: { value: n.at.slice(0, 16).replace('T', ' ') },
    thing4: { value: thing(n.body.replace(`${n.caseNo}：`, '')) },
  }
}

export function wechatSender(store: Store, templates: SubscribeTemplates, send: (m: SubscribeMessage) => Promise<unknown>): Sender {
  return async (item) => {
    const n = item.notification
    const templateId = n.recipient.kind === 'citizen' ? templates.citizen : templates.staff
    if (!templateId) return { skipped: '未配置订阅消息模板' }
    const openid = n.recipient.kind === 'citizen' ? (n.recipient.id.startsWith('wx:') ? n.recipient.id.slice(3) : null) : await store.staffOpenid(n.recipient.id)
    if (!openid) return { skipped: '未绑定微信' }
    if (!(await store.takeGrant(openid, templateId))) return { skipped: '用户未订阅或订阅次数已用完' }
    const page = n.recipient.kind === 'citizen' ? `pages/case/index?id=${n.caseId}` : `staff/case/index?id=${n.caseId}`
    try {
      await send({ touser: openid, templateId, page, data: messageData(n) })
    } catch (e) {
      // the grant was not spent: give it back before the retry
      await store.addGrants(openid, templateId, 1)
      throw e
    }
    return 'sent'
  }
}
