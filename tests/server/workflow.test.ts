// Every path of 000 §4–§6 through the handlers on the embedded PostgreSQL: applications, hand-over,
// joint handling, referral, outside the hall, extension, urge, take-over — and who may do each.
import type { ActionInput, ActionName } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'
import { demoDb } from '../support/pglite'
import { anonymous, citizen, rid, staffMember, testApi } from '../support/api'

const db = demoDb()
let now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const li = staffMember('bdc-li')
const wang = staffMember('bdc-wang')
const lead = staffMember('bdc-lead')
const office = staffMember('office-xu')
const otherWindow = staffMember('gjj-zhao')

beforeEach(() => {
  now = new Date('2026-11-23T02:00:00Z')
})

async function opened(kind: 'consult' | 'application' = 'application', claim = true) {
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind,
    contact: { name: '张三', phone: '13912345678' },
    text: '办理二手房转移登记',
    requestId: rid(),
  })
  if (claim) await api().ok(li, 'claimCase', { caseId, requestId: rid() })
  return { me, caseId }
}

async function code<A extends ActionName>(who: Identity, action: A, input: ActionInput<A>) {
  const a = await api().call(who, action, input)
  return a.ok ? 'ok' : a.error.code
}

describe('applications (000 §4.1)', () => {
  it('one-time notice, materials complete, promised acceptance, completion: ledger 承诺件', async () => {
    const { me, caseId } = await opened()
    const notice = await api().ok(li, 'issueSupplementNotice', { caseId, requestId: rid(), items: ['身份证复印件', '购房合同原件'] })
    expect(notice.status).toBe('awaitingMaterials')
    expect(notice.timeline.at(-1)?.text).toContain('SF-BZ-2026-0001')
    now = new Date('2026-11-24T02:00:00Z')
    expect((await api().ok(me, 'materialsComplete', { caseId, requestId: rid() })).status).toBe('inProgress')
    const accepted = await api().ok(li, 'acceptCase', { caseId, requestId: rid(), mode: 'promised', limitDays: 5 })
    expect(accepted.clocks.find((c) => c.kind === 'promised')?.dueAt).toBe('2026-12-01T17:30:00+08:00')
    await api().ok(li, 'completeCase', { caseId, requestId: rid(), result: '已办结转移登记，请领取不动产权证书' })
    const closed = await api().ok(li, 'closeCase', { caseId, requestId: rid() })
    expect(closed.ledgerColumn).toBe('promised')
  })

  it('a refusal needs the reason and the legal basis; a promised acceptance needs its limit', async () => {
    const { caseId } = await opened()
    const noBasis = await api().call(li, 'refuseCase', { caseId, requestId: rid(), reason: '不符合申请条件', legalBasis: '' })
    expect(noBasis.ok || [noBasis.error.code, noBasis.error.details?.field]).toEqual(['INVALID_INPUT', 'legalBasis'])
    const noLimit = await api().call(li, 'acceptCase', { caseId, requestId: rid(), mode: 'promised' })
    expect(noLimit.ok || noLimit.error.details?.field).toBe('limitDays')
    const refused = await api().ok(li, 'refuseCase', { caseId, requestId: rid(), reason: '房屋已被查封', legalBasis: '《不动产登记暂行条例》第二十二条' })
    expect(refused.status).toBe('refused')
  })

  it('a promised acceptance keeps the matter’s published limit; another one needs a reason the citizen reads (004 服务承诺 §3)', async () => {
    const me = citizen()
    const { caseId } = await api().ok(me, 'submitCase', {
      hallId: 'demo',
      windowId: 'bdc',
      matterId: 'bdc-zydj',
      kind: 'application',
      contact: { name: '张三', phone: '13912345678' },
      text: '办理二手房转移登记',
      requestId: rid(),
    })
    await api().ok(li, 'claimCase', { caseId, requestId: rid() })
    const silent = await api().call(li, 'acceptCase', { caseId, requestId: rid(), mode: 'promised', limitDays: 20 })
    expect(silent.ok || [silent.error.code, silent.error.details?.field]).toEqual(['INVALID_INPUT', 'limitReason'])
    const accepted = await api().ok(li, 'acceptCase', { caseId, requestId: rid(), mode: 'promised', limitDays: 8, limitReason: '需实地查勘房屋现状' })
    expect(accepted.acceptance).toMatchObject({ limitDays: 8, limitReason: '需实地查勘房屋现状' })
    const seen = await api().ok(me, 'getCase', { caseId })
    expect(seen.timeline.at(-1)?.text).toContain('需实地查勘房屋现状')
    expect((await api().ok(me, 'inbox', { as: 'citizen' })).items.map((n) => n.body)).toContainEqual(expect.stringContaining('理由：需实地查勘房屋现状'))
  })

  it('supplement notices are numbered per hall and year without gaps, also when issued at once', async () => {
    const cases = await Promise.all(Array.from({ length: 12 }, () => opened()))
    const views = await Promise.all(cases.map(({ caseId }) => api().ok(li, 'issueSupplementNotice', { caseId, requestId: rid(), items: ['身份证'] })))
    const numbers = views.map((v) => v.timeline.at(-1)!.text.match(/SF-BZ-2026-(\d{4})/)![1]).map(Number)
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
  })
})

