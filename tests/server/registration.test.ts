// Staff register what came in at the counter, by phone, by letter, from 12345 or online, on the real
// embedded PostgreSQL: the first responder at once (the highest-ranked present, 002 首问(办) 第一条),
// clocks from the time of receipt, 当场答复 closed in one step and counted in the ledger.
import { seedDemoHall } from '../../src/server/demoHall'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, outcome, rid, staffMember, testApi } from '../support/api'
import type { ActionInput } from '../../src/core/api'

let db: TestDb
let now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const li = staffMember('bdc-li')
const office = staffMember('office-xu')

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(async () => {
  await db.close()
})
beforeEach(async () => {
  now = new Date('2026-11-23T02:00:00Z')
  await db.store.truncateAll()
  await seedDemoHall(db.store)
})

const visit = (over: Partial<ActionInput<'registerCase'>> = {}): ActionInput<'registerCase'> => ({
  hallId: 'demo',
  channel: 'counter',
  kind: 'consult',
  contact: { name: '张三', phone: '13912345678' },
  text: '请问二手房过户需要带哪些材料？',
  requestId: rid(),
  ...over,
})

it.each([['counter'], ['phone'], ['letter'], ['hotline12345'], ['online']] as const)(
  'a %s registration is held by the registering person at once, in their window',
  async (channel) => {
    const reg = await api().ok(li, 'registerCase', visit({ channel }))
    expect(reg).toMatchObject({ status: 'inProgress', firstResponderId: 'bdc-li', firstResponderName: '李晓梅' })
    expect(reg.no).toMatch(/^SF-20261123-\d{4}$/)
    const state = (await db.store.getCaseState(reg.caseId))!
    expect(state).toMatchObject({ channel, windowId: 'bdc', handlerId: 'bdc-li', firstResponderId: 'bdc-li' })
    expect(state.citizenId.startsWith('slip:')).toBe(true)
    // the holder replies through the ordinary case action
    const view = await api().ok(li, 'replyCase', { caseId: reg.caseId, text: '请带身份证、不动产权证书和购房合同。', mode: 'timed', requestId: rid() })
    expect(view.status).toBe('replied')
  },
)

it('002 首问(办) 第一条: of those present the highest-ranked is the first responder', async () => {
  const reg = await api().ok(li, 'registerCase', visit({ present: ['bdc-wang', 'bdc-lead'] }))
  expect(reg).toMatchObject({ firstResponderId: 'bdc-lead', firstResponderName: '周建国' })
  const state = (await db.store.getCaseState(reg.caseId))!
  expect(state.registration).toMatchObject({ registeredBy: 'bdc-li', present: ['bdc-wang', 'bdc-lead'], firstResponderId: 'bdc-lead' })
  // equal rank: the registering person stays first responder
  const tie = await api().ok(li, 'registerCase', visit({ present: ['bdc-wang'] }))
  expect(tie.firstResponderId).toBe('bdc-li')
})

it('a consult answered on the spot is registered and closed in one call, counted as 当场答复', async () => {
  const reg = await api().ok(li, 'registerCase', visit({ answer: '请带身份证和不动产权证书到 3 号窗口。' }))
  expect(reg.status).toBe('closed')
  const found = (await db.store.getCase(reg.caseId))!
  expect(found.events.map((e) => e.type)).toEqual(['submitted', 'replied', 'closed'])
  expect(found.state).toMatchObject({ ledgerColumn: 'consultOnTheSpot', reply: { mode: 'onTheSpot' } })
  const ledger = await api().ok(office, 'ledger', { from: '2026-11-01', to: '2026-11-30' })
  expect(ledger.total.consultOnTheSpot).toBe(1)
  expect(ledger.windows.find((w) => w.windowId === 'bdc')!.sheet.consultOnTheSpot).toBe(1)
})

it('a repeated requestId registers once', async () => {
  const input = visit({ answer: '请带身份证和不动产权证书到 3 号窗口。' })
  const [a, b] = await Promise.all([api().ok(li, 'registerCase', input), api().ok(li, 'registerCase', input)])
  expect(b.caseId).toBe(a.caseId)
  expect((await db.store.getCase(a.caseId))!.events).toHaveLength(3)
  expect((await api().ok(office, 'ledger', { from: '2026-11-01', to: '2026-11-30' })).total.total).toBe(1)
})

