// 002 三(二) 帮办代办工作登记台账 and the population of 四 随机回访: readings of the requests' cases
// (core/assistedService.ts).
import { shanghaiDate } from './calendar'
import type { CaseState } from './caseState'
import type { AssistMode } from './assistedService'

/** a request is finished when the agent reported the result or it was refused */
export const isFinished = (s: Pick<CaseState, 'completion' | 'refusal'>) => s.completion !== null || s.refusal !== null
export const finishedAt = (s: Pick<CaseState, 'completion' | 'refusal'>) => s.completion?.at ?? s.refusal?.at ?? null

export type AssistedOutcome = 'pending' | 'completed' | 'refused'
export const OUTCOME_LABELS: Record<AssistedOutcome, string> = { pending: '办理中', completed: '已办结', refused: '不予办理' }
export const outcomeOf = (s: Pick<CaseState, 'completion' | 'refusal'>): AssistedOutcome => (s.completion ? 'completed' : s.refusal ? 'refused' : 'pending')

/** 002 三(二) 帮办代办工作登记台账: one row per request received in the period */
export interface AssistedLedgerRow {
  caseId: string
  no: string
  matter: string
  receivedAt: string
  finishedAt: string | null
  agentId: string | null
  applicant: string
  phone: string
  mode: AssistMode
  homeVisit: boolean
  channel: string
  outcome: AssistedOutcome
  result: string
  rating: number | null
}

/**
 * The ledger's rows: the requests received from `from` to `to` (days, both included, in the hall's
 * time), oldest first. Other cases are not rows, whatever the store answered.
 */
export function assistedLedger(states: CaseState[], from: string, to: string, channelLabel: (s: CaseState) => string): AssistedLedgerRow[] {
  return states
    .filter((s) => s.assisted)
    .filter((s) => {
      const day = shanghaiDate(new Date(s.submittedAt))
      return day >= from && day <= to
    })
    .sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || a.no.localeCompare(b.no))
    .map((s) => ({
      caseId: s.id,
      no: s.no,
      matter: s.matter?.name ?? '（未指定事项）',
      receivedAt: s.submittedAt,
      finishedAt: finishedAt(s),
      agentId: s.assisted!.agentId,
      applicant: s.contact.name,
      phone: s.contact.phone,
      mode: s.assisted!.mode,
      homeVisit: !!s.assisted!.homeVisit,
      channel: channelLabel(s),
      outcome: outcomeOf(s),
      result: s.completion?.result ?? s.refusal?.reason ?? '',
      rating: s.ratings?.[0]?.level ?? null,
    }))
}

/** the requests finished in a month (YYYY-MM, the hall's time): the population of its 随机回访 */
export function finishedInMonth(states: CaseState[], month: string): CaseState[] {
  return states.filter((s) => {
    const at = s.assisted ? finishedAt(s) : null
    return at !== null && shanghaiDate(new Date(at)).slice(0, 7) === month
  })
}
