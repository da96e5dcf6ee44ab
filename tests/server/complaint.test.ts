// 投诉 through the handlers: filed about a case, a staff member or a window; the hall office's desk,
// the 15-working-day limit and its approved extension, the finding and answer; a verified complaint
// reopens its case and costs the responsible person 2 points in the month's assessment (004).
import type { ActionInput, ActionName } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'
import { demoDb } from '../support/pglite'
import { anonymous, citizen, rid, staffMember, testApi, outcome } from '../support/api'

const db = demoDb()
let now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
let check: ((text: string) => Promise<boolean>) | undefined
const api = () => testApi({ store: db.store, now: () => now, contentCheck: check })
const li = staffMember('bdc-li')
const lead = staffMember('bdc-lead')
const office = staffMember('office-xu')
const contact = { name: '张三', phone: '13912345678' }

beforeEach(() => {
  now = new Date('2026-11-23T02:00:00Z')
  check = undefined
})

const code = <A extends ActionName>(who: Identity, action: A, input: ActionInput<A>) => outcome(api(), who, action, input)

async function repliedCase() {
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'consult',
    contact,
    text: '不动产证遗失了怎么补办？',
    requestId: rid(),
  })
  await api().ok(li, 'claimCase', { caseId, requestId: rid() })
  await api().ok(li, 'replyCase', { caseId, requestId: rid(), text: '您好，补办需要身份证和登报遗失声明。', mode: 'onTheSpot' })
  return { me, caseId }
}

const complain = (me: Identity, target: ActionInput<'fileComplaint'>['target'], extra: Partial<ActionInput<'fileComplaint'>> = {}) =>
  api().call(me, 'fileComplaint', {
    hallId: 'demo',
    target,
    topic: 'buckPassing',
    text: '窗口工作人员说不归他管，让我去别处问。',
    contact,
    requestId: rid(),
    ...extra,
  } as ActionInput<'fileComplaint'>)

it('a complaint about a case goes to the hall office with a 15-working-day limit; the citizen follows it', async () => {
  const { me, caseId } = await repliedCase()
  const filed = await complain(me, { kind: 'case', caseId })
  if (!filed.ok) throw new Error(filed.error.message)
  const c = filed.data
  expect(c).toMatchObject({ no: 'SF-TS-2026-0001', status: 'open', statusLabel: '办理中', topic: '推诿扯皮', caseId, concerns: null })
  expect(c.about).toMatch(/^案件 SF-20261123-/)
  // 002 限时办结 §7: 15 working days from Mon 23 Nov 2026 → Mon 14 Dec 17:30
  expect(c.dueAt).toBe('2026-12-14T17:30:00+08:00')
  expect(c.can).toEqual({ extend: false, answer: false, rate: false })

  const inbox = await api().ok(office, 'inbox', { as: 'staff', limit: 10 })
  expect(inbox.items[0]).toMatchObject({ title: '新的投诉待处理', caseId: c.id })
  const desk = await api().ok(office, 'complaintDesk', {})
  expect(desk.open.map((x) => x.id)).toEqual([c.id])
  const seen = await api().ok(office, 'getComplaint', { complaintId: c.id })
  expect(seen.concerns).toEqual({ windowName: '不动产登记窗口', staffName: '李晓梅', responsibleName: null })
  expect(seen.staffChoices[0]).toMatchObject({ id: 'bdc-li' })
  expect(seen.can).toEqual({ extend: true, answer: true, rate: false })
  expect((await api().ok(me, 'myComplaints', {})).complaints.map((x) => x.no)).toEqual(['SF-TS-2026-0001'])
})

