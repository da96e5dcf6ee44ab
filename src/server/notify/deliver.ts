// The outbox: notifications queued for an outside channel are sent here, apart from the case
// transaction, with retries and backoff. A channel that fails never blocks a case; after the last
// attempt the item is marked failed and stays visible to operators.
import { formatShanghai } from '../../core/calendar'
import type { Channel, OutboxItem, Store } from '../store/port'

/** sends one item; resolves 'sent', or a reason to skip it; throws when the channel failed */
export type Sender = (item: OutboxItem) => Promise<'sent' | { skipped: string }>

/** minutes to wait after the 1st, 2nd … failed attempt */
export const BACKOFF_MINUTES = [1, 5, 15, 60, 360]
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1
/** how long a claimed item is kept from other deliverers */
const LEASE_MS = 2 * 60_000

export interface DeliveryReport {
  sent: number
  skipped: number
  retried: number
  failed: number
}

export async function deliverOutbox(
  store: Store,
  senders: Partial<Record<Channel, Sender>>,
  opts: { now: Date; limit?: number },
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, skipped: 0, retried: 0, failed: 0 }
  const now = opts.now
  const items = await store.claimOutbox(formatShanghai(now), opts.limit ?? 200, formatShanghai(new Date(now.getTime() + LEASE_MS)))
  await Promise.all(
    items.map(async (item) => {
      const attempts = item.attempts + 1
      const send = senders[item.channel]
      if (!send) {
        await store.settleOutbox(item, { status: 'skipped', reason: `${item.channel} 未配置` }, attempts)
        report.skipped++
        return
      }
      try {
        const result = await send(item)
        if (result === 'sent') {
          await store.settleOutbox(item, { status: 'sent' }, attempts)
          report.sent++
        } else {
          await store.settleOutbox(item, { status: 'skipped', reason: result.skipped }, attempts)
          report.skipped++
        }
      } catch (e) {
        const error = String((e as Error)?.message ?? e).slice(0, 500)
        if (attempts >= MAX_ATTEMPTS) {
          await store.settleOutbox(item, { status: 'failed', error }, attempts)
          report.failed++
        } else {
          const wait = BACKOFF_MINUTES[attempts - 1]! * 60_000
          await store.settleOutbox(item, { status: 'retry', error, nextAttemptAt: formatShanghai(new Date(now.getTime() + wait)) }, attempts)
          report.retried++
        }
      }
    }),
  )
  return report
}
