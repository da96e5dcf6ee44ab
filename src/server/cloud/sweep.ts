// The `sweep` cloud function, on a timer trigger every 5 minutes (its config.json): records the
// reminders and breaches that are due (src/server/sweep.ts), then sends the queued subscribe messages.
// It works within a time budget: what is left is taken by the next run.
import cloud from 'wx-server-sdk'
import { notifyConfig } from '../notify/config'
import { deliverOutbox } from '../notify/deliver'
import { wechatSender, type SubscribeMessage } from '../notify/wechat'
import { createCloudbaseStore, type CloudDatabase } from '../store/cloudbase'
import { runSweep } from '../sweep'

/** the function's timeout is 60 s: leave time for the deliveries and the answer */
const SWEEP_BUDGET_MS = 35_000

export async function main() {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  // the timer trigger carries no user; a call from the mini-program does, and is refused
  if (cloud.getWXContext().OPENID) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '巡检只由定时触发器运行' } }
  }
  const store = createCloudbaseStore(cloud.database() as unknown as CloudDatabase)
  await store.migrate()
  const config = notifyConfig(process.env, 'cloud')
  const now = new Date()
  // a timer run has 60 s at most by default: leave room for the deliveries
  const sweep = await runSweep(store, { now, channels: config.channels, maxCases: 1000, budgetMs: SWEEP_BUDGET_MS })
  const send = (m: SubscribeMessage) =>
    (cloud.openapi as unknown as { subscribeMessage: { send(m: SubscribeMessage): Promise<unknown> } }).subscribeMessage.send(m)
  const delivery = await deliverOutbox(store, { wechat: wechatSender(store, config.templates, send) }, { now })
  // a template the environment names but cannot fill is reported on every run, in the function's log
  for (const p of config.problems) console.error(`订阅消息配置：${p}`)
  return { ok: true, sweep, delivery, problems: config.problems }
}