it('only the complainant and the hall office see it; only the hall office handles it', async () => {
  const { me, caseId } = await repliedCase()
  const { data } = (await complain(me, { kind: 'case', caseId })) as { data: { id: string } }
  expect(await code(citizen(), 'getComplaint', { complaintId: data.id })).toBe('NOT_FOUND')
  expect(await code(anonymous, 'getComplaint', { complaintId: data.id })).toBe('NOT_FOUND')
  expect(await code(li, 'getComplaint', { complaintId: data.id })).toBe('FORBIDDEN')
  expect(await code(lead, 'getComplaint', { complaintId: data.id })).toBe('FORBIDDEN')
  expect(await code(lead, 'complaintDesk', {})).toBe('FORBIDDEN')
  expect(await code(me, 'answerComplaint', { complaintId: data.id, finding: 'unfounded', answer: '经调查核实，工作人员已按规定答复。' })).toBe(
    'UNAUTHENTICATED',
  )
  expect(await code(li, 'extendComplaint', { complaintId: data.id, days: 5, reason: '需调取监控录像', approvedBy: '王副主任' })).toBe('FORBIDDEN')
  expect(await code(me, 'rateComplaint', { complaintId: data.id, level: 5, text: '' })).toBe('CONFLICT')
})

it('refuses a complaint about someone else’s case, an unknown person or window, or with too little said', async () => {
  const { caseId } = await repliedCase()
  const me = citizen()
  expect((await complain(me, { kind: 'case', caseId })).ok || 'refused').toBe('refused')
  expect(
    await code(me, 'fileComplaint', {
      hallId: 'demo',
      target: { kind: 'case', caseId },
      topic: 'attitude',
      text: '态度很差，很不耐烦。',
      contact,
      requestId: rid(),
      attachments: [],
    }),
  ).toBe('NOT_FOUND:target')
  expect(
    await code(me, 'fileComplaint', {
      hallId: 'demo',
      target: { kind: 'staff', staffId: 'nobody' },
      topic: 'attitude',
      text: '态度很差，很不耐烦。',
      contact,
      requestId: rid(),
      attachments: [],
    }),
  ).toBe('NOT_FOUND:target')
  expect(
    await code(me, 'fileComplaint', {
      hallId: 'demo',
      target: { kind: 'window', windowId: 'nowin' },
      topic: 'attitude',
      text: '态度很差，很不耐烦。',
      contact,
      requestId: rid(),
      attachments: [],
    }),
  ).toBe('NOT_FOUND:target')
  expect(
    await code(me, 'fileComplaint', {
      hallId: 'demo',
      target: { kind: 'window', windowId: 'bdc' },
      topic: 'attitude',
      text: '太差',
      contact,
      requestId: rid(),
      attachments: [],
    }),
  ).toBe('INVALID_INPUT:text')
  expect(
    await code(me, 'fileComplaint', {
      hallId: 'demo',
      target: { kind: 'window', windowId: 'bdc' },
      topic: 'attitude',
      text: '很'.repeat(1001),
      contact,
      requestId: rid(),
      attachments: [],
    }),
  ).toBe('INVALID_INPUT:text')
  expect(
    await code(me, 'fileComplaint', {
      hallId: 'demo',
      target: { kind: 'window', windowId: 'bdc' },
      topic: 'nosuch' as 'other',
      text: '态度很差，很不耐烦。',
      contact,
      requestId: rid(),
      attachments: [],
    }),
  ).toBe('INVALID_INPUT:topic')
})

it('at most 3 a day per citizen; a repeated request files one complaint', async () => {
  const me = citizen()
  const requestId = rid()
  const twice = await Promise.all([0, 1, 2].map(() => complain(me, { kind: 'window', windowId: 'bdc' }, { requestId })))
  expect(new Set(twice.map((a) => a.ok && a.data.id)).size).toBe(1)
  expect((await complain(me, { kind: 'staff', staffId: 'bdc-wang' })).ok).toBe(true)
  expect((await complain(me, { kind: 'window', windowId: 'gjj' })).ok).toBe(true)
  const fourth = await complain(me, { kind: 'window', windowId: 'sb' })
  expect(fourth.ok || [fourth.error.code, fourth.error.message]).toEqual(['RATE_LIMITED', '每天最多提交 3 件投诉；如情况紧急，请拨打监督电话 0562-12345'])
  // the first one's retry still answers with it
  expect((await complain(me, { kind: 'window', windowId: 'bdc' }, { requestId })).ok).toBe(true)
  now = new Date('2026-11-24T02:00:01Z')
  expect((await complain(me, { kind: 'window', windowId: 'sb' })).ok).toBe(true)
  expect((await api().ok(office, 'complaintDesk', {})).open).toHaveLength(4)
})

