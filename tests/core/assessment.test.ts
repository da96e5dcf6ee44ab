// The monthly assessment (004) on a month of generated cases, checked against a sheet computed by hand.
import { assessMonth, monthSpan, versionInForce } from '../../src/core/assessment'
import { createCalendar, formatShanghai } from '../../src/core/calendar'
import { applyEvent, type MachineContext } from '../../src/core/caseMachine'
import type { CaseState } from '../../src/core/caseState'
import type { Actor, CaseEvent, EventBody } from '../../src/core/events'
import { PRESETS } from '../../src/core/policy'

const ctx: MachineContext = { policy: PRESETS['004'], calendar: createCalendar() }
const citizen: Actor = { kind: 'citizen', id: 'dev:citizen' }
const system: Actor = { kind: 'system', id: 'sweep' }
const staff = (id: string): Actor => ({ kind: 'staff', id, name: id, role: 'staff', windowId: 'bdc' })
const li = staff('bdc-li')
const lead: Actor = { kind: 'staff', id: 'bdc-lead', name: '周建国', role: 'lead', windowId: 'bdc' }
let n = 0

/** folds timed steps into a case, failing on any refusal */
function fold(kind: 'consult' | 'application', steps: Array<[string, Actor, EventBody]>, start = '2026-11-02T09:30:00'): CaseState {
  const id = `c_${String(++n).padStart(16, '0')}`
  let state: CaseState | null = null
  const all: Array<[string, Actor, EventBody]> = [
    [
      start,
      citizen,
      {
        type: 'submitted',
        payload: {
          no: `TL-${n}`,
          hallId: 'demo',
          kind,
          windowId: 'bdc',
          routedBy: 'windowQr',
          contact: { name: '张三', phone: '13912345678' },
          text: '办理',
          attachments: [],
          policy: { presetId: '004', version: 1 },
        },
      },
    ],
    ...steps,
  ]
  all.forEach(([at, actor, body], i) => {
    const e = { ...body, caseId: id, seq: i + 1, at: formatShanghai(new Date(`${at}+08:00`)), actor } as CaseEvent
    const next = applyEvent(state, e, ctx)
    if (!next.ok) throw new Error(`${id} step ${i + 1} ${body.type}: ${next.error.message}`)
    state = next.value
  })
  return state as unknown as CaseState
}
const claim: EventBody = { type: 'claimed', payload: { staffId: 'bdc-li' } }
const reply: EventBody = { type: 'replied', payload: { text: '您好，已为您查询。', mode: 'timed' } }

function badRatingVerified(day: number, verified = true): CaseState {
  const d = String(day).padStart(2, '0')
  return fold(
    'consult',
    [
      [`2026-11-${d}T09:40:00`, li, claim],
      [`2026-11-${d}T10:00:00`, li, reply],
      [
        `2026-11-${d}T11:00:00`,
        citizen,
        { type: 'rated', payload: { level: 1, tags: ['attitude'], text: '态度很不耐烦', staffId: 'bdc-li', windowId: 'bdc' } },
      ],
      [`2026-11-${d}T15:00:00`, lead, { type: 'rectified', payload: { finding: verified ? 'verified' : 'notStaffFault', measures: '已核查' } }],
    ],
    `2026-11-${d}T09:30:00`,
  )
}