it("a letter's clocks run from the date it was received, and the backdating is audited", async () => {
  const receivedAt = '2026-11-19T09:00:00+08:00' // the Thursday before
  const reg = await api().ok(office, 'registerCase', visit({ channel: 'letter', windowId: 'bdc', receivedAt }))
  const state = (await db.store.getCaseState(reg.caseId))!
  expect(state.submittedAt).toBe(receivedAt)
  expect(state.clocks.find((c) => c.kind === 'reply')!.startedAt).toBe(receivedAt)
  // the hall office holds a case it registered itself; being rank 4 it is its first responder
  expect(state.firstResponderId).toBe('office-xu')
  const entries = await db.store.listAudit('demo', 0, 100)
  expect(entries.find((e) => e.action === 'case.backdated')).toMatchObject({ target: `case:${reg.caseId}`, detail: { channel: 'letter', receivedAt } })
})

it('an anonymous phone consult needs no name or number; anything else does', async () => {
  const reg = await api().ok(li, 'registerCase', visit({ channel: 'phone', contact: undefined }))
  expect((await db.store.getCaseState(reg.caseId))!.registration!.anonymous).toBe(true)
  expect(await outcome(api(), li, 'registerCase', visit({ channel: 'counter', contact: undefined }))).toBe('INVALID_INPUT:contact')
  expect(await outcome(api(), li, 'registerCase', visit({ channel: 'phone', kind: 'application', contact: undefined }))).toBe('INVALID_INPUT:contact')
})

it.each([
  ['a receipt time in the future', { receivedAt: '2026-11-23T10:30:00+08:00' }, 'INVALID_INPUT:receivedAt'],
  ['a visit received another day', { receivedAt: '2026-11-20T10:00:00+08:00' }, 'INVALID_INPUT:receivedAt'],
  ['a malformed mobile number', { contact: { name: '张三', phone: '1391234' } }, 'INVALID_INPUT:contact.phone'],
  ['a malformed landline', { contact: { name: '张三', phone: '0562-12' } }, 'INVALID_INPUT:contact.phone'],
  ['an unknown matter', { matterId: 'no-such-matter' }, 'INVALID_INPUT:matterId'],
  ['an unknown window', { windowId: 'nosuch' }, 'INVALID_INPUT:windowId'],
  ['another window than the first responder’s', { windowId: 'gjj' }, 'INVALID_INPUT:windowId'],
  ['an unknown colleague present', { present: ['nobody'] }, 'INVALID_INPUT:present'],
  ['an unknown channel', { channel: 'fax' as never }, 'INVALID_INPUT:channel'],
  ['an on-the-spot answer to an application', { kind: 'application' as const, answer: '可以办理。' }, 'INVALID_INPUT:answer'],
  ['an on-the-spot answer with a forbidden phrase', { answer: '这事不归我管' }, 'INVALID_INPUT:answer'],
])('%s is refused and nothing is written', async (_what, over, expected) => {
  expect(await outcome(api(), li, 'registerCase', visit(over))).toBe(expected)
  expect(await db.store.listCases({ hallId: 'demo' })).toHaveLength(0)
})

it('only signed-in staff of the hall register', async () => {
  expect(await outcome(api(), citizen(), 'registerCase', visit())).toBe('UNAUTHENTICATED')
  expect(await outcome(api(), li, 'registerCase', visit({ hallId: 'other' }))).toMatch(/^(FORBIDDEN|NOT_FOUND)/)
})

