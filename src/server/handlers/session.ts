import type { SessionView } from '../../core/views'
import { staffView } from '../caseView'
import type { Handler, HandlerContext } from '../context'

export async function sessionOf(ctx: HandlerContext, staff = ctx.staff): Promise<SessionView> {
  let windowName: string | null = null
  if (staff?.windowId) windowName = (await ctx.store.getWindow(staff.hallId, staff.windowId))?.name ?? null
  return { citizenId: ctx.identity.citizenId, staff: staff ? staffView(staff, windowName) : null, demo: ctx.demo }
}

export const session: Handler<'session'> = (ctx) => sessionOf(ctx)

/** the shell drops the staff sign-in from the session when it sees this answer */
export const logout: Handler<'logout'> = (ctx) => sessionOf(ctx, null)
