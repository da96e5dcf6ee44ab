// 事项清单 for the hall office (003: the hall publishes its matters with basis, materials, promised
// limit and window): edit one matter, or the whole catalog as an xlsx — exported, edited in a
// spreadsheet, imported all or nothing with every bad row named. Every change is audited.
import { createHash, randomBytes } from 'node:crypto'
import { DomainError } from '../../core/errors'
import { Matter } from '../../core/schemas'
import { audit, staffActor } from '../audit'
import { requireOffice } from '../authorize'
import { invalidInput } from '../../core/errors'
import { mattersWorkbook, readMattersWorkbook } from '../matterWorkbook'
import type { Handler } from '../context'

const OFFICE_ONLY = '只有政务服务科可以维护事项清单'

export const matterList: Handler<'matterList'> = async (ctx) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const [matters, windows] = await Promise.all([ctx.store.listMatters(me.hallId), ctx.store.listWindows(me.hallId)])
  return { matters, windows: windows.filter((w) => w.active).map((w) => ({ id: w.id, name: w.name })) }
}

export const saveMatter: Handler<'saveMatter'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  // a new matter's id comes from the request, so a repeated request adds it once
  const newId = input.requestId
    ? `m-${createHash('sha256').update(`${me.hallId}:${input.requestId}`).digest('hex').slice(0, 8)}`
    : `m-${randomBytes(4).toString('hex')}`
  const existing = await ctx.store.getMatter(me.hallId, input.id ?? newId)
  if (input.id && !existing) throw new DomainError('NOT_FOUND', '找不到这个事项', { field: 'id' })
  if (!input.id && existing) return existing
  const window = await ctx.store.getWindow(me.hallId, input.windowId)
  if (!window || !window.active) throw new DomainError('NOT_FOUND', '请选择本厅在用的受理窗口', { field: 'windowId' })
  const { requestId: _requestId, ...fields } = input
  const parsed = Matter.safeParse({
    ...fields,
    id: existing?.id ?? newId,
    hallId: me.hallId,
    promisedDays: input.kind === 'promised' ? (input.promisedDays ?? null) : null,
  })
  if (!parsed.success) throw invalidInput(parsed.error)
  await ctx.store.putMatter(parsed.data)
  await audit(
    ctx.store,
    {
      hallId: me.hallId,
      actor: staffActor(me),
      action: existing ? 'matter.update' : 'matter.create',
      target: `matter:${parsed.data.id}`,
      detail: { name: parsed.data.name, active: parsed.data.active },
    },
    ctx.now,
  )
  return parsed.data
}

export const exportMatters: Handler<'exportMatters'> = async (ctx) => {
  const { matters, windows } = await matterList(ctx, {})
  const hall = await ctx.store.getHall(ctx.staff!.hallId)
  return ctx.files.deliver(ctx.staff!.hallId, `事项清单_${hall?.name ?? ''}.xlsx`, await mattersWorkbook(matters, windows), ctx.now)
}

export const importMatters: Handler<'importMatters'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const windows = await ctx.store.listWindows(me.hallId)
  const read = await readMattersWorkbook(Buffer.from(input.base64, 'base64'), me.hallId, new Set(windows.filter((w) => w.active).map((w) => w.id)))
  if (!read.ok) {
    throw new DomainError('INVALID_INPUT', `有 ${read.errors.length} 处需要修改，未导入任何事项`, { field: 'file', rows: read.errors })
  }
  const before = new Map((await ctx.store.listMatters(me.hallId)).map((m) => [m.id, m]))
  // a workbook without the self-service columns (exported before they existed) keeps each matter's steps
  for (const m of read.matters) await ctx.store.putMatter(m.selfService === undefined ? { ...m, selfService: before.get(m.id)?.selfService ?? null } : m)
  const created = read.matters.filter((m) => !before.has(m.id)).length
  await audit(
    ctx.store,
    { hallId: me.hallId, actor: staffActor(me), action: 'matter.import', target: `hall:${me.hallId}`, detail: { rows: read.matters.length, created } },
    ctx.now,
  )
  return { imported: read.matters.length, created, updated: read.matters.length - created }
}
