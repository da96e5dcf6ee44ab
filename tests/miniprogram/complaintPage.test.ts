/**
 * @jest-environment jsdom
 */
// The built complaint page in the mini-program: the answer, the reopened case, and the citizen's
// rating of how the complaint was handled.
import type { ComplaintView } from '../../src/core/views'
import { answer, calls, modalAnswer, modals, fire, renderPage, textOf } from './harness'

const complaint = (over: Partial<ComplaintView> = {}): ComplaintView => ({
  id: 'k_aaaaaaaaaaaaaaaa',
  no: 'SF-TS-2026-0001',
  status: 'answered',
  statusLabel: '已答复',
  topic: '推诿扯皮',
  about: '案件 SF-20261123-0001',
  caseId: 'c_aaaaaaaaaaaaaaaa',
  text: '工作人员让我去别的窗口问。',
  contact: { name: '张三', phone: '13912345678' },
  attachments: [],
  filedAt: '2026-11-23T10:00:00+08:00',
  dueAt: '2026-12-14T17:30:00+08:00',
  countdown: '已完成',
  overdue: false,
  extension: null,
  finding: '投诉属实',
  answer: '经调查核实，工作人员存在推诿情况，已批评教育并重新为您办理。',
  answeredAt: '2026-11-25T14:00:00+08:00',
  reopenedCase: true,
  satisfaction: null,
  steps: [
    { at: '2026-11-23T10:00:00+08:00', text: '推诿扯皮：工作人员让我去别的窗口问。' },
    { at: '2026-11-25T14:00:00+08:00', text: '投诉属实。经调查核实，工作人员存在推诿情况。' },
  ],
  concerns: null,
  staffChoices: [],
  intake: null,
  can: { extend: false, answer: false, rate: true },
  ...over,
})

it('shows the finding and the reopened case, and sends the rating of the handling', async () => {
  answer({
    getComplaint: () => ({ ok: true, data: complaint() }),
    rateComplaint: (input) => ({
      ok: true,
      data: complaint({
        satisfaction: { level: Number(input.level), label: '非常满意', text: '', at: '2026-11-26T09:00:00+08:00' },
        can: { extend: false, answer: false, rate: false },
      }),
    }),
  })
  const comp = await renderPage('pages/complaint/index', { id: 'k_aaaaaaaaaaaaaaaa' })
  const text = textOf(comp)
  expect(text).toContain('SF-TS-2026-0001')
  expect(text).toContain('投诉属实')
  expect(text).toContain('相关案件已重新办理')
  expect(text).toContain('请评价投诉的处理情况')

  // the first level is 非常满意 (5)
  await fire(comp, 'rating__level', 'tap')
  // a rating is given once: the first tap asks, and a 再想想 sends nothing
  modalAnswer.confirm = false
  await fire(comp, 'btn--primary', 'tap')
  expect(modals).toEqual(['确认提交评价'])
  expect(calls.filter((c) => c.action === 'rateComplaint')).toEqual([])
  modalAnswer.confirm = true
  await fire(comp, 'btn--primary', 'tap')
  expect(calls.filter((c) => c.action === 'rateComplaint').map((c) => c.input)).toEqual([{ complaintId: 'k_aaaaaaaaaaaaaaaa', level: 5, text: '' }])
  expect(textOf(comp)).toContain('您对处理情况的评价：非常满意')
  expect(textOf(comp)).not.toContain('请评价投诉的处理情况')
})
