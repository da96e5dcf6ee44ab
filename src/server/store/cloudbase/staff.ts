// Staff records, their sign-in secrets and the one-time invites in the CloudBase database.
import type { Staff } from '../../../core/schemas'
import type { RedeemResult, StaffSecret, StaffStore } from '../port'
import { all, cloud, getOrNull, hashId, type CloudData, type CloudDatabase, type CloudTransaction } from './db'

const loginKey = (hallId: string, login: string) => hashId('login', hallId, login)
const openidKey = (openid: string) => hashId('openid', openid)

/** takes a unique key for the staff member, or fails when another one holds it */
async function claim(tx: CloudTransaction, key: string, staffId: string, message: string) {
  const ref = tx.collection('counters').doc(key)
  const held = await getOrNull(ref)
  if (held && held.staffId !== staffId) throw new Error(message)
  await ref.set({ data: { scope: 'staff-key', staffId } })
}

export function cloudbaseStaff(db: CloudDatabase): StaffStore {
  const { _, col, transact } = cloud(db)
  return {
    async putStaff(s: Staff, secret?: StaffSecret) {
      // the unique keys of the Postgres schema (a login per hall, an openid) as claim documents, read
      // and written in the staff write's transaction: two concurrent saves cannot both take one key
      await transact(async (tx) => {
        const ref = tx.collection('staff').doc(s.id)
        const existing = await getOrNull(ref)
        const keep = (k: 'login' | 'passwordHash' | 'openid') =>
          secret?.[k] !== undefined ? secret[k] : ((existing?.[k] as string | null | undefined) ?? null)
        const login = keep('login')
        const openid = keep('openid')
        const before = { login: (existing?.login as string | null | undefined) ?? null, openid: (existing?.openid as string | null | undefined) ?? null }
        if (login !== before.login) {
          if (login) await claim(tx, loginKey(s.hallId, login), s.id, `duplicate login ${login}`)
          if (before.login)
            await tx
              .collection('counters')
              .doc(loginKey(existing!.hallId as string, before.login))
              .delete()
        }
        if (openid !== before.openid) {
          if (openid) await claim(tx, openidKey(openid), s.id, 'duplicate openid')
          if (before.openid) await tx.collection('counters').doc(openidKey(before.openid)).delete()
        }
        await ref.set({ data: { hallId: s.hallId, windowId: s.windowId, login, passwordHash: keep('passwordHash'), openid, data: s } })
      })
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
        // the staff member's latest invite, kept in the same transaction: of two concurrent invites
        // one is revoked by the other, never both left open
        const latest = tx.collection('counters').doc(hashId('invite', i.staffId))
        const pointer = await getOrNull(latest)
        const revoke = new Set(open.map((d) => d._id as string))
        if (typeof pointer?.codeHash === 'string') revoke.add(pointer.codeHash)
        for (const id of revoke) {
          const ref = tx.collection('invites').doc(id)
          const d = await getOrNull(ref)
          if (d && !d.usedAt && !d.revokedAt) await ref.update({ data: { revokedAt: i.createdAt } })
        }
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
        await latest.set({ data: { codeHash: i.codeHash } })
      })
    },
    async redeemInvite(codeHash, openid, at) {
      return transact<RedeemResult>(async (tx) => {
        const ref = tx.collection('invites').doc(codeHash)
        const row = await getOrNull(ref)
        if (!row) return { status: 'unknown' }
        if (row.usedAt) return { status: 'used' }
        if (row.revokedAt) return { status: 'revoked' }
        if (Date.parse(row.expiresAt as string) <= Date.parse(at)) return { status: 'expired' }
        const staffRef = tx.collection('staff').doc(row.staffId as string)
        const staff = await getOrNull(staffRef)
        const owner = await getOrNull(tx.collection('counters').doc(openidKey(openid)))
        if (owner && owner.staffId !== row.staffId) return { status: 'taken' }
        await ref.update({ data: { usedAt: at, usedByOpenid: openid } })
        if (staff?.openid && staff.openid !== openid)
          await tx
            .collection('counters')
            .doc(openidKey(staff.openid as string))
            .delete()
        await tx
          .collection('counters')
          .doc(openidKey(openid))
          .set({ data: { scope: 'openid', staffId: row.staffId } })
        await staffRef.update({ data: { openid } })
        return { status: 'ok', staffId: row.staffId as string }
      })
    },
  }
}
