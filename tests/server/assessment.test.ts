// The month's assessment through the handler: the breach the sweep recorded and a verified bad rating
// land on the responsible staff member's sheet; who may see which sheets.
import { seedDemoHall } from '../../src/server/demoHall'
import { runSweep } from '../../src/server/sweep'
import { openTestDb, type TestDb } from '../support/pglite'
import { anonymous, citizen, rid, staffMember, testApi } from '../support/api'

let db: TestDb
let now = new Date('2026-11-02T02:00:00Z') // Mon 2 Nov 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const li = staffMember('bdc-li')
const lead = staffMember('bdc-lead')
const office = staffMember('office-xu')

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
  const consult = async () => {
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
    return { me, caseId }
  }
  // one consult answered late (the sweep records the breach), one answered and badly rated, verified
  await consult()
  const rated = await consult()
  await api().ok(li, 'replyCase', { caseId: rated.caseId, requestId: rid(), text: '您好，补办需要身份证和登报遗失声明。', mode: 'timed' })
  await api().ok(rated.me, 'rateCase', { caseId: rated.caseId, requestId: rid(), level: 2, tags: ['result'], text: '答复没有解决我的问题' })
  await api().ok(lead, 'recordRectification', { caseId: rated.caseId, requestId: rid(), finding: 'verified', measures: '已重新答复并约谈' })
  // a joint case whose plan is not agreed in time: the lead window's lead answers for it, not the clerk (000 §5.2, §8)
  const joint = await api().ok(citizen(), 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'application',
    contact: { name: '李四', phone: '13912345679' },
    text: '二手房过户涉及契税',
    requestId: rid(),
  })
  await api().ok(li, 'claimCase', { caseId: joint.caseId, requestId: rid() })
  // accepted at once, so the first clock (002 一次性告知 §5(2)) is met; only the joint plan runs late
  await api().ok(li, 'acceptCase', { caseId: joint.caseId, requestId: rid(), mode: 'promised', limitDays: 5 })
  await api().ok(li, 'reportJoint', { caseId: joint.caseId, requestId: rid(), coWindowIds: ['sw'], note: '涉及契税核定' })
  now = new Date('2026-11-05T02:00:00Z')
  await runSweep(db.store, { now })
})
afterAll(() => db.close())

it("the responsible staff member's sheet lists each deduction with its case; the window rolls up", async () => {
  const view = await api().ok(office, 'assessment', { month: '2026-11' })
  const sheet = view.sheets.find((s) => s.staffId === 'bdc-li')!
  expect(sheet.items.map((d) => [d.label, d.points])).toEqual([
    ['差评（经核实）', -1],
    ['网上咨询未按时答复', -1],
  ])
  expect(sheet.total).toBe(98)
  expect(view.sheets.find((s) => s.staffId === 'bdc-wang')!.total).toBe(100)
  expect(view.sheets.find((s) => s.staffId === 'bdc-lead')!.items.map((d) => [d.label, d.note])).toEqual([
    ['违反首问负责或一次性告知', '商定共同办理方案时限已超过'],
  ])
  const bdc = view.windows.find((w) => w.windowId === 'bdc')!
  expect(bdc.ratings).toEqual({ '5': 0, '4': 0, '3': 0, '2': 1, '1': 0 })
  expect(bdc.trend.at(-1)).toEqual({ month: '2026-11', rated: 1, goodShare: 0 })
  expect(bdc.trend.map((t) => t.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'])
  expect(view.windows).toHaveLength(6)
})

it('a lead sees the window, staff their own sheet, nobody else anything', async () => {
  const ofLead = await api().ok(lead, 'assessment', { month: '2026-11' })
  expect(new Set(ofLead.sheets.map((s) => s.windowId))).toEqual(new Set(['bdc']))
  expect(ofLead.windows.map((w) => w.windowId)).toEqual(['bdc'])
  const own = await api().ok(li, 'assessment', { month: '2026-11' })
  expect(own.sheets.map((s) => s.staffId)).toEqual(['bdc-li'])
  expect(own.windows).toEqual([])
  const codes = await Promise.all([
    api().call(lead, 'assessment', { month: '2026-11', windowId: 'gjj' }),
    api().call(anonymous, 'assessment', { month: '2026-11' }),
    api().call(office, 'assessment', { month: '2026-13' }),
  ])
  expect(codes.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['FORBIDDEN', 'UNAUTHENTICATED', 'INVALID_INPUT'])
})

it('a past month keeps the rules its cases ran under when the hall changes them later', async () => {
  now = new Date('2026-12-03T02:00:00Z')
  await api().ok(office, 'savePolicy', {
    presetId: '000',
    overrides: { assessment: { onlineConsultLate: -3, startScore: 90 } },
    note: '从严考核',
    baseVersion: 1,
    requestId: rid(),
  })
  const november = await api().ok(office, 'assessment', { month: '2026-11' })
  const sheet = november.sheets.find((s) => s.staffId === 'bdc-li')!
  expect([sheet.start, sheet.total, sheet.items.map((d) => d.points)]).toEqual([100, 98, [-1, -1]])
  // December's sheets start from the new version
  const december = await api().ok(office, 'assessment', { month: '2026-12' })
  expect(december.sheets.find((s) => s.staffId === 'bdc-li')!.start).toBe(90)
  const year = await api().ok(office, 'assessmentYear', { year: 2026 })
  expect(year.staff.find((s) => s.staffId === 'bdc-li')!.months.slice(-2)).toEqual([98, 90])
})
