// 帮办代办 (002 帮办代办制度) through the handlers on the embedded Postgres: a citizen's request and a
// registered one go to the 帮办代办 window, free of charge; 上门办 needs its address and time; the
// window's lead assigns one agent (a second assignment is a CONFLICT, also when two race); a 代办
// starts with the materials handover on a numbered 交接单; the agent opens linked cases at other
// windows the citizen follows from the request; the request's clock is its matter's promise; the
// citizen rates it when it is finished.
import { seedDemoHall } from '../../src/server/demoHall'
import { receiveUpload } from '../../src/server/files'
import type { Identity } from '../../src/server/identity'
import type { ActionInput } from '../../src/core/api'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, outcome, rid, staffMember, testApi } from '../support/api'

let db: TestDb
const now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const lead = staffMember('zxzx-lead')
// the agent signed in on the hall's server: its device session uploads the handover photos
const agent: Identity = { citizenId: 'dev:agent-he-device-000000', staffId: 'zxzx-he' }
const bdcLi = staffMember('bdc-li')
const swZheng = staffMember('sw-zheng')
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
})
afterAll(() => db.close())

const ask = (over: Partial<ActionInput<'submitCase'>> = {}): ActionInput<'submitCase'> => ({
  hallId: 'demo',
  matterId: 'bdc-zydj',
  contact: { name: '王秀英', phone: '13912345678' },
  text: '我今年 78 岁，想请人帮我办二手房过户',
  assisted: { mode: 'agent' },
  requestId: rid(),
  ...over,
})

const items = [
  { name: '不动产权证书', copies: 1, original: true },
  { name: '买卖双方身份证明', copies: 2, original: false },
]

async function assigned(who = citizen()) {
  const { caseId } = await api().ok(who, 'submitCase', ask())
  await api().ok(lead, 'assignAgent', { caseId, staffId: 'zxzx-he', requestId: rid() })
  return { caseId, who }
}

it('a citizen asks for 代办: the request goes to the 帮办代办 window for its matter, on the matter’s promised clock, waiting for an agent', async () => {
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', ask())
  const view = await api().ok(me, 'getCase', { caseId })
  expect(view).toMatchObject({ kind: 'application', status: 'open', window: { id: 'zxzx' }, matter: { id: 'bdc-zydj' } })
  expect(view.assisted).toMatchObject({ mode: 'agent', modeLabel: '代办', agent: null, handover: null, linked: [] })
  // 002 帮办代办 二: its own clock, by default the matter's promise (5 working days), from receipt
  expect((await db.store.getCaseState(caseId))!.clocks.map((c) => [c.kind, c.limitDays])).toEqual([['assisted', 5]])
  expect(view.clocks.map((c) => c.label)).toEqual(['帮办代办办结时限'])
  // 一(二): free of charge, told on the timeline
  expect(view.timeline[0]!.text).toContain('免费')
  // nobody may simply claim it: the window's lead assigns the agent
  expect(await outcome(api(), staffMember('zxzx-he'), 'claimCase', { caseId, requestId: rid() })).toBe('CONFLICT')
})

it('上门办 needs the address and the time, each named; with both it is kept on the request', async () => {
  const me = citizen()
  const home = (homeVisit: Record<string, unknown>) => ask({ assisted: { mode: 'help', homeVisit: homeVisit as never } })
  expect(await outcome(api(), me, 'submitCase', home({ group: 'elderly', time: '2026-11-25T09:30:00+08:00' }))).toBe('INVALID_INPUT:assisted.homeVisit.address')
  expect(await outcome(api(), me, 'submitCase', home({ group: 'elderly', address: '铜官区长江路 88 号 3 栋' }))).toBe('INVALID_INPUT:assisted.homeVisit.time')
  expect(await outcome(api(), me, 'submitCase', home({ group: 'elderly', address: '铜官区长江路 88 号 3 栋', time: '2026-11-20T09:30:00+08:00' }))).toBe(
    'INVALID_INPUT:assisted.homeVisit.time',
  )
  const { caseId } = await api().ok(me, 'submitCase', home({ group: 'disabled', address: '铜官区长江路 88 号 3 栋', time: '2026-11-25T09:30:00+08:00' }))
  const view = await api().ok(me, 'getCase', { caseId })
  expect(view.assisted!.homeVisit).toEqual({ group: '残疾人', address: '铜官区长江路 88 号 3 栋', time: '2026-11-25T09:30:00+08:00' })
  expect(view.timeline[0]!.text).toContain('上门办')
})

