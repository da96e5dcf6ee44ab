// The paths of the regulations beyond the main one, through the handlers on the embedded Postgres:
// an extension requested by the clerk and decided by the approver (004 服务承诺 §3, 限时办结 §5), a
// report upward with its answer (000 §5.1, §6), joint handling on both sides with the hall office's
// decision when the windows cannot agree (000 §5.2, 001 第六条(三)), and an application's first clock
// with the unclaimed breach charged to its window (002 一次性告知 §5(2), 004 考核 三(一)(1)(2)).
import { seedDemoHall } from '../../src/server/demoHall'
import { runSweep } from '../../src/server/sweep'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, outcome, rid, staffMember, testApi } from '../support/api'

let db: TestDb
let now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const at = (local: string) => new Date(`${local}+08:00`)
const api = () => testApi({ store: db.store, now: () => now })
const li = staffMember('bdc-li')
const wang = staffMember('bdc-wang')
const lead = staffMember('bdc-lead')
const office = staffMember('office-xu')
const swLead = staffMember('sw-lead')
const swZheng = staffMember('sw-zheng')
const gjj = staffMember('gjj-zhao')

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
})
afterAll(() => db.close())
beforeEach(() => {
  now = at('2026-11-23T10:00:00')
})

async function opened(kind: 'application' | 'consult' = 'application', claim = true) {
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind,
    contact: { name: '张三', phone: '13912345678' },
    text: kind === 'consult' ? '请问二手房过户需要哪些材料？' : '办理二手房转移登记',
    requestId: rid(),
  })
  if (claim) await api().ok(li, 'claimCase', { caseId, requestId: rid() })
  return { me, caseId }
}

