// The window ledger (台帐), laid out as 附件3 窗口首问负责制情况统计表 (000 §8). Every closed case falls
// into exactly one column.
import type { CaseState } from './caseState'
import type { LedgerColumn } from './events'
import { shanghaiDate } from './calendar'

export const LEDGER_COLUMNS: Array<{ key: LedgerColumn; label: string; group: 'inScope' | 'outOfScope' }> = [
  { key: 'instant', label: '即办件', group: 'inScope' },
  { key: 'promised', label: '承诺件', group: 'inScope' },
  { key: 'consultOnTheSpot', label: '咨询件·当场答复', group: 'inScope' },
  { key: 'consultTimed', label: '咨询件·限时答复', group: 'inScope' },
  { key: 'handedOver', label: '移交本窗口事项', group: 'outOfScope' },
  { key: 'joint', label: '与其它窗口共同办理事项', group: 'outOfScope' },
  { key: 'otherWindow', label: '本级大厅其它窗口事项', group: 'outOfScope' },
  { key: 'outsideConsult', label: '本级大厅职责外·咨询', group: 'outOfScope' },
  { key: 'outsideWritten', label: '本级大厅职责外·书面申请', group: 'outOfScope' },
]

/**
 * The column of a case that is being closed, or null when it cannot be placed yet (nothing was
 * answered or decided). The out-of-scope routes come first: a case handed over, handled jointly,
 * referred or sent outside the hall is counted there, whatever its final answer.
 */
export function ledgerColumnOf(state: CaseState): LedgerColumn | null {
  if (state.referral) return 'otherWindow'
  if (state.outside) {
    if (state.outside.mode === 'consult') return 'outsideConsult'
    return state.outside.forwarded ? 'outsideWritten' : null
  }
  const answered = state.kind === 'consult' ? state.reply !== null : state.completion !== null || state.refusal !== null
  if (!answered) return null
  if (state.joint?.plan) return 'joint'
  if (state.handovers.some((h) => h.acknowledgedAt)) return 'handedOver'
  if (state.kind === 'consult') return state.reply!.mode === 'onTheSpot' ? 'consultOnTheSpot' : 'consultTimed'
  // a 帮办代办 request counts on its window's sheet by its clock: the matter's promise, or the same day
  if (state.assisted) return (state.clocks.find((c) => c.kind === 'assisted')?.limitDays ?? 0) > 0 ? 'promised' : 'instant'
  return state.acceptance?.mode === 'promised' ? 'promised' : 'instant'
}

export type LedgerSheet = Record<LedgerColumn, number> & { total: number }

export function emptySheet(): LedgerSheet {
  const sheet = { total: 0 } as LedgerSheet
  for (const c of LEDGER_COLUMNS) sheet[c.key] = 0
  return sheet
}

export function tallyLedger(states: Iterable<Pick<CaseState, 'ledgerColumn'>>): LedgerSheet {
  const sheet = emptySheet()
  for (const s of states) {
    if (!s.ledgerColumn) continue
    sheet[s.ledgerColumn]++
    sheet.total++
  }
  return sheet
}

/** a closed case's place in the ledger: its column and the day it closed, in the hall's time */
export function ledgerEntry(state: Pick<CaseState, 'ledgerColumn' | 'closedAt' | 'status'>): { column: LedgerColumn; day: string } | null {
  if (state.status !== 'closed' || !state.ledgerColumn || !state.closedAt) return null
  return { column: state.ledgerColumn, day: shanghaiDate(new Date(state.closedAt)) }
}

/** the sheet of counts per column, with the total, from (column, count) pairs */
export function sheetOf(counts: Iterable<{ column: LedgerColumn; count: number }>): LedgerSheet {
  const sheet = emptySheet()
  for (const c of counts) {
    sheet[c.column] += c.count
    sheet.total += c.count
  }
  return sheet
}