const cases: CaseState[] = [
  // a consult not answered within 2 working days: due Wed 4 Nov 17:30, breached by the sweep → −1
  fold('consult', [
    ['2026-11-02T09:40:00', li, claim],
    ['2026-11-04T17:35:00', system, { type: 'clockBreached', payload: { clockKind: 'reply', staffId: 'bdc-li', windowId: 'bdc' } }],
  ]),
  // a second supplement notice on the same application → −1
  fold('application', [
    ['2026-11-02T09:40:00', li, claim],
    ['2026-11-02T10:00:00', li, { type: 'supplementNoticeIssued', payload: { noticeNo: 'BZ-1', items: ['身份证'] } }],
    ['2026-11-03T10:00:00', citizen, { type: 'materialsCompleted', payload: { note: '' } }],
    ['2026-11-03T11:00:00', li, { type: 'supplementNoticeIssued', payload: { noticeNo: 'BZ-2', items: ['户口簿'] } }],
  ]),
  // promised in 1 working day on Mon 2 Nov → due Tue 3 Nov 17:30; done Fri 6 Nov 10:00: Wed, Thu, Fri overdue → −3
  fold('application', [
    ['2026-11-02T09:40:00', li, claim],
    ['2026-11-02T10:00:00', li, { type: 'accepted', payload: { mode: 'promised', limitDays: 1 } }],
    ['2026-11-03T17:40:00', system, { type: 'clockBreached', payload: { clockKind: 'promised', staffId: 'bdc-li', windowId: 'bdc' } }],
    ['2026-11-06T10:00:00', li, { type: 'completed', payload: { result: '已办结' } }],
  ]),
  // twelve verified bad ratings (−12, capped at −10 with complaints) and one found not the staff's fault (0)
  ...Array.from({ length: 12 }, (_, i) => badRatingVerified(9 + (i % 5))),
  badRatingVerified(16, false),
  // a breach in December belongs to December's sheet
  fold(
    'consult',
    [
      ['2026-11-30T09:40:00', li, claim],
      ['2026-12-02T17:35:00', system, { type: 'clockBreached', payload: { clockKind: 'reply', staffId: 'bdc-li', windowId: 'bdc' } }],
    ],
    '2026-11-30T09:30:00',
  ),
]

it('a hand-computed November sheet: each deduction with its case and citation, bad ratings and complaints capped at −10', () => {
  const complaints = [{ caseId: null, caseNo: 'TS-1', staffId: 'bdc-li', at: '2026-11-20T10:00:00+08:00' }]
  const [sheetLi, sheetWang] = assessMonth(
    cases,
    complaints,
    [
      { id: 'bdc-li', windowId: 'bdc' },
      { id: 'bdc-wang', windowId: 'bdc' },
    ],
    '2026-11',
    ctx.policy,
    ctx.calendar,
    new Date('2026-12-05T00:00:00+08:00'),
  )
  const byKind = (k: string) => sheetLi!.items.filter((d) => d.kind === k).reduce((s, d) => s + d.points, 0)
  expect(byKind('onlineConsultLate')).toBe(-1)
  expect(byKind('firstResponderBreach')).toBe(-1)
  expect(byKind('overdue')).toBe(-3)
  expect(byKind('badRating')).toBe(-12)
  expect(byKind('complaint')).toBe(-2)
  // bad ratings and complaints together: −14, capped at −10
  expect(sheetLi!.capRelief).toBe(4)
  expect(sheetLi!.total).toBe(100 - 1 - 1 - 3 - 10)
  expect(sheetLi!.items.find((d) => d.kind === 'overdue')).toMatchObject({ note: '超过承诺时限 3 个工作日', cite: '004 考核制度 三(一)(3)' })
  expect(sheetWang).toMatchObject({ items: [], total: 100, capRelief: 0 })
})

it('December has only its own breach; an overdue clock still open counts the days up to now', () => {
  const open = fold('application', [
    ['2026-11-02T09:40:00', li, claim],
    ['2026-11-02T10:00:00', li, { type: 'accepted', payload: { mode: 'promised', limitDays: 1 } }],
    ['2026-11-03T17:40:00', system, { type: 'clockBreached', payload: { clockKind: 'promised', staffId: 'bdc-li', windowId: 'bdc' } }],
  ])
  const [dec] = assessMonth(
    [...cases, open],
    [],
    [{ id: 'bdc-li', windowId: 'bdc' }],
    '2026-12',
    ctx.policy,
    ctx.calendar,
    new Date('2026-12-03T12:00:00+08:00'),
  )
  // Dec 1, 2 and the begun Dec 3 are overdue working days of December for the open clock
  expect(dec!.items.map((d) => [d.kind, d.points])).toEqual([
    ['onlineConsultLate', -1],
    ['overdue', -3],
  ])
})

it('months span the hall time', () => {
  expect(monthSpan('2026-12')).toEqual({ from: new Date('2026-11-30T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') })
})

