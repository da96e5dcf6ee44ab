// Notifications, the outbox and subscribe-message grants in PostgreSQL.
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Channel, InboxStore } from '../port'
import { iso, type Db } from './db'

export function postgresInbox(db: Kysely<Db>): InboxStore {
  return {
    async listNotifications(recipientId, limit) {
      const rows = await db
        .selectFrom('notifications')
        .select(['data', 'read_at'])
        .where('recipient_id', '=', recipientId)
        .orderBy('at', 'desc')
        .orderBy('key', 'desc')
        .limit(limit)
        .execute()
      return rows.map((r) => ({ ...r.data, readAt: iso(r.read_at) }))
    },
    async countUnread(recipientId) {
      const row = await db
        .selectFrom('notifications')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('recipient_id', '=', recipientId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
    async markRead(recipientId, keys, at) {
      if (keys !== null && keys.length === 0) return 0
      let q = db.updateTable('notifications').set({ read_at: at }).where('recipient_id', '=', recipientId).where('read_at', 'is', null)
      if (keys !== null) q = q.where('key', 'in', keys)
      return Number((await q.executeTakeFirst()).numUpdatedRows)
    },
    async claimOutbox(now, limit, leaseUntil) {
      return db.transaction().execute(async (tx) => {
        const due = await tx
          .selectFrom('outbox')
          .innerJoin('notifications', 'notifications.key', 'outbox.key')
          .select(['outbox.key', 'outbox.channel', 'outbox.attempts', 'outbox.next_attempt_at', 'notifications.data'])
          .where('outbox.status', '=', 'pending')
          .where('outbox.next_attempt_at', '<=', now)
          .orderBy('outbox.next_attempt_at')
          .limit(limit)
          .forUpdate('outbox')
          .skipLocked()
          .execute()
        if (due.length === 0) return []
        const lease = randomUUID()
        for (const d of due) {
          await tx.updateTable('outbox').set({ next_attempt_at: leaseUntil, lease }).where('key', '=', d.key).where('channel', '=', d.channel).execute()
        }
        return due.map((d) => ({
          key: d.key,
          channel: d.channel as Channel,
          notification: d.data,
          attempts: d.attempts,
          nextAttemptAt: iso(d.next_attempt_at)!,
          lease,
        }))
      })
    },
    async settleOutbox(item, outcome, attempts) {
      const set =
        outcome.status === 'retry'
          ? { status: 'pending', attempts, next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error }
          : { status: outcome.status, attempts, last_error: outcome.status === 'failed' ? outcome.error : outcome.status === 'skipped' ? outcome.reason : null }
      let q = db
        .updateTable('outbox')
        .set({ ...set, lease: null })
        .where('key', '=', item.key)
        .where('channel', '=', item.channel)
        .where('status', '=', 'pending')
      if (item.lease) q = q.where('lease', '=', item.lease)
      return Number((await q.executeTakeFirst()).numUpdatedRows) === 1
    },
    async outboxStats() {
      const rows = await db
        .selectFrom('outbox')
        .select(['status', sql<number>`count(*)::int`.as('n')])
        .groupBy('status')
        .execute()
      const out = { pending: 0, sent: 0, skipped: 0, failed: 0 }
      for (const r of rows) out[r.status as keyof typeof out] = Number(r.n)
      return out
    },
    async addGrants(openid, templateId, count) {
      if (count <= 0) return
      await db
        .insertInto('subscribe_grants')
        .values({ openid, template_id: templateId, remaining: count })
        .onConflict((oc) => oc.columns(['openid', 'template_id']).doUpdateSet({ remaining: sql`subscribe_grants.remaining + ${count}` }))
        .execute()
    },
    async takeGrant(openid, templateId) {
      const r = await db
        .updateTable('subscribe_grants')
        .set({ remaining: sql`remaining - 1` })
        .where('openid', '=', openid)
        .where('template_id', '=', templateId)
        .where('remaining', '>', 0)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },
  }
}
