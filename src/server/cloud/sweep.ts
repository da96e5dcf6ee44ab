// The `sweep` cloud function, on a timer trigger every 5 minutes (its config.json): records the
// reminders and breaches that are due (src/server/sweep.ts), then sends the queued subscribe messages.
import cloud from 'wx-server-sdk'
import { notifyConfig } from '../notify/config'
import { deliverOutbox } from '../notify/deliver'
import { wechatSender, type SubscribeMessage } from '../notify/wechat'
import { createCloudbaseStore, type CloudDatabase } from '../store/cloudbase'
import { runSweep } from '../sweep'

export async function main() {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const store = createCloudbaseStore(cloud.database() as unknown as CloudDatabase)
  await store.migrate()
  const config = notifyConfig(process.env, 'cloud')
  const now = new Date()
  // a timer run has 60 s at most by default: leave room for the deliveries
  const sweep = await runSweep(store, { now, channels: config.channels, maxCases: 1000 })
  const send = (m: SubscribeMessage) =>
    (cloud.openapi as unknown as { subscribeMessage: { send(m: SubscribeMessage): Promise<unknown> } }).subscribeMessage.send(m)
  const delivery = await deliverOutbox(store, { wechat: wechatSender(store, config.templates, send) }, { now })
  return { ok: true, sweep, delivery }
}
