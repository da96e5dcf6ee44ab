// Self-hosted: the sweep and the outbox on an in-process timer (the cloud uses a timer trigger).
// Runs never overlap; a failed run is logged and the next one tries again.
import { formatShanghai } from '../core/calendar'
import { notifyConfig } from './notify/config'
import { deliverOutbox, type Sender } from './notify/deliver'
import { webhookSender } from './notify/webhook'
import type { Store, UploadStore } from './store/port'
import { purgeBefore } from './files'
import { runSweep, type SweepReport } from './sweep'
import type { DeliveryReport } from './notify/deliver'

export interface RunOnce {
  (): Promise<{ sweep: SweepReport; delivery: DeliveryReport; purgedUploads: number }>
}

export function sweeper(store: Store & UploadStore, env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): RunOnce {
  const config = notifyConfig(env, 'selfHosted')
  const senders: { webhook?: Sender } = config.webhook ? { webhook: webhookSender(config.webhook.url, config.webhook.secret) } : {}
  return async () => {
    const at = now()
    const sweep = await runSweep(store, { now: at, channels: config.channels })
    const delivery = await deliverOutbox(store, senders, { now: at })
    // photos uploaded for a form that was never sent
    const purgedUploads = await store.purgeUploads(purgeBefore(at))
    // ended sign-ins and spent abuse counters
    await store.purgeSecurity(formatShanghai(at))
    return { sweep, delivery, purgedUploads }
  }
}

/** one run at a time: a run asked for while one is going waits for it, then runs */
export function serialized(run: RunOnce): RunOnce {
  let last: Promise<unknown> = Promise.resolve()
  return () => {
    const next = last.then(run, run)
    last = next.catch(() => {})
    return next
  }
}

export function startScheduler(run: RunOnce, everyMs: number, log: (m: string, e?: unknown) => void): () => void {
  let busy = false
  const tick = async () => {
    if (busy) return
    busy = true
    try {
      const { sweep, delivery } = await run()
      if (sweep.reminders + sweep.breaches + delivery.sent + delivery.failed > 0) {
        log(`巡检：提醒 ${sweep.reminders}，超时 ${sweep.breaches}；消息发送 ${delivery.sent}，失败 ${delivery.failed}`)
      }
    } catch (e) {
      log('巡检失败，将在下次重试', e)
    } finally {
      busy = false
    }
  }
  const timer = setInterval(tick, everyMs)
  timer.unref()
  void tick()
  return () => clearInterval(timer)
}
