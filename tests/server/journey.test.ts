// The first journey through the handlers on the real embedded PostgreSQL: scan, submit, claim, reply.
import { seedDemoHall } from '../../src/server/demoHall'
import { hashPassword } from '../../src/server/password'
import { openTestDb, type TestDb } from '../support/pglite'
import { anonymous, citizen, rid, staffMember, testApi } from '../support/api'

let db: TestDb
let now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })

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

const consult = (over: Record<string, unknown> = {}) => ({
  hallId: 'demo',
  windowId: 'bdc',
  kind: 'consult' as const,
  contact: { name: '张三', phone: '13912345678' },
  text: '请问二手房过户需要带哪些材料？',
  requestId: rid(),
  ...over,
})

describe('entry from a QR code', () => {
  it('shows the hall, the window and its business scope', async () => {
    const data = await api().ok(anonymous, 'entry', { scene: 'h%3Ddemo%26w%3Dbdc' })
    expect(data.hall.name).toBe('示范市政务服务中心')
    expect(data.window?.name).toBe('不动产登记窗口')
    expect(data.window?.scope).toContain('转移登记')
    expect(data.windows.length).toBeGreaterThanOrEqual(6)
  })

  it('a hall code without a window lists the windows', async () => {
    const data = await api().ok(anonymous, 'entry', { scene: 'h=demo' })
    expect(data.window).toBeNull()
    expect(data.windows.map((w) => w.id)).toEqual(expect.arrayContaining(['bdc', 'gjj', 'sb', 'qykb', 'sw', 'zxzx']))
  })

  it.each([['garbage'], ['h=demo&w=nosuch'], ['h=nohall&w=bdc'], ['%E0%A4%A'], ['']])('an invalid scene %p is NOT_FOUND, never a crash', async (scene) => {
    const answer = await api().call(anonymous, 'entry', { scene })
    expect(answer.ok).toBe(false)
    if (!answer.ok) expect(answer.error.code).toBe('NOT_FOUND')
  })

  it("an unknown window of a known hall still gives the hall's contact", async () => {
    const answer = await api().call(anonymous, 'entry', { scene: 'h=demo&w=nosuch' })
    expect(answer.ok).toBe(false)
    if (!answer.ok) expect(answer.error.details?.hall).toMatchObject({ supervisionPhone: '0562-12345' })
  })
})

describe('submitting a consult', () => {
  it('gives a readable case number and the case page', async () => {
    const me = citizen()
    const { caseId, no } = await api().ok(me, 'submitCase', consult())
    expect(no).toBe('SF-20261123-0001')
    const view = await api().ok(me, 'getCase', { caseId })
    expect(view.status).toBe('open')
    expect(view.statusLabel).toBe('待接待')
    expect(view.window.name).toBe('不动产登记窗口')
    expect(view.responder).toBeNull()
    expect(view.clocks).toEqual([expect.objectContaining({ kind: 'reply', dueAt: '2026-11-25T17:30:00+08:00' })])
    expect(view.timeline).toHaveLength(1)
    const second = await api().ok(me, 'submitCase', consult())
    expect(second.no).toBe('SF-20261123-0002')
  })

  it.each([
    [{ contact: { name: '张三', phone: '1391234' } }, 'contact.phone'],
    [{ contact: { name: '', phone: '13912345678' } }, 'contact.name'],
    [{ text: '过户' }, 'text'],
    [{ text: 'x'.repeat(1001) }, 'text'],
    [{ requestId: 'short' }, 'requestId'],
  ])('refuses bad input %p with INVALID_INPUT on the field', async (over, field) => {
    const answer = await api().call(citizen(), 'submitCase', consult(over))
    expect(answer.ok).toBe(false)
    if (!answer.ok) {
      expect(answer.error.code).toBe('INVALID_INPUT')
      expect(answer.error.details?.field).toBe(field)
    }
  })

  it('accepts a landline with area code', async () => {
    const answer = await api().call(citizen(), 'submitCase', consult({ contact: { name: '示范建材有限公司', phone: '0562-2881234' } }))
    expect(answer.ok).toBe(true)
  })

  it('a double-tapped submit (same requestId) makes one case, also when concurrent', async () => {
    const me = citizen()
    const input = consult()
    const answers = await Promise.all(Array.from({ length: 6 }, () => api().ok(me, 'submitCase', input)))
    expect(new Set(answers.map((a) => a.caseId)).size).toBe(1)
    const mine = await api().ok(me, 'myCases', {})
    expect(mine.cases).toHaveLength(1)
    // the twin drew no number: the next case is 0002
    expect((await api().ok(me, 'submitCase', consult())).no).toBe('SF-20261123-0002')
  })

  it('without a window goes to the hall general inquiry window', async () => {
    const me = citizen()
    const { caseId } = await api().ok(me, 'submitCase', consult({ windowId: undefined }))
    expect((await api().ok(me, 'getCase', { caseId })).window.id).toBe('zxzx')
  })

  it('needs a citizen identity', async () => {
    const answer = await api().call(anonymous, 'submitCase', consult())
    expect(answer.ok || answer.error.code).toBe('UNAUTHENTICATED')
  })
})

