// 附件3 窗口首问负责制情况统计表 (000 §8): each window's ledger for a period — closed cases counted in
// every column, with the cases behind each count and the sheet as an xlsx workbook laid out like the
// paper form. The hall office sees every window and the hall-wide sheet; a window's staff their window.
import { DomainError } from '../../core/errors'
import { LEDGER_COLUMNS, sheetOf } from '../../core/ledger'
import type { Staff } from '../../core/schemas'
import { CASE_CHANNEL_LABELS, CaseChannel } from '../../core/registration'
import type { LedgerView } from '../../core/views'
import { requireStaff } from '../authorize'
import { caseSummary } from '../caseView'
import { loadDirectory } from '../directory'
import { loadHallContext } from '../hallContext'
import { ledgerWorkbook as workbook } from '../ledgerWorkbook'
import type { Handler, HandlerContext } from '../context'

/** the windows this person may see the ledger of; undefined: every window of the hall */
function scope(me: Staff, windowId: string | undefined): string | undefined {
  if (me.role === 'office') return windowId
  if (!me.windowId) throw new DomainError('FORBIDDEN', '只能查看本窗口的台帐')
  if (windowId && windowId !== me.windowId) throw new DomainError('FORBIDDEN', '只能查看本窗口的台帐')
  return me.windowId
}

async function build(ctx: HandlerContext, input: { from: string; to: string; windowId?: string; channel?: CaseChannel }): Promise<LedgerView> {
  const me = requireStaff(ctx)
  const windowId = scope(me, input.windowId)
  const [hall, dir, counts] = await Promise.all([
    loadHallContext(ctx.store, me.hallId, 'current'),
    loadDirectory(ctx.store, me.hallId),
    ctx.store.ledgerCounts({ hallId: me.hallId, windowId, from: input.from, to: input.to, channel: input.channel }),
  ])
  if (windowId && !dir.windows.has(windowId)) throw new DomainError('NOT_FOUND', '找不到这个窗口', { field: 'windowId' })
  // every active window has its sheet, and any window that has counts in the period
  const shown = [...dir.windows.values()].filter((w) => (windowId ? w.id === windowId : w.active || counts.some((c) => c.windowId === w.id)))
  const windows = shown.map((w) => ({ windowId: w.id, name: w.name, number: w.number, sheet: sheetOf(counts.filter((c) => c.windowId === w.id)) }))
  return {
    from: input.from,
    to: input.to,
    hallName: hall.hall.name,
    // counter visits, calls, letters and 12345 referrals count like cases submitted in the app; the sheet may show one channel
    channel: input.channel ? { id: input.channel, label: CASE_CHANNEL_LABELS[input.channel] } : null,
    channelChoices: CaseChannel.options.map((id) => ({ id, label: CASE_CHANNEL_LABELS[id] })),
    columns: LEDGER_COLUMNS,
    windows,
    total: sheetOf(counts),
  }
}

export const ledger: Handler<'ledger'> = (ctx, input) => build(ctx, input)

const DRILL_LIMIT = 200

export const ledgerCases: Handler<'ledgerCases'> = async (ctx, input) => {
  const me = requireStaff(ctx)
  const windowId = scope(me, input.windowId)!
  const [dir, states] = await Promise.all([
    loadDirectory(ctx.store, me.hallId),
    ctx.store.ledgerCases({
      hallId: me.hallId,
      windowId,
      column: input.column,
      from: input.from,
      to: input.to,
      channel: input.channel,
      limit: DRILL_LIMIT + 1,
    }),
  ])
  return { cases: states.slice(0, DRILL_LIMIT).map((s) => caseSummary(s, dir)), more: states.length > DRILL_LIMIT }
}

export const ledgerWorkbook: Handler<'ledgerWorkbook'> = async (ctx, input) => {
  const view = await build(ctx, input)
  const bytes = await workbook(view, ctx.now)
  const who = view.windows.length === 1 && input.windowId ? view.windows[0]!.name : view.hallName
  const channel = view.channel ? `_${view.channel.label}` : ''
  return ctx.files.deliver(ctx.staff!.hallId, `首问负责制统计表_${who}${channel}_${view.from}至${view.to}.xlsx`, bytes, ctx.now)
}
