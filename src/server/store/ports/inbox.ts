// Notifications (the in-app inbox), the outbox that carries them to outside channels, and the
// WeChat subscribe-message grants those channels spend.
import type { Notification } from '../../../core/notification'

/** an outside channel: WeChat subscribe messages (cloud), the hall's own gateway (self-hosted) */
export type Channel = 'wechat' | 'webhook'

export interface OutboxItem {
  key: string
  channel: Channel
  notification: Notification
  attempts: number
  nextAttemptAt: string
  /** the claim's token: only its holder may settle the item */
  lease?: string
}

export type OutboxOutcome =
  | { status: 'sent' }
  /** nothing to send through this channel (no binding, no grant): not an error */
  | { status: 'skipped'; reason: string }
  | { status: 'retry'; nextAttemptAt: string; error: string }
  | { status: 'failed'; error: string }

export interface InboxStore {
  /** a person's notifications, newest first */
  listNotifications(recipientId: string, limit: number): Promise<Array<Notification & { readAt: string | null }>>
  countUnread(recipientId: string): Promise<number>
  /** marks these (or all, with null) as read; returns how many changed */
  markRead(recipientId: string, keys: string[] | null, at: string): Promise<number>

  /**
   * Takes up to `limit` outbox items due at `now` and leases them until `leaseUntil`, so a
   * concurrent deliverer does not take them too.
   */
  claimOutbox(now: string, limit: number, leaseUntil: string): Promise<OutboxItem[]>
  /**
   * Records the outcome of a claimed item; false (and nothing written) when its lease was lost
   * meanwhile (it ran out and another deliverer claimed the item), so a report counts only what it settled.
   */
  settleOutbox(item: Pick<OutboxItem, 'key' | 'channel' | 'lease'>, outcome: OutboxOutcome, attempts: number): Promise<boolean>
  /** counts of the outbox by status (operators, tests) */
  outboxStats(): Promise<Record<'pending' | 'sent' | 'skipped' | 'failed', number>>

  /** WeChat subscribe-message grants: each grant of a template allows one message */
  addGrants(openid: string, templateId: string, count: number): Promise<void>
  /** uses one grant if there is one */
  takeGrant(openid: string, templateId: string): Promise<boolean>
}
