import { DomainError } from '../../core/errors'
import { DEMO_HALL_ID } from '../demoHall'
import { sessionOf } from './session'
import type { Handler, HandlerContext } from '../context'

function requireDemo(ctx: HandlerContext) {
  // demo identities exist only in demo mode; a production hall signs in with real accounts
  if (!ctx.demo || ctx.mode !== 'selfHosted') throw new DomainError('FORBIDDEN', '演示账号仅在演示模式下可用')
}

export const demoStaff: Handler<'demoStaff'> = async (ctx, input) => {
  requireDemo(ctx)
  // demo mode shows the demo hall's sample people only, never a real hall's staff beside it
  if (input.hallId && input.hallId !== DEMO_HALL_ID) throw new DomainError('NOT_FOUND', '演示模式只有示范大厅的演示账号', { field: 'hallId' })
  const hallId = DEMO_HALL_ID
  const [staff, windows] = await Promise.all([ctx.store.listStaff(hallId), ctx.store.listWindows(hallId)])
  const names = new Map(windows.map((w) => [w.id, w.name]))
  return {
    staff: staff
      .filter((s) => s.active)
      .map((s) => ({
        id: s.id,
        name: s.name,
        title: s.title,
        role: s.role,
        windowName: s.windowId ? (names.get(s.windowId) ?? '') : '政务服务科',
      })),
  }
}

export const demoLogin: Handler<'demoLogin'> = async (ctx, input) => {
  requireDemo(ctx)
  const staff = await ctx.store.getStaff(input.staffId)
  if (!staff || staff.hallId !== DEMO_HALL_ID || !staff.active) throw new DomainError('NOT_FOUND', '没有这个演示账号')
  return sessionOf(ctx, staff)
}
