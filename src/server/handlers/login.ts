import { formatShanghai } from '../../core/calendar'
import { DomainError } from '../../core/errors'
import { afterFailure, isLocked, SIGN_IN } from '../../core/limits'
import { audit } from '../audit'
import { verifyPassword } from '../password'
import { sessionOf } from './session'
import type { Handler, HandlerContext } from '../context'

/** the keys failed sign-ins are counted under: the account (hall and login) and the caller's address */
export const accountKey = (hallId: string, login: string) => `acct:${hallId}:${login.trim().toLowerCase()}`
const addressKey = (address: string) => `addr:${address}`

const LOCKED = `登录失败次数过多，已暂时锁定。请 ${SIGN_IN.lockMs / 60_000} 分钟后再试，或请政务服务科在「工作人员管理」中解锁。`
const signInGuard = { kind: 'operator' as const, id: 'sign-in', name: '登录保护' }

/**
 * Self-hosted password sign-in; the shell then opens a server-side session. Guessing is throttled:
 * after SIGN_IN.accountFailures wrong passwords for one account, or SIGN_IN.addressFailures from one
 * address, sign-in is locked for SIGN_IN.lockMs (the hall office may lift an account's lock sooner);
 * each lock is written to the hall's audit log.
 */
export const login: Handler<'login'> = async (ctx, input) => {
  if (ctx.mode !== 'selfHosted') {
    throw new DomainError('FORBIDDEN', '小程序内请使用政务服务科发放的邀请码绑定工作人员身份')
  }
  const keys = [accountKey(input.hallId, input.login), ...(ctx.identity.address ? [addressKey(ctx.identity.address)] : [])]
  const before = await Promise.all(keys.map((k) => ctx.store.signInFailures(k)))
  // while locked the password is not even tried: a right guess teaches nothing
  if (before.some((r) => isLocked(r, ctx.now))) throw new DomainError('RATE_LIMITED', LOCKED, { field: 'login' })

  const found = await ctx.store.findStaffByLogin(input.hallId, input.login)
  // the same answer for an unknown login and a wrong password
  const ok = found !== null && found.staff.active && (await verifyPassword(input.password, found.passwordHash))
  if (!found || !ok) {
    await recordFailure(
      ctx,
      input.hallId,
      input.login,
      keys,
      before.map((r) => isLocked(r, ctx.now)),
    )
    throw new DomainError('UNAUTHENTICATED', '账号或密码不正确', { field: 'password' })
  }
  await ctx.store.clearSignInFailures(keys[0]!)
  return sessionOf(ctx, found.staff)
}

async function recordFailure(ctx: HandlerContext, hallId: string, login: string, keys: string[], wasLocked: boolean[]) {
  const iso = formatShanghai
  for (const [i, key] of keys.entries()) {
    const threshold = i === 0 ? SIGN_IN.accountFailures : SIGN_IN.addressFailures
    const after = await ctx.store.recordSignInFailure(key, (prev) => afterFailure(prev, ctx.now, threshold, iso))
    if (isLocked(after, ctx.now) && !wasLocked[i] && after.failures === threshold && (await ctx.store.getHall(hallId))) {
      await audit(
        ctx.store,
        {
          hallId,
          actor: signInGuard,
          action: i === 0 ? 'signIn.lock' : 'signIn.lockAddress',
          target: i === 0 ? `login:${login.trim().toLowerCase()}` : `address:${ctx.identity.address}`,
          detail: { failures: after.failures, until: after.lockedUntil, address: ctx.identity.address ?? null },
        },
        ctx.now,
      )
    }
  }
}
