// 好差评 through the handlers: one rating per round, attributed to whoever replied; a bad rating needs
// a reason and text and becomes the window lead's rectification, then a follow-up the citizen sees.
import type { ActionInput, ActionName } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'
import { demoDb } from '../support/pglite'
import { citizen, rid, staffMember, testApi, outcome } from '../support/api'

const db = demoDb()
let now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const li = staffMember('bdc-li')
const lead = staffMember('bdc-lead')
const office = staffMember('office-xu')

beforeEach(() => {
  now = new Date('2026-11-23T02:00:00Z')
})

async function replied() {
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'consult',
    contact: { name: '张三', phone: '13912345678' },
    text: '不动产证遗失了怎么补办？',
    requestId: rid(),
  })
  await api().ok(li, 'claimCase', { caseId, requestId: rid() })
  await api().ok(li, 'replyCase', { caseId, requestId: rid(), text: '您好，补办需要身份证和登报遗失声明。', mode: 'timed' })
  return { me, caseId }
}
const code = <A extends ActionName>(who: Identity, action: A, input: ActionInput<A>) => outcome(api(), who, action, input)

it('rates once per round after the reply, attributed to the staff member who replied', async () => {
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'consult',
    contact: { name: '张三', phone: '13912345678' },
    text: '不动产证遗失了怎么补办？',
    requestId: rid(),
  })
  expect(await code(me, 'rateCase', { caseId, requestId: rid(), level: 5 })).toBe('CONFLICT')
  await api().ok(li, 'claimCase', { caseId, requestId: rid() })
  await api().ok(li, 'replyCase', { caseId, requestId: rid(), text: '您好，补办需要身份证和登报遗失声明。', mode: 'onTheSpot' })
  const view = await api().ok(me, 'rateCase', { caseId, requestId: rid(), level: 5 })
  expect(view.ratings).toEqual([expect.objectContaining({ round: 1, level: 5, label: '非常满意', bad: false })])
  expect((await db.store.getCaseState(caseId))!.ratings![0]).toMatchObject({ staffId: 'bdc-li', windowId: 'bdc' })
  expect(view.can.rate).toBe(false)
  const twice = await api().call(me, 'rateCase', { caseId, requestId: rid(), level: 1, tags: ['attitude'], text: '态度很差很差' })
  expect(twice.ok || [twice.error.code, (twice.error.details?.rating as { level: number }).level]).toEqual(['CONFLICT', 5])
})

it('only the citizen who asked may rate, within the rating window', async () => {
  const { me, caseId } = await replied()
  expect(await code(citizen(), 'rateCase', { caseId, requestId: rid(), level: 4 })).toBe('NOT_FOUND')
  expect(await code(li, 'rateCase', { caseId, requestId: rid(), level: 5 })).toBe('UNAUTHENTICATED')
  expect(await code(me, 'rateCase', { caseId, requestId: rid(), level: 6 })).toBe('INVALID_INPUT:level')
  now = new Date('2026-12-07T02:00:00Z') // 10 working days later: the round stays unrated
  expect(await code(me, 'rateCase', { caseId, requestId: rid(), level: 4 })).toBe('CONFLICT')
})

it('a bad rating needs a reason tag and text', async () => {
  const { me, caseId } = await replied()
  expect(await code(me, 'rateCase', { caseId, requestId: rid(), level: 2, text: '一直让我等着，没人管' })).toBe('INVALID_INPUT:tags')
  expect(await code(me, 'rateCase', { caseId, requestId: rid(), level: 1, tags: ['buckPassing'] })).toBe('INVALID_INPUT:text')
})

it('bad rating → the lead rectifies → follow-up → the citizen sees the outcome', async () => {
  const { me, caseId } = await replied()
  const rated = await api().ok(me, 'rateCase', { caseId, requestId: rid(), level: 1, tags: ['buckPassing', 'attitude'], text: '让我去别的窗口问，态度冷淡' })
  expect(rated.ratings[0]).toMatchObject({ bad: true, tags: ['推诿', '态度'] })
  expect(rated.clocks.find((c) => c.kind === 'rectification')?.state).toBe('running')
  expect((await api().ok(lead, 'inbox', { as: 'staff' })).items.map((n) => n.title)).toEqual(['差评待核查整改'])
  expect((await api().ok(lead, 'staffQueue', {})).rectifications.map((c) => c.id)).toEqual([caseId])
  expect((await api().ok(office, 'staffQueue', {})).rectifications.map((c) => c.id)).toEqual([caseId])

  expect(await code(li, 'recordRectification', { caseId, requestId: rid(), finding: 'verified', measures: '已约谈' })).toBe('FORBIDDEN')
  expect(await code(staffMember('gjj-lead'), 'recordRectification', { caseId, requestId: rid(), finding: 'verified', measures: '已约谈' })).toBe('FORBIDDEN')
  expect(await code(lead, 'recordFollowUp', { caseId, requestId: rid(), result: '市民认可', satisfied: true })).toBe('CONFLICT')
  expect(await code(lead, 'recordRectification', { caseId, requestId: rid(), finding: 'verified', measures: '' })).toBe('INVALID_INPUT:measures')
  await api().ok(lead, 'recordRectification', { caseId, requestId: rid(), finding: 'verified', measures: '经核实属实，已对当事人批评教育，并在窗口例会上通报' })
  expect((await api().ok(me, 'inbox', { as: 'citizen' })).items.map((n) => n.title)).toContain('您的评价已核查整改')
  const done = await api().ok(lead, 'recordFollowUp', { caseId, requestId: rid(), result: '电话回访，市民表示认可', satisfied: true })
  expect(done.clocks.filter((c) => c.kind === 'rectification' || c.kind === 'followUp').map((c) => c.state)).toEqual(['met', 'met'])

  const seen = await api().ok(me, 'getCase', { caseId })
  expect(seen.ratings[0]!.rectification).toMatchObject({ finding: '情况属实', followUp: { satisfied: true } })
  expect(seen.timeline.at(-1)!.text).toContain('市民表示满意')
  expect((await api().ok(lead, 'staffQueue', {})).rectifications).toEqual([])
})

it('a round not rated within the window counts as 未评价 for its window, never as a score', async () => {
  const { me, caseId } = await replied()
  const bdc = async () => (await api().ok(office, 'assessment', { month: '2026-11' })).windows.find((w) => w.windowId === 'bdc')!
  expect((await bdc()).unrated).toBe(0) // the citizen may still rate
  const rated = await replied()
  await api().ok(rated.me, 'rateCase', { caseId: rated.caseId, requestId: rid(), level: 4 })
  now = new Date('2026-12-08T02:00:00Z') // the rating window has closed
  const w = await bdc()
  expect(w.unrated).toBe(1)
  expect(w.ratings).toEqual({ '5': 0, '4': 1, '3': 0, '2': 0, '1': 0 })
  expect((await db.store.getCaseState(caseId))!.ratings ?? []).toEqual([])
  // and the citizen can no longer rate it
  expect(await code(me, 'rateCase', { caseId, requestId: rid(), level: 5 })).toBe('CONFLICT')
})

it('the answer reaches the citizen with the invitation to rate', async () => {
  const { me } = await replied()
  const inbox = await api().ok(me, 'inbox', { as: 'citizen', limit: 5 })
  expect(inbox.items[0]).toMatchObject({ title: '您的咨询已答复', body: expect.stringContaining('并对本次服务作出评价') })
})