it('text the content-safety check refuses is not kept', async () => {
  check = async (text) => !text.includes('违规')
  const me = citizen()
  const refused = await complain(me, { kind: 'window', windowId: 'bdc' }, { text: '这里有一段违规的内容，请不要保存。' })
  expect(refused.ok || [refused.error.code, refused.error.details?.field]).toEqual(['INVALID_INPUT', 'text'])
  expect((await api().ok(office, 'complaintDesk', {})).open).toHaveLength(0)
  expect((await complain(me, { kind: 'window', windowId: 'bdc' })).ok).toBe(true)
})

it('an extension needs the leader’s approval, once, before the due time, at most one more period', async () => {
  const me = citizen()
  const { data } = (await complain(me, { kind: 'window', windowId: 'bdc' })) as { data: { id: string } }
  const id = data.id
  expect(await code(office, 'extendComplaint', { complaintId: id, days: 16, reason: '需调取监控录像', approvedBy: '王副主任' })).toBe('INVALID_INPUT:days')
  expect(await code(office, 'extendComplaint', { complaintId: id, days: 5, reason: '需调取监控录像', approvedBy: '' })).toBe('INVALID_INPUT:approvedBy')
  const extended = await api().ok(office, 'extendComplaint', { complaintId: id, days: 5, reason: '需调取监控录像', approvedBy: '王副主任' })
  expect(extended.dueAt).toBe('2026-12-21T17:30:00+08:00')
  expect(extended.extension).toMatchObject({ days: 5, approvedBy: '王副主任' })
  expect(extended.steps.at(-1)!.text).toBe('经王副主任批准延期 5 个工作日：需调取监控录像')
  expect(await code(office, 'extendComplaint', { complaintId: id, days: 1, reason: '再延一天', approvedBy: '王副主任' })).toBe('CONFLICT')
  const inbox = await api().ok(me, 'inbox', { as: 'citizen', limit: 5 })
  expect(inbox.items[0]).toMatchObject({ title: '投诉办理期限已延长' })
  // past the due time nothing extends
  const other = (await complain(me, { kind: 'window', windowId: 'gjj' })) as { data: { id: string } }
  now = new Date('2026-12-15T02:00:00Z')
  expect(await code(office, 'extendComplaint', { complaintId: other.data.id, days: 2, reason: '需调取监控录像', approvedBy: '王副主任' })).toBe('CONFLICT')
  const desk = await api().ok(office, 'complaintDesk', {})
  expect(desk.open.find((x) => x.id === other.data.id)).toMatchObject({ overdue: true, countdown: '已超时 1 个工作日' })
})

