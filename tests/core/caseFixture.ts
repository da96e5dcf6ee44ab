// A case folded from its events through the real state machine, for the tests of what is derived from
// a case (notifications, the timeline). Any refusal fails the test with the step that was refused.
import { createCalendar } from '../../src/core/calendar'
import { applyEvent, type MachineContext } from '../../src/core/caseMachine'
import type { CaseState } from '../../src/core/caseState'
import type { Actor, CaseEvent, EventBody } from '../../src/core/events'
import { PRESETS } from '../../src/core/policy'

export const ctx: MachineContext = { policy: PRESETS['000'], calendar: createCalendar() }
export const citizen: Actor = { kind: 'citizen', id: 'wx:citizen-zhang' }
export const li: Actor = { kind: 'staff', id: 'bdc-li', name: '李晓梅', role: 'staff', windowId: 'bdc' }
export const wang: Actor = { kind: 'staff', id: 'bdc-wang', name: '王磊', role: 'staff', windowId: 'bdc' }
export const lead: Actor = { kind: 'staff', id: 'bdc-lead', name: '周建国', role: 'lead', windowId: 'bdc' }
export const office: Actor = { kind: 'staff', id: 'office-xu', name: '徐文', role: 'office', windowId: null }
export const sweep: Actor = { kind: 'system', id: 'sweep' }

// Monday 23 November 2026, 10:00 in the hall
const START = Date.parse('2026-11-23T10:00:00+08:00')
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')

export const submitted = (kind: 'consult' | 'application'): EventBody => ({
  type: 'submitted',
  payload: {
    no: 'SF-20261123-0001',
    hallId: 'demo',
    kind,
    windowId: 'bdc',
    routedBy: 'windowQr',
    contact: { name: '张三', phone: '13912345678' },
    text: '请问二手房过户需要哪些材料？',
    attachments: [],
    policy: { presetId: '000', version: 1 },
  },
})

/** the case after each step, an hour apart (or at the step's own time) */
export function fold(kind: 'consult' | 'application', steps: Array<[Actor, EventBody, string?]>): { state: CaseState; events: CaseEvent[] } {
  const events: CaseEvent[] = []
  let state: CaseState | null = null
  const all: Array<[Actor, EventBody, string?]> = [[citizen, submitted(kind)], ...steps]
  all.forEach(([actor, body, at], i) => {
    const e = { ...body, caseId: 'c_aaaaaaaaaaaaaaaa', seq: i + 1, at: at ?? iso(START + i * 3_600_000), actor } as CaseEvent
    const next = applyEvent(state, e, ctx)
    if (!next.ok) throw new Error(`step ${i + 1} ${body.type}: ${next.error.message}`)
    state = next.value
    events.push(e)
  })
  return { state: state as unknown as CaseState, events }
}
