// 常见问答 on the real embedded PostgreSQL: the first responder publishes an answered consult with the
// citizen's details taken out (again on the server), citizens see it at the entry, 已解决 counts once
// per citizen, the dashboard shows how many questions were answered this way, and bad input is named.
import { seedDemoHall } from '../../src/server/demoHall'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, outcome, rid, staffMember, testApi } from '../support/api'

let db: TestDb
const now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const li = staffMember('bdc-li')
const lead = staffMember('bdc-lead')
const office = staffMember('office-xu')
const wang = staffMember('bdc-wang')

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(async () => {
  await db.close()
})
beforeEach(async () => {
  await db.store.truncateAll()
  await seedDemoHall(db.store)
})

const answered = async () =>
  api().ok(li, 'registerCase', {
    hallId: 'demo',
    channel: 'counter',
    kind: 'consult',
    matterId: 'bdc-zydj',
    contact: { name: '张建国', phone: '13912345678' },
    text: '我叫张建国，电话13912345678，二手房过户需要带哪些材料？',
    answer: '张先生您好，请带身份证、不动产权证书和购房合同到A01窗口办理。',
    requestId: rid(),
  })

it('the first responder publishes an answered consult; what identifies the citizen is taken out on the server too', async () => {
  const reg = await answered()
  const faq = await api().ok(li, 'publishFaq', {
    caseId: reg.caseId,
    // the publisher left the number and the name in: the server takes them out
    question: '张建国问：二手房过户需要带哪些材料？13912345678',
    answer: '张先生您好，请带身份证、不动产权证书和购房合同到A01窗口办理。',
    requestId: rid(),
  })
  expect(faq.question).toBe('某某问：二手房过户需要带哪些材料？［电话］')
  expect(faq.answer).toBe('某先生您好，请带身份证、不动产权证书和购房合同到A01窗口办理。')
  expect(faq).toMatchObject({ matterId: 'bdc-zydj', active: true, resolved: 0 })
  expect(faq.initials).toMatch(/^mmw/)

  // publishing again replaces the text and keeps one question
  await api().ok(lead, 'publishFaq', { caseId: reg.caseId, question: '二手房过户需要带哪些材料？', answer: faq.answer, requestId: rid() })
  const entry = await api().ok(citizen('c'), 'entry', { scene: 'h=demo' })
  expect(entry.faqs.map((f) => [f.id, f.question])).toEqual([[faq.id, '二手房过户需要带哪些材料？']])

  // 已解决 counts once per citizen; the dashboard shows it
  const c1 = citizen('c1')
  const taps = await Promise.all([...Array(3)].map(() => api().ok(c1, 'resolveFaq', { hallId: 'demo', faqId: faq.id, requestId: rid() })))
  expect(taps.filter((t) => t.counted)).toHaveLength(1)
  await api().ok(citizen('c2'), 'resolveFaq', { hallId: 'demo', faqId: faq.id, requestId: rid() })
  expect((await api().ok(office, 'dashboard', { weeks: 4 })).faqs).toEqual({ published: 1, resolved: 2 })

  // withdrawn: no longer shown, and 已解决 on it is NOT_FOUND
  expect(await outcome(api(), wang, 'withdrawFaq', { faqId: faq.id })).toBe('FORBIDDEN')
  await api().ok(lead, 'withdrawFaq', { faqId: faq.id })
  expect((await api().ok(citizen('c'), 'entry', { scene: 'h=demo' })).faqs).toEqual([])
  expect(await outcome(api(), citizen('c3'), 'resolveFaq', { hallId: 'demo', faqId: faq.id, requestId: rid() })).toBe('NOT_FOUND')
})

it('only an answered consult is published, by its first responder, its window’s lead or the hall office', async () => {
  const open = await api().ok(li, 'registerCase', {
    hallId: 'demo',
    channel: 'phone',
    kind: 'consult',
    text: '不动产登记要多久？',
    requestId: rid(),
  })
  const input = { caseId: open.caseId, question: '不动产登记要多久？', answer: '一般 5 个工作日。', requestId: rid() }
  expect(await outcome(api(), li, 'publishFaq', input)).toBe('INVALID_INPUT:caseId')
  const reg = await answered()
  const ok = { ...input, caseId: reg.caseId }
  expect(await outcome(api(), wang, 'publishFaq', ok)).toBe('FORBIDDEN')
  expect(await outcome(api(), staffMember('sb-sun'), 'publishFaq', ok)).toBe('FORBIDDEN')
  expect(await outcome(api(), citizen(), 'publishFaq', ok)).toBe('UNAUTHENTICATED')
  expect(await outcome(api(), li, 'publishFaq', { ...ok, question: '短' })).toBe('INVALID_INPUT:question')
  expect(await outcome(api(), office, 'publishFaq', ok)).toBe('ok')
  expect(await outcome(api(), citizen(), 'resolveFaq', { hallId: 'demo', faqId: 'q_aaaaaaaaaaaaaaaa', requestId: rid() })).toBe('NOT_FOUND')
})
