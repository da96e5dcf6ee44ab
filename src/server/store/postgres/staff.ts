// Staff records, their sign-in secrets and the one-time invites in PostgreSQL.
import { sql, type Kysely } from 'kysely'
import type { Staff } from '../../../core/schemas'
import type { StaffSecret, StaffStore } from '../port'
import { isUniqueViolation, json, type Db } from './db'

export function postgresStaff(db: Kysely<Db>): StaffStore {
  return {
    async putStaff(s: Staff, secret?: StaffSecret) {
      const base = { hall_id: s.hallId, window_id: s.windowId, data: json(s) }
      const secrets: Partial<Pick<Db['staff'], 'login' | 'password_hash' | 'openid'>> = {}
      if (secret?.login !== undefined) secrets.login = secret.login
      if (secret?.passwordHash !== undefined) secrets.password_hash = secret.passwordHash
      if (secret?.openid !== undefined) secrets.openid = secret.openid
      await db
        .insertInto('staff')
        .values({ id: s.id, ...base, login: null, password_hash: null, openid: null, ...secrets })
        .onConflict((oc) => oc.column('id').doUpdateSet({ ...base, ...secrets }))
        .execute()
    },
    async getStaff(id) {
      const row = await db.selectFrom('staff').select('data').where('id', '=', id).executeTakeFirst()
      return row?.data ?? null
    },
    async listStaff(hallId, windowId) {
      let q = db.selectFrom('staff').select('data').where('hall_id', '=', hallId)
      if (windowId !== undefined) q = q.where('window_id', '=', windowId)
      return (await q.orderBy('id').execute()).map((r) => r.data)
    },
    async findStaffByLogin(hallId, login) {
      const row = await db.selectFrom('staff').select(['data', 'password_hash']).where('hall_id', '=', hallId).where('login', '=', login).executeTakeFirst()
      return row ? { staff: row.data, passwordHash: row.password_hash } : null
    },
    async findStaffByOpenid(openid) {
      const row = await db.selectFrom('staff').select('data').where('openid', '=', openid).executeTakeFirst()
      return row?.data ?? null
    },
    async listStaffAccounts(hallId) {
      const rows = await db
        .selectFrom('staff')
        .select(['id', 'login', sql<boolean>`openid is not null`.as('bound')])
        .where('hall_id', '=', hallId)
        .orderBy('id')
        .execute()
      return rows.map((r) => ({ staffId: r.id, login: r.login, bound: Boolean(r.bound) }))
    },
    async staffOpenid(staffId) {
      const row = await db.selectFrom('staff').select('openid').where('id', '=', staffId).executeTakeFirst()
      return row?.openid ?? null
    },
    async createInvite(i) {
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('invites')
          .set({ revoked_at: i.createdAt })
          .where('staff_id', '=', i.staffId)
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .execute()
        await tx
          .insertInto('invites')
          .values({
            code_hash: i.codeHash,
            hall_id: i.hallId,
            staff_id: i.staffId,
            created_by: i.createdBy,
            created_at: i.createdAt,
            expires_at: i.expiresAt,
            used_at: null,
            used_by_openid: null,
            revoked_at: null,
          })
          .execute()
      })
    },
    async redeemInvite(codeHash, openid, at) {
      try {
        return await db.transaction().execute(async (tx) => {
          const row = await tx.selectFrom('invites').selectAll().where('code_hash', '=', codeHash).forUpdate().executeTakeFirst()
          if (!row) return { status: 'unknown' } as const
          if (row.used_at) return { status: 'used' } as const
          if (row.revoked_at) return { status: 'revoked' } as const
          if (new Date(row.expires_at).getTime() <= new Date(at).getTime()) return { status: 'expired' } as const
          const other = await tx.selectFrom('staff').select('id').where('openid', '=', openid).where('id', '!=', row.staff_id).executeTakeFirst()
          if (other) return { status: 'taken' } as const
          await tx.updateTable('invites').set({ used_at: at, used_by_openid: openid }).where('code_hash', '=', codeHash).execute()
          await tx.updateTable('staff').set({ openid }).where('id', '=', row.staff_id).execute()
          return { status: 'ok', staffId: row.staff_id } as const
        })
      } catch (e) {
        // the openid was bound to another record at the same moment
        if (isUniqueViolation(e)) return { status: 'taken' }
        throw e
      }
    },
  }
}
