// Who is told what through the inbox: urges reach the responsible person (the joint lead's urges the
// co-window's lead), progress reaches the citizen, hand-overs the receiver; each inbox is its owner's.
import type { Identity } from '../../src/server/identity'
import { demoDb } from '../support/pglite'
import { anonymous, citizen, rid, staffMember, testApi } from '../support/api'

const db = demoDb()
let now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const li = staffMember('bdc-li')
const lead = staffMember('bdc-lead')
const office = staffMember('office-xu')

beforeEach(() => {
  now = new Date('2026-11-23T02:00:00Z')
})

async function opened(kind: 'consult' | 'application') {
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind,
    contact: { name: '张三', phone: '13912345678' },
    text: '办理二手房转移登记',
    requestId: rid(),
  })
  await api().ok(li, 'claimCase', { caseId, requestId: rid() })
  return { me, caseId }
}
const titles = async (who: Identity, as: 'staff' | 'citizen' = 'staff') => (await api().ok(who, 'inbox', { as })).items.map((n) => n.title)

it("the citizen's and the hall office's urges reach the first responder", async () => {
  const { me, caseId } = await opened('consult')
  now = new Date('2026-11-24T07:00:00Z')
  await api().ok(me, 'urgeCase', { caseId, requestId: rid(), note: '请尽快答复' })
  await api().ok(office, 'urgeCase', { caseId, requestId: rid(), note: '请今日答复' })
  const inbox = await api().ok(li, 'inbox', { as: 'staff' })
  expect(inbox.items.map((n) => [n.title, n.body])).toEqual([
    ['徐文催办', expect.stringContaining('请今日答复')],
    ['市民催办', expect.stringContaining('请尽快答复')],
  ])
  expect(inbox.unread).toBe(2)
})

it("the joint lead's urge reaches the co-window's lead (002: the proof it pushed them)", async () => {
  const { caseId } = await opened('application')
  await api().ok(li, 'reportJoint', { caseId, requestId: rid(), coWindowIds: ['sw'], note: '涉及契税' })
  expect(await titles(lead)).toEqual(['共同办理待您商定方案'])
  await api().ok(lead, 'recordJointPlan', { caseId, requestId: rid(), plan: '税务窗口先核税，再办理转移登记', coWindowIds: ['sw'] })
  await api().ok(lead, 'urgeCase', { caseId, requestId: rid(), note: '请今日完成核税', targetWindowId: 'sw' })
  // informed of the joint handling and of the plan, then urged: the proof the lead window pushed them
  expect(await titles(staffMember('sw-lead'))).toEqual(['周建国催办', '共同办理方案已商定，请确认本窗口承办部分', '其他窗口牵头的共同办理，请配合商定方案'])
})

it('the citizen is told of the notice and the reply; the receiver of a slip is told to read it', async () => {
  const { me, caseId } = await opened('application')
  await api().ok(li, 'issueSupplementNotice', { caseId, requestId: rid(), items: ['身份证复印件'] })
  expect(await titles(me, 'citizen')).toEqual(['请补正材料'])
  await api().ok(me, 'materialsComplete', { caseId, requestId: rid() })
  await api().ok(li, 'createHandover', { caseId, requestId: rid(), toStaffId: 'bdc-wang', reason: '由王磊承办' })
  expect(await titles(staffMember('bdc-wang'))).toEqual(['有交接单待您阅知'])
  // the actor is not told of what they did themselves
  expect(await titles(li)).toEqual([])
})

it('read marks: one, then all; each inbox is its owner’s alone', async () => {
  const { me, caseId } = await opened('consult')
  now = new Date('2026-11-24T07:00:00Z')
  await api().ok(me, 'urgeCase', { caseId, requestId: rid() })
  await api().ok(office, 'urgeCase', { caseId, requestId: rid() })
  const [first] = (await api().ok(li, 'inbox', { as: 'staff' })).items
  expect((await api().ok(li, 'markRead', { as: 'staff', keys: [first!.key] })).unread).toBe(1)
  // someone else's key changes nothing
  expect((await api().ok(staffMember('bdc-wang'), 'markRead', { as: 'staff' })).unread).toBe(0)
  expect((await api().ok(li, 'inbox', { as: 'staff' })).unread).toBe(1)
  expect((await api().ok(li, 'markRead', { as: 'staff' })).unread).toBe(0)

  const refusals = await Promise.all([
    api().call(anonymous, 'inbox', { as: 'citizen' }),
    api().call(me, 'inbox', { as: 'staff' }),
    api().call(me, 'subscribeGranted', { templateIds: ['t'] }),
  ])
  expect(refusals.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'FORBIDDEN'])
})