describe('an extension the approver decides (004 服务承诺 §3, 限时办结 §5)', () => {
  beforeAll(async () => {
    // 004 lets the promised limit be extended; the hall asks for a leader's approval
    const page = await api().ok(office, 'policySettings', {})
    await api().ok(office, 'savePolicy', {
      presetId: '004',
      overrides: { extension: { needsLeadApproval: true } },
      note: '延期须经窗口负责人批准',
      baseVersion: page.version,
      requestId: rid(),
    })
  })

  async function promised() {
    const c = await opened()
    await api().ok(li, 'acceptCase', { caseId: c.caseId, requestId: rid(), mode: 'promised', limitDays: 3 })
    return c
  }

  it('the clerk requests, the lead grants: the clock moves and the citizen reads the reason before the limit lapses', async () => {
    const { me, caseId } = await promised()
    const asClerk = await api().ok(li, 'getCase', { caseId })
    expect([asClerk.can.extend, asClerk.can.requestExtension, asClerk.can.decideExtension]).toEqual([false, true, false])
    expect(await outcome(api(), li, 'extendClock', { caseId, requestId: rid(), clockKind: 'promised', days: 2, reason: '需现场核查' })).toBe('FORBIDDEN')
    const input = { caseId, requestId: rid(), clockKind: 'promised' as const, days: 2, reason: '需现场核查抵押物' }
    const requested = await api().ok(li, 'requestExtension', input)
    expect(requested.extensionRequests).toEqual([expect.objectContaining({ days: 2, reason: '需现场核查抵押物', decision: null, by: '李晓梅' })])
    // the same request again is one request; a second one waits for the first
    expect((await api().ok(li, 'requestExtension', input)).extensionRequests).toHaveLength(1)
    expect(await outcome(api(), li, 'requestExtension', { ...input, requestId: rid() })).toBe('CONFLICT')
    expect((await api().ok(lead, 'inbox', { as: 'staff' })).items.map((n) => n.title)).toContain('延期申请待您审批')
    // only the approver decides
    expect(await outcome(api(), wang, 'decideExtension', { caseId, requestId: rid(), granted: true, note: '' })).toBe('FORBIDDEN')
    expect(await outcome(api(), li, 'decideExtension', { caseId, requestId: rid(), granted: true, note: '' })).toBe('FORBIDDEN')
    const asLead = await api().ok(lead, 'getCase', { caseId })
    expect(asLead.can.decideExtension).toBe(true)
    const due = asLead.clocks.find((c) => c.kind === 'promised')!.dueAt
    const granted = await api().ok(lead, 'decideExtension', { caseId, requestId: rid(), granted: true, note: '同意' })
    expect(granted.clocks.find((c) => c.kind === 'promised')!.dueAt).toBe('2026-11-30T17:30:00+08:00')
    expect(due).toBe('2026-11-26T17:30:00+08:00')
    expect(granted.extensionRequests[0]!.decision).toMatchObject({ granted: true, by: '周建国' })
    expect((await api().ok(me, 'inbox', { as: 'citizen' })).items.map((n) => n.body)).toContainEqual(expect.stringContaining('原因：需现场核查抵押物'))
    expect((await api().ok(li, 'inbox', { as: 'staff' })).items.map((n) => n.title)).toContain('延期申请已批准')
    expect((await api().ok(me, 'getCase', { caseId })).timeline.map((t) => t.text)).toContainEqual(expect.stringContaining('批准延期'))
  })

  it('a refusal says why and leaves the limit; a request after the limit lapsed is refused', async () => {
    const { caseId } = await promised()
    await api().ok(li, 'requestExtension', { caseId, requestId: rid(), clockKind: 'promised', days: 1, reason: '申请人要求暂缓' })
    expect(await outcome(api(), office, 'decideExtension', { caseId, requestId: rid(), granted: false, note: '' })).toBe('INVALID_INPUT:note')
    const refused = await api().ok(office, 'decideExtension', { caseId, requestId: rid(), granted: false, note: '可按期办结，不予延期' })
    expect(refused.clocks.find((c) => c.kind === 'promised')!.dueAt).toBe('2026-11-26T17:30:00+08:00')
    expect(refused.timeline.at(-1)!.text).toBe('延期申请未获批准：可按期办结，不予延期')
    now = at('2026-11-27T10:00:00')
    expect(await outcome(api(), li, 'requestExtension', { caseId, requestId: rid(), clockKind: 'promised', days: 1, reason: '仍需核查' })).toBe('CONFLICT')
  })

  afterAll(async () => {
    const page = await api().ok(office, 'policySettings', {})
    await api().ok(office, 'savePolicy', { presetId: '000', overrides: {}, note: '恢复', baseVersion: page.version, requestId: rid() })
  })
})