it('staff register a walk-in or a call for 帮办: it goes to the 帮办代办 window unheld, whoever took it', async () => {
  const reg = await api().ok(bdcLi, 'registerCase', {
    hallId: 'demo',
    channel: 'phone',
    matterId: 'sw-qs',
    contact: { name: '李大爷', phone: '0562-2881234' },
    text: '老人来电，想请人陪同办理契税申报',
    assisted: { mode: 'help' },
    requestId: rid(),
  })
  const state = (await db.store.getCaseState(reg.caseId))!
  expect(state).toMatchObject({ windowId: 'zxzx', status: 'open', handlerId: null, channel: 'phone', assisted: { mode: 'help', agentId: null } })
  // an instant matter: the same day
  expect(state.clocks.map((c) => [c.kind, c.limitDays])).toEqual([['assisted', 0]])
  // a registered request needs the citizen's name and number, even by phone
  const anonymousCall = { hallId: 'demo', channel: 'phone' as const, text: '来电想预约帮办服务', assisted: { mode: 'help' as const }, requestId: rid() }
  expect(await outcome(api(), bdcLi, 'registerCase', anonymousCall)).toBe('INVALID_INPUT:contact')
})

it('one request, one agent: the lead assigns an agent of the window; a second assignment, also a racing one, is a CONFLICT', async () => {
  const { caseId } = await api().ok(citizen(), 'submitCase', ask())
  // only the window's lead, only to someone at the window
  expect(await outcome(api(), staffMember('zxzx-he'), 'assignAgent', { caseId, staffId: 'zxzx-he', requestId: rid() })).toBe('FORBIDDEN')
  expect(await outcome(api(), lead, 'assignAgent', { caseId, staffId: 'bdc-li', requestId: rid() })).toBe('INVALID_INPUT:staffId')
  const [a, b] = await Promise.all([
    api().call(lead, 'assignAgent', { caseId, staffId: 'zxzx-he', requestId: rid() }),
    api().call(lead, 'assignAgent', { caseId, staffId: 'zxzx-lead', requestId: rid() }),
  ])
  expect([a.ok, b.ok].sort()).toEqual([false, true])
  const lost = (a.ok ? b : a) as Extract<typeof a, { ok: false }>
  expect(lost.error.code).toBe('CONFLICT')
  const found = (await db.store.getCase(caseId))!
  expect(found.events.filter((e) => e.type === 'agentAssigned')).toHaveLength(1)
  expect(found.state.handlerId).toBe(found.state.assisted!.agentId)
  // a repeated request leaves one effect
  const again = { caseId, staffId: found.state.assisted!.agentId!, requestId: rid() }
  await api().call(lead, 'assignAgent', again)
  expect(await outcome(api(), lead, 'assignAgent', again)).toBe('CONFLICT')
  expect((await db.store.getCase(caseId))!.events.filter((e) => e.type === 'agentAssigned')).toHaveLength(1)
})

it('a 代办 starts with the materials handover: every item, both sides confirming, photos, on a numbered 交接单, once', async () => {
  const { caseId, who } = await assigned()
  const handover = { caseId, items, citizenConfirmed: true, agentConfirmed: true, note: '原件办结后当面归还', requestId: rid() }
  // the agent cannot go to another window before the materials are handed over
  expect(await outcome(api(), agent, 'openAssistedCase', { caseId, toWindowId: 'bdc', note: '申请转移登记', requestId: rid() })).toBe('CONFLICT:handover')
  expect(await outcome(api(), agent, 'recordMaterialsHandover', { ...handover, items: [], requestId: rid() })).toBe('INVALID_INPUT:items')
  expect(await outcome(api(), agent, 'recordMaterialsHandover', { ...handover, citizenConfirmed: false, requestId: rid() })).toBe(
    'INVALID_INPUT:citizenConfirmed',
  )
  expect(await outcome(api(), agent, 'recordMaterialsHandover', { ...handover, photos: ['up_000000000000000000000000'], requestId: rid() })).toBe(
    'INVALID_INPUT:photos',
  )
  // only the agent records it
  expect(await outcome(api(), lead, 'recordMaterialsHandover', handover)).toBe('FORBIDDEN')
  const photo = await receiveUpload(db.store, { hallId: 'demo', citizenId: agent.citizenId!, bytes: PNG, now })
  const input = { ...handover, photos: [photo.id] }
  const [v1, v2] = await Promise.all([api().ok(agent, 'recordMaterialsHandover', input), api().ok(agent, 'recordMaterialsHandover', input)])
  expect(v2.assisted!.handover!.slipNo).toBe(v1.assisted!.handover!.slipNo)
  expect(v1.assisted!.handover).toMatchObject({ slipNo: 'SF-DB-2026-0001', items, note: '原件办结后当面归还', by: '何佳', photos: [{ id: photo.id }] })
  expect((await db.store.getCase(caseId))!.events.filter((e) => e.type === 'materialsHandedOver')).toHaveLength(1)
  // a second record is refused
  expect(await outcome(api(), agent, 'recordMaterialsHandover', { ...handover, requestId: rid() })).toBe('CONFLICT')
  // the citizen sees the record, and the photo goes with the case for its staff
  const mine = await api().ok(who, 'getCase', { caseId })
  expect(mine.assisted!.handover!.items).toEqual(items)
  expect((await db.store.getUpload(photo.id))!.upload.caseId).toBe(caseId)
})