describe('claim and reply', () => {
  async function submitted() {
    const me = citizen()
    const { caseId } = await api().ok(me, 'submitCase', consult())
    return { me, caseId }
  }

  it('staff of the window see it in their queue; other windows do not', async () => {
    const { caseId } = await submitted()
    const queue = await api().ok(staffMember('bdc-li'), 'staffQueue', {})
    expect(queue.unclaimed.map((c) => c.id)).toContain(caseId)
    const other = await api().ok(staffMember('gjj-zhao'), 'staffQueue', {})
    expect(other.unclaimed.map((c) => c.id)).not.toContain(caseId)
  })

  it('the queue tells the nearest deadline in working days, as the case page does, also across a weekend', async () => {
    const { caseId } = await submitted()
    now = new Date('2026-11-23T02:05:00Z')
    await api().ok(staffMember('bdc-li'), 'claimCase', { caseId, requestId: rid() })
    // Monday, Saturday (nothing runs), and the next Tuesday when the 2-working-day reply is overdue
    for (const at of ['2026-11-23T03:00:00Z', '2026-11-28T03:00:00Z', '2026-12-01T03:00:00Z']) {
      now = new Date(at)
      const item = (await api().ok(staffMember('bdc-li'), 'staffQueue', {})).mine.find((c) => c.id === caseId)!
      const page = await api().ok(staffMember('bdc-li'), 'getCase', { caseId })
      const running = page.clocks.find((c) => c.state === 'running' || c.state === 'breached')!
      expect(item.dueText).toBe(running.countdown)
      expect(item.dueText).toMatch(/工作(日|小时)/)
    }
    expect((await api().ok(staffMember('bdc-li'), 'staffQueue', {})).mine.find((c) => c.id === caseId)!.dueText).toMatch(/^已超时 \d+ 个工作日$/)
  })

  it('the whole journey: claim, reply, and the citizen sees the responder card and every step', async () => {
    const { me, caseId } = await submitted()
    now = new Date('2026-11-23T02:05:00Z')
    const claimed = await api().ok(staffMember('bdc-li'), 'claimCase', { caseId, requestId: rid() })
    expect(claimed.status).toBe('inProgress')
    // the buttons a first responder sees on a consult
    expect(
      Object.entries(claimed.can)
        .filter(([, v]) => v)
        .map(([k]) => k)
        .sort(),
    ).toEqual(['createHandover', 'outsideHall', 'refer', 'reply', 'reportJoint', 'reportUp'].sort())
    expect(claimed.colleagues.map((c) => c.id).sort()).toEqual(['bdc-lead', 'bdc-li', 'bdc-wang'])
    const leadView = await api().ok(staffMember('bdc-lead'), 'getCase', { caseId })
    // 000 extends no limit: the lead may take over or give the case to a colleague, not extend
    expect(
      Object.entries(leadView.can)
        .filter(([, v]) => v)
        .map(([k]) => k)
        .sort(),
    ).toEqual(['assign', 'takeOver'])
    now = new Date('2026-11-23T02:20:00Z')
    await api().ok(staffMember('bdc-li'), 'replyCase', {
      caseId,
      requestId: rid(),
      mode: 'onTheSpot',
      text: '您好，二手房过户需携带双方身份证、不动产权证书和网签合同，请到A01窗口办理。',
    })
    const view = await api().ok(me, 'getCase', { caseId })
    expect(view.responder).toMatchObject({
      name: '李晓梅',
      title: '科员',
      post: '不动产登记受理岗',
      windowName: '不动产登记窗口',
      windowNumber: 'A01',
    })
    expect(view.responder?.scope).toContain('抵押登记')
    expect(view.reply).toMatchObject({ mode: 'onTheSpot', at: '2026-11-23T10:20:00+08:00' })
    expect(view.timeline.map((t) => t.type)).toEqual(['submitted', 'claimed', 'replied'])
    expect(view.timeline.map((t) => t.at)).toEqual(['2026-11-23T10:00:00+08:00', '2026-11-23T10:05:00+08:00', '2026-11-23T10:20:00+08:00'])
    expect(view.timeline[1]!.who).toContain('李晓梅')
    expect(view.clocks[0]).toMatchObject({ kind: 'reply', state: 'met' })
    // once answered, what is left to the citizen is to rate the service
    expect(Object.entries(view.can).filter(([, v]) => v)).toEqual([['rate', true]])
  })

  it('staff of another window cannot claim', async () => {
    const { caseId } = await submitted()
    const answer = await api().call(staffMember('gjj-zhao'), 'claimCase', { caseId, requestId: rid() })
    expect(answer.ok || answer.error.code).toBe('FORBIDDEN')
  })

  it('the hall office sees the case but does not claim it', async () => {
    const { caseId } = await submitted()
    expect((await api().ok(staffMember('office-xu'), 'getCase', { caseId })).id).toBe(caseId)
    const answer = await api().call(staffMember('office-xu'), 'claimCase', { caseId, requestId: rid() })
    expect(answer.ok || answer.error.code).toBe('FORBIDDEN')
  })

  it('a second claim gets CONFLICT and sees who holds it', async () => {
    const { caseId } = await submitted()
    await api().ok(staffMember('bdc-li'), 'claimCase', { caseId, requestId: rid() })
    const answer = await api().call(staffMember('bdc-wang'), 'claimCase', { caseId, requestId: rid() })
    expect(answer.ok).toBe(false)
    if (!answer.ok) {
      expect(answer.error.code).toBe('CONFLICT')
      expect(answer.error.details).toMatchObject({ holderId: 'bdc-li', holderName: '李晓梅' })
      expect(answer.error.message).toContain('李晓梅')
    }
  })

  it('20 claims at once give exactly one first responder', async () => {
    const { caseId } = await submitted()
    const who = ['bdc-li', 'bdc-wang', 'bdc-lead']
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => api().call(staffMember(who[i % 3]!), 'claimCase', { caseId, requestId: rid() })))
    const wins = answers.filter((a) => a.ok)
    expect(wins).toHaveLength(1)
    for (const a of answers) if (!a.ok) expect(a.error.code).toBe('CONFLICT')
    const loaded = await db.store.getCase(caseId)
    expect(loaded!.events.filter((e) => e.type === 'claimed')).toHaveLength(1)
  })

  it('a repeated claim with the same requestId records one event and answers ok', async () => {
    const { caseId } = await submitted()
    const requestId = rid()
    await api().ok(staffMember('bdc-li'), 'claimCase', { caseId, requestId })
    const again = await api().call(staffMember('bdc-li'), 'claimCase', { caseId, requestId })
    expect(again.ok).toBe(true)
    expect((await db.store.getCase(caseId))!.events).toHaveLength(2)
  })

  it('a reply with a forbidden phrase is refused with the phrase and a suggestion (000 §5.3)', async () => {
    const { caseId } = await submitted()
    await api().ok(staffMember('bdc-li'), 'claimCase', { caseId, requestId: rid() })
    const answer = await api().call(staffMember('bdc-li'), 'replyCase', {
      caseId,
      requestId: rid(),
      mode: 'timed',
      text: '这个事情不归 我管，您去别处问问。',
    })
    expect(answer.ok).toBe(false)
    if (!answer.ok) {
      expect(answer.error.code).toBe('INVALID_INPUT')
      expect(answer.error.details?.field).toBe('text')
      expect(JSON.stringify(answer.error.details?.hits)).toContain('不归我管')
    }
    expect((await db.store.getCase(caseId))!.events).toHaveLength(2)
  })

  it('only the first responder replies; a closed-out consult cannot be replied twice', async () => {
    const { caseId } = await submitted()
    await api().ok(staffMember('bdc-li'), 'claimCase', { caseId, requestId: rid() })
    const notMine = await api().call(staffMember('bdc-wang'), 'replyCase', { caseId, requestId: rid(), mode: 'timed', text: '您好，已为您查询。' })
    expect(notMine.ok || notMine.error.code).toBe('FORBIDDEN')
    await api().ok(staffMember('bdc-li'), 'replyCase', { caseId, requestId: rid(), mode: 'timed', text: '您好，已为您查询。' })
    const twice = await api().call(staffMember('bdc-li'), 'replyCase', { caseId, requestId: rid(), mode: 'timed', text: '您好，再补充一点。' })
    expect(twice.ok || twice.error.code).toBe('CONFLICT')
  })

  it('a citizen can never read another citizen case', async () => {
    const { caseId } = await submitted()
    for (const who of [citizen(), anonymous]) {
      const answer = await api().call(who, 'getCase', { caseId })
      expect(answer.ok || answer.error.code).toBe('NOT_FOUND')
    }
    const malformed = await api().call(citizen(), 'getCase', { caseId: '../../etc' })
    expect(malformed.ok || malformed.error.code).toBe('INVALID_INPUT')
  })
})