describe('the rating window', () => {
  const { createCalendar } = require('../../src/core/calendar') as typeof import('../../src/core/calendar')
  const { ratingWindowClosedBefore } = require('../../src/core/assessment') as typeof import('../../src/core/assessment')
  const cal = createCalendar()
  it('a round decided on or before the returned day has had its n working days; one decided the next day has not', () => {
    for (const iso of ['2026-12-08T10:00:00+08:00', '2026-10-09T18:00:00+08:00', '2026-10-12T09:00:00+08:00', '2027-02-20T12:00:00+08:00']) {
      const now = new Date(iso)
      const cutoff = ratingWindowClosedBefore(now, 10, cal)
      expect(cal.dueAt(cutoff, 10).getTime()).toBeLessThanOrEqual(now.getTime())
      expect(cal.dueAt(new Date(cutoff.getTime() + 1), 10).getTime()).toBeGreaterThan(now.getTime())
    }
  })
})

describe('who is charged (000 §5.2, §5.4, §8)', () => {
  const staffList = [
    { id: 'bdc-li', windowId: 'bdc', role: 'staff' as const },
    { id: 'bdc-lead', windowId: 'bdc', role: 'lead' as const },
    { id: 'office-xu', windowId: null, role: 'office' as const },
  ]
  const at = new Date('2026-12-05T00:00:00+08:00')
  const joint = fold('application', [
    ['2026-11-02T09:40:00', li, claim],
    ['2026-11-02T10:00:00', li, { type: 'jointReported', payload: { coWindowIds: ['sw'], note: '涉及契税' } }],
    // the sweep names the clerk who holds the case; the plan was the lead window's lead's to agree
    ['2026-11-04T17:40:00', system, { type: 'clockBreached', payload: { clockKind: 'jointPlan', staffId: 'bdc-li', windowId: 'bdc' } }],
  ])
  const forward = fold('application', [
    ['2026-11-02T09:40:00', li, claim],
    ['2026-11-02T10:00:00', li, { type: 'outsideHall', payload: { mode: 'written', explanation: '属住建局职责', department: '市住建局' } }],
    ['2026-11-04T17:40:00', system, { type: 'clockBreached', payload: { clockKind: 'outsideForward', staffId: 'bdc-li', windowId: 'bdc' } }],
  ])

  it('a late joint plan is the lead window’s lead’s, a late forward outside the hall the hall office’s — never the clerk’s', () => {
    expect(joint.violations).toEqual([expect.objectContaining({ clockKind: 'jointPlan', staffId: null, duty: 'windowLead' })])
    expect(forward.violations).toEqual([expect.objectContaining({ clockKind: 'outsideForward', staffId: null, duty: 'office' })])
    const sheets = assessMonth([joint, forward], [], staffList, '2026-11', ctx.policy, ctx.calendar, at)
    const items = (id: string) => sheets.find((s) => s.staffId === id)!.items.map((d) => [d.kind, d.caseNo, d.note])
    expect(items('bdc-li')).toEqual([])
    expect(items('bdc-lead')).toEqual([['firstResponderBreach', joint.no, '商定共同办理方案时限已超过']])
    expect(items('office-xu')).toEqual([['firstResponderBreach', forward.no, '书面申请移交时限已超过']])
  })

  it('a late reply stays the holder’s', () => {
    const late = fold('consult', [
      ['2026-11-02T09:40:00', li, claim],
      ['2026-11-04T17:35:00', system, { type: 'clockBreached', payload: { clockKind: 'reply', staffId: 'bdc-li', windowId: 'bdc' } }],
    ])
    const sheets = assessMonth([late], [], staffList, '2026-11', ctx.policy, ctx.calendar, at)
    expect(sheets.map((s) => s.items.length)).toEqual([1, 0, 0])
  })

  it('an online consult nobody claimed is charged to its window’s lead under 004 考核 三(一)(2); an unclaimed application under (1)', () => {
    const consult = fold('consult', [
      ['2026-11-04T17:35:00', system, { type: 'clockBreached', payload: { clockKind: 'reply', staffId: null, windowId: 'bdc' } }],
    ])
    // 004 gives the notice of missing materials on the spot: the same day's close
    const application = fold('application', [
      ['2026-11-02T17:35:00', system, { type: 'clockBreached', payload: { clockKind: 'supplementNotice', staffId: null, windowId: 'bdc' } }],
    ])
    const sheets = assessMonth([consult, application], [], staffList, '2026-11', ctx.policy, ctx.calendar, at)
    const items = (id: string) => sheets.find((s) => s.staffId === id)!.items.map((d) => [d.kind, d.caseNo, d.cite])
    expect(items('bdc-li')).toEqual([])
    expect(items('bdc-lead')).toEqual([
      ['firstResponderBreach', application.no, ctx.policy.assessment.firstResponderBreach.cite],
      ['onlineConsultLate', consult.no, ctx.policy.assessment.onlineConsultLate.cite],
    ])
    expect(ctx.policy.assessment.onlineConsultLate.cite).toContain('三(一)(2)')
  })
})

