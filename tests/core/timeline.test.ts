// Every step of a case in plain Chinese: who did it and what happened, for the citizen's and the
// staff's timeline.
import type { CaseEvent, EventBody } from '../../src/core/events'
import { describeEvent, describeWho, type Names } from '../../src/core/timeline'
import { citizen, fold, lead, li, office, sweep } from './caseFixture'

const names: Names = {
  staff: (id) => ({ 'bdc-li': '李晓梅', 'bdc-wang': '王磊', 'bdc-lead': '周建国' })[id] ?? id,
  window: (id) => ({ bdc: '不动产登记窗口', gjj: '住房公积金窗口', sb: '社会保险窗口' })[id] ?? id,
}
const event = (actor: CaseEvent['actor'], body: EventBody): CaseEvent =>
  ({ ...body, caseId: 'c_aaaaaaaaaaaaaaaa', seq: 2, at: '2026-11-23T11:00:00+08:00', actor }) as CaseEvent
const say = (actor: CaseEvent['actor'], body: EventBody) => describeEvent(event(actor, body), names)

describe('describeWho', () => {
  it('the citizen, the system, and staff with their window (or the hall office)', () => {
    const body: EventBody = { type: 'urged', payload: { note: '', targetWindowId: undefined } }
    expect(describeWho(event(citizen, body), names)).toBe('市民')
    expect(describeWho(event(sweep, body), names)).toBe('系统')
    expect(describeWho(event(li, body), names)).toBe('李晓梅（不动产登记窗口）')
    expect(describeWho(event(office, body), names)).toBe('徐文（政务服务科）')
    expect(describeWho(event({ kind: 'staff', id: 'hall-lead', name: '周建国', role: 'lead', windowId: null }, body), names)).toBe('周建国')
  })
})

