/**
 * @jest-environment jsdom
 */
// The built 运行看板 in the mini-program: the numbers, the overdue list with who is responsible, and
// the hall office narrowing to one window.
import type { DashboardView } from '../../src/core/views'
import { answer, calls, fire, renderPage, textOf, visited } from './harness'

const zero = { overdue: 0, dueToday: 0, onTime: 0, waiting: 0 }
const view = (windowId: string | null): DashboardView => ({
  scope: windowId ? '不动产登记窗口' : '示范市政务服务中心',
  windowId,
  windowChoices: [
    { id: 'bdc', name: '不动产登记窗口' },
    { id: 'sb', name: '社会保险窗口' },
  ],
  at: '2026-11-25T10:00:00+08:00',
  states: [
    { key: 'overdue', label: '已超时' },
    { key: 'dueToday', label: '今日到期' },
    { key: 'onTime', label: '时限内' },
    { key: 'waiting', label: '暂停或待结案' },
  ],
  open: {
    total: 3,
    byState: { ...zero, overdue: 1, onTime: 2 },
    windows: [{ windowId: 'bdc', name: '不动产登记窗口', number: 'A01', byState: { ...zero, overdue: 1, onTime: 1 }, total: 2 }],
  },
  overdueCount: 1,
  overdue: [
    {
      id: 'c_aaaaaaaaaaaaaaaa',
      no: 'SF-20261118-0003',
      kind: 'consult',
      status: 'inProgress',
      statusLabel: '办理中',
      windowName: '不动产登记窗口',
      contactName: '张三',
      text: '不动产证遗失了怎么补办？',
      submittedAt: '2026-11-16T10:00:00+08:00',
      responderName: '李晓梅',
      nextDueAt: '2026-11-18T17:30:00+08:00',
      dueText: null,
      clockLabel: '答复时限',
      dueAt: '2026-11-18T17:30:00+08:00',
      overdueText: '已超时 5 个工作日',
    },
  ],
  weeks: [{ week: '2026-11-23', submitted: 3, closed: 1, repliedOnTime: 3, repliedLate: 1, ratings: { '1': 0, '2': 1, '3': 0, '4': 1, '5': 2 } }],
  channels: [{ id: 'app', label: '扫码提交', open: 2, received: 3 }],
  faqs: { published: 0, resolved: 0 },
  replies: { onTime: 3, late: 1, share: 0.75 },
  ratings: { counts: { '1': 0, '2': 1, '3': 0, '4': 1, '5': 2 }, total: 4, goodShare: 0.75 },
})

it('shows the open cases, the overdue list and the trend, and narrows to one window', async () => {
  answer({ dashboard: (input) => ({ ok: true, data: view((input.windowId as string | undefined) ?? null) }) })
  const comp = await renderPage('staff/dashboard/index', {})
  const text = textOf(comp)
  expect(text).toContain('未结案件')
  expect(text).toContain('75%')
  expect(text).toContain('SF-20261118-0003')
  expect(text).toContain('已超时 5 个工作日')
  expect(text).toContain('负责人 李晓梅')
  expect(text).toContain('按时 3 · 超时 1')

  await fire(comp, 'dashboard__overdue-open', 'tap')
  expect(visited).toContain('/staff/case/index?id=c_aaaaaaaaaaaaaaaa')
  // the second chip is the first window
  const chips = calls.filter((c) => c.action === 'dashboard').length
  await fire(comp, 'dashboard__window', 'tap')
  expect(
    calls
      .filter((c) => c.action === 'dashboard')
      .slice(chips)
      .map((c) => c.input),
  ).toEqual([{ windowId: 'bdc' }])
  expect(textOf(comp)).toContain('不动产登记窗口 · 统计至')
})
