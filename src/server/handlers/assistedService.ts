// 帮办代办 (002 帮办代办制度) beyond the case actions: the 帮办代办工作登记台账 (三(二)) for any period, on the
// page and as xlsx laid out like the other ledgers. Read from the requests' own cases at the hall's
// 帮办代办 window, so the ledger and the cases can never disagree.
import { assistedLedger as ledgerRows } from '../../core/assistedLedger'
import { ASSIST_MODE_LABELS } from '../../core/assistedService'
import { DomainError } from '../../core/errors'
import { RATING_LABELS, type RatingLevel } from '../../core/rating'
import { CHANNEL_LABELS } from '../../core/registration'
import { maskPhone, type Staff } from '../../core/schemas'
import type { AssistedLedgerView } from '../../core/views'
import type { CaseState } from '../../core/caseState'
import { OUTCOME_LABELS } from '../../core/assistedLedger'
import { audit, staffActor } from '../audit'
import { requireStaff } from '../authorize'
import type { Handler, HandlerContext } from '../context'
import { loadDirectory } from '../directory'
import { loadHall } from '../hallContext'
import { assistedLedgerWorkbook as workbook } from '../ledgerWorkbook'

/** one ledger stays small enough for a phone and a cloud function's answer */
export const ASSISTED_LEDGER_MAX = 5000

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** the hall office, and the people of the 帮办代办 window, keep the ledger */
function keeper(me: Staff, windowId: string): void {
  if (me.role === 'office' || me.windowId === windowId) return
  throw new DomainError('FORBIDDEN', '帮办代办台账由帮办代办窗口和政务服务科查看')
}

/** the requests received at the hall's 帮办代办 window from `from` to `to` */
export async function assistedRequests(ctx: HandlerContext, hallId: string, windowId: string, from: string, to: string): Promise<CaseState[]> {
  const states = await ctx.store.listCases({
    hallId,
    windowId,
    submittedFrom: `${from}T00:00:00+08:00`,
    submittedTo: `${nextDay(to)}T00:00:00+08:00`,
    limit: ASSISTED_LEDGER_MAX + 1,
  })
  if (states.length > ASSISTED_LEDGER_MAX) {
    throw new DomainError('INVALID_INPUT', `这段时间的案件超过 ${ASSISTED_LEDGER_MAX} 件，请缩短期间（例如按月）`, { field: 'to' })
  }
  return states
}

async function build(ctx: HandlerContext, input: { from: string; to: string }, full: boolean): Promise<AssistedLedgerView> {
  const me = requireStaff(ctx)
  const hall = await loadHall(ctx.store, me.hallId)
  if (!hall.assistedWindowId) throw new DomainError('NOT_FOUND', '本大厅尚未设立帮办代办窗口')
  keeper(me, hall.assistedWindowId)
  const [dir, states] = await Promise.all([loadDirectory(ctx.store, me.hallId), assistedRequests(ctx, me.hallId, hall.assistedWindowId, input.from, input.to)])
  const rows = ledgerRows(states, input.from, input.to, (s) => (s.channel ? CHANNEL_LABELS[s.channel] : '网上申请'))
  return {
    from: input.from,
    to: input.to,
    hallName: hall.name,
    windowName: dir.window(hall.assistedWindowId),
    rows: rows.map((r) => ({
      caseId: r.caseId,
      no: r.no,
      matter: r.matter,
      receivedAt: r.receivedAt,
      finishedAt: r.finishedAt,
      agent: r.agentId ? dir.staff(r.agentId) : '',
      applicant: r.applicant,
      // the page shows the number as staff see it; the workbook, which is audited, in full
      phone: full ? r.phone : r.phone ? maskPhone(r.phone) : '',
      kind: `${ASSIST_MODE_LABELS[r.mode]}${r.homeVisit ? '（上门办）' : ''}`,
      channel: r.channel,
      outcome: OUTCOME_LABELS[r.outcome],
      result: r.result,
      rating: r.rating ? RATING_LABELS[r.rating as RatingLevel] : '',
    })),
    totals: {
      received: rows.length,
      finished: rows.filter((r) => r.outcome !== 'pending').length,
      help: rows.filter((r) => r.mode === 'help').length,
      agent: rows.filter((r) => r.mode === 'agent').length,
      homeVisit: rows.filter((r) => r.homeVisit).length,
      rated: rows.filter((r) => r.rating !== null).length,
    },
  }
}

export const assistedLedger: Handler<'assistedLedger'> = (ctx, input) => build(ctx, input, false)

export const assistedLedgerWorkbook: Handler<'assistedLedgerWorkbook'> = async (ctx, input) => {
  const view = await build(ctx, input, true)
  const bytes = await workbook(view, ctx.now)
  const me = ctx.staff!
  // the file carries the applicants' names and numbers
  await audit(
    ctx.store,
    {
      hallId: me.hallId,
      actor: staffActor(me),
      action: 'assistedLedger.export',
      target: `period:${input.from}~${input.to}`,
      detail: { rows: view.rows.length },
    },
    ctx.now,
  )
  return ctx.files.deliver(me.hallId, `帮办代办工作登记台账_${view.hallName}_${view.from}至${view.to}.xlsx`, bytes, ctx.now)
}