it('the agent opens linked cases at two windows; the citizen follows them from the request; finished, the citizen rates it', async () => {
  const me = citizen()
  const { caseId } = await assigned(me)
  await api().ok(agent, 'recordMaterialsHandover', { caseId, items, citizenConfirmed: true, agentConfirmed: true, requestId: rid() })
  expect(await outcome(api(), agent, 'openAssistedCase', { caseId, toWindowId: 'zxzx', note: '本窗口', requestId: rid() })).toBe('INVALID_INPUT:toWindowId')
  const toBdc = { caseId, toWindowId: 'bdc', note: '代为申请二手房转移登记', requestId: rid() }
  const [first] = await Promise.all([api().ok(agent, 'openAssistedCase', toBdc), api().ok(agent, 'openAssistedCase', toBdc)])
  const view = await api().ok(agent, 'openAssistedCase', { caseId, toWindowId: 'sw', note: '代为申报房产交易契税', requestId: rid() })
  expect(first.assisted!.linked).toHaveLength(1)
  expect(view.assisted!.linked.map((l) => [l.window, l.statusLabel])).toEqual([
    ['不动产登记窗口', '待接待'],
    ['税务窗口', '待接待'],
  ])
  const [bdcCaseId, swCaseId] = view.assisted!.linked.map((l) => l.caseId) as [string, string]
  // the linked case is the citizen's, for the request's matter, and tells which request it serves
  const linked = await api().ok(me, 'getCase', { caseId: bdcCaseId })
  expect(linked).toMatchObject({ window: { id: 'bdc' }, kind: 'application', matter: { id: 'bdc-zydj' }, assistedBy: { caseId, agentName: '何佳' } })
  // at another window than the matter's own, the window decides what it is
  expect((await api().ok(me, 'getCase', { caseId: swCaseId })).matter).toBeNull()
  expect((await api().ok(me, 'myCases', {})).cases.map((c) => c.id).sort()).toEqual([caseId, bdcCaseId, swCaseId].sort())

  // each window does its part as usual
  await api().ok(bdcLi, 'claimCase', { caseId: bdcCaseId, requestId: rid() })
  await api().ok(bdcLi, 'acceptCase', { caseId: bdcCaseId, mode: 'promised', requestId: rid() })
  await api().ok(bdcLi, 'completeCase', { caseId: bdcCaseId, result: '转移登记已办结，新证已制发', requestId: rid() })
  await api().ok(swZheng, 'claimCase', { caseId: swCaseId, requestId: rid() })
  await api().ok(swZheng, 'acceptCase', { caseId: swCaseId, mode: 'instant', requestId: rid() })
  const following = await api().ok(me, 'getCase', { caseId })
  expect(following.assisted!.linked.map((l) => l.statusLabel)).toEqual(['已办结', '已办结'])

  // not rated before it is finished
  expect(await outcome(api(), me, 'rateCase', { caseId, level: 5, requestId: rid() })).toBe('CONFLICT')
  const done = await api().ok(agent, 'completeCase', { caseId, result: '已代为办结过户和契税，新证及原件已交还申请人', requestId: rid() })
  expect(done.status).toBe('completed')
  expect(done.clocks.find((c) => c.kind === 'assisted')!.state).toBe('met')
  const rated = await api().ok(me, 'rateCase', { caseId, level: 5, text: '代办员很耐心', requestId: rid() })
  expect(rated.ratings).toMatchObject([{ level: 5, label: '非常满意' }])
  // the rating is the agent's
  expect((await db.store.getCaseState(caseId))!.ratings![0]).toMatchObject({ staffId: 'zxzx-he', windowId: 'zxzx' })
  // closed, it counts on the 帮办代办 window's 附件3 sheet as a promised case
  await api().ok(staffMember('zxzx-he'), 'closeCase', { caseId, requestId: rid() })
  expect((await db.store.getCaseState(caseId))!.ledgerColumn).toBe('promised')
})

