// Who is told what when a case moves: the responsible person before a due time, the lead and the hall
// office at a breach, the citizen when something they wait for happens, and nobody twice.
import type { CaseEvent, EventBody } from '../../src/core/events'
import { formatShort, notificationsFor, type People } from '../../src/core/notification'
import { citizen, fold, lead, li, office, sweep } from './caseFixture'

const people: People = { leadsOf: (w) => (w === 'bdc' ? ['bdc-lead'] : w === 'gjj' ? ['gjj-lead', 'gjj-lead2'] : []), office: ['office-xu'] }
const claim: EventBody = { type: 'claimed', payload: { staffId: 'bdc-li' } }
const reply: EventBody = { type: 'replied', payload: { text: '您好，需要身份证和不动产权证书。', mode: 'timed' } }

/** the notices of the case's last event */
function last(kind: 'consult' | 'application', steps: Parameters<typeof fold>[1], who: People = people) {
  const { state, events } = fold(kind, steps)
  return notificationsFor(events.slice(-1), state, who).map((n) => ({
    to: `${n.recipient.kind}:${n.recipient.id}`,
    kind: n.kind,
    title: n.title,
    body: n.body,
  }))
}
const to = (list: Array<{ to: string }>) => list.map((n) => n.to)

describe('formatShort', () => {
  it('writes an instant as month, day and time in the hall, whatever the offset it was written with', () => {
    expect(formatShort('2026-10-09T17:30:00+08:00')).toBe('10月9日 17:30')
    expect(formatShort('2026-10-09T09:30:00Z')).toBe('10月9日 17:30')
  })
})

describe('reminders before a due time', () => {
  const half: EventBody = { type: 'reminded', payload: { clockKind: 'reply', level: 'half' } }

  it("go to the case's handler with the due time (2 working days, 000 §4.2)", () => {
    expect(
      last('consult', [
        [li, claim],
        [sweep, half, '2026-11-24T14:30:00+08:00'],
      ]),
    ).toEqual([{ to: 'staff:bdc-li', kind: 'reminder', title: '答复时限已过半', body: 'SF-20261123-0001：请于 11月25日 17:30 前办理' }])
  })

  it("go to the window's leads while nobody has claimed the case", () => {
    const soon: EventBody = { type: 'reminded', payload: { clockKind: 'reply', level: 'soon' } }
    const n = last('consult', [[sweep, soon, '2026-11-25T15:30:00+08:00']])
    expect(to(n)).toEqual(['staff:bdc-lead'])
    expect(n[0]!.title).toBe('答复时限即将到期')
  })
})

describe('a breach (000 §6)', () => {
  const breach: EventBody = { type: 'clockBreached', payload: { clockKind: 'reply', staffId: 'bdc-li', windowId: 'bdc' } }

  it('tells the handler, the window lead and the hall office, and apologises to the citizen, naming the supervision', () => {
    const n = last('consult', [
      [li, claim],
      [sweep, breach, '2026-11-25T17:30:00+08:00'],
    ])
    expect(to(n)).toEqual(['staff:bdc-li', 'staff:bdc-lead', 'staff:office-xu', 'citizen:wx:citizen-zhang'])
    expect(n.filter((x) => x.to.startsWith('staff')).every((x) => x.kind === 'breach' && x.body === 'SF-20261123-0001：答复时限已超过，已列入督办')).toBe(true)
    expect(n.at(-1)!.title).toBe('办理超时，深表歉意')
    expect(n.at(-1)!.body).toContain('窗口负责人和政务服务科已督办')
  })

  it('tells a lead who is also the handler once', () => {
    const taken: EventBody = { type: 'takenOver', payload: { staffId: 'bdc-lead', reason: '群众反映多次', previousId: 'bdc-li' } }
    const n = last('consult', [
      [li, claim],
      [lead, taken],
      [sweep, breach, '2026-11-25T17:30:00+08:00'],
    ])
    expect(to(n)).toEqual(['staff:bdc-lead', 'staff:office-xu', 'citizen:wx:citizen-zhang'])
  })
})