describe('complaints by phone, letter or visit registered by the hall office (002 限时办结 第七条)', () => {
  const complaint = (over: Partial<ActionInput<'registerComplaint'>> = {}): ActionInput<'registerComplaint'> => ({
    hallId: 'demo',
    channel: 'phone',
    about: { kind: 'window', windowId: 'bdc' },
    topic: 'attitude',
    text: '来电反映窗口工作人员答复不耐烦，没有说明需要的材料。',
    contact: { name: '钱七', phone: '13600001111' },
    requestId: rid(),
    ...over,
  })

  it('lands on the complaint desk with its 15-working-day clock from the time of receipt, once', async () => {
    const input = complaint({ channel: 'letter', receivedAt: '2026-11-20T09:00:00+08:00' })
    const filed = await api().ok(office, 'registerComplaint', input)
    expect(filed).toMatchObject({ status: 'open', intake: { channel: '来信', receivedAt: '2026-11-20T09:00:00+08:00' } })
    expect(filed.intake!.tell).toContain('书面回复')
    // Fri 20 Nov + 15 working days → Fri 11 Dec at the close of the day
    expect(filed.dueAt.slice(0, 10)).toBe('2026-12-11')
    expect((await api().ok(office, 'registerComplaint', input)).id).toBe(filed.id)
    const desk = await api().ok(office, 'complaintDesk', {})
    expect(desk.open.map((c) => c.id)).toEqual([filed.id])
    const log = await db.store.listAudit('demo', 0, 50)
    expect(log.filter((e) => e.action === 'complaint.backdated')).toHaveLength(1)
  })

  it('about a case by its number; the caller is told the outcome by text when the hall has a gateway', async () => {
    const reg = await api().ok(li, 'registerCase', visit())
    const withGateway = testApi({ store: db.store, now: () => now, channels: ['webhook'] })
    const filed = await withGateway.ok(office, 'registerComplaint', complaint({ about: { kind: 'caseNo', no: reg.no.toLowerCase() } }))
    expect(filed).toMatchObject({ caseId: reg.caseId, concerns: { staffName: '李晓梅' } })
    await db.store.claimOutbox('2026-11-23T23:00:00+08:00', 50, '2026-11-23T23:05:00+08:00') // the desk's own notices
    await withGateway.ok(office, 'answerComplaint', { complaintId: filed.id, finding: 'unfounded', answer: '经调查核实，工作人员已按规定一次性告知所需材料。' })
    const items = await db.store.claimOutbox('2026-11-24T23:00:00+08:00', 50, '2026-11-24T23:05:00+08:00')
    const texts = items.filter((i) => i.notification.phone)
    expect(texts.map((i) => [i.notification.phone, i.notification.title])).toEqual([['13600001111', '投诉已答复']])
  })

  it('refuses bad input naming the field, and anyone but the hall office', async () => {
    expect(await outcome(api(), office, 'registerComplaint', complaint({ about: { kind: 'caseNo', no: 'SF-20261123-9999' } }))).toBe('INVALID_INPUT:about')
    expect(await outcome(api(), office, 'registerComplaint', complaint({ about: { kind: 'window', windowId: 'nosuch' } }))).toBe('INVALID_INPUT:about')
    expect(await outcome(api(), office, 'registerComplaint', complaint({ receivedAt: '2026-11-23T12:00:00+08:00' }))).toBe('INVALID_INPUT:receivedAt')
    expect(await outcome(api(), office, 'registerComplaint', complaint({ contact: { name: '钱七', phone: '12345' } }))).toBe('INVALID_INPUT:contact.phone')
    expect(await outcome(api(), li, 'registerComplaint', complaint())).toBe('FORBIDDEN')
    expect((await api().ok(office, 'complaintDesk', {})).open).toHaveLength(0)
  })
})

it('the ledger, its drill-down and the dashboard split cases by channel; registered ones count like the app’s', async () => {
  const answer = '您好，请带身份证和不动产权证书到不动产窗口办理。'
  await api().ok(li, 'registerCase', visit({ channel: 'counter', answer }))
  await api().ok(li, 'registerCase', visit({ channel: 'phone', answer }))
  await api().ok(li, 'registerCase', visit({ channel: 'phone' })) // still open
  const owner = citizen('app')
  const made = await api().ok(owner, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'consult',
    contact: { name: '王五', phone: '13700001234' },
    text: '二手房过户要多久？',
    attachments: [],
    requestId: rid(),
  })
  await api().ok(li, 'claimCase', { caseId: made.caseId, requestId: rid() })
  await api().ok(li, 'replyCase', { caseId: made.caseId, text: answer, mode: 'onTheSpot', requestId: rid() })
  await api().ok(li, 'closeCase', { caseId: made.caseId, note: '', requestId: rid() })

  const month = { from: '2026-11-01', to: '2026-11-30' }
  expect((await api().ok(office, 'ledger', month)).total.total).toBe(3)
  const byChannel = async (channel: 'app' | 'counter' | 'phone' | 'letter') => (await api().ok(office, 'ledger', { ...month, channel })).total.total
  expect([await byChannel('app'), await byChannel('counter'), await byChannel('phone'), await byChannel('letter')]).toEqual([1, 1, 1, 0])
  const phone = await api().ok(office, 'ledger', { ...month, channel: 'phone' })
  expect(phone.channel).toEqual({ id: 'phone', label: '来电' })
  const drill = await api().ok(office, 'ledgerCases', { ...month, windowId: 'bdc', channel: 'app' })
  expect(drill.cases.map((c) => c.id)).toEqual([made.caseId])

  const dash = await api().ok(office, 'dashboard', { weeks: 4 })
  const row = (id: string) => dash.channels.find((c) => c.id === id)!
  expect([row('app').received, row('counter').received, row('phone').received, row('phone').open]).toEqual([1, 1, 2, 1])
})
