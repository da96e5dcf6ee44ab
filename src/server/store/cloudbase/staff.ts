// Staff records, their sign-in secrets and the one-time invites in the CloudBase database.
import type { Staff } from '../../../core/schemas'
import type { RedeemResult, StaffSecret, StaffStore } from '../port'
import { all, cloud, getOrNull, type CloudData, type CloudDatabase } from './db'

export function cloudbaseStaff(db: CloudDatabase): StaffStore {
  const { _, col, transact } = cloud(db)
  return {
    async putStaff(s: Staff, secret?: StaffSecret) {
      const ref = col('staff').doc(s.id)
      const existing = await getOrNull(ref)
      const keep = (k: 'login' | 'passwordHash' | 'openid') => (secret?.[k] !== undefined ? secret[k] : ((existing?.[k] as string | null | undefined) ?? null))
      const login = keep('login')
      const openid = keep('openid')
      // the unique keys of the Postgres schema, checked here as the console's unique indexes would
      if (login) {
        const twin = (await col('staff').where({ hallId: s.hallId, login }).limit(2).get()).data
        if (twin.some((d) => d._id !== s.id)) throw new Error(`duplicate login ${login}`)
      }
      if (openid) {
        const twin = (await col('staff').where({ openid }).limit(2).get()).data
        if (twin.some((d) => d._id !== s.id)) throw new Error('duplicate openid')
      }
      await ref.set({ data: { hallId: s.hallId, windowId: s.windowId, login, passwordHash: keep('passwordHash'), openid, data: s } })
    },
    async getStaff(id) {
      return ((await getOrNull(col('staff').doc(id)))?.data as Staff | undefined) ?? null
    },
    async listStaff(hallId, windowId) {
      const cond: CloudData = windowId === undefined ? { hallId } : { hallId, windowId }
      return (await all(col('staff').where(cond))).map((d) => d.data as Staff)
    },
    async findStaffByLogin(hallId, login) {
      const [d] = (await col('staff').where({ hallId, login }).limit(1).get()).data
      return d ? { staff: d.data as Staff, passwordHash: (d.passwordHash as string | null) ?? null } : null
    },
    async findStaffByOpenid(openid) {
      const [d] = (await col('staff').where({ openid }).limit(1).get()).data
      return d ? (d.data as Staff) : null
    },
    async listStaffAccounts(hallId) {
      const docs = await all(col('staff').where({ hallId }), 100_000)
      return docs.map((d) => ({ staffId: d._id as string, login: (d.login as string | null | undefined) ?? null, bound: Boolean(d.openid) }))
    },
    async staffOpenid(staffId) {
      return ((await getOrNull(col('staff').doc(staffId)))?.openid as string | null | undefined) ?? null
    },
    async createInvite(i) {
      const open = await all(col('invites').where({ staffId: i.staffId, usedAt: _.eq(null), revokedAt: _.eq(null) }))
      await transact(async (tx) => {
        for (const d of open)
          await tx
            .collection('invites')
            .doc(d._id as string)
            .update({ data: { revokedAt: i.createdAt } })
        await tx
          .collection('invites')
          .doc(i.codeHash)
          .set({
            data: {
              hallId: i.hallId,
              staffId: i.staffId,
              createdBy: i.createdBy,
              createdAt: i.createdAt,
              expiresAt: i.expiresAt,
              usedAt: null,
              usedByOpenid: null,
              revokedAt: null,
            },
          })
      })
    },
    async redeemInvite(codeHash, openid, at) {
      const bound = (await col('staff').where({ openid }).limit(2).get()).data
      return transact<RedeemResult>(async (tx) => {
        const ref = tx.collection('invites').doc(codeHash)
        const row = await getOrNull(ref)
        if (!row) return { status: 'unknown' }
        if (row.usedAt) return { status: 'used' }
        if (row.revokedAt) return { status: 'revoked' }
        if (Date.parse(row.expiresAt as string) <= Date.parse(at)) return { status: 'expired' }
        if (bound.some((d) => d._id !== row.staffId)) return { status: 'taken' }
        await ref.update({ data: { usedAt: at, usedByOpenid: openid } })
        await tx
          .collection('staff')
          .doc(row.staffId as string)
          .update({ data: { openid } })
        return { status: 'ok', staffId: row.staffId as string }
      })
    },
  }
}
