import { DomainError } from '../../core/errors'
import { verifyPassword } from '../password'
import { sessionOf } from './session'
import type { Handler } from '../context'

/** Self-hosted password sign-in; the shell puts the staff id into the signed session cookie. */
export const login: Handler<'login'> = async (ctx, input) => {
  if (ctx.mode !== 'selfHosted') {
    throw new DomainError('FORBIDDEN', '小程序内请使用政务服务科发放的邀请码绑定工作人员身份')
  }
  const found = await ctx.store.findStaffByLogin(input.hallId, input.login)
  // the same answer for an unknown login and a wrong password
  const ok = found !== null && found.staff.active && (await verifyPassword(input.password, found.passwordHash))
  if (!found || !ok) throw new DomainError('UNAUTHENTICATED', '账号或密码不正确', { field: 'password' })
  return sessionOf(ctx, found.staff)
}