describe('describeEvent', () => {
  it('a claim says who became first responder (000 §1)', () => {
    expect(say(li, { type: 'claimed', payload: { staffId: 'bdc-li' } })).toBe('已接待，成为首问负责人')
    expect(say(lead, { type: 'claimed', payload: { staffId: 'bdc-wang' } })).toBe('王磊 接待，成为首问负责人')
  })

  it('a reply says whether it was on the spot or a timed reply (000 §4.2)', () => {
    expect(say(li, { type: 'replied', payload: { text: '需要身份证。', mode: 'onTheSpot' } })).toBe('当场答复：需要身份证。')
    expect(say(li, { type: 'replied', payload: { text: '需要身份证。', mode: 'timed' } })).toBe('限时答复：需要身份证。')
  })

  it('an acceptance names an instant case or the promised limit', () => {
    expect(say(li, { type: 'accepted', payload: { mode: 'instant' } })).toBe('已受理（即办件）')
    expect(say(li, { type: 'accepted', payload: { mode: 'promised', limitDays: 5 } })).toBe('已受理（承诺件，5个工作日内办结）')
  })

  it('a refusal carries its reason and legal basis (000 §4.1)', () => {
    expect(say(li, { type: 'refused', payload: { reason: '不属于登记范围', legalBasis: '《不动产登记暂行条例》第二十二条' } })).toBe(
      '不予办理。理由：不属于登记范围；依据：《不动产登记暂行条例》第二十二条',
    )
  })

  it('a matter outside the hall: a consult is explained, a written application goes to the department (000 §5.4)', () => {
    expect(say(li, { type: 'outsideHall', payload: { mode: 'consult', explanation: '请到区法院咨询', department: '' } })).toBe(
      '不属于本大厅职责范围：请到区法院咨询',
    )
    expect(say(li, { type: 'outsideHall', payload: { mode: 'written', explanation: '', department: '' } })).toBe('书面申请已转政务服务科，将移交主管部门')
    expect(say(li, { type: 'outsideHall', payload: { mode: 'written', explanation: '', department: '市自然资源局' } })).toBe(
      '书面申请已转政务服务科，将移交市自然资源局',
    )
    expect(say(office, { type: 'outsideForwarded', payload: { department: '市自然资源局', date: '2026-11-24', documentNo: '铜数综〔2026〕12号' } })).toBe(
      '已移交 市自然资源局（2026-11-24，文号 铜数综〔2026〕12号）',
    )
  })

  it('joint handling and urges name the windows (000 §5.2)', () => {
    expect(say(li, { type: 'jointReported', payload: { coWindowIds: ['gjj', 'sb'], note: '' } })).toBe(
      '需与 住房公积金窗口、社会保险窗口 共同办理，已报告窗口负责人',
    )
    expect(say(lead, { type: 'urged', payload: { note: '', targetWindowId: 'gjj' } })).toBe('催办 住房公积金窗口')
    expect(say(citizen, { type: 'urged', payload: { note: '', targetWindowId: undefined } })).toBe('催办')
  })

  it("the sweep's reminders and breaches name the clock", () => {
    expect(say(sweep, { type: 'reminded', payload: { clockKind: 'reply', level: 'half' } })).toBe('系统提醒承办人：答复时限已过半')
    expect(say(sweep, { type: 'reminded', payload: { clockKind: 'promised', level: 'soon' } })).toBe('系统提醒承办人：承诺办结时限即将到期')
    expect(say(sweep, { type: 'clockBreached', payload: { clockKind: 'reply' } })).toBe('答复时限已超过，已报窗口负责人和政务服务科督办')
  })

  it("a rating shows its level, the reasons of a bad one and the citizen's words (GB/T 39735)", () => {
    expect(say(citizen, { type: 'rated', payload: { level: 5, tags: [], text: '', staffId: 'bdc-li', windowId: 'bdc' } })).toBe('评价：非常满意')
    expect(
      say(citizen, { type: 'rated', payload: { level: 1, tags: ['attitude', 'buckPassing'], text: '让我去别处问', staffId: 'bdc-li', windowId: 'bdc' } }),
    ).toBe('评价：非常不满意（态度、推诿）：让我去别处问')
    expect(say(lead, { type: 'rectified', payload: { finding: 'verified', measures: '已批评教育并组织培训。' } })).toBe(
      '窗口负责人核查整改：情况属实。已批评教育并组织培训。',
    )
    expect(say(lead, { type: 'followedUp', payload: { result: '已电话回访', satisfied: false } })).toBe('回访：已电话回访（市民仍不满意）')
  })

  it('closing says its note when there is one', () => {
    expect(say(li, { type: 'closed', payload: { note: '' } })).toBe('已结案')
    expect(say(li, { type: 'closed', payload: { note: '市民已取件' } })).toBe('已结案：市民已取件')
  })

  it('a whole case reads without a missing name or value', () => {
    const steps: Array<[CaseEvent['actor'], EventBody]> = [
      [li, { type: 'claimed', payload: { staffId: 'bdc-li' } }],
      [li, { type: 'supplementNoticeIssued', payload: { noticeNo: 'BJ-20261123-0001', items: ['身份证复印件'] } }],
      [citizen, { type: 'materialsCompleted', payload: { note: '' } }],
      [li, { type: 'accepted', payload: { mode: 'promised', limitDays: 5 } }],
      [li, { type: 'handoverCreated', payload: { slipNo: 'JJ-20261123-0001', toStaffId: 'bdc-wang', reason: '外出培训', remarks: '' } }],
      [
        { kind: 'staff', id: 'bdc-wang', name: '王磊', role: 'staff', windowId: 'bdc' },
        { type: 'handoverAcknowledged', payload: { slipNo: 'JJ-20261123-0001' } },
      ],
      [
        { kind: 'staff', id: 'bdc-wang', name: '王磊', role: 'staff', windowId: 'bdc' },
        { type: 'completed', payload: { result: '已办结，证书已寄出' } },
      ],
    ]
    const { events } = fold('application', steps)
    const lines = events.map((e) => describeEvent(e, names))
    expect(lines[0]).toBe('提交了办事申请，已送达不动产登记窗口')
    expect(lines).toContain('移交本窗口 王磊 承办（交接单 JJ-20261123-0001）')
    for (const line of lines) expect(line).not.toMatch(/undefined|null|\[object/)
  })
})
