// The handling of a complaint (002 限时办结 §7): filed with a 15-working-day clock, extended once with a
// leader's approval, answered with a finding, rated by the citizen, and swept when its time runs out.
import fc from 'fast-check'
import { createCalendar, formatShanghai } from '../../src/core/calendar'
import type { Complaint } from '../../src/core/complaint'
import {
  answerComplaint,
  complaintNotifications,
  extendComplaint,
  fileComplaint,
  rateComplaintHandling,
  sweepComplaint,
  verifiedComplaints,
  withNextAction,
  type ComplaintContext,
} from '../../src/core/complaintMachine'
import type { Result } from '../../src/core/errors'
import type { People } from '../../src/core/notification'
import { PRESETS } from '../../src/core/policy'

const ctx: ComplaintContext = { policy: PRESETS['002'], calendar: createCalendar() }
const people: People = { leadsOf: (w) => (w === 'bdc' ? ['bdc-lead'] : []), office: ['office-xu', 'office-he'] }
const at = (s: string) => new Date(s)
const local = (iso: string) => formatShanghai(new Date(iso)).slice(0, 16)

// Monday 23 November 2026, 10:00
const FILED = at('2026-11-23T10:00:00+08:00')
function filed(): Complaint {
  return fileComplaint(
    {
      id: 'k_aaaaaaaaaaaaaaaa',
      no: 'TS-20261123-0001',
      hallId: 'demo',
      citizenId: 'wx:citizen-zhang',
      requestId: 'r-1',
      target: { kind: 'case', caseId: 'c_aaaaaaaaaaaaaaaa' },
      topic: 'buckPassing',
      text: '  窗口让我去别的窗口问，来回跑了三趟。  ',
      contact: { name: '张三', phone: '13912345678' },
      attachments: [],
    },
    { windowId: 'bdc', staffId: 'bdc-li', caseNo: 'SF-20261120-0003' },
    FILED,
    ctx,
  )
}
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`refused: ${r.error.message}`)
  return r.value
}
const refusal = <T>(r: Result<T>) => (r.ok ? null : r.error.message)
const answer = (c: Complaint, when = '2026-11-30T10:00:00+08:00') =>
  answerComplaint(
    c,
    { finding: 'verified', answer: '经调查，工作人员未履行首问负责制，已批评教育。', responsibleStaffId: 'bdc-li', reopenedCase: true },
    'office-xu',
    at(when),
  )

describe('fileComplaint', () => {
  it('opens it with 15 working days to answer (002 限时办结 §7), counted from the next working day to close of business', () => {
    const c = filed()
    expect(c.status).toBe('open')
    expect(c.clock.kind).toBe('complaint')
    expect(c.clock.limitDays).toBe(15)
    expect(local(c.clock.dueAt)).toBe('2026-12-14T17:30')
    expect(c.text).toBe('窗口让我去别的窗口问，来回跑了三趟。')
    expect(c.steps).toEqual([{ at: formatShanghai(FILED), type: 'filed', by: 'wx:citizen-zhang', text: '推诿扯皮：窗口让我去别的窗口问，来回跑了三趟。' }])
    expect(c.version).toBe(1)
  })

  it('tells every member of the hall office, with the due time', () => {
    const n = complaintNotifications(filed(), people)
    expect(n.map((x) => x.recipient.id)).toEqual(['office-xu', 'office-he'])
    expect(n[0]!.body).toBe('TS-20261123-0001（推诿扯皮）：请于 12月14日 17:30 前调查处理并答复')
  })
})

