// Notifications, the outbox and subscribe-message grants in the CloudBase database.
import { randomUUID } from 'node:crypto'
import type { Notification } from '../../../core/notification'
import type { Channel, InboxStore, OutboxItem } from '../port'
import { all, cloud, getOrNull, hashId, type CloudData, type CloudDatabase } from './db'

export function cloudbaseInbox(db: CloudDatabase): InboxStore {
  const { _, col, transact } = cloud(db)
  return {
    async listNotifications(recipientId, limit) {
      const docs = await all(col('notifications').where({ recipientId }).orderBy('at', 'desc').orderBy('key', 'desc'), limit)
      return docs.map((d) => ({ ...(d.data as Notification), readAt: (d.readAt as string | null) ?? null }))
    },
    async countUnread(recipientId) {
      return (
        await col('notifications')
          .where({ recipientId, readAt: _.eq(null) })
          .count()
      ).total
    },
    async markRead(recipientId, keys, at) {
      if (keys !== null && keys.length === 0) return 0
      const cond: CloudData = { recipientId, readAt: _.eq(null) }
      if (keys !== null) cond.key = _.in(keys)
      const docs = await all(col('notifications').where(cond).orderBy('at', 'asc'), 1000)
      let n = 0
      for (const d of docs)
        n += (
          await col('notifications')
            .doc(d._id as string)
            .update({ data: { readAt: at } })
        ).stats.updated
      return n
    },
    async claimOutbox(now, limit, leaseUntil) {
      const lease = randomUUID()
      const due = await all(
        col('outbox')
          .where({ status: 'pending', nextAttemptAt: _.lte(now) })
          .orderBy('nextAttemptAt', 'asc'),
        limit,
      )
      const claimed: OutboxItem[] = []
      for (const d of due) {
        // a lease taken only if nobody else took it since the query
        const took = await transact(async (tx) => {
          const ref = tx.collection('outbox').doc(d._id as string)
          const cur = await getOrNull(ref)
          if (!cur || cur.status !== 'pending' || cur.nextAttemptAt !== d.nextAttemptAt || (cur.lease ?? null) !== (d.lease ?? null)) return false
          await ref.update({ data: { nextAttemptAt: leaseUntil, lease } })
          return true
        })
        if (took) {
          claimed.push({
            key: d.key as string,
            channel: d.channel as Channel,
            notification: d.notification as Notification,
            attempts: d.attempts as number,
            nextAttemptAt: d.nextAttemptAt as string,
            lease,
          })
        }
      }
      return claimed
    },
    async settleOutbox(item, outcome, attempts) {
      const data: CloudData =
        outcome.status === 'retry'
          ? { status: 'pending', attempts, nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.error }
          : { status: outcome.status, attempts, lastError: outcome.status === 'failed' ? outcome.error : outcome.status === 'skipped' ? outcome.reason : null }
      // only the lease's holder settles: one that lost it (ran out, claimed again) writes nothing
      return transact(async (tx) => {
        const ref = tx.collection('outbox').doc(hashId('o', item.key, item.channel))
        const cur = await getOrNull(ref)
        if (!cur || cur.status !== 'pending' || (item.lease && cur.lease !== item.lease)) return false
        await ref.update({ data: { ...data, lease: null } })
        return true
      })
    },
    async outboxStats() {
      const out = { pending: 0, sent: 0, skipped: 0, failed: 0 }
      for (const status of Object.keys(out) as Array<keyof typeof out>) out[status] = (await col('outbox').where({ status }).count()).total
      return out
    },
    async addGrants(openid, templateId, count) {
      if (count <= 0) return
      await transact(async (tx) => {
        const ref = tx.collection('subscribe_grants').doc(hashId('g', openid, templateId))
        const cur = await getOrNull(ref)
        await ref.set({ data: { openid, templateId, remaining: ((cur?.remaining as number | undefined) ?? 0) + count } })
      })
    },
    async takeGrant(openid, templateId) {
      return transact(async (tx) => {
        const ref = tx.collection('subscribe_grants').doc(hashId('g', openid, templateId))
        const cur = await getOrNull(ref)
        const left = (cur?.remaining as number | undefined) ?? 0
        if (left <= 0) return false
        await ref.update({ data: { remaining: left - 1 } })
        return true
      })
    },
  }
}
