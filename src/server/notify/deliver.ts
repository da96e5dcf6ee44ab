// The outbox: notifications queued for an outside channel are sent here, apart from the case
// transaction, with retries and backoff. A channel that fails never blocks a case; after the last
// attempt the item is marked failed and stays visible to operators.
import { formatShanghai } from '../../core/calendar'
import type { Channel, OutboxItem, OutboxOutcome, Store } from '../store/port'

/**
 * Sends one item; resolves 'sent', a reason to skip it, or a failure no retry can change (a refused
 * or misconfigured template); throws when the channel failed and may work later.
 */
export type Sender = (item: OutboxItem) => Promise<'sent' | { skipped: string } | { failed: string }>

/** minutes to wait after the 1st, 2nd … failed attempt */
export const BACKOFF_MINUTES = [1, 5, 15, 60, 360]
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1
/** how long a claimed item is kept from other deliverers: far longer than a send may take (10 s) */
const LEASE_MS = 5 * 60_000

export interface DeliveryReport {
  sent: number
  skipped: number
  retried: number
  failed: number
}

export async function deliverOutbox(store: Store, senders: Partial<Record<Channel, Sender>>, opts: { now: Date; limit?: number }): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, skipped: 0, retried: 0, failed: 0 }
  const now = opts.now
  // the lease runs from when it is taken: a run that began long ago (a slow sweep before it) must not
  // take a lease that has already run out, which a concurrent deliverer would take again
  const leaseFrom = Math.max(now.getTime(), Date.now())
  const items = await store.claimOutbox(formatShanghai(now), opts.limit ?? 200, formatShanghai(new Date(leaseFrom + LEASE_MS)))
  // what was recorded, not what was tried: an item whose lease was lost is not counted here
  const settle = async (item: OutboxItem, outcome: OutboxOutcome, attempts: number, count: keyof DeliveryReport) => {
    if (await store.settleOutbox(item, outcome, attempts)) report[count]++
  }
  await Promise.all(
    items.map(async (item) => {
      const attempts = item.attempts + 1
      const send = senders[item.channel]
      if (!send) return settle(item, { status: 'skipped', reason: `${item.channel} 未配置` }, attempts, 'skipped')
      try {
        const result = await send(item)
        if (result === 'sent') await settle(item, { status: 'sent' }, attempts, 'sent')
        else if ('failed' in result) await settle(item, { status: 'failed', error: result.failed }, attempts, 'failed')
        else await settle(item, { status: 'skipped', reason: result.skipped }, attempts, 'skipped')
      } catch (e) {
        const error = String((e as Error)?.message ?? e).slice(0, 500)
        if (attempts >= MAX_ATTEMPTS) {
          await settle(item, { status: 'failed', error }, attempts, 'failed')
        } else {
          const wait = BACKOFF_MINUTES[attempts - 1]! * 60_000
          await settle(item, { status: 'retry', error, nextAttemptAt: formatShanghai(new Date(now.getTime() + wait)) }, attempts, 'retried')
        }
      }
    }),
  )
  return report
}
