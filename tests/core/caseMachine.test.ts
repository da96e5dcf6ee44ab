// The case state machine: the regulations' own cases, the guards, and the laws (replay, ledger).
import fc from 'fast-check'
import { createCalendar } from '../../src/core/calendar'
import { applyEvent, replay, withinReceiptSession, type MachineContext } from '../../src/core/caseMachine'
import type { CaseState } from '../../src/core/caseState'
import type { Actor, CaseEvent, EventBody } from '../../src/core/events'
import { LEDGER_COLUMNS, ledgerColumnOf, tallyLedger } from '../../src/core/ledger'
import { PRESETS } from '../../src/core/policy'

const ctx: MachineContext = { policy: PRESETS['000'], calendar: createCalendar() }
const citizen: Actor = { kind: 'citizen', id: 'dev:citizen' }
const li: Actor = { kind: 'staff', id: 'bdc-li', name: '李晓梅', role: 'staff', windowId: 'bdc' }
const lead: Actor = { kind: 'staff', id: 'bdc-lead', name: '周建国', role: 'lead', windowId: 'bdc' }
const office: Actor = { kind: 'staff', id: 'office-xu', name: '徐文', role: 'office', windowId: null }

const START = Date.parse('2026-11-23T10:00:00+08:00')

/** folds bodies one by one, an hour apart, failing the test on any refusal */
function run(kind: 'consult' | 'application', steps: Array<[Actor, EventBody]>, c: MachineContext = ctx) {
  const events: CaseEvent[] = []
  let state: CaseState | null = null
  const all: Array<[Actor, EventBody]> = [[citizen, submitted(kind)], ...steps]
  all.forEach(([actor, body], i) => {
    const e = { ...body, caseId: 'c_aaaaaaaaaaaaaaaa', seq: i + 1, at: iso(START + i * 3_600_000), actor } as CaseEvent
    const next = applyEvent(state, e, c)
    if (!next.ok) throw new Error(`step ${i + 1} ${body.type}: ${next.error.message}`)
    state = next.value
    events.push(e)
  })
  return { state: state as unknown as CaseState, events }
}

function tryNext(state: CaseState, actor: Actor, body: EventBody, offsetHours = 1, c: MachineContext = ctx) {
  const e = { ...body, caseId: state.id, seq: state.version + 1, at: iso(Date.parse(state.updatedAt) + offsetHours * 3_600_000), actor } as CaseEvent
  return applyEvent(state, e, c)
}

function iso(ms: number) {
  return new Date(ms).toISOString().replace('Z', '+00:00')
}

function submitted(kind: 'consult' | 'application'): EventBody {
  return {
    type: 'submitted',
    payload: {
      no: 'SF-20261123-0001',
      hallId: 'demo',
      kind,
      windowId: 'bdc',
      routedBy: 'windowQr',
      contact: { name: '张三', phone: '13912345678' },
      text: '请问二手房过户需要哪些材料？',
      attachments: [],
      policy: { presetId: '000', version: 1 },
    },
  }
}

const claim: EventBody = { type: 'claimed', payload: { staffId: 'bdc-li' } }
const reply = (mode: 'onTheSpot' | 'timed' = 'timed'): EventBody => ({ type: 'replied', payload: { text: '您好，需要身份证和不动产权证书。', mode } })
const close: EventBody = { type: 'closed', payload: { note: '' } }

