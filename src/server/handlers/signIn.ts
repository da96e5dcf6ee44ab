// The hall office lifts a sign-in lock (core/limits.ts SIGN_IN) before it runs out, e.g. when the
// person forgot their password and the office has just set a new one. Audited like every
// administrative change.
import { DomainError } from '../../core/errors'
import { isLocked } from '../../core/limits'
import { audit, staffActor } from '../audit'
import { requireOffice } from '../authorize'
import { accountKey } from './login'
import type { Handler } from '../context'

export const unlockSignIn: Handler<'unlockSignIn'> = async (ctx, input) => {
  const me = requireOffice(ctx, '只有政务服务科可以解除登录锁定')
  if (ctx.mode !== 'selfHosted') throw new DomainError('FORBIDDEN', '小程序中工作人员用微信登录，没有登录锁定')
  const staff = await ctx.store.getStaff(input.staffId)
  if (!staff || staff.hallId !== me.hallId) throw new DomainError('NOT_FOUND', '找不到这位工作人员', { field: 'staffId' })
  const login = (await ctx.store.listStaffAccounts(me.hallId)).find((a) => a.staffId === staff.id)?.login ?? null
  if (!login) return { staffId: staff.id, login, wasLocked: false }
  const key = accountKey(me.hallId, login)
  const wasLocked = isLocked(await ctx.store.signInFailures(key), ctx.now)
  // nothing to lift: no write, no entry
  if (!(await ctx.store.clearSignInFailures(key))) return { staffId: staff.id, login, wasLocked: false }
  await audit(ctx.store, { hallId: me.hallId, actor: staffActor(me), action: 'signIn.unlock', target: `staff:${staff.id}`, detail: { wasLocked } }, ctx.now)
  return { staffId: staff.id, login, wasLocked }
}
