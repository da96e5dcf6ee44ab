// Which outside channels a deployment sends notifications through, from its environment. The in-app
// inbox needs no configuration; the outside channels are optional.
import type { Channel } from '../store/port'

/** WeChat subscribe-message template ids (公众平台 → 订阅消息), one for citizens and one for staff */
export interface SubscribeTemplates {
  citizen?: string
  staff?: string
}

export interface NotifyConfig {
  channels: Channel[]
  templates: SubscribeTemplates
  webhook: { url: string; secret: string } | null
}

export function notifyConfig(env: NodeJS.ProcessEnv, mode: 'cloud' | 'selfHosted'): NotifyConfig {
  const templates: SubscribeTemplates = {
    ...(env.WX_TEMPLATE_CITIZEN ? { citizen: env.WX_TEMPLATE_CITIZEN } : {}),
    ...(env.WX_TEMPLATE_STAFF ? { staff: env.WX_TEMPLATE_STAFF } : {}),
  }
  const webhook = env.NOTIFY_WEBHOOK_URL ? { url: env.NOTIFY_WEBHOOK_URL, secret: env.NOTIFY_WEBHOOK_SECRET ?? '' } : null
  const channels: Channel[] = []
  if (mode === 'cloud' && (templates.citizen || templates.staff)) channels.push('wechat')
  if (webhook) channels.push('webhook')
  return { channels, templates, webhook }
}
