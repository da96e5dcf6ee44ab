// 归档导出 for the hall office: the cases submitted in a period with every step, as xlsx or JSON lines.
// The file carries citizens' names and numbers, so every export is audited.
import { shanghaiDate } from '../../core/calendar'
import { DomainError } from '../../core/errors'
import { archiveJsonLines, archiveWorkbook } from '../archive'
import { audit, staffActor } from '../audit'
import { requireOffice } from '../authorize'
import { loadDirectory } from '../directory'
import { loadHall } from '../hallContext'
import type { Handler } from '../context'

/** one file stays small enough for a phone and a cloud function's answer */
export const ARCHIVE_MAX_CASES = 5000

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

export const exportArchive: Handler<'exportArchive'> = async (ctx, input) => {
  const me = requireOffice(ctx, '只有政务服务科可以导出归档')
  if (input.from > shanghaiDate(ctx.now)) throw new DomainError('INVALID_INPUT', '开始日期不能晚于今天', { field: 'from' })
  const [hall, dir, states] = await Promise.all([
    loadHall(ctx.store, me.hallId),
    loadDirectory(ctx.store, me.hallId),
    ctx.store.listCases({
      hallId: me.hallId,
      submittedFrom: `${input.from}T00:00:00+08:00`,
      submittedTo: `${nextDay(input.to)}T00:00:00+08:00`,
      limit: ARCHIVE_MAX_CASES + 1,
    }),
  ])
  if (states.length > ARCHIVE_MAX_CASES) {
    throw new DomainError('INVALID_INPUT', `这段时间的案件超过 ${ARCHIVE_MAX_CASES} 件，请缩短期间分次导出（例如按月）`, {
      field: 'to',
      limit: ARCHIVE_MAX_CASES,
    })
  }
  const oldestFirst = [...states].reverse()
  const events = await ctx.store.listEvents(oldestFirst.map((s) => s.id))
  const cases = oldestFirst.map((s) => ({ case: s, events: events[s.id] ?? [] }))
  const name = `首问负责制案件归档_${hall.name}_${input.from}至${input.to}`
  const bytes = input.format === 'xlsx' ? await archiveWorkbook(cases, dir, name, ctx.now) : new TextEncoder().encode(archiveJsonLines(cases))
  await audit(
    ctx.store,
    {
      hallId: me.hallId,
      actor: staffActor(me),
      action: 'archive.export',
      target: `period:${input.from}~${input.to}`,
      detail: { format: input.format, cases: cases.length },
    },
    ctx.now,
  )
  return { ...(await ctx.files.deliver(me.hallId, `${name}.${input.format}`, bytes, ctx.now)), cases: cases.length }
}
