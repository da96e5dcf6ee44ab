// 大厅设置 for the hall office: the hall's public profile (000 §10: the supervision phone and the
// complaint channel citizens see) and its windows (name, counter number, business scope). A window
// with cases still at it cannot be closed; the refusal says how many. Every change is audited.
import { DomainError } from '../../core/errors'
import { DEFAULT_HOURS } from '../../core/hours'
import { CaseStatus } from '../../core/events'
import type { Window } from '../../core/schemas'
import { audit, staffActor } from '../audit'
import { requireOffice } from '../authorize'
import type { Handler, HandlerContext } from '../context'

const OFFICE_ONLY = '只有政务服务科可以修改大厅设置'

/** every status but closed: a case still at its window */
const NOT_CLOSED = CaseStatus.options.filter((s) => s !== 'closed')

async function openCases(ctx: HandlerContext, hallId: string, windowId: string): Promise<number> {
  return (await ctx.store.listCases({ hallId, windowId, statuses: NOT_CLOSED, limit: 100_000 })).length
}

export const hallSettings: Handler<'hallSettings'> = async (ctx) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const [hall, windows, staff] = await Promise.all([ctx.store.getHall(me.hallId), ctx.store.listWindows(me.hallId), ctx.store.listStaff(me.hallId)])
  if (!hall) throw new DomainError('NOT_FOUND', '找不到这个大厅')
  return {
    hall: {
      id: hall.id,
      prefix: hall.prefix,
      name: hall.name,
      address: hall.address,
      supervisionPhone: hall.supervisionPhone,
      complaintChannel: hall.complaintChannel,
      selfServicePhone: hall.selfServicePhone ?? '',
      generalWindowId: hall.generalWindowId ?? null,
      hours: hall.hours ?? DEFAULT_HOURS,
    },
    // a window's lead is whoever the staff list makes its lead (首席代表)
    windows: await Promise.all(
      windows.map(async (w) => ({
        ...w,
        openCases: await openCases(ctx, me.hallId, w.id),
        leads: staff.filter((s) => s.active && s.role === 'lead' && s.windowId === w.id).map((s) => s.name),
      })),
    ),
  }
}

export const saveHall: Handler<'saveHall'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const hall = await ctx.store.getHall(me.hallId)
  if (!hall) throw new DomainError('NOT_FOUND', '找不到这个大厅')
  if (input.generalWindowId) {
    const w = await ctx.store.getWindow(me.hallId, input.generalWindowId)
    if (!w || !w.active) throw new DomainError('NOT_FOUND', '综合咨询窗口须是本厅在用的窗口', { field: 'generalWindowId' })
  }
  const next = {
    ...hall,
    name: input.name,
    address: input.address,
    supervisionPhone: input.supervisionPhone,
    complaintChannel: input.complaintChannel,
    selfServicePhone: input.selfServicePhone ?? hall.selfServicePhone ?? '',
    // omitted: kept; null: none
    generalWindowId: input.generalWindowId === undefined ? hall.generalWindowId : (input.generalWindowId ?? undefined),
    hours: input.hours ?? hall.hours,
  }
  const changed = [
    ...(['name', 'address', 'supervisionPhone', 'complaintChannel', 'selfServicePhone', 'generalWindowId'] as const).filter((k) => next[k] !== hall[k]),
    ...(JSON.stringify(next.hours ?? null) !== JSON.stringify(hall.hours ?? null) ? ['hours'] : []),
  ].join(',')
  // a repeated save changes nothing and is not logged again
  if (!changed) return hallSettings(ctx, {})
  await ctx.store.putHall(next)
  await audit(ctx.store, { hallId: me.hallId, actor: staffActor(me), action: 'hall.update', target: `hall:${me.hallId}`, detail: { changed } }, ctx.now)
  return hallSettings(ctx, {})
}

export const saveWindow: Handler<'saveWindow'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const existing = await ctx.store.getWindow(me.hallId, input.id)
  if (input.isNew && existing) {
    // the same new window sent twice (a double tap) is opened once; another window with that id is a conflict
    const same = existing.name === input.name && existing.number === input.number && existing.scope === input.scope
    if (same) return hallSettings(ctx, {})
    throw new DomainError('CONFLICT', '窗口编号已被使用，请换一个', { field: 'id' })
  }
  if (!input.isNew && !existing) throw new DomainError('NOT_FOUND', '找不到这个窗口', { field: 'id' })
  if (existing?.active && !input.active) {
    const open = await openCases(ctx, me.hallId, existing.id)
    if (open > 0) throw new DomainError('CONFLICT', `该窗口还有 ${open} 件未结案件，请先办结或转交后再停用`, { field: 'active', openCases: open })
    const hall = await ctx.store.getHall(me.hallId)
    if (hall?.generalWindowId === existing.id) throw new DomainError('CONFLICT', '这是大厅的综合咨询窗口，请先在大厅设置中改选其它窗口', { field: 'active' })
    const staff = (await ctx.store.listStaff(me.hallId, existing.id)).filter((s) => s.active)
    if (staff.length > 0)
      throw new DomainError('CONFLICT', `该窗口还有 ${staff.length} 名在岗工作人员，请先调整他们的窗口`, { field: 'active', staff: staff.length })
  }
  const window: Window = { id: input.id, hallId: me.hallId, name: input.name, number: input.number, scope: input.scope, active: input.active }
  const changed = existing ? (['name', 'number', 'scope', 'active'] as const).filter((k) => window[k] !== existing[k]).join(',') : 'created'
  if (!changed) return hallSettings(ctx, {})
  await ctx.store.putWindow(window)
  await audit(
    ctx.store,
    { hallId: me.hallId, actor: staffActor(me), action: existing ? 'window.update' : 'window.create', target: `window:${window.id}`, detail: { changed } },
    ctx.now,
  )
  return hallSettings(ctx, {})
}