describe('consults (000 §4.2)', () => {
  it('a consult starts a 2-working-day reply clock that a reply meets', () => {
    const { state } = run('consult', [])
    expect(state.clocks).toEqual([expect.objectContaining({ kind: 'reply', limitDays: 2, dueAt: '2026-11-25T17:30:00+08:00' })])
    const done = run('consult', [
      [li, claim],
      [li, reply('timed')],
      [li, close],
    ]).state
    expect(done.status).toBe('closed')
    expect(done.ledgerColumn).toBe('consultTimed')
    expect(done.clocks[0]!.metAt).not.toBeNull()
    expect(
      run('consult', [
        [li, claim],
        [li, reply('onTheSpot')],
        [li, close],
      ]).state.ledgerColumn,
    ).toBe('consultOnTheSpot')
  })

  it('当场答复 is recorded only in the session of receipt: the same working day before its close (000 §4.2)', () => {
    const received = run('consult', [[li, claim]]).state // Mon 23 Nov, received 10:00, claimed 11:00
    const at = (hours: number) => tryNext(received, li, reply('onTheSpot'), hours)
    const mode = (r: ReturnType<typeof at>) => (r.ok ? r.value.reply!.mode : r.error.message)
    expect(mode(at(1))).toBe('onTheSpot') // 12:00
    expect(mode(at(6.5))).toBe('onTheSpot') // 17:30, the close of business
    expect(mode(at(7))).toBe('timed') // 18:00: the citizen has gone
    expect(mode(at(24))).toBe('timed') // the next day, whatever the staff chose
    expect(mode(tryNext(received, li, reply('timed'), 1))).toBe('timed')
    // received after the close or on a rest day: no session was open
    const cal = ctx.calendar
    expect(withinReceiptSession(new Date('2026-11-23T18:30:00+08:00'), new Date('2026-11-23T18:40:00+08:00'), cal)).toBe(false)
    expect(withinReceiptSession(new Date('2026-11-28T10:00:00+08:00'), new Date('2026-11-28T10:10:00+08:00'), cal)).toBe(false)
    expect(withinReceiptSession(new Date('2026-11-23T08:30:00+08:00'), new Date('2026-11-23T09:10:00+08:00'), cal)).toBe(true)
  })

  it('the 002 preset answers complex consults within 1 working day', () => {
    const { state } = run('consult', [], { ...ctx, policy: PRESETS['002'] })
    expect(state.clocks[0]).toMatchObject({ limitDays: 1, dueAt: '2026-11-24T17:30:00+08:00' })
  })

  it('exactly one claim: a second is CONFLICT naming the holder', () => {
    const { state } = run('consult', [[li, claim]])
    const second = tryNext(state, lead, { type: 'claimed', payload: { staffId: 'bdc-lead' } })
    expect(second.ok).toBe(false)
    if (!second.ok) {
      expect(second.error.code).toBe('CONFLICT')
      expect(second.error.details).toMatchObject({ handlerId: 'bdc-li' })
    }
  })

  it('cannot reply to a closed case, nor close an unanswered one', () => {
    const closed = run('consult', [
      [li, claim],
      [li, reply()],
      [li, close],
    ]).state
    const again = tryNext(closed, li, reply())
    expect(again.ok || again.error.code).toBe('CONFLICT')
    const open = run('consult', [[li, claim]]).state
    const early = tryNext(open, li, close)
    expect(early.ok).toBe(false)
    if (!early.ok) expect(early.error.message).toContain('尚未答复')
  })

  it('a lead takes over with a reason and becomes first responder (002 首问（办）负责 §1)', () => {
    const { state } = run('consult', [[li, claim]])
    const noReason = tryNext(state, lead, { type: 'takenOver', payload: { staffId: 'bdc-lead', reason: ' ', previousId: 'bdc-li' } })
    expect(noReason.ok || noReason.error.details?.field).toBe('reason')
    const taken = tryNext(state, lead, { type: 'takenOver', payload: { staffId: 'bdc-lead', reason: '疑难问题由首席代表答复', previousId: 'bdc-li' } })
    expect(taken.ok && taken.value.firstResponderId).toBe('bdc-lead')
  })

  it('events out of order are refused', () => {
    const { state } = run('consult', [])
    const e = { ...claim, caseId: state.id, seq: 5, at: state.updatedAt, actor: li } as CaseEvent
    expect(applyEvent(state, e, ctx).ok).toBe(false)
  })
})

