// A new case: its id, its readable number and its first event, for a citizen's submission and for the
// linked case a referral opens at another window (000 §5.3).
import { randomBytes } from 'node:crypto'
import { formatShanghai, shanghaiDate } from '../core/calendar'
import { applyEvent } from '../core/caseMachine'
import type { Actor, CaseEvent } from '../core/events'
import type { HallContext } from './hallContext'
import type { NewCase } from './store/port'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
export function newCaseId(): string {
  const bytes = randomBytes(16)
  let id = 'c_'
  for (const b of bytes) id += ALPHABET[b % 36]
  return id
}

/** readable case number: hall prefix, date of receipt, daily sequence — e.g. SW-20261123-0007 */
export const caseNumber = (prefix: string, day: string, seq: number) => `${prefix}-${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`

type Submission = Omit<Extract<CaseEvent, { type: 'submitted' }>['payload'], 'no' | 'hallId' | 'policy'>

/**
 * The case as the store creates it: numbered from the hall's daily series in the same transaction,
 * under the hall's current policy version.
 */
export function newCase(
  hallCtx: HallContext,
  now: Date,
  who: { citizenId: string; requestId: string; id?: string; uploads?: string[]; actor?: Actor },
  submission: Submission,
): NewCase {
  const { hall, policy } = hallCtx
  const day = shanghaiDate(now)
  const id = who.id ?? newCaseId()
  return {
    citizenId: who.citizenId,
    requestId: who.requestId,
    numberScope: `case:${hall.id}:${day}`,
    uploads: who.uploads,
    build: (seq) => {
      const event: CaseEvent = {
        type: 'submitted',
        caseId: id,
        seq: 1,
        at: formatShanghai(now),
        // staff who register a visit, a call or a letter are its actor (core/registration.ts)
        actor: who.actor ?? { kind: 'citizen', id: who.citizenId },
        requestId: who.requestId,
        payload: {
          ...submission,
          no: caseNumber(hall.prefix, day, seq),
          hallId: hall.id,
          policy: { presetId: policy.presetId, version: policy.version },
        },
      }
      const next = applyEvent(null, event, hallCtx)
      if (!next.ok) throw next.error
      return { state: next.value, event }
    },
  }
}
