// SecurityStore on PostgreSQL (PGlite or a server): staff sessions, failed sign-ins and rate counters
// (tables of migration 15). Atomic under concurrency on a shared server: counters by one upsert,
// failures by a row lock.
import { sql, type Kysely } from 'kysely'
import { formatShanghai } from '../../../core/calendar'
import type { FailureRecord } from '../../../core/limits'
import type { SecurityStore } from '../port'

export interface SecurityTables {
  staff_sessions: { token_hash: string; staff_id: string; created_at: string | Date; expires_at: string | Date; revoked_at: string | Date | null }
  sign_in_failures: { key: string; failures: number; first_at: string | Date; locked_until: string | Date | null }
  rate_counters: { key: string; window_start: string | Date; n: number }
}

const iso = (v: string | Date | null): string | null => (v === null ? null : formatShanghai(new Date(v)))

export function postgresSecurity(db: Kysely<SecurityTables>): SecurityStore {
  return {
    async createStaffSession(s) {
      await db
        .insertInto('staff_sessions')
        .values({ token_hash: s.tokenHash, staff_id: s.staffId, created_at: s.createdAt, expires_at: s.expiresAt, revoked_at: null })
        .execute()
    },
    async findStaffSession(tokenHash, at) {
      const row = await db
        .selectFrom('staff_sessions')
        .select(['staff_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst()
      return row ? { staffId: row.staff_id, expiresAt: iso(row.expires_at)! } : null
    },
    async revokeStaffSession(tokenHash, at) {
      await db.updateTable('staff_sessions').set({ revoked_at: at }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute()
    },
    async revokeStaffSessions(staffId, at) {
      const r = await db
        .updateTable('staff_sessions')
        .set({ revoked_at: at })
        .where('staff_id', '=', staffId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      return Number(r.numUpdatedRows)
    },

    async signInFailures(key) {
      const row = await db.selectFrom('sign_in_failures').selectAll().where('key', '=', key).executeTakeFirst()
      return row ? { failures: row.failures, firstAt: iso(row.first_at)!, lockedUntil: iso(row.locked_until) } : null
    },
    async recordSignInFailure(key, decide) {
      return db.transaction().execute(async (tx) => {
        // the row exists before it is locked, so two first failures at once both count
        await tx
          .insertInto('sign_in_failures')
          .values({ key, failures: 0, first_at: '1970-01-01T00:00:00Z', locked_until: null })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute()
        const row = await tx.selectFrom('sign_in_failures').selectAll().where('key', '=', key).forUpdate().executeTakeFirstOrThrow()
        const prev: FailureRecord | null =
          row.failures === 0 && !row.locked_until ? null : { failures: row.failures, firstAt: iso(row.first_at)!, lockedUntil: iso(row.locked_until) }
        const next = decide(prev)
        await tx
          .updateTable('sign_in_failures')
          .set({ failures: next.failures, first_at: next.firstAt, locked_until: next.lockedUntil })
          .where('key', '=', key)
          .execute()
        return next
      })
    },
    async clearSignInFailures(key) {
      const r = await db.deleteFrom('sign_in_failures').where('key', '=', key).executeTakeFirst()
      return Number(r.numDeletedRows) > 0
    },

    async takeRates(hits) {
      for (const h of hits) if (!(await this.takeRate(h.key, h.windowStart, h.limit))) return false
      return true
    },
    async takeRate(key, windowStart, limit) {
      if (!Number.isFinite(limit)) return true
      if (limit <= 0) return false
      // one statement: a new window starts at 1; an existing one counts up only while below the limit
      const row = await db
        .insertInto('rate_counters')
        .values({ key, window_start: windowStart, n: 1 })
        .onConflict((oc) =>
          oc
            .columns(['key', 'window_start'])
            .doUpdateSet({ n: sql`rate_counters.n + 1` })
            .where('rate_counters.n', '<', limit),
        )
        .returning('n')
        .executeTakeFirst()
      return row !== undefined
    },
    async purgeSecurity(before) {
      const sessions = await db.deleteFrom('staff_sessions').where('expires_at', '<', before).executeTakeFirst()
      const counters = await db
        .deleteFrom('rate_counters')
        .where('window_start', '<', sql<string>`${before}::timestamptz - interval '1 day'`)
        .executeTakeFirst()
      const failures = await db
        .deleteFrom('sign_in_failures')
        .where('first_at', '<', sql<string>`${before}::timestamptz - interval '1 day'`)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]))
        .executeTakeFirst()
      return Number(sessions.numDeletedRows) + Number(counters.numDeletedRows) + Number(failures.numDeletedRows)
    },
  }
}