describe('consults (000 §4.2)', () => {
  it('a reply the next day is a 限时答复 even when staff choose 当场答复; one while the citizen is there is 当场', async () => {
    const later = await opened('consult')
    now = new Date('2026-11-24T02:00:00Z')
    const next = await api().ok(li, 'replyCase', { caseId: later.caseId, requestId: rid(), mode: 'onTheSpot', text: '您好，补办需要身份证和遗失声明。' })
    expect(next.reply?.mode).toBe('timed')
    expect(next.timeline.at(-1)?.text).toContain('限时答复')
    const there = await opened('consult')
    now = new Date('2026-11-24T02:30:00Z')
    expect((await api().ok(li, 'replyCase', { caseId: there.caseId, requestId: rid(), mode: 'onTheSpot', text: '您好，现场为您解答如下。' })).reply?.mode).toBe(
      'onTheSpot',
    )
  })
})

describe('hand-over within the window (000 §5.1)', () => {
  it('the receiver takes the duty on acknowledging, contacts the citizen the same day; ledger 移交本窗口', async () => {
    const { caseId } = await opened('consult')
    const slip = await api().ok(li, 'createHandover', { caseId, requestId: rid(), toStaffId: 'bdc-wang', reason: '该业务由王磊承办', remarks: '' })
    expect(slip.status).toBe('handoverPending')
    expect(await code(lead, 'acknowledgeHandover', { caseId, requestId: rid(), slipNo: 'SF-JJ-2026-0001' })).toBe('FORBIDDEN')
    expect((await api().ok(wang, 'staffQueue', {})).incoming.map((c) => c.id)).toEqual([caseId])
    expect((await api().ok(lead, 'staffQueue', {})).incoming).toEqual([])
    const acked = await api().ok(wang, 'acknowledgeHandover', { caseId, requestId: rid(), slipNo: 'SF-JJ-2026-0001' })
    expect(acked.responder?.name).toBe('王磊')
    expect(acked.clocks.find((c) => c.kind === 'handoverContact')?.dueAt).toBe('2026-11-23T17:30:00+08:00')
    await api().ok(wang, 'recordContact', { caseId, requestId: rid(), note: '已电话联系' })
    await api().ok(wang, 'replyCase', { caseId, requestId: rid(), mode: 'timed', text: '您好，已为您核实办理要求。' })
    expect((await api().ok(wang, 'closeCase', { caseId, requestId: rid() })).ledgerColumn).toBe('handedOver')
  })

  it('a takeover withdraws the slip still waiting: the receiver is told and cannot take the case with it (000 §5.1)', async () => {
    const { me, caseId } = await opened('consult')
    await api().ok(li, 'createHandover', { caseId, requestId: rid(), toStaffId: 'bdc-wang', reason: '该业务由王磊承办', remarks: '' })
    const taken = await api().ok(lead, 'takeOver', { caseId, requestId: rid(), reason: '疑难问题由首席代表答复' })
    expect([taken.status, taken.responder?.name, taken.handovers[0]?.withdrawnAt]).toEqual(['inProgress', '周建国', taken.timeline.at(-1)!.at])
    // the receiver's inbox says so, his incoming list is empty, and the stale slip is refused
    const inbox = await api().ok(wang, 'inbox', { as: 'staff' })
    expect(inbox.items.map((n) => n.title)).toContain('交接单已撤回')
    expect((await api().ok(wang, 'staffQueue', {})).incoming).toEqual([])
    expect(await code(wang, 'acknowledgeHandover', { caseId, requestId: rid(), slipNo: 'SF-JJ-2026-0001' })).toBe('CONFLICT')
    const citizenView = await api().ok(me, 'getCase', { caseId })
    expect([citizenView.status, citizenView.responder?.name]).toEqual(['inProgress', '周建国'])
  })

  it('only to an active colleague of the same window', async () => {
    const { caseId } = await opened('consult')
    expect(await code(li, 'createHandover', { caseId, requestId: rid(), toStaffId: 'gjj-zhao', reason: '转交', remarks: '' })).toBe('INVALID_INPUT')
    expect(await code(li, 'createHandover', { caseId, requestId: rid(), toStaffId: 'nobody', reason: '转交', remarks: '' })).toBe('INVALID_INPUT')
  })

  it('50 hand-over slips at once get 50 distinct consecutive numbers', async () => {
    const cases = []
    for (let i = 0; i < 50; i++) cases.push(await opened('consult'))
    const views = await Promise.all(
      cases.map(({ caseId }) => api().ok(li, 'createHandover', { caseId, requestId: rid(), toStaffId: 'bdc-wang', reason: '转承办人', remarks: '' })),
    )
    const numbers = views.map((v) => Number(v.timeline.at(-1)!.text.match(/SF-JJ-2026-(\d{4})/)![1]))
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
  })
})