it('a 帮办 needs no handover: the agent accompanies the citizen to the windows and finishes it', async () => {
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', ask({ assisted: { mode: 'help' } }))
  await api().ok(lead, 'assignAgent', { caseId, staffId: 'zxzx-he', requestId: rid() })
  expect(await outcome(api(), agent, 'recordMaterialsHandover', { caseId, items, citizenConfirmed: true, agentConfirmed: true, requestId: rid() })).toBe(
    'CONFLICT',
  )
  const view = await api().ok(agent, 'openAssistedCase', { caseId, toWindowId: 'bdc', note: '陪同申请转移登记', requestId: rid() })
  expect(view.can.openAssistedCase).toBe(true)
  expect((await api().ok(agent, 'completeCase', { caseId, result: '已陪同办结', requestId: rid() })).status).toBe('completed')
})

it('the page offers each step to the right person only', async () => {
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', ask())
  expect((await api().ok(lead, 'getCase', { caseId })).can).toMatchObject({ assignAgent: true, claim: false })
  expect((await api().ok(staffMember('zxzx-he'), 'getCase', { caseId })).can.assignAgent).toBe(false)
  await api().ok(lead, 'assignAgent', { caseId, staffId: 'zxzx-he', requestId: rid() })
  const agentPage = await api().ok(agent, 'getCase', { caseId })
  expect(agentPage.can).toMatchObject({ assignAgent: false, recordMaterialsHandover: true, openAssistedCase: false, complete: false, accept: false })
  expect(agentPage.assisted!.agent).toMatchObject({ id: 'zxzx-he', name: '何佳' })
  // one agent who takes it to the windows: no hand-over, referral, joint handling or outside-the-hall
  expect(agentPage.can).toMatchObject({ createHandover: false, refer: false, reportJoint: false, outsideHall: false })
  expect(await outcome(api(), agent, 'referCase', { caseId, toWindowId: 'bdc', note: '请到不动产登记窗口办理', requestId: rid() })).toBe('CONFLICT')
  // the agent is told of the request, the citizen of the agent
  expect((await api().ok(staffMember('zxzx-he'), 'inbox', { as: 'staff' })).items.map((n) => n.title)).toContain('您被指派为帮办代办员')
  expect((await api().ok(me, 'inbox', {})).items.map((n) => n.title)).toContain('已为您指派帮办代办员')
})

it('the hall office names the 帮办代办 window; a hall without one refuses a request, naming it', async () => {
  const office = staffMember('office-xu')
  const settings = await api().ok(office, 'hallSettings', {})
  expect(settings.hall.assistedWindowId).toBe('zxzx')
  const profile = {
    name: settings.hall.name,
    address: settings.hall.address,
    supervisionPhone: settings.hall.supervisionPhone,
    complaintChannel: settings.hall.complaintChannel,
  }
  expect(await outcome(api(), office, 'saveHall', { ...profile, assistedWindowId: 'nowhere' })).toBe('NOT_FOUND:assistedWindowId')
  await api().ok(office, 'saveHall', { ...profile, assistedWindowId: null })
  expect((await api().ok(citizen(), 'entry', { scene: 'h=demo' })).hall.assisted).toBe(false)
  expect(await outcome(api(), citizen(), 'submitCase', ask())).toBe('CONFLICT:assisted')
  await api().ok(office, 'saveHall', { ...profile, assistedWindowId: 'zxzx' })
  expect((await api().ok(citizen(), 'entry', { scene: 'h=demo' })).hall.assisted).toBe(true)
})