describe('extendComplaint (002 限时办结 §7: 经分管领导批准，可适当延长)', () => {
  const x = { days: 5, reason: '涉及多个部门，需调取录像', approvedBy: ' 王副主任 ' }

  it('moves the due time by the days granted and records who approved it; the citizen is told why', () => {
    const c = value(extendComplaint(filed(), x, 'office-xu', at('2026-12-01T10:00:00+08:00'), ctx))
    expect(local(c.clock.dueAt)).toBe('2026-12-21T17:30')
    expect(c.extension).toMatchObject({ days: 5, reason: '涉及多个部门，需调取录像', approvedBy: '王副主任', by: 'office-xu' })
    expect(c.steps.at(-1)!.text).toBe('经王副主任批准延期 5 个工作日：涉及多个部门，需调取录像')
    const n = complaintNotifications(c, people)
    expect(n.map((m) => `${m.recipient.kind}:${m.recipient.id}`)).toEqual(['citizen:wx:citizen-zhang'])
    expect(n[0]!.body).toContain('延期 5 个工作日：涉及多个部门，需调取录像')
  })

  it('only once, only with the approving leader named, only before the due time and within the limit', () => {
    const once = value(extendComplaint(filed(), x, 'office-xu', at('2026-12-01T10:00:00+08:00'), ctx))
    expect(refusal(extendComplaint(once, x, 'office-xu', at('2026-12-02T10:00:00+08:00'), ctx))).toBe('这件投诉已经延期过一次')
    expect(refusal(extendComplaint(filed(), { ...x, approvedBy: '  ' }, 'office-xu', at('2026-12-01T10:00:00+08:00'), ctx))).toBe('请填写批准延期的分管领导')
    expect(refusal(extendComplaint(filed(), x, 'office-xu', at('2026-12-15T09:00:00+08:00'), ctx))).toBe('已超过办理时限，不能再延期')
    expect(refusal(extendComplaint(filed(), { ...x, days: 16 }, 'office-xu', at('2026-12-01T10:00:00+08:00'), ctx))).toMatch(/^延期合计不得超过 15 个工作日/)
    expect(refusal(extendComplaint(value(answer(filed())), x, 'office-xu', at('2026-12-01T10:00:00+08:00'), ctx))).toBe('投诉已答复，不能再延期')
  })
})

describe('answerComplaint', () => {
  it('records the finding and the answer and stops the clock; a verified one names who is responsible (004 三(一)(5))', () => {
    const c = value(answer(filed()))
    expect(c.status).toBe('answered')
    expect(c.clock.metAt).toBe(formatShanghai(at('2026-11-30T10:00:00+08:00')))
    expect(c).toMatchObject({ finding: 'verified', responsibleStaffId: 'bdc-li', answeredBy: 'office-xu', reopenedCase: true })
    expect(c.steps.at(-1)!.text).toBe('投诉属实。经调查，工作人员未履行首问负责制，已批评教育。')
    expect(withNextAction(c, ctx).nextActionAt).toBeNull()
  })

  it("tells the citizen, and for a verified complaint the person responsible and their window's lead", () => {
    const n = complaintNotifications(value(answer(filed())), people)
    expect(n.map((m) => `${m.recipient.kind}:${m.recipient.id}:${m.title}`)).toEqual([
      'citizen:wx:citizen-zhang:投诉已答复',
      'staff:bdc-li:投诉经核实属实',
      'staff:bdc-lead:本窗口投诉经核实属实',
    ])
  })

  it('an unfounded complaint names nobody, even when a name was sent, and tells only the citizen', () => {
    const c = value(
      answerComplaint(
        filed(),
        { finding: 'unfounded', answer: '经查看录像，工作人员已按规定指引。', responsibleStaffId: 'bdc-li', reopenedCase: false },
        'office-xu',
        at('2026-11-30T10:00:00+08:00'),
      ),
    )
    expect(c.responsibleStaffId).toBeNull()
    expect(complaintNotifications(c, people).map((m) => m.recipient.kind)).toEqual(['citizen'])
    expect(verifiedComplaints([c])).toEqual([])
  })

  it('refuses a short answer, a verified finding without the person responsible, and a second answer', () => {
    expect(
      refusal(
        answerComplaint(
          filed(),
          { finding: 'unfounded', answer: '不属实', responsibleStaffId: null, reopenedCase: false },
          'office-xu',
          at('2026-11-30T10:00:00+08:00'),
        ),
      ),
    ).toBe('请写明调查核实的情况和处理结果，至少 10 个字')
    expect(
      refusal(
        answerComplaint(
          filed(),
          { finding: 'verified', answer: '经调查情况属实，已批评教育。', responsibleStaffId: null, reopenedCase: false },
          'office-xu',
          at('2026-11-30T10:00:00+08:00'),
        ),
      ),
    ).toBe('投诉属实的，请选择负有责任的工作人员')
    expect(refusal(answer(value(answer(filed()))))).toBe('这件投诉已经答复过了')
  })
})