describe('上报 (000 §5.1, §6)', () => {
  it('the first responder reports to the window lead, who answers on the clock; the case stays the clerk’s', async () => {
    const { me, caseId } = await opened('consult')
    const input = { caseId, requestId: rid(), to: 'lead' as const, reason: 'unclearResponsibility' as const, detail: '该房屋涉及遗产继承，承办岗位不明确' }
    const reported = await api().ok(li, 'reportUp', input)
    expect(reported.responder?.staffId).toBe('bdc-li')
    expect(reported.clocks.find((c) => c.kind === 'reportUp')).toMatchObject({ state: 'running', dueAt: '2026-11-24T17:30:00+08:00' })
    expect(reported.reports).toEqual([expect.objectContaining({ to: '窗口负责人', reason: '职责不明确', cite: '000 §5.1', answer: null })])
    expect(await outcome(api(), li, 'reportUp', { ...input, requestId: rid() })).toBe('CONFLICT')
    expect((await api().ok(lead, 'inbox', { as: 'staff' })).items.map((n) => n.title)).toContain('有案件上报待您答复')
    expect(await outcome(api(), wang, 'answerReport', { caseId, requestId: rid(), answer: '由继承登记岗办理' })).toBe('FORBIDDEN')
    const answered = await api().ok(lead, 'answerReport', { caseId, requestId: rid(), answer: '由继承登记岗办理，请告知市民所需材料' })
    expect(answered.clocks.find((c) => c.kind === 'reportUp')?.state).toBe('met')
    expect((await api().ok(li, 'inbox', { as: 'staff' })).items.map((n) => n.title)).toContain('上报已答复')
    // the citizen sees each step, and the clerk still answers them
    expect((await api().ok(me, 'getCase', { caseId })).timeline.map((t) => t.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('已报告窗口负责人'), '上级答复：由继承登记岗办理，请告知市民所需材料']),
    )
    expect((await api().ok(li, 'replyCase', { caseId, requestId: rid(), text: '您好，继承登记需要死亡证明等材料。', mode: 'timed' })).status).toBe('replied')
  })

  it('a report to the hall office that is not answered in time is charged to the office, not the clerk', async () => {
    const { caseId } = await opened('consult')
    await api().ok(li, 'reportUp', { caseId, requestId: rid(), to: 'office', reason: 'seriousOrUrgent', detail: '市民情绪激动，反映房屋被他人冒名抵押' })
    // 000 §6: a serious or urgent matter reaches the lead and the office both
    expect((await api().ok(lead, 'inbox', { as: 'staff' })).items.map((n) => n.body)).toContainEqual(expect.stringContaining('冒名抵押'))
    expect(await outcome(api(), lead, 'answerReport', { caseId, requestId: rid(), answer: '已处理' })).toBe('FORBIDDEN')
    now = at('2026-11-24T18:00:00')
    await runSweep(db.store, { now })
    const found = await db.store.getCase(caseId)
    expect(found?.state.violations).toEqual([expect.objectContaining({ clockKind: 'reportUp', staffId: null, duty: 'office' })])
  })
})