describe('joint handling, referral, outside the hall', () => {
  it('joint: the lead records the plan and urges the co-window (000 §5.2, 002)', async () => {
    const { caseId } = await opened()
    await api().ok(li, 'reportJoint', { caseId, requestId: rid(), coWindowIds: ['sw'], note: '涉及契税' })
    expect(await code(li, 'recordJointPlan', { caseId, requestId: rid(), plan: '先核税', coWindowIds: ['sw'] })).toBe('FORBIDDEN')
    const plan = await api().ok(lead, 'recordJointPlan', { caseId, requestId: rid(), plan: '税务窗口先核税，再办理转移登记', coWindowIds: ['sw'] })
    expect(plan.clocks.find((c) => c.kind === 'jointPlan')?.state).toBe('met')
    const urged = await api().ok(lead, 'urgeCase', { caseId, requestId: rid(), note: '请今日完成核税', targetWindowId: 'sw' })
    expect(urged.timeline.at(-1)?.text).toContain('税务窗口')
    expect(await code(li, 'reportJoint', { caseId, requestId: rid(), coWindowIds: ['nosuch'], note: '涉及' })).toBe('INVALID_INPUT')
  })

  it('referral tells the citizen which window and can open a linked case there, once', async () => {
    const { me, caseId } = await opened('consult', false)
    const input = { caseId, requestId: rid(), toWindowId: 'gjj', note: '请到A02住房公积金窗口办理提取', openLinked: true }
    const referred = await api().ok(wang, 'referCase', input)
    expect(referred.ledgerColumn).toBe('otherWindow')
    expect((await api().call(wang, 'referCase', input)).ok).toBe(true)
    const mine = await api().ok(me, 'myCases', {})
    expect(mine.cases.map((c) => c.windowName).sort()).toEqual(['不动产登记窗口', '住房公积金窗口'])
    expect(await code(otherWindow, 'referCase', { ...input, requestId: rid() })).toBe('NOT_FOUND')
  })

  it('a written application outside the hall goes to the hall office, which forwards it (000 §5.4)', async () => {
    const { caseId } = await opened()
    const fwd = await api().ok(li, 'outsideHall', { caseId, requestId: rid(), mode: 'written', explanation: '属于市住建局职责', department: '市住建局' })
    expect(fwd.clocks.find((c) => c.kind === 'outsideForward')?.dueAt).toBe('2026-11-25T17:30:00+08:00')
    const input = { caseId, requestId: rid(), department: '市住建局', date: '2026-11-24', documentNo: '示政服〔2026〕12号' }
    expect(await code(li, 'forwardOutside', input)).toBe('FORBIDDEN')
    expect((await api().ok(office, 'forwardOutside', input)).ledgerColumn).toBe('outsideWritten')
  })
})