describe('rateComplaintHandling', () => {
  it('once, after the answer; the hall office hears of it', () => {
    expect(refusal(rateComplaintHandling(filed(), { level: 5, text: '' }, at('2026-11-30T11:00:00+08:00')))).toBe('投诉答复后才能评价处理情况')
    const rated = value(rateComplaintHandling(value(answer(filed())), { level: 4, text: ' 处理及时 ' }, at('2026-11-30T11:00:00+08:00')))
    expect(rated.satisfaction).toEqual({ level: 4, text: '处理及时', at: formatShanghai(at('2026-11-30T11:00:00+08:00')) })
    expect(rated.steps.at(-1)).toMatchObject({ type: 'rated', by: 'wx:citizen-zhang', text: '满意：处理及时' })
    expect(complaintNotifications(rated, people).map((m) => m.recipient.id)).toEqual(['office-xu', 'office-he'])
    expect(refusal(rateComplaintHandling(rated, { level: 1, text: '' }, at('2026-11-30T12:00:00+08:00')))).toBe('您已经评价过了')
  })
})

describe('verifiedComplaints (004 三(一)(5))', () => {
  it('lists the verified, answered ones against the responsible person, with the case they concern', () => {
    const v = value(answer(filed()))
    const aboutWindow = value(
      answer({ ...filed(), id: 'k_bbbbbbbbbbbbbbbb', no: 'TS-20261123-0002', target: { kind: 'window', windowId: 'bdc' }, caseNo: null }),
    )
    expect(verifiedComplaints([v, aboutWindow, filed()])).toEqual([
      { caseId: 'c_aaaaaaaaaaaaaaaa', caseNo: 'SF-20261120-0003', staffId: 'bdc-li', at: v.answeredAt },
      { caseId: null, caseNo: 'TS-20261123-0002', staffId: 'bdc-li', at: aboutWindow.answeredAt },
    ])
  })
})

describe('sweepComplaint', () => {
  it('reminds the hall office at half time and before the due time, then records the breach and apologises to the citizen, each once', () => {
    // 111 working hours in all: Monday from 10:00 is 6, then 15 days of 7; half is 55.5 hours in
    let c = withNextAction(filed(), ctx)
    const seen: string[] = []
    for (let i = 0; i < 5 && c.nextActionAt; i++) {
      const when = new Date(c.nextActionAt)
      const swept = sweepComplaint(c, when, people, ctx)
      expect(swept).not.toBeNull()
      seen.push(`${local(c.nextActionAt)} ${swept!.notifications.map((n) => `${n.recipient.id}:${n.title}`).join(' / ')}`)
      c = swept!.complaint
      // sweeping again at the same time finds nothing more to do
      expect(sweepComplaint(c, when, people, ctx)).toBeNull()
    }
    expect(seen).toEqual([
      '2026-12-03T09:30 office-xu:投诉办理时限已过半 / office-he:投诉办理时限已过半',
      '2026-12-14T15:30 office-xu:投诉办理即将到期 / office-he:投诉办理即将到期',
      '2026-12-14T17:30 office-xu:投诉办理超时 / office-he:投诉办理超时 / wx:citizen-zhang:投诉办理超时，深表歉意',
    ])
    expect(c.clock.breachedAt).not.toBeNull()
    expect(c.steps.at(-1)).toMatchObject({ type: 'breached', text: '已超过投诉办理时限，已列入督办' })
    expect(c.nextActionAt).toBeNull()
    expect(sweepComplaint(c, at('2026-12-20T10:00:00+08:00'), people, ctx)).toBeNull()
  })

  it('does nothing before the first reminder or once the complaint is answered', () => {
    expect(sweepComplaint(filed(), at('2026-11-24T10:00:00+08:00'), people, ctx)).toBeNull()
    expect(sweepComplaint(value(answer(filed())), at('2027-01-04T10:00:00+08:00'), people, ctx)).toBeNull()
  })

  it('law: whenever the sweep runs, an open complaint is breached exactly once, at or after its due time', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 * 86_400_000 }), { minLength: 1, maxLength: 12 }), (offsets) => {
        let c = withNextAction(filed(), ctx)
        let breaches = 0
        for (const ms of [...offsets].sort((a, b) => a - b)) {
          const when = new Date(FILED.getTime() + ms)
          const swept = sweepComplaint(c, when, people, ctx)
          if (!swept) continue
          if (swept.complaint.clock.breachedAt) {
            if (!c.clock.breachedAt) breaches++
            expect(when.getTime()).toBeGreaterThanOrEqual(new Date(c.clock.dueAt).getTime())
          }
          expect(swept.complaint.version).toBe(c.version + 1)
          c = swept.complaint
        }
        const last = FILED.getTime() + Math.max(...offsets)
        expect(breaches).toBe(last >= new Date(c.clock.dueAt).getTime() ? 1 : 0)
      }),
      { numRuns: 100 },
    )
  })
})
