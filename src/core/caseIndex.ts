// What a store keeps beside each case so the sweep, the assessment and the ledger read an index
// instead of the cases: computed here once, so both adapters index a case the same way.
import type { CaseState } from './caseState'
import type { LedgerColumn } from './events'
import { mayDeduct, roundRated } from './assessment'
import { decisionTime } from './caseMachine'
import { nextActionAt } from './clock'
import { ledgerEntry } from './ledger'

export interface CaseIndex {
  /** the 附件3 column and day (hall's date) a closed case is counted under; null while it is not in the ledger */
  ledger: { column: LedgerColumn; day: string } | null
  /** whether the case can carry a deduction (004): the assessment reads only these */
  mayDeduct: boolean
  /** when the current round was decided (reply, completion or refusal), or null */
  decidedAt: string | null
  /** whether the current round has its rating */
  roundRated: boolean
  /** the sweep's next look at the case: the state's own value when set (a calendar change corrects it), else from its clocks */
  nextActionAt: string | null
}

export function caseIndex(state: CaseState): CaseIndex {
  return {
    ledger: ledgerEntry(state),
    mayDeduct: mayDeduct(state),
    decidedAt: decisionTime(state),
    roundRated: roundRated(state),
    nextActionAt: state.nextActionAt !== undefined ? state.nextActionAt : nextActionAt(state.clocks),
  }
}