describe('applications (000 §4.1)', () => {
  const promised: EventBody = { type: 'accepted', payload: { mode: 'promised', limitDays: 5 } }
  const notice = (no: string): EventBody => ({ type: 'supplementNoticeIssued', payload: { noticeNo: no, items: ['身份证复印件', '购房合同原件'] } })

  it('an instant application completes at once', () => {
    const s = run('application', [
      [li, claim],
      [li, { type: 'accepted', payload: { mode: 'instant' } }],
      [li, close],
    ]).state
    expect(s.ledgerColumn).toBe('instant')
  })

  it('a promised one runs on its limit, pauses while materials are missing and resumes later', () => {
    const s = run('application', [
      [li, claim],
      [li, promised],
    ]).state
    const clock = s.clocks.find((c) => c.kind === 'promised')!
    expect(clock.limitDays).toBe(5)
    const paused = tryNext(s, li, notice('BJ-2026-0001'))
    expect(paused.ok).toBe(true)
    if (!paused.ok) return
    expect(paused.value.status).toBe('awaitingMaterials')
    // the citizen brings the materials two working days later
    const resumed = tryNext(paused.value, citizen, { type: 'materialsCompleted', payload: { note: '' } }, 48)
    expect(resumed.ok).toBe(true)
    if (!resumed.ok) return
    const after = resumed.value.clocks.find((c) => c.kind === 'promised')!
    expect(Date.parse(after.dueAt)).toBeGreaterThan(Date.parse(clock.dueAt))
    expect(after.pausedSpans).toHaveLength(1)
  })

  it('a promised acceptance keeps the matter’s published limit; another needs a reason for the citizen (003 五4, 004 服务承诺 §3)', () => {
    const withMatter = (limitDays?: number, limitReason?: string) => {
      const base = run('application', [[li, claim]]).state
      const s = { ...base, matter: { id: 'bdc-zydj', name: '不动产转移登记', kind: 'promised' as const, promisedDays: 5, materials: [] } }
      return tryNext(s, li, { type: 'accepted', payload: { mode: 'promised', limitDays, limitReason } })
    }
    const kept = withMatter()
    expect(kept.ok && [kept.value.acceptance, kept.value.clocks.at(-1)!.limitDays]).toEqual([{ mode: 'promised', at: expect.any(String), limitDays: 5 }, 5])
    expect(withMatter(5).ok).toBe(true)
    const silent = withMatter(10)
    expect(silent.ok || [silent.error.code, silent.error.details?.field]).toEqual(['INVALID_INPUT', 'limitReason'])
    const explained = withMatter(10, '需实地查勘')
    expect(explained.ok && explained.value.acceptance).toMatchObject({ limitDays: 10, limitReason: '需实地查勘' })
    // a case without a catalog matter has no published limit to keep
    expect(tryNext(run('application', [[li, claim]]).state, li, promised).ok).toBe(true)
  })

  it('refusing needs both the reason and the legal basis', () => {
    const s = run('application', [[li, claim]]).state
    const noBasis = tryNext(s, li, { type: 'refused', payload: { reason: '不符合申请条件', legalBasis: '' } })
    expect(noBasis.ok).toBe(false)
    if (!noBasis.ok) expect(noBasis.error.details).toMatchObject({ field: 'legalBasis' })
    const ok = tryNext(s, li, { type: 'refused', payload: { reason: '不符合申请条件', legalBasis: '《不动产登记暂行条例》第二十二条' } })
    expect(ok.ok && ok.value.status).toBe('refused')
  })

  it('the first clock runs from receipt: the notice, the acceptance or the refusal meets it (002 一次性告知 §5(2))', () => {
    const c002 = { ...ctx, policy: PRESETS['002'] }
    const first = (s: CaseState) => s.clocks.find((k) => k.kind === 'supplementNotice')
    // 10:00 Monday 23 Nov, 5 working days under 002; on the spot (the same day's close) under 000
    expect(first(run('application', [], c002).state)).toMatchObject({ limitDays: 5, dueAt: '2026-11-30T17:30:00+08:00', metAt: null })
    expect(first(run('application', []).state)).toMatchObject({ limitDays: 0, dueAt: '2026-11-23T17:30:00+08:00' })
    for (const answer of [
      notice('BJ-1'),
      promised,
      { type: 'accepted', payload: { mode: 'instant' } } as EventBody,
      { type: 'refused', payload: { reason: '不属于受理范围', legalBasis: '《不动产登记暂行条例》第十七条' } } as EventBody,
      { type: 'outsideHall', payload: { mode: 'written', explanation: '由市场监管局办理', department: '市场监管局' } } as EventBody,
    ]) {
      const s = run(
        'application',
        [
          [li, claim],
          [li, answer],
        ],
        c002,
      ).state
      expect([answer.type, first(s)?.metAt]).toEqual([answer.type, '2026-11-23T12:00:00+08:00'])
    }
    // a consult has no such clock
    expect(first(run('consult', [], c002).state)).toBeUndefined()
  })

  it('an unclaimed case breaches against its window: its leads are charged, not nobody (004 考核 三(一)(1)(2))', () => {
    const sweep: Actor = { kind: 'system', id: 'sweep' }
    const s = run('consult', [])
    const late = tryNext(s.state, sweep, { type: 'clockBreached', payload: { clockKind: 'reply', staffId: null, windowId: 'bdc' } }, 24 * 3)
    expect(late.ok && late.value.violations).toEqual([expect.objectContaining({ clockKind: 'reply', staffId: null, windowId: 'bdc', duty: 'windowLead' })])
    // once claimed, the holder answers for it
    const held = run('consult', [[li, claim]])
    const heldLate = tryNext(held.state, sweep, { type: 'clockBreached', payload: { clockKind: 'reply', staffId: 'bdc-li', windowId: 'bdc' } }, 24 * 3)
    expect(heldLate.ok && heldLate.value.violations).toEqual([{ clockKind: 'reply', staffId: 'bdc-li', windowId: 'bdc', at: expect.any(String) }])
  })

  it('a second supplement notice is recorded as a one-time-notice breach', () => {
    const s = run('application', [
      [li, claim],
      [li, notice('BJ-1')],
      [citizen, { type: 'materialsCompleted', payload: { note: '' } }],
      [li, notice('BJ-2')],
    ]).state
    expect(s.notices).toHaveLength(2)
    expect(s.oneTimeNoticeBreaches).toBe(1)
  })

  it('extensions: reason required, only before due, at most 5 working days in all (004 限时办结 §5)', () => {
    const s = run(
      'application',
      [
        [li, claim],
        [li, promised],
      ],
      { ...ctx, policy: PRESETS['004'] },
    ).state
    const c = { ...ctx, policy: PRESETS['004'] }
    const ext =
      (days: number, reason = '需现场核查', hours = 1) =>
      (state: CaseState) =>
        tryNext(state, li, { type: 'extended', payload: { clockKind: 'promised', days, reason } }, hours, c)
    expect(ext(3, '')(s).ok).toBe(false)
    const three = ext(3)(s)
    expect(three.ok).toBe(true)
    if (!three.ok) return
    const tooMany = ext(3)(three.value)
    expect(tooMany.ok || tooMany.error.code).toBe('INVALID_INPUT')
    expect(ext(2)(three.value).ok).toBe(true)
    const late = ext(1, '需现场核查', 24 * 30)(s)
    expect(late.ok).toBe(false)
    if (!late.ok) expect(late.error.message).toContain('不能再延期')
    // 000 has no extension clause: the same request is refused
    const under000 = tryNext(
      run('application', [
        [li, claim],
        [li, promised],
      ]).state,
      lead,
      { type: 'extended', payload: { clockKind: 'promised', days: 1, reason: '需现场核查' } },
    )
    expect(under000.ok || [under000.error.code, under000.error.details?.field]).toEqual(['INVALID_INPUT', 'clockKind'])
    expect(ext(1)(run('consult', [[li, claim]], c).state).ok).toBe(false)
  })
})