describe('supervision', () => {
  it('000 extends no limit: the reply and the promised limit stay as they are (extensions under 004 in extension.test.ts)', async () => {
    const { caseId } = await opened('consult')
    const input = { caseId, requestId: rid(), clockKind: 'reply' as const, days: 2, reason: '需向上级部门请示' }
    expect(await code(li, 'extendClock', input)).toBe('FORBIDDEN')
    const refused = await api().call(lead, 'extendClock', input)
    expect(refused.ok || [refused.error.code, refused.error.details?.field]).toEqual(['INVALID_INPUT', 'clockKind'])
    expect((await api().ok(lead, 'getCase', { caseId })).can.extend).toBe(false)
  })

  it('the citizen may urge once a clock is past half its time, at most once a day', async () => {
    const { me, caseId } = await opened('consult')
    expect(await code(me, 'urgeCase', { caseId, requestId: rid() })).toBe('CONFLICT')
    now = new Date('2026-11-24T07:00:00Z') // Tue 15:00, more than half of the 2 working days gone
    expect(await code(me, 'urgeCase', { caseId, requestId: rid(), note: '请尽快答复' })).toBe('ok')
    expect(await code(me, 'urgeCase', { caseId, requestId: rid() })).toBe('RATE_LIMITED')
    expect(await code(citizen(), 'urgeCase', { caseId, requestId: rid() })).toBe('NOT_FOUND')
    expect(await code(office, 'urgeCase', { caseId, requestId: rid(), note: '政务服务科督办' })).toBe('ok')
  })

  it('the lead and the hall office see every open case they supervise, nearest due first', async () => {
    const a = await opened('consult')
    const b = await opened('application')
    const { caseId: gjjCase } = await api().ok(citizen(), 'submitCase', {
      hallId: 'demo',
      windowId: 'gjj',
      kind: 'consult',
      contact: { name: '赵六', phone: '13900000000' },
      text: '公积金怎么提取？',
      requestId: rid(),
    })
    const leadQueue = await api().ok(lead, 'staffQueue', {})
    expect(leadQueue.supervised.map((c) => c.id).sort()).toEqual([a.caseId, b.caseId].sort())
    // the application's notice of missing materials is due at today's close (000 §4.1), before the consult's reply
    expect(leadQueue.supervised.map((c) => c.id)).toEqual([b.caseId, a.caseId])
    expect((await api().ok(office, 'staffQueue', {})).supervised.map((c) => c.id)).toContain(gjjCase)
    expect((await api().ok(li, 'staffQueue', {})).supervised).toEqual([])
  })

  it('the lead takes over with a reason or assigns; staff cannot', async () => {
    const { caseId } = await opened('consult')
    expect(await code(wang, 'takeOver', { caseId, requestId: rid(), reason: '我来办' })).toBe('FORBIDDEN')
    const taken = await api().ok(lead, 'takeOver', { caseId, requestId: rid(), reason: '疑难问题由首席代表答复' })
    expect(taken.responder?.name).toBe('周建国')
    const assigned = await api().ok(lead, 'assignCase', { caseId, requestId: rid(), staffId: 'bdc-wang' })
    expect(assigned.responder?.name).toBe('王磊')
    expect(await code(lead, 'assignCase', { caseId, requestId: rid(), staffId: 'gjj-zhao' })).toBe('INVALID_INPUT')
  })
})

