// WeChat sign-in for staff (cloud): the hall office gives a staff member a one-time invite code; the
// staff member enters it once in the mini-program, which binds their WeChat account (OPENID) to the
// staff record. Only the code's hash is stored; a new code revokes the older ones; codes expire.
import { formatShanghai } from '../../core/calendar'
import { DomainError } from '../../core/errors'
import type { Staff } from '../../core/schemas'
import { audit } from '../audit'
import { hashCode, issueInvite } from '../invites'
import { requireStaff } from '../authorize'
import { sessionOf } from './session'
import type { Handler, HandlerContext } from '../context'

/** the hall office of the hall, and the staff member concerned in that hall */
async function officeAndStaff(ctx: HandlerContext, staffId: string): Promise<Staff> {
  const me = requireStaff(ctx)
  if (me.role !== 'office') throw new DomainError('FORBIDDEN', '只有政务服务科可以管理工作人员的微信绑定')
  const staff = await ctx.store.getStaff(staffId)
  if (!staff || staff.hallId !== me.hallId) throw new DomainError('NOT_FOUND', '找不到这位工作人员', { field: 'staffId' })
  if (!staff.active) throw new DomainError('CONFLICT', '这位工作人员已停用', { field: 'staffId' })
  return staff
}

export const createInvite: Handler<'createInvite'> = async (ctx, input) => {
  const staff = await officeAndStaff(ctx, input.staffId)
  return issueInvite(ctx.store, staff, { kind: 'staff', id: ctx.staff!.id, name: ctx.staff!.name }, ctx.now)
}

const REFUSALS = {
  unknown: ['NOT_FOUND', '邀请码不正确，请核对后再输入'],
  used: ['CONFLICT', '这个邀请码已经使用过了'],
  expired: ['CONFLICT', '邀请码已过期，请向政务服务科重新申请'],
  revoked: ['CONFLICT', '邀请码已作废，请使用政务服务科最新发放的邀请码'],
  taken: ['CONFLICT', '您的微信已绑定其他工作人员账号，请联系政务服务科'],
} as const

export const bindInvite: Handler<'bindInvite'> = async (ctx, input) => {
  if (ctx.mode !== 'cloud') throw new DomainError('FORBIDDEN', '请使用账号和密码登录')
  const openid = ctx.identity.openid
  if (!openid) throw new DomainError('UNAUTHENTICATED', '请在微信中打开小程序后再绑定')
  const result = await ctx.store.redeemInvite(hashCode(input.code), openid, formatShanghai(ctx.now))
  if (result.status !== 'ok') {
    const [code, message] = REFUSALS[result.status]
    throw new DomainError(code, message, { field: 'code' })
  }
  const staff = await ctx.store.getStaff(result.staffId)
  return sessionOf(ctx, staff)
}

/** a lost or changed phone: the hall office clears the binding; a new invite binds again */
export const unbindStaff: Handler<'unbindStaff'> = async (ctx, input) => {
  const staff = await officeAndStaff(ctx, input.staffId)
  await ctx.store.putStaff(staff, { openid: null })
  await audit(
    ctx.store,
    {
      hallId: staff.hallId,
      actor: { kind: 'staff', id: ctx.staff!.id, name: ctx.staff!.name },
      action: 'staff.unbind',
      target: `staff:${staff.id}`,
      detail: {},
    },
    ctx.now,
  )
  return { staffId: staff.id, bound: false }
}