describe('out of scope (000 §5)', () => {
  it('handover: the receiver becomes first responder on acknowledging and must contact the citizen the same day', () => {
    const s = run('consult', [
      [li, claim],
      [li, { type: 'handoverCreated', payload: { slipNo: 'JJ-2026-0001', toStaffId: 'bdc-wang', reason: '承办人负责该业务', remarks: '' } }],
    ]).state
    expect(s.status).toBe('handoverPending')
    expect(s.firstResponderId).toBe('bdc-li')
    const wang: Actor = { kind: 'staff', id: 'bdc-wang', name: '王磊', role: 'staff', windowId: 'bdc' }
    const ack = tryNext(s, wang, { type: 'handoverAcknowledged', payload: { slipNo: 'JJ-2026-0001' } })
    expect(ack.ok).toBe(true)
    if (!ack.ok) return
    expect(ack.value.firstResponderId).toBe('bdc-wang')
    const contact = ack.value.clocks.find((c) => c.kind === 'handoverContact')!
    expect(contact.dueAt).toBe('2026-11-23T17:30:00+08:00')
    const done = [
      { type: 'citizenContacted', payload: { note: '电话已联系' } },
      { type: 'replied', payload: { text: '已答复', mode: 'timed' } },
      { type: 'closed', payload: { note: '' } },
    ] as EventBody[]
    let st = ack.value
    for (const b of done) {
      const r = tryNext(st, wang, b)
      if (!r.ok) throw r.error
      st = r.value
    }
    expect(st.ledgerColumn).toBe('handedOver')
  })

  it('joint handling: the plan is due within 2 working days in 000 and 3 in 001 and 003', () => {
    for (const [preset, days, due] of [
      ['000', 2, '2026-11-25T17:30:00+08:00'],
      ['001', 3, '2026-11-26T17:30:00+08:00'],
      ['003', 3, '2026-11-26T17:30:00+08:00'],
    ] as const) {
      const c = { ...ctx, policy: PRESETS[preset] }
      const s = run(
        'application',
        [
          [li, claim],
          [li, { type: 'jointReported', payload: { coWindowIds: ['sw'], note: '涉及税务' } }],
        ],
        c,
      ).state
      expect(s.clocks.find((x) => x.kind === 'jointPlan')).toMatchObject({ limitDays: days, dueAt: due })
    }
  })

  it('joint: urges to co-windows are kept as proof (002), and the case closes as joint', () => {
    const s = run('application', [
      [li, claim],
      [li, { type: 'jointReported', payload: { coWindowIds: ['sw'], note: '涉及契税' } }],
      [lead, { type: 'jointPlanRecorded', payload: { plan: '税务窗口先核税，再办理转移登记', coWindowIds: ['sw'] } }],
      [lead, { type: 'urged', payload: { note: '请今日内完成核税', targetWindowId: 'sw' } }],
      [li, { type: 'accepted', payload: { mode: 'promised', limitDays: 5 } }],
      [li, { type: 'completed', payload: { result: '已办结转移登记' } }],
      [li, close],
    ]).state
    expect(s.urges).toEqual([expect.objectContaining({ targetWindowId: 'sw', by: 'bdc-lead' })])
    expect(s.ledgerColumn).toBe('joint')
  })

  it('referral closes as another window of the hall; outside-hall consult and written application', () => {
    expect(run('consult', [[li, { type: 'referred', payload: { toWindowId: 'gjj', note: '请到A02公积金窗口' } }]]).state.ledgerColumn).toBe('otherWindow')
    expect(
      run('consult', [
        [li, claim],
        [li, { type: 'outsideHall', payload: { mode: 'consult', explanation: '属于法院职责', department: '' } }],
      ]).state.ledgerColumn,
    ).toBe('outsideConsult')
    const written = run('application', [
      [li, claim],
      [li, { type: 'outsideHall', payload: { mode: 'written', explanation: '属于住建局职责', department: '市住建局' } }],
    ]).state
    expect(written.status).toBe('forwarding')
    expect(written.clocks.find((c) => c.kind === 'outsideForward')).toMatchObject({ limitDays: 2 })
    const fwd = tryNext(written, office, { type: 'outsideForwarded', payload: { department: '市住建局', date: '2026-11-24', documentNo: '政务〔2026〕12号' } })
    expect(fwd.ok && fwd.value.ledgerColumn).toBe('outsideWritten')
  })
})