describe('permission matrix', () => {
  // who: the case's citizen, another citizen, its handler, a colleague, staff of another window, the
  // window lead, the hall office, anonymous
  const who = ['owner', 'otherCitizen', 'handler', 'colleague', 'otherWindow', 'lead', 'office', 'anonymous'] as const
  type Who = (typeof who)[number]
  const F = 'FORBIDDEN'
  const N = 'NOT_FOUND'
  const U = 'UNAUTHENTICATED'
  const table: Array<[string, (caseId: string) => [ActionName, Record<string, unknown>], Record<Who, string>]> = [
    [
      'getCase',
      (caseId) => ['getCase', { caseId }],
      { owner: 'ok', otherCitizen: N, handler: 'ok', colleague: 'ok', otherWindow: F, lead: 'ok', office: 'ok', anonymous: N },
    ],
    [
      'replyCase',
      (caseId) => ['replyCase', { caseId, requestId: rid(), mode: 'timed', text: '您好，已为您查询。' }],
      { owner: U, otherCitizen: U, handler: 'ok', colleague: F, otherWindow: F, lead: F, office: F, anonymous: U },
    ],
    [
      'createHandover',
      (caseId) => ['createHandover', { caseId, requestId: rid(), toStaffId: 'bdc-lead', reason: '转交', remarks: '' }],
      { owner: U, otherCitizen: U, handler: 'ok', colleague: F, otherWindow: F, lead: F, office: F, anonymous: U },
    ],
    [
      'takeOver',
      (caseId) => ['takeOver', { caseId, requestId: rid(), reason: '首席代表接手' }],
      { owner: U, otherCitizen: U, handler: F, colleague: F, otherWindow: F, lead: 'ok', office: F, anonymous: U },
    ],
    // who may is checked first; then 000 refuses to extend the reply limit at all
    [
      'extendClock',
      (caseId) => ['extendClock', { caseId, requestId: rid(), clockKind: 'reply', days: 1, reason: '需请示' }],
      { owner: U, otherCitizen: U, handler: F, colleague: F, otherWindow: F, lead: 'INVALID_INPUT', office: 'INVALID_INPUT', anonymous: U },
    ],
    [
      'urgeCase',
      (caseId) => ['urgeCase', { caseId, requestId: rid() }],
      { owner: 'CONFLICT', otherCitizen: N, handler: F, colleague: F, otherWindow: F, lead: F, office: 'ok', anonymous: N },
    ],
    [
      'closeCase',
      (caseId) => ['closeCase', { caseId, requestId: rid() }],
      { owner: U, otherCitizen: U, handler: 'CONFLICT', colleague: F, otherWindow: F, lead: 'CONFLICT', office: F, anonymous: U },
    ],
    [
      'forwardOutside',
      (caseId) => ['forwardOutside', { caseId, requestId: rid(), department: '市住建局', date: '2026-11-24', documentNo: '文号1' }],
      { owner: U, otherCitizen: U, handler: F, colleague: F, otherWindow: F, lead: F, office: 'CONFLICT', anonymous: U },
    ],
  ]

  it.each(table)('%s', async (_name, make, expected) => {
    for (const w of who) {
      const { me, caseId } = await opened('consult')
      const identity: Record<Who, Identity> = {
        owner: me,
        otherCitizen: citizen(),
        handler: li,
        colleague: wang,
        otherWindow,
        lead,
        office,
        anonymous,
      }
      const [action, input] = make(caseId)
      const got = await code(identity[w], action, input as ActionInput<typeof action>)
      expect(`${w}: ${got}`).toBe(`${w}: ${expected[w]}`)
    }
  })
})
