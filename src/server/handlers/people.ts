// The hall office manages its staff (docs/DESIGN.md roles): who works at which window, with title, post
// and rank (shown to citizens on the responder card, 000 §10); how they sign in (a WeChat binding by
// invite code in the cloud, a login and password on the hall's own server). Staff are deactivated,
// never deleted: their cases and scores keep their names. Every change is in the audit log.
import { createHash, randomBytes } from 'node:crypto'
import { formatShanghai } from '../../core/calendar'
import { DomainError } from '../../core/errors'
import type { Staff } from '../../core/schemas'
import type { StaffAdminView } from '../../core/views'
import { audit, staffActor } from '../audit'
import { requireOffice } from '../authorize'
import { loadDirectory } from '../directory'
import { hashPassword } from '../password'
import type { Handler } from '../context'

const OFFICE_ONLY = '只有政务服务科可以管理工作人员'

export const staffList: Handler<'staffList'> = async (ctx) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const [dir, accounts] = await Promise.all([loadDirectory(ctx.store, me.hallId), ctx.store.listStaffAccounts(me.hallId)])
  const photos = [...dir.staffById.values()].flatMap((s) => (s.photo ? [s.photo] : []))
  const urls = await ctx.files.urls(photos)
  const account = new Map(accounts.map((a) => [a.staffId, a]))
  const windowOrder = [...dir.windows.keys()]
  const order = (s: Staff) => (s.windowId ? windowOrder.indexOf(s.windowId) : -1)
  const staff: StaffAdminView['staff'] = [...dir.staffById.values()]
    .sort((a, b) => Number(b.active) - Number(a.active) || order(a) - order(b) || b.rank - a.rank || a.name.localeCompare(b.name, 'zh'))
    .map((s) => ({
      ...s,
      windowName: s.windowId ? dir.window(s.windowId) : '政务服务科',
      login: account.get(s.id)?.login ?? null,
      bound: account.get(s.id)?.bound ?? false,
      photoUrl: (s.photo && urls.get(s.photo)) || null,
    }))
  return { mode: ctx.mode, hallId: me.hallId, staff, windows: [...dir.windows.values()].filter((w) => w.active).map((w) => ({ id: w.id, name: w.name })) }
}

export const saveStaff: Handler<'saveStaff'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  // a new person's id comes from the request, so a repeated request adds them once
  const newId = input.requestId
    ? `s-${createHash('sha256').update(`${me.hallId}:${input.requestId}`).digest('hex').slice(0, 10)}`
    : `s-${randomBytes(5).toString('hex')}`
  const existing = await ctx.store.getStaff(input.id ?? newId)
  if (input.id && (!existing || existing.hallId !== me.hallId)) throw new DomainError('NOT_FOUND', '找不到这位工作人员', { field: 'id' })
  if (!input.id && existing) return (await staffList(ctx, {})).staff.find((s) => s.id === existing.id)!
  // a window's staff and leads belong to a window; the hall office to none
  if (input.role !== 'office' && !input.windowId) throw new DomainError('INVALID_INPUT', '请选择所在窗口', { field: 'windowId' })
  const windowId = input.role === 'office' ? null : input.windowId!
  if (windowId && !(await ctx.store.getWindow(me.hallId, windowId))) throw new DomainError('NOT_FOUND', '找不到这个窗口', { field: 'windowId' })
  if (existing?.id === me.id && (!input.active || input.role !== 'office')) {
    throw new DomainError('CONFLICT', '不能停用自己或取消自己的政务服务科身份，请由另一位政务服务科人员操作', { field: 'role' })
  }
  if (input.login) {
    const twin = await ctx.store.findStaffByLogin(me.hallId, input.login)
    if (twin && twin.staff.id !== existing?.id) throw new DomainError('CONFLICT', '这个登录名已被使用，请换一个', { field: 'login' })
  }
  const staff: Staff = {
    id: existing?.id ?? newId,
    hallId: me.hallId,
    windowId,
    name: input.name,
    title: input.title,
    post: input.post,
    role: input.role,
    rank: input.rank,
    phone: input.phone,
    active: input.active,
    photo: existing?.photo ?? null,
  }
  try {
    await ctx.store.putStaff(staff, input.login !== undefined ? { login: input.login || null } : undefined)
  } catch (e) {
    // the same login taken at the same moment by another record
    if (input.login && /duplicate|unique|23505/i.test(`${(e as { code?: string }).code ?? ''} ${(e as Error).message}`)) {
      throw new DomainError('CONFLICT', '这个登录名已被使用，请换一个', { field: 'login' })
    }
    throw e
  }
  // a deactivated person can no longer sign in with WeChat either, and their sessions end now
  if (existing?.active && !staff.active) {
    await ctx.store.putStaff(staff, { openid: null })
    await ctx.store.revokeStaffSessions(staff.id, formatShanghai(ctx.now))
  }
  const changed = existing ? (Object.keys(staff) as Array<keyof Staff>).filter((k) => staff[k] !== existing[k]).join(',') : 'created'
  await audit(
    ctx.store,
    {
      hallId: me.hallId,
      actor: staffActor(me),
      action: existing ? 'staff.update' : 'staff.create',
      target: `staff:${staff.id}`,
      detail: { changed, login: input.login !== undefined },
    },
    ctx.now,
  )
  return (await staffList(ctx, {})).staff.find((s) => s.id === staff.id)!
}