it('a verified complaint reopens its case, is told to the person and lead, and costs 2 points in the month', async () => {
  const { me, caseId } = await repliedCase()
  const { data } = (await complain(me, { kind: 'case', caseId })) as { data: { id: string } }
  expect(
    await code(office, 'answerComplaint', {
      complaintId: data.id,
      finding: 'verified',
      answer: '经调查核实，工作人员存在推诿情况，已批评教育并重新为您办理。',
    }),
  ).toBe('INVALID_INPUT:responsibleStaffId')
  expect(await code(office, 'answerComplaint', { complaintId: data.id, finding: 'verified', answer: '简短', responsibleStaffId: 'bdc-li' })).toBe(
    'INVALID_INPUT:answer',
  )
  now = new Date('2026-11-25T06:00:00Z')
  const answered = await api().ok(office, 'answerComplaint', {
    complaintId: data.id,
    finding: 'verified',
    answer: '经调查核实，工作人员存在推诿情况，已批评教育并重新为您办理。',
    responsibleStaffId: 'bdc-li',
  })
  expect(answered).toMatchObject({ status: 'answered', finding: '投诉属实', reopenedCase: true, concerns: { responsibleName: '李晓梅' } })
  expect(await code(office, 'answerComplaint', { complaintId: data.id, finding: 'unfounded', answer: '经调查核实，工作人员已按规定答复。' })).toBe('CONFLICT')

  // the person found responsible and the window's lead may read it to rectify, without the complainant
  const seenByLi = await api().ok(li, 'getComplaint', { complaintId: data.id })
  expect(seenByLi).toMatchObject({
    finding: '投诉属实',
    contact: { name: '投诉人', phone: '（已隐去）' },
    attachments: [],
    concerns: null,
    can: { extend: false, answer: false, rate: false },
  })
  expect((await api().ok(lead, 'getComplaint', { complaintId: data.id })).finding).toBe('投诉属实')
  expect(await code(staffMember('bdc-wang'), 'getComplaint', { complaintId: data.id })).toBe('FORBIDDEN')
  const reopened = await api().ok(me, 'getCase', { caseId })
  expect(reopened.status).toBe('inProgress')
  expect(reopened.timeline.at(-1)!.text).toContain('经核实属实')
  expect((await api().ok(li, 'inbox', { as: 'staff', limit: 10 })).items.map((n) => n.title)).toContain('投诉经核实属实')
  expect((await api().ok(lead, 'inbox', { as: 'staff', limit: 10 })).items.map((n) => n.title)).toContain('本窗口投诉经核实属实')
  expect((await api().ok(me, 'inbox', { as: 'citizen', limit: 10 })).items.map((n) => n.title)).toContain('投诉已答复')

  const sheet = (await api().ok(office, 'assessment', { month: '2026-11' })).sheets.find((s) => s.staffId === 'bdc-li')!
  expect(sheet.items.filter((d) => d.kind === 'complaint')).toEqual([expect.objectContaining({ points: -2, caseId, label: '投诉（经核实）' })])
  expect((await api().ok(office, 'assessment', { month: '2026-12' })).sheets.find((s) => s.staffId === 'bdc-li')!.items).toEqual([])

  // the citizen rates the handling, once
  const rated = await api().ok(me, 'rateComplaint', { complaintId: data.id, level: 4, text: '处理及时' })
  expect(rated.satisfaction).toMatchObject({ level: 4, label: '满意', text: '处理及时' })
  expect(rated.can.rate).toBe(false)
  expect(await code(me, 'rateComplaint', { complaintId: data.id, level: 1, text: '' })).toBe('CONFLICT')
})

it('an unfounded complaint leaves the case and the score alone; one about a case still in hand does not reopen it', async () => {
  const { me, caseId } = await repliedCase()
  const { data } = (await complain(me, { kind: 'case', caseId })) as { data: { id: string } }
  await api().ok(office, 'answerComplaint', {
    complaintId: data.id,
    finding: 'unfounded',
    answer: '经调查核实，工作人员已按规定一次性告知。',
    responsibleStaffId: 'bdc-li',
  })
  expect((await api().ok(me, 'getCase', { caseId })).status).toBe('replied')
  expect((await api().ok(office, 'assessment', { month: '2026-11' })).sheets.find((s) => s.staffId === 'bdc-li')!.items).toEqual([])

  const other = citizen()
  const open = await api().ok(other, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'consult',
    contact,
    text: '公积金怎么提取？请告诉我。',
    requestId: rid(),
  })
  await api().ok(li, 'claimCase', { caseId: open.caseId, requestId: rid() })
  const k = (await complain(other, { kind: 'case', caseId: open.caseId })) as { data: { id: string } }
  const answered = await api().ok(office, 'answerComplaint', {
    complaintId: k.data.id,
    finding: 'verified',
    answer: '经核实，答复不够及时，已督促尽快答复。',
    responsibleStaffId: 'bdc-li',
  })
  expect(answered.reopenedCase).toBe(false)
  expect((await api().ok(other, 'getCase', { caseId: open.caseId })).status).toBe('inProgress')
})