describe('laws', () => {
  // a pool of event bodies; a random walk keeps the legal ones
  const actors = [li, lead, citizen, office]
  const pool: EventBody[] = [
    claim,
    { type: 'takenOver', payload: { staffId: 'bdc-lead', reason: '首席代表接手', previousId: 'bdc-li' } },
    reply('onTheSpot'),
    reply('timed'),
    { type: 'supplementNoticeIssued', payload: { noticeNo: 'BJ-1', items: ['身份证'] } },
    { type: 'materialsCompleted', payload: { note: '' } },
    { type: 'accepted', payload: { mode: 'instant' } },
    { type: 'accepted', payload: { mode: 'promised', limitDays: 3 } },
    { type: 'completed', payload: { result: '已办结' } },
    { type: 'refused', payload: { reason: '不符合条件', legalBasis: '某条例第三条' } },
    { type: 'handoverCreated', payload: { slipNo: 'JJ-1', toStaffId: 'bdc-wang', reason: '转承办人', remarks: '' } },
    { type: 'handoverAcknowledged', payload: { slipNo: 'JJ-1' } },
    { type: 'citizenContacted', payload: { note: '' } },
    { type: 'jointReported', payload: { coWindowIds: ['sw'], note: '涉及税务' } },
    { type: 'jointPlanRecorded', payload: { plan: '分工办理', coWindowIds: ['sw'] } },
    { type: 'urged', payload: { note: '' } },
    { type: 'referred', payload: { toWindowId: 'gjj', note: '请到公积金窗口' } },
    { type: 'outsideHall', payload: { mode: 'consult', explanation: '不属本厅', department: '' } },
    { type: 'outsideHall', payload: { mode: 'written', explanation: '不属本厅', department: '市住建局' } },
    { type: 'outsideForwarded', payload: { department: '市住建局', date: '2026-11-30', documentNo: '文号1' } },
    { type: 'extended', payload: { clockKind: 'promised', days: 1, reason: '需核查' } },
    { type: 'closed', payload: { note: '' } },
    { type: 'reopened', payload: { reason: '差评整改' } },
  ]
  // closes whatever state a walk left: answer what is open, then close
  const finishers: EventBody[] = [
    { type: 'handoverAcknowledged', payload: { slipNo: 'JJ-1' } },
    { type: 'materialsCompleted', payload: { note: '' } },
    { type: 'jointPlanRecorded', payload: { plan: '分工办理', coWindowIds: ['sw'] } },
    { type: 'outsideForwarded', payload: { department: '市住建局', date: '2026-11-30', documentNo: '文号1' } },
    claim,
    reply('timed'),
    { type: 'accepted', payload: { mode: 'promised', limitDays: 3 } },
    { type: 'completed', payload: { result: '已办结' } },
    { type: 'closed', payload: { note: '' } },
  ]

  const walk = fc.record({
    kind: fc.constantFrom('consult' as const, 'application' as const),
    steps: fc.array(fc.tuple(fc.nat(pool.length - 1), fc.nat(actors.length - 1), fc.integer({ min: 0, max: 30 })), { maxLength: 25 }),
  })

  function legalEvents(kind: 'consult' | 'application', steps: Array<[number, number, number]>) {
    let { state, events } = run(kind, [])
    const push = (body: EventBody, actor: Actor, hours: number) => {
      const e = { ...body, caseId: state.id, seq: state.version + 1, at: iso(Date.parse(state.updatedAt) + hours * 3_600_000), actor } as CaseEvent
      const next = applyEvent(state, e, ctx)
      if (next.ok) {
        state = next.value
        events = [...events, e]
      }
    }
    for (const [b, a, h] of steps) push(pool[b]!, actors[a]!, h)
    for (let round = 0; round < 3 && state.status !== 'closed'; round++) for (const f of finishers) push(f, li, 1)
    return { state, events }
  }

  it('a reopened instant application can be accepted and decided again', () => {
    const s = run('application', [
      [li, claim],
      [li, { type: 'accepted', payload: { mode: 'instant' } }],
      [lead, { type: 'reopened', payload: { reason: '差评整改' } }],
      [li, { type: 'accepted', payload: { mode: 'promised', limitDays: 3 } }],
      [li, { type: 'completed', payload: { result: '已重新办结' } }],
      [li, close],
    ]).state
    expect(s.round).toBe(2)
    expect(s.ledgerColumn).toBe('promised')
  })

  it('any random legal sequence of events ends with a closed case in exactly one ledger column', () => {
    fc.assert(
      fc.property(walk, ({ kind, steps }) => {
        const { state } = legalEvents(kind, steps)
        expect(state.status).toBe('closed')
        expect(LEDGER_COLUMNS.filter((c) => c.key === state.ledgerColumn)).toHaveLength(1)
        expect(ledgerColumnOf(state)).toBe(state.ledgerColumn)
        expect(tallyLedger([state]).total).toBe(1)
      }),
      { numRuns: 2000 },
    )
  })

  it('replaying the events gives the same state, every time', () => {
    fc.assert(
      fc.property(walk, ({ kind, steps }) => {
        const { state, events } = legalEvents(kind, steps)
        const again = replay(events, ctx)
        expect(again.ok && again.value).toEqual(state)
        expect(replay(events, ctx)).toEqual(again)
      }),
      { numRuns: 200 },
    )
  })
})

