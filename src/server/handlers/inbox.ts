// The in-app inbox of every role: reminders, breaches and urges for staff, progress for citizens. A
// citizen who also works at the hall reads each inbox from its own pages (`as`).
import { formatShanghai } from '../../core/calendar'
import { DomainError } from '../../core/errors'
import { requireCitizen, requireStaff } from '../authorize'
import type { Handler, HandlerContext } from '../context'

function reader(ctx: HandlerContext, as: 'citizen' | 'staff'): string {
  return as === 'staff' ? requireStaff(ctx).id : requireCitizen(ctx)
}

export const inbox: Handler<'inbox'> = async (ctx, input) => {
  const id = reader(ctx, input.as)
  const [rows, unread] = await Promise.all([ctx.store.listNotifications(id, input.limit), ctx.store.countUnread(id)])
  const template = ctx.mode === 'cloud' ? ((input.as === 'staff' ? ctx.templates.staff : ctx.templates.citizen) ?? null) : null
  return {
    items: rows.map((n) => ({ key: n.key, caseId: n.caseId, caseNo: n.caseNo, kind: n.kind, title: n.title, body: n.body, at: n.at, read: n.readAt !== null })),
    unread,
    template,
  }
}

export const markRead: Handler<'markRead'> = async (ctx, input) => {
  const id = reader(ctx, input.as)
  await ctx.store.markRead(id, input.keys ?? null, formatShanghai(ctx.now))
  return { unread: await ctx.store.countUnread(id) }
}

/**
 * The mini-program reports which templates the user allowed in wx.requestSubscribeMessage; each
 * allowance lets one message through (counted per user and template).
 */
export const subscribeGranted: Handler<'subscribeGranted'> = async (ctx, input) => {
  if (ctx.mode !== 'cloud' || !ctx.identity.openid) throw new DomainError('FORBIDDEN', '订阅消息仅在微信小程序中可用')
  const known = new Set([ctx.templates.citizen, ctx.templates.staff].filter(Boolean))
  const accepted = input.templateIds.filter((t) => known.has(t))
  for (const t of accepted) await ctx.store.addGrants(ctx.identity.openid, t, 1)
  return { recorded: accepted.length }
}
