// SecurityStore on the CloudBase database: staff sessions, failed sign-ins and rate counters as
// documents keyed by a hash of their key, changed in transactions so concurrent function instances
// count each use once. (In the cloud the caller is its OPENID; sessions and sign-in serve the
// contract and a hall that moves between the two.)
import { createHash } from 'node:crypto'
import { formatShanghai } from '../../../core/calendar'
import type { FailureRecord } from '../../../core/limits'
import type { SecurityStore } from '../port'
import { getOrNull, transactOn, type CloudData, type CloudDatabase, type CloudTransaction } from './db'

export const SECURITY_COLLECTIONS = ['staff_sessions', 'sign_in_failures', 'rate_counters']

const docId = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40)
export function cloudbaseSecurity(db: CloudDatabase): SecurityStore {
  const _ = db.command
  const col = (name: string) => db.collection(name)
  const transact = <T>(fn: (tx: CloudTransaction) => Promise<T>) => transactOn(db, fn)
  const record = (d: CloudData): FailureRecord => ({
    failures: d.failures as number,
    firstAt: d.firstAt as string,
    lockedUntil: (d.lockedUntil as string | null) ?? null,
  })

  return {
    async createStaffSession(s) {
      await col('staff_sessions')
        .doc(s.tokenHash)
        .set({ data: { staffId: s.staffId, createdAt: s.createdAt, expiresAt: s.expiresAt, revokedAt: null } })
    },
    async findStaffSession(tokenHash, at) {
      const d = await getOrNull(col('staff_sessions').doc(tokenHash))
      if (!d || d.revokedAt || (d.expiresAt as string) <= at) return null
      return { staffId: d.staffId as string, expiresAt: d.expiresAt as string }
    },
    async revokeStaffSession(tokenHash, at) {
      const ref = col('staff_sessions').doc(tokenHash)
      const d = await getOrNull(ref)
      if (d && !d.revokedAt) await ref.update({ data: { revokedAt: at } })
    },
    async revokeStaffSessions(staffId, at) {
      let n = 0
      for (;;) {
        const live = (
          await col('staff_sessions')
            .where({ staffId, revokedAt: _.eq(null) })
            .limit(100)
            .get()
        ).data
        if (live.length === 0) return n
        for (const d of live) {
          await col('staff_sessions')
            .doc(d._id as string)
            .update({ data: { revokedAt: at } })
          n++
        }
      }
    },

    async signInFailures(key) {
      const d = await getOrNull(col('sign_in_failures').doc(docId(key)))
      return d ? record(d) : null
    },
    async recordSignInFailure(key, decide) {
      return transact(async (tx) => {
        const ref = tx.collection('sign_in_failures').doc(docId(key))
        const d = await getOrNull(ref)
        const next = decide(d ? record(d) : null)
        await ref.set({ data: { key, ...next } })
        return next
      })
    },
    async clearSignInFailures(key) {
      const ref = col('sign_in_failures').doc(docId(key))
      if (!(await getOrNull(ref))) return false
      await ref.remove()
      return true
    },

    async takeRates(hits) {
      for (const h of hits) if (!(await this.takeRate(h.key, h.windowStart, h.limit))) return false
      return true
    },
    async takeRate(key, windowStart, limit) {
      if (!Number.isFinite(limit)) return true
      if (limit <= 0) return false
      return transact(async (tx) => {
        const ref = tx.collection('rate_counters').doc(docId(key, windowStart))
        const d = await getOrNull(ref)
        const n = (d?.n as number | undefined) ?? 0
        if (n >= limit) return false
        await ref.set({ data: { key, windowStart, n: n + 1 } })
        return true
      })
    },
    async purgeSecurity(before) {
      let n = 0
      const dayBefore = formatShanghai(new Date(Date.parse(before) - 86_400_000))
      const sweep = async (name: string, cond: CloudData) => {
        for (;;) {
          const old = (await col(name).where(cond).limit(100).get()).data
          for (const d of old)
            await col(name)
              .doc(d._id as string)
              .remove()
          n += old.length
          if (old.length < 100) return
        }
      }
      await sweep('staff_sessions', { expiresAt: _.lt(before) })
      await sweep('rate_counters', { windowStart: _.lt(dayBefore) })
      return n
    },
  }
}