describe('joint handling on both sides (000 §5.2, 001 第六条(三), 002 首问（办）负责 §4(2))', () => {
  it('the co-window sees the case, is told of the plan and confirms its part; the citizen sees each step', async () => {
    const { me, caseId } = await opened()
    expect(await outcome(api(), swLead, 'getCase', { caseId })).toBe('FORBIDDEN')
    await api().ok(li, 'reportJoint', { caseId, requestId: rid(), coWindowIds: ['sw'], note: '涉及契税' })
    // the co-window is informed, and sees the case from then on; another window still does not
    expect((await api().ok(swLead, 'inbox', { as: 'staff' })).items.map((n) => n.title)).toContain('其他窗口牵头的共同办理，请配合商定方案')
    expect((await api().ok(swZheng, 'getCase', { caseId })).joint?.coWindows).toEqual(['税务窗口'])
    // and finds it in the queue, under the joint handling other windows lead
    expect((await api().ok(swZheng, 'staffQueue', {})).coHandled.map((c) => c.id)).toEqual([caseId])
    expect((await api().ok(gjj, 'staffQueue', {})).coHandled).toEqual([])
    expect((await api().ok(li, 'staffQueue', {})).coHandled).toEqual([])
    expect(await outcome(api(), gjj, 'getCase', { caseId })).toBe('FORBIDDEN')
    expect((await api().ok(swZheng, 'getCase', { caseId })).can.confirmJointPart).toBe(false)
    await api().ok(lead, 'recordJointPlan', { caseId, requestId: rid(), plan: '税务窗口先核税，再办理转移登记', coWindowIds: ['sw'] })
    expect((await api().ok(swLead, 'inbox', { as: 'staff' })).items.map((n) => n.title)).toContain('共同办理方案已商定，请确认本窗口承办部分')
    const asCo = await api().ok(swZheng, 'getCase', { caseId })
    expect([asCo.can.confirmJointPart, asCo.can.reply, asCo.can.claim]).toEqual([true, false, false])
    expect(await outcome(api(), li, 'confirmJointPart', { caseId, requestId: rid(), part: '核税' })).toBe('FORBIDDEN')
    const confirmed = await api().ok(swZheng, 'confirmJointPart', { caseId, requestId: rid(), part: '今日完成契税核定' })
    expect(confirmed.joint).toMatchObject({ confirmations: [expect.objectContaining({ window: '税务窗口', part: '今日完成契税核定' })], unconfirmed: [] })
    expect(await outcome(api(), swLead, 'confirmJointPart', { caseId, requestId: rid(), part: '再确认' })).toBe('CONFLICT')
    expect((await api().ok(li, 'inbox', { as: 'staff' })).items.map((n) => n.title)).toContain('协办窗口已确认承办部分')
    expect((await api().ok(me, 'getCase', { caseId })).timeline.map((t) => t.text)).toContain('税务窗口确认承办：今日完成契税核定')
  })

  it('when the windows cannot agree the lead window reports in writing, and the hall office decides on its own clock', async () => {
    const { me, caseId } = await opened()
    await api().ok(li, 'reportJoint', { caseId, requestId: rid(), coWindowIds: ['sw'], note: '涉及契税减免' })
    const dispute = {
      caseId,
      requestId: rid(),
      items: '契税减免认定由哪个窗口出具意见',
      leadReasons: '减免认定属税务职责',
      coReasons: '须先由不动产窗口确认房屋套数',
      proposal: '由不动产窗口先出具套数证明，税务窗口据此认定',
    }
    expect(await outcome(api(), li, 'reportJointDispute', dispute)).toBe('FORBIDDEN')
    expect(await outcome(api(), lead, 'reportJointDispute', { ...dispute, proposal: ' ' })).toBe('INVALID_INPUT:proposal')
    const filed = await api().ok(lead, 'reportJointDispute', dispute)
    expect(filed.clocks.find((c) => c.kind === 'jointPlan')?.state).toBe('met')
    expect(filed.clocks.find((c) => c.kind === 'jointDecision')).toMatchObject({ state: 'running', dueAt: '2026-11-25T17:30:00+08:00' })
    expect((await api().ok(office, 'inbox', { as: 'staff' })).items.map((n) => n.title)).toContain('共同办理争议待您裁定')
    expect(await outcome(api(), lead, 'decideJointDispute', { caseId, requestId: rid(), decision: '按建议办' })).toBe('FORBIDDEN')
    const decided = await api().ok(office, 'decideJointDispute', { caseId, requestId: rid(), decision: '按处理建议执行，今日内完成' })
    expect([decided.status, decided.joint?.plan, decided.clocks.find((c) => c.kind === 'jointDecision')?.state]).toEqual([
      'inProgress',
      '按处理建议执行，今日内完成',
      'met',
    ])
    expect((await api().ok(swLead, 'inbox', { as: 'staff' })).items.map((n) => n.title)).toContain('共同办理争议已裁定')
    const citizenView = await api().ok(me, 'getCase', { caseId })
    expect(citizenView.timeline.map((t) => t.text)).toContain('政务服务科裁定：按处理建议执行，今日内完成')
    // the written report's reasons are for staff; the citizen reads that it went to the office
    expect(citizenView.timeline.map((t) => t.text)).toContainEqual(expect.stringContaining('已书面报告政务服务科'))
  })
})

describe('an application’s first clock (002 一次性告知 §5(2))', () => {
  it('starts at receipt; an unclaimed application breaches against its window and the lead is charged', async () => {
    now = at('2026-11-02T10:00:00')
    const { caseId } = await opened('application', false)
    const view = await api().ok(lead, 'getCase', { caseId })
    // 000: the notice of missing materials is given on the spot, by the day's close
    expect(view.clocks).toEqual([expect.objectContaining({ kind: 'supplementNotice', dueAt: '2026-11-02T17:30:00+08:00', state: 'running' })])
    now = at('2026-11-02T18:00:00')
    await runSweep(db.store, { now })
    now = at('2026-12-01T10:00:00')
    const sheets = await api().ok(office, 'assessment', { month: '2026-11' })
    const items = (id: string) => sheets.sheets.find((s) => s.staffId === id)!.items.filter((d) => d.caseId === caseId)
    expect(items('bdc-lead').map((d) => d.note)).toEqual(['一次性告知时限已超过'])
    expect(items('bdc-li')).toEqual([])
  })
})