describe('one first responder at a time (000 §5.1, 002 首问（办）负责 §1)', () => {
  const wang: Actor = { kind: 'staff', id: 'bdc-wang', name: '王磊', role: 'staff', windowId: 'bdc' }
  const slip = (no: string, to: string): EventBody => ({ type: 'handoverCreated', payload: { slipNo: no, toStaffId: to, reason: '转承办人', remarks: '' } })
  const ack = (no: string): EventBody => ({ type: 'handoverAcknowledged', payload: { slipNo: no } })
  const takeOver = (previousId: string | null): EventBody => ({ type: 'takenOver', payload: { staffId: 'bdc-lead', reason: '首席代表接手', previousId } })

  it('a takeover withdraws the slip still waiting: the case is the lead’s, and the stale slip cannot be acknowledged', () => {
    const s = run('consult', [
      [li, claim],
      [li, slip('JJ-1', 'bdc-wang')],
      [lead, takeOver('bdc-li')],
    ]).state
    expect(s.status).toBe('inProgress')
    expect([s.firstResponderId, s.handlerId]).toEqual(['bdc-lead', 'bdc-lead'])
    expect(s.handovers[0]).toMatchObject({ slipNo: 'JJ-1', acknowledgedAt: null, withdrawnAt: s.updatedAt })
    const stale = tryNext(s, wang, ack('JJ-1'))
    expect(stale.ok || stale.error.code).toBe('CONFLICT')
    // withdrawn is not handed over: the case still closes in its own column
    const done = run('consult', [
      [li, claim],
      [li, slip('JJ-1', 'bdc-wang')],
      [lead, takeOver('bdc-li')],
      [lead, reply()],
      [lead, close],
    ]).state
    expect(done.ledgerColumn).toBe('consultTimed')
  })

  it('an assignment withdraws it too; an acknowledged slip stays as it was', () => {
    const assigned = run('consult', [
      [li, claim],
      [li, slip('JJ-1', 'bdc-wang')],
      [lead, { type: 'assigned', payload: { staffId: 'bdc-zhao' } }],
    ]).state
    expect([assigned.status, assigned.handlerId, assigned.handovers[0]!.withdrawnAt]).toEqual(['inProgress', 'bdc-zhao', assigned.updatedAt])
    const taken = run('consult', [
      [li, claim],
      [li, slip('JJ-1', 'bdc-wang')],
      [wang, ack('JJ-1')],
      [lead, takeOver('bdc-wang')],
    ]).state
    expect(taken.handovers[0]!.withdrawnAt).toBeUndefined()
    expect(taken.handovers[0]!.acknowledgedAt).not.toBeNull()
  })

  // random walks over claims, takeovers, assignments and slips between four people of one window
  const people: Actor[] = [li, wang, lead, { kind: 'staff', id: 'bdc-zhao', name: '赵敏', role: 'staff', windowId: 'bdc' }]
  const ids = people.map((p) => p.id)
  const body = fc.oneof(
    fc.constantFrom(...ids).map((staffId): EventBody => ({ type: 'claimed', payload: { staffId } })),
    fc.constantFrom(...ids).map((staffId): EventBody => ({ type: 'assigned', payload: { staffId } })),
    fc.constantFrom('JJ-1', 'JJ-2', 'JJ-3').chain((no) => fc.constantFrom(...ids).map((to) => slip(no, to))),
    fc.constantFrom('JJ-1', 'JJ-2', 'JJ-3').map(ack),
    fc.constant<EventBody>({ type: 'citizenContacted', payload: { note: '' } }),
    fc.constant(reply()),
    fc.constant(close),
    fc.constant<EventBody>({ type: 'reopened', payload: { reason: '差评整改' } }),
    fc.constant<EventBody>({ type: 'urged', payload: { note: '' } }),
    // the lead takes over from whoever holds the case then
    fc.constant<EventBody>(takeOver(null)),
  )
  const step = fc.tuple(body, fc.nat(people.length - 1), fc.integer({ min: 0, max: 30 }))

  it('after any sequence one person is responsible (when anyone is), at most one slip waits, and only a waiting slip moves the case', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let state = run('consult', []).state
        for (const [b, who, hours] of steps) {
          const chosen = b.type === 'takenOver' ? takeOver(state.handlerId) : b
          const waiting = state.handovers.filter((h) => !h.acknowledgedAt && !h.withdrawnAt)
          // the server lets only the holder make a slip (caseActions: createHandover)
          const holder = people.find((p) => p.id === state.handlerId)
          const actor = chosen.type === 'handoverCreated' && holder ? holder : people[who]!
          const next = tryNext(state, actor, chosen, hours)
          if (!next.ok) continue
          const s = next.value
          // one first responder: the holder and the first responder are the same person
          expect(s.firstResponderId).toBe(s.handlerId)
          if (s.status !== 'open' && !(s.status === 'closed' && s.referral)) expect(s.handlerId).not.toBeNull()
          // at most one slip waits, exactly while the case is 移交中, never for its own holder
          const pending = s.handovers.filter((h) => !h.acknowledgedAt && !h.withdrawnAt)
          expect(pending.length).toBeLessThanOrEqual(1)
          expect(pending.length === 1).toBe(s.status === 'handoverPending')
          // a slip waits only from the person who holds the case, to someone else
          if (pending[0]) expect([pending[0].fromStaffId, pending[0].toStaffId === s.handlerId]).toEqual([s.handlerId, false])
          // an acknowledgement only ever takes up the slip that was waiting
          if (chosen.type === 'handoverAcknowledged') {
            expect(waiting.map((h) => h.slipNo)).toContain(chosen.payload.slipNo)
            expect(s.handlerId).toBe(waiting[0]!.toStaffId)
          }
          state = s
        }
      }),
      { numRuns: 1000 },
    )
  })
})