describe('policy versions', () => {
  it('a case keeps the policy version it was opened under', async () => {
    const me = citizen()
    const before = await api().ok(me, 'submitCase', consult())
    // the hall office shortens the reply limit to 1 working day (version 2)
    await db.store.putPolicyVersion('demo', {
      version: 2,
      presetId: '000',
      overrides: { limits: { reply: 1 } },
      note: '答复时限缩短为 1 个工作日',
      by: 'office-xu',
      at: '2026-11-23T09:00:00+08:00',
    })
    const hall = (await db.store.getHall('demo'))!
    await db.store.putHall({ ...hall, policyVersion: 2 })
    const after = await api().ok(me, 'submitCase', consult())
    expect((await api().ok(me, 'getCase', { caseId: before.caseId })).clocks[0]!.dueAt).toBe('2026-11-25T17:30:00+08:00')
    expect((await api().ok(me, 'getCase', { caseId: after.caseId })).clocks[0]!.dueAt).toBe('2026-11-24T17:30:00+08:00')
    const old = await db.store.getCaseState(before.caseId)
    expect(old?.policy).toEqual({ presetId: '000', version: 1 })
    expect((await db.store.getCaseState(after.caseId))?.policy).toEqual({ presetId: '000', version: 2 })
  })
})

describe('sign-in', () => {
  beforeEach(async () => {
    const s = (await db.store.getStaff('bdc-li'))!
    await db.store.putStaff(s, { login: 'lixm', passwordHash: await hashPassword('correct horse') })
  })

  it('password sign-in answers the staff session; a wrong password is UNAUTHENTICATED', async () => {
    const ok = await api().ok(citizen(), 'login', { hallId: 'demo', login: 'lixm', password: 'correct horse' })
    expect(ok.staff).toMatchObject({ id: 'bdc-li', windowName: '不动产登记窗口' })
    for (const [login, password] of [
      ['lixm', 'wrong'],
      ['nobody', 'correct horse'],
    ]) {
      const answer = await api().call(citizen(), 'login', { hallId: 'demo', login: login!, password: password! })
      expect(answer.ok || answer.error.code).toBe('UNAUTHENTICATED')
    }
  })

  it('demo identities exist only in demo mode', async () => {
    const prod = testApi({ store: db.store, now: () => now, demo: false })
    const answer = await prod.call(citizen(), 'demoLogin', { staffId: 'bdc-li' })
    expect(answer.ok || answer.error.code).toBe('FORBIDDEN')
    const list = await prod.call(citizen(), 'demoStaff', {})
    expect(list.ok || list.error.code).toBe('FORBIDDEN')
    const demo = await api().ok(citizen(), 'demoStaff', {})
    expect(demo.staff.length).toBeGreaterThanOrEqual(13)
  })

  it('a deactivated staff member is signed out', async () => {
    const s = (await db.store.getStaff('bdc-li'))!
    await db.store.putStaff({ ...s, active: false })
    const answer = await api().call(staffMember('bdc-li'), 'staffQueue', {})
    expect(answer.ok || answer.error.code).toBe('UNAUTHENTICATED')
  })
})

describe('bad calls', () => {
  it.each([[null], [[]], ['text'], [{ action: 'dropTables' }], [{}]])('%p answers a clear error', async (payload) => {
    const answer = await api().raw.call(anonymous, payload)
    expect(answer.ok).toBe(false)
    if (!answer.ok) expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(answer.error.code)
  })
})