export const setStaffPhoto: Handler<'setStaffPhoto'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const staff = await ctx.store.getStaff(input.staffId)
  if (!staff || staff.hallId !== me.hallId) throw new DomainError('NOT_FOUND', '找不到这位工作人员', { field: 'staffId' })
  // the same photo again (a repeated tap) changes nothing and is not logged twice
  if (input.photo === (staff.photo ?? null)) return (await staffList(ctx, {})).staff.find((s) => s.id === staff.id)!
  if (input.photo) {
    await ctx.files.checkStaffPhoto(input.photo, ctx.identity.citizenId, me.hallId, staff.id)
    await ctx.files.attached([input.photo], `staff:${staff.id}`)
  }
  await ctx.store.putStaff({ ...staff, photo: input.photo })
  if (staff.photo) await ctx.files.released([staff.photo], `staff:${staff.id}`)
  await audit(
    ctx.store,
    { hallId: me.hallId, actor: staffActor(me), action: 'staff.photo', target: `staff:${staff.id}`, detail: { removed: input.photo === null } },
    ctx.now,
  )
  return (await staffList(ctx, {})).staff.find((s) => s.id === staff.id)!
}

export const setStaffPassword: Handler<'setStaffPassword'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  if (ctx.mode !== 'selfHosted') throw new DomainError('FORBIDDEN', '小程序中工作人员用邀请码绑定微信登录，无需密码')
  const staff = await ctx.store.getStaff(input.staffId)
  if (!staff || staff.hallId !== me.hallId) throw new DomainError('NOT_FOUND', '找不到这位工作人员', { field: 'staffId' })
  const account = (await ctx.store.listStaffAccounts(me.hallId)).find((a) => a.staffId === staff.id)
  if (!account?.login) throw new DomainError('CONFLICT', '请先为这位工作人员设置登录名', { field: 'staffId' })
  await ctx.store.putStaff(staff, { passwordHash: await hashPassword(input.password) })
  // a new password ends every session signed in with the old one
  const ended = await ctx.store.revokeStaffSessions(staff.id, formatShanghai(ctx.now))
  await audit(
    ctx.store,
    { hallId: me.hallId, actor: staffActor(me), action: 'staff.password', target: `staff:${staff.id}`, detail: { sessionsEnded: ended } },
    ctx.now,
  )
  return { staffId: staff.id, login: account.login }
}