it('the sweep reminds the hall office before the limit and records the breach once, with an apology to the citizen', async () => {
  const { runSweep } = await import('../../src/server/sweep')
  const me = citizen()
  const { data } = (await complain(me, { kind: 'window', windowId: 'bdc' })) as { data: { id: string; dueAt: string } }
  expect(data.dueAt).toBe('2026-12-14T17:30:00+08:00')
  const sweep = async (iso: string) => runSweep(db.store, { now: new Date(iso) })
  const officeTitles = async () => (await api().ok(office, 'inbox', { as: 'staff', limit: 50 })).items.map((n) => n.title)

  expect((await sweep('2026-11-30T10:00:00+08:00')).reminders).toBe(0)
  // half of 15 working days (the policy's fraction) has passed by 3 Dec
  expect((await sweep('2026-12-04T09:00:00+08:00')).reminders).toBe(1)
  expect((await sweep('2026-12-04T09:05:00+08:00')).reminders).toBe(0)
  expect(await officeTitles()).toContain('投诉办理时限已过半')
  // 2 working hours before the due time
  expect((await sweep('2026-12-14T15:45:00+08:00')).reminders).toBe(1)
  expect(await officeTitles()).toContain('投诉办理即将到期')
  // at the due time: the breach, once, even with two sweeps at once
  const [a, b] = await Promise.all([sweep('2026-12-14T17:31:00+08:00'), sweep('2026-12-14T17:31:00+08:00')])
  expect(a.breaches + b.breaches).toBe(1)
  expect((await sweep('2026-12-15T09:00:00+08:00')).breaches).toBe(0)
  expect((await officeTitles()).filter((t) => t === '投诉办理超时')).toHaveLength(1)
  const citizenInbox = await api().ok(me, 'inbox', { as: 'citizen', limit: 10 })
  expect(citizenInbox.items.filter((n) => n.title === '投诉办理超时，深表歉意')).toHaveLength(1)
  now = new Date('2026-12-15T02:00:00Z')
  const seen = await api().ok(me, 'getComplaint', { complaintId: data.id })
  expect(seen).toMatchObject({ overdue: true, countdown: '已超时 1 个工作日' })
  expect(seen.steps.at(-1)!.text).toBe('已超过投诉办理时限，已列入督办')
  // the late answer still closes it, and the sweep has nothing more to do
  await api().ok(office, 'answerComplaint', { complaintId: data.id, finding: 'unfounded', answer: '经调查核实，窗口工作人员已按规定答复。' })
  expect(await db.store.listDueComplaints('2027-01-01T00:00:00+08:00', 10)).toEqual([])
})

it('the year view lists each month’s score, with the verified complaint’s month lower', async () => {
  const { me, caseId } = await repliedCase()
  const { data } = (await complain(me, { kind: 'case', caseId })) as { data: { id: string } }
  await api().ok(office, 'answerComplaint', {
    complaintId: data.id,
    finding: 'verified',
    answer: '经调查核实，工作人员存在推诿情况，已批评教育。',
    responsibleStaffId: 'bdc-li',
  })
  const year = await api().ok(office, 'assessmentYear', { year: 2026 })
  expect(year.months).toHaveLength(11) // January to November 2026
  const li = year.staff.find((s) => s.staffId === 'bdc-li')!
  const november = (await api().ok(office, 'assessment', { month: '2026-11' })).sheets.find((s) => s.staffId === 'bdc-li')!
  expect(li.months[10]).toBe(november.total)
  expect(li.months[9]).toBe(november.start)
  expect(li.months[10]).toBe(november.start - 2)
  expect(li.average).toBe(Math.round(((november.start * 10 + november.total) / 11) * 10) / 10)
  expect(year.staff.some((s) => s.staffId === 'office-xu')).toBe(false)
  expect(year.windows.find((w) => w.windowId === 'bdc')!.average).toBeLessThan(november.start)
  // a member of staff sees their own year only
  const own = await api().ok(staffMember('bdc-wang'), 'assessmentYear', { year: 2026 })
  expect(own.staff.map((s) => s.staffId)).toEqual(['bdc-wang'])
  expect(own.windows).toEqual([])
})