describe('the rules a month is assessed under (DESIGN "Policy presets")', () => {
  const at = new Date('2026-12-05T00:00:00+08:00')
  const late = fold('consult', [
    ['2026-11-02T09:40:00', li, claim],
    ['2026-11-04T17:35:00', system, { type: 'clockBreached', payload: { clockKind: 'reply', staffId: 'bdc-li', windowId: 'bdc' } }],
  ])
  // the hall later made a late reply cost 3 points and started sheets at 90
  const stricter = {
    ...PRESETS['004'],
    version: 2,
    assessment: { ...PRESETS['004'].assessment, onlineConsultLate: { value: -3, cite: '本厅调整' }, startScore: { value: 90, cite: '本厅调整' } },
  }

  it('each case by the version it ran under, the sheet by the version in force in that month', () => {
    const rules = { sheet: PRESETS['004'], ofCase: () => PRESETS['004'] }
    const [sheet] = assessMonth([late], [], [{ id: 'bdc-li', windowId: 'bdc' }], '2026-11', rules, ctx.calendar, at)
    expect([sheet!.start, sheet!.total, sheet!.items[0]!.points]).toEqual([100, 99, -1])
    // a case opened under the stricter version is charged by it, whatever the month's sheet says
    const [mixed] = assessMonth([late], [], [{ id: 'bdc-li', windowId: 'bdc' }], '2026-11', { sheet: PRESETS['004'], ofCase: () => stricter }, ctx.calendar, at)
    expect([mixed!.start, mixed!.total]).toEqual([100, 97])
  })

  it('the version in force in a month is the last one saved before it ended, else the first', () => {
    const versions = [
      { version: 1, at: '2026-12-10T09:00:00+08:00' },
      { version: 2, at: '2026-12-10T09:00:00+08:00' },
      { version: 3, at: '2027-01-15T09:00:00+08:00' },
    ]
    expect(versionInForce(versions, '2026-11')?.version).toBe(1)
    expect(versionInForce(versions, '2026-12')?.version).toBe(2)
    expect(versionInForce(versions, '2027-02')?.version).toBe(3)
    expect(versionInForce([], '2026-11')).toBeNull()
  })

  it('a reopened round’s first supplement notice is not a second notice (000 §4.1)', () => {
    const reopened = fold('application', [
      ['2026-11-02T09:40:00', li, claim],
      ['2026-11-02T10:00:00', li, { type: 'supplementNoticeIssued', payload: { noticeNo: 'BZ-1', items: ['身份证'] } }],
      ['2026-11-03T10:00:00', citizen, { type: 'materialsCompleted', payload: { note: '' } }],
      ['2026-11-03T11:00:00', li, { type: 'accepted', payload: { mode: 'instant' } }],
      ['2026-11-05T10:00:00', lead, { type: 'reopened', payload: { reason: '投诉属实，重新办理' } }],
      ['2026-11-05T11:00:00', li, { type: 'supplementNoticeIssued', payload: { noticeNo: 'BZ-2', items: ['户口簿'] } }],
    ])
    expect(reopened.oneTimeNoticeBreaches).toBe(0)
    const [sheet] = assessMonth([reopened], [], [{ id: 'bdc-li', windowId: 'bdc' }], '2026-11', ctx.policy, ctx.calendar, at)
    expect(sheet!.items).toEqual([])
  })
})