describe('urges', () => {
  it("a citizen's urge goes to whoever answers for the case now", () => {
    const urge: EventBody = { type: 'urged', payload: { note: '麻烦快一点', targetWindowId: undefined } }
    expect(
      last('consult', [
        [li, claim],
        [citizen, urge],
      ]),
    ).toEqual([{ to: 'staff:bdc-li', kind: 'urge', title: '市民催办', body: 'SF-20261123-0001：麻烦快一点' }])
  })

  it("the lead window urging a co-window reaches that window's leads (002 首问（办）负责 §4(2)), by the urger's name", () => {
    const joint: EventBody = { type: 'jointReported', payload: { coWindowIds: ['gjj'], note: '需公积金窗口共同办理' } }
    const plan: EventBody = { type: 'jointPlanRecorded', payload: { plan: '公积金窗口出具缴存证明', coWindowIds: ['gjj'] } }
    const urge: EventBody = { type: 'urged', payload: { note: '', targetWindowId: 'gjj' } }
    const n = last('application', [
      [li, claim],
      [li, joint],
      [lead, plan],
      [lead, urge],
    ])
    expect(to(n)).toEqual(['staff:gjj-lead', 'staff:gjj-lead2'])
    expect(n[0]!.title).toBe('周建国催办')
  })

  it('nobody is told of their own step', () => {
    const urge: EventBody = { type: 'urged', payload: { note: '', targetWindowId: undefined } }
    expect(
      last('consult', [
        [li, claim],
        [li, urge],
      ]),
    ).toEqual([])
  })
})

describe('what the citizen waits for', () => {
  it('a reply comes with the invitation to rate the service', () => {
    expect(
      last('consult', [
        [li, claim],
        [li, reply],
      ]),
    ).toEqual([{ to: 'citizen:wx:citizen-zhang', kind: 'progress', title: '您的咨询已答复', body: 'SF-20261123-0001：请查看答复内容，并对本次服务作出评价' }])
  })

  it('a one-time supplement notice says how many materials (000 §4.1, 附件1)', () => {
    const notice: EventBody = { type: 'supplementNoticeIssued', payload: { noticeNo: 'BJ-1', items: ['身份证复印件', '婚姻状况证明'] } }
    expect(
      last('application', [
        [li, claim],
        [li, notice],
      ])[0]!.body,
    ).toBe('SF-20261123-0001：需补正 2 项材料，备齐后请告诉我们')
  })

  it('an extension says by how long and why (004 限时办结 §5)', () => {
    // the fixture runs under 000, which extends nothing: the notice is built from the event alone
    const { state } = fold('application', [[li, claim]])
    const extended = {
      type: 'extended',
      payload: { clockKind: 'promised', days: 2, reason: '需现场核查' },
      caseId: state.id,
      seq: state.version + 1,
      at: state.updatedAt,
      actor: lead,
    } as CaseEvent
    expect(notificationsFor([extended], state, people)[0]!.body).toBe('SF-20261123-0001：延长 2 个工作日，原因：需现场核查')
  })
})

