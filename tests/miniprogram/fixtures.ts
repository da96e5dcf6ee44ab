// Canned API answers for the mini-program page tests, typed by the shared contract so that a new
// field in a view is noticed here (a page reading it would otherwise crash on a stale fixture).
import { PRESETS } from '../../src/core/policy'
import { CASE_ABILITIES, type CaseAbility, type CaseView, type PublicHall, type PublicWindow } from '../../src/core/views'

export const hall: PublicHall = {
  id: 'demo',
  name: '示范市政务服务中心',
  address: '示范市新城区政务大道 88 号',
  supervisionPhone: '0562-12345',
  complaintChannel: '12345 热线',
  selfServicePhone: '',
  hours: ['周一至周五 09:00-12:00、13:30-17:30'],
}
export const bdc: PublicWindow = { id: 'bdc', name: '不动产登记窗口', number: 'A01', scope: '不动产首次登记、转移登记、抵押登记' }

const nothingAllowed = Object.fromEntries(CASE_ABILITIES.map((a) => [a, false])) as Record<CaseAbility, boolean>

/** a complete case view: a consult just submitted at the 不动产登记 window; tests override what they show */
export function caseView(over: Partial<CaseView> = {}): CaseView {
  return {
    id: 'c_aaaaaaaaaaaaaaaa',
    no: 'SF-20261123-0001',
    kind: 'consult',
    status: 'open',
    statusLabel: '待接待',
    hall,
    window: bdc,
    contact: { name: '张三', phone: '13912345678' },
    text: '请问二手房过户需要带哪些材料？',
    matter: null,
    attachments: [],
    submittedAt: '2026-11-23T10:00:00+08:00',
    responder: null,
    reply: null,
    clocks: [],
    timeline: [{ seq: 1, at: '2026-11-23T10:00:00+08:00', type: 'submitted', who: '市民', text: '提交了咨询，已送达不动产登记窗口' }],
    ledgerColumn: null,
    can: nothingAllowed,
    acceptance: null,
    completion: null,
    refusal: null,
    notices: [],
    forms: PRESETS['000'].forms,
    handovers: [],
    joint: null,
    extensionRequests: [],
    reports: [],
    referral: null,
    outside: null,
    supervision: null,
    ratings: [],
    colleagues: [],
    otherWindows: [],
    lookedUp: false,
    slip: null,
    version: 1,
    ...over,
  }
}
