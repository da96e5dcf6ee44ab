// The columns a store keeps beside each case, computed once for both adapters.
import { createCalendar, formatShanghai } from '../../src/core/calendar'
import { applyEvent, type MachineContext } from '../../src/core/caseMachine'
import { caseIndex } from '../../src/core/caseIndex'
import type { CaseState } from '../../src/core/caseState'
import type { Actor, CaseEvent, EventBody } from '../../src/core/events'
import { PRESETS } from '../../src/core/policy'

const ctx: MachineContext = { policy: PRESETS['000'], calendar: createCalendar() }
const citizen: Actor = { kind: 'citizen', id: 'dev:citizen' }
const system: Actor = { kind: 'system', id: 'sweep' }
const li: Actor = { kind: 'staff', id: 'bdc-li', name: '李', role: 'staff', windowId: 'bdc' }

/** a consult submitted Mon 23 Nov 2026 09:30, then the timed steps (hall time) */
function consult(steps: Array<[string, Actor, EventBody]>): CaseState {
  let state: CaseState | null = null
  const all: Array<[string, Actor, EventBody]> = [
    [
      '2026-11-23T09:30:00',
      citizen,
      {
        type: 'submitted',
        payload: {
          no: 'TL-1',
          hallId: 'demo',
          kind: 'consult',
          windowId: 'bdc',
          routedBy: 'windowQr',
          contact: { name: '张三', phone: '13912345678' },
          text: '咨询',
          attachments: [],
          policy: { presetId: '000', version: 1 },
        },
      },
    ],
    ...steps,
  ]
  all.forEach(([at, actor, body], i) => {
    const e = { ...body, caseId: 'c_0000000000000001', seq: i + 1, at: formatShanghai(new Date(`${at}+08:00`)), actor } as CaseEvent
    const next = applyEvent(state, e, ctx)
    if (!next.ok) throw new Error(`step ${i + 1} ${body.type}: ${next.error.message}`)
    state = next.value
  })
  return state as unknown as CaseState
}
const claim: EventBody = { type: 'claimed', payload: { staffId: 'bdc-li' } }
const reply: EventBody = { type: 'replied', payload: { text: '您好，需要身份证。', mode: 'onTheSpot' } }
const rate = (level: number): EventBody => ({
  type: 'rated',
  payload: { level, tags: level < 3 ? ['attitude'] : [], text: level < 3 ? '态度很不耐烦' : '', staffId: 'bdc-li', windowId: 'bdc' },
})
const close: EventBody = { type: 'closed', payload: { note: '' } }

it('a new consult: not in the ledger, nothing to deduct, undecided, next looked at when the machine said', () => {
  const state = consult([])
  expect(state.nextActionAt).toBe('2026-11-24T14:15:00+08:00')
  expect(caseIndex(state)).toEqual({ ledger: null, mayDeduct: false, decidedAt: null, roundRated: false, nextActionAt: '2026-11-24T14:15:00+08:00' })
})

it('a replied, rated and closed consult: in the ledger on the day it closed (hall time), decided at the reply, rated, nothing running', () => {
  const state = consult([
    ['2026-11-23T09:40:00', li, claim],
    ['2026-11-23T10:00:00', li, reply],
    ['2026-11-23T11:00:00', citizen, rate(5)],
    ['2026-11-23T23:30:00', li, close],
  ])
  expect(caseIndex(state)).toEqual({
    ledger: { column: 'consultOnTheSpot', day: '2026-11-23' },
    mayDeduct: false,
    decidedAt: '2026-11-23T10:00:00+08:00',
    roundRated: true,
    nextActionAt: null,
  })
})

it('a breach or a bad rating may carry a deduction; a rating of an earlier round does not rate this one', () => {
  const breached = consult([
    ['2026-11-23T09:40:00', li, claim],
    ['2026-11-25T17:35:00', system, { type: 'clockBreached', payload: { clockKind: 'reply', staffId: 'bdc-li', windowId: 'bdc' } }],
  ])
  expect(caseIndex(breached).mayDeduct).toBe(true)
  const bad = consult([
    ['2026-11-23T09:40:00', li, claim],
    ['2026-11-23T10:00:00', li, reply],
    ['2026-11-23T11:00:00', citizen, rate(1)],
  ])
  expect(caseIndex(bad)).toMatchObject({ mayDeduct: true, roundRated: true, ledger: null })
  expect(caseIndex({ ...bad, round: bad.round + 1 }).roundRated).toBe(false)
})

it("the state's own next-action time wins over its clocks, null included; a case recorded before it had one goes by its clocks", () => {
  const { nextActionAt: _, ...state } = consult([])
  expect(caseIndex(state).nextActionAt).toBe('2026-11-25T17:30:00+08:00')
  expect(caseIndex({ ...state, nextActionAt: null }).nextActionAt).toBeNull()
  expect(caseIndex({ ...state, nextActionAt: '2026-11-26T17:30:00+08:00' }).nextActionAt).toBe('2026-11-26T17:30:00+08:00')
})