describe('tasks for staff', () => {
  it('a handover slip goes to its receiver (000 §5.1, 附件2); a takeover tells the one who held the case', () => {
    const handover: EventBody = { type: 'handoverCreated', payload: { slipNo: 'JJ-1', toStaffId: 'bdc-wang', reason: '李晓梅外出培训', remarks: '' } }
    expect(
      last('consult', [
        [li, claim],
        [li, handover],
      ]),
    ).toEqual([{ to: 'staff:bdc-wang', kind: 'task', title: '有交接单待您阅知', body: 'SF-20261123-0001：李晓梅外出培训' }])
    const taken: EventBody = { type: 'takenOver', payload: { staffId: 'bdc-lead', reason: '情况复杂', previousId: 'bdc-li' } }
    expect(
      to(
        last('consult', [
          [li, claim],
          [lead, taken],
        ]),
      ),
    ).toEqual(['staff:bdc-li'])
    // taking over a case nobody held tells nobody
    const fresh: EventBody = { type: 'takenOver', payload: { staffId: 'bdc-lead', reason: '情况复杂', previousId: null } }
    expect(last('consult', [[lead, fresh]])).toEqual([])
  })

  it('a promised acceptance tells the citizen the limit, and why when it is not the published one', () => {
    const accepted: EventBody = { type: 'accepted', payload: { mode: 'promised', limitDays: 8, limitReason: '需实地查勘' } }
    expect(
      last('application', [
        [li, claim],
        [li, accepted],
      ]),
    ).toEqual([
      {
        to: 'citizen:wx:citizen-zhang',
        kind: 'progress',
        title: '您的申请已受理',
        body: 'SF-20261123-0001：承诺 8 个工作日内办结；与事项清单公布的时限不同，理由：需实地查勘',
      },
    ])
  })

  it('an assignment tells the assignee', () => {
    expect(to(last('consult', [[lead, { type: 'assigned', payload: { staffId: 'bdc-wang' } }]]))).toEqual(['staff:bdc-wang'])
  })

  it('a takeover or an assignment that withdraws a waiting slip tells its receiver (000 §5.1)', () => {
    const handover: EventBody = { type: 'handoverCreated', payload: { slipNo: 'JJ-1', toStaffId: 'bdc-wang', reason: '李晓梅外出培训', remarks: '' } }
    const taken: EventBody = { type: 'takenOver', payload: { staffId: 'bdc-lead', reason: '情况复杂', previousId: 'bdc-li' } }
    expect(
      last('consult', [
        [li, claim],
        [li, handover],
        [lead, taken],
      ]),
    ).toEqual([
      { to: 'staff:bdc-li', kind: 'task', title: '案件已由窗口负责人接手', body: 'SF-20261123-0001：情况复杂' },
      { to: 'staff:bdc-wang', kind: 'task', title: '交接单已撤回', body: 'SF-20261123-0001：窗口负责人已接手本案，交接单 JJ-1 已撤回，您无需再阅知' },
    ])
    expect(
      to(
        last('consult', [
          [li, claim],
          [li, handover],
          [lead, { type: 'assigned', payload: { staffId: 'bdc-zhao' } }],
        ]),
      ),
    ).toEqual(['staff:bdc-zhao', 'staff:bdc-wang'])
    // assigned to the slip's receiver: the assignment is all they need to hear
    expect(
      to(
        last('consult', [
          [li, claim],
          [li, handover],
          [lead, { type: 'assigned', payload: { staffId: 'bdc-wang' } }],
        ]),
      ),
    ).toEqual(['staff:bdc-wang'])
  })

  it('a bad rating goes to the window lead for rectification; a good one to nobody', () => {
    const bad: EventBody = { type: 'rated', payload: { level: 2, tags: ['attitude'], text: '窗口人员态度冷淡', staffId: 'bdc-li', windowId: 'bdc' } }
    expect(
      last('consult', [
        [li, claim],
        [li, reply],
        [citizen, bad],
      ]),
    ).toEqual([{ to: 'staff:bdc-lead', kind: 'task', title: '差评待核查整改', body: 'SF-20261123-0001：窗口人员态度冷淡' }])
    const good: EventBody = { type: 'rated', payload: { level: 5, tags: [], text: '', staffId: 'bdc-li', windowId: 'bdc' } }
    expect(
      last('consult', [
        [li, claim],
        [li, reply],
        [citizen, good],
      ]),
    ).toEqual([])
  })

  it('a window without leads leaves nobody to tell, and no notice is addressed to no one', () => {
    const none: People = { leadsOf: () => [], office: [] }
    const half: EventBody = { type: 'reminded', payload: { clockKind: 'reply', level: 'half' } }
    expect(last('consult', [[sweep, half, '2026-11-24T14:30:00+08:00']], none)).toEqual([])
  })
})

describe('keys', () => {
  it('are one per event and recipient, so writing the same notices again adds none', () => {
    const { state, events } = fold('consult', [
      [li, claim],
      [li, reply],
      [office, { type: 'urged', payload: { note: '', targetWindowId: undefined } }],
    ])
    const n = notificationsFor(events, state, people)
    expect(n.map((x) => x.key)).toEqual(['c_aaaaaaaaaaaaaaaa:3:citizen:wx:citizen-zhang', 'c_aaaaaaaaaaaaaaaa:4:staff:bdc-li'])
    expect(n.map((x) => [x.hallId, x.caseNo, x.at])).toEqual([
      ['demo', 'SF-20261123-0001', events[2]!.at],
      ['demo', 'SF-20261123-0001', events[3]!.at],
    ])
    expect(notificationsFor([...events, ...events], state, people)).toEqual(n)
  })
})
