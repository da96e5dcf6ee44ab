/**
 * @jest-environment jsdom
 */
// The built registration page (登记来访来电) in miniprogram-simulate: a clerk types in a walk-in consult,
// the page sends it with the colleague who answered together, and shows the number and query code to
// give the citizen with the slip.
import { answer, calls, fire, renderPage, textOf } from './harness'

it('registers a walk-in consult with the colleague present and shows the slip’s number and code', async () => {
  answer({
    session: () => ({
      ok: true,
      data: {
        citizenId: null,
        demo: false,
        staff: { id: 'bdc-li', name: '李晓梅', title: '科员', role: 'staff', hallId: 'demo', windowId: 'bdc', windowName: '不动产登记窗口' },
      },
    }),
    registerOptions: () => ({
      ok: true,
      data: {
        windows: [{ id: 'bdc', name: '不动产登记窗口' }],
        matters: [{ id: 'bdc-gh', name: '二手房转移登记', window: '不动产登记窗口', initials: 'esfzydj', keywords: ['过户'] }],
        colleagues: [{ id: 'bdc-lead', name: '周建国', title: '窗口负责人', window: '不动产登记窗口' }],
      },
    }),
    registerCase: () => ({
      ok: true,
      data: {
        caseId: 'c_aaaaaaaaaaaaaaaa',
        no: 'SF-20261123-0007',
        status: 'inProgress',
        firstResponderId: 'bdc-lead',
        firstResponderName: '周建国',
        queryCode: '482913',
        slipPath: '/pages/case/index?scene=n%3DSF-20261123-0007%26q%3D482913',
        texted: false,
      },
    }),
  })
  const comp = await renderPage('staff/register/index', {})
  expect(textOf(comp)).toContain('一同接待的同事')
  await fire(comp, 'field__input', 'input', { value: '张三' })
  await fire(comp, 'field__textarea', 'input', { value: '请问二手房过户需要带哪些材料？' })
  await fire(comp, 'chip', 'tap') // 周建国 answered together
  await fire(comp, 'btn--primary', 'tap')
  const sent = calls.filter((c) => c.action === 'registerCase').pop()?.input
  expect(sent).toMatchObject({ hallId: 'demo', channel: 'counter', kind: 'consult', text: '请问二手房过户需要带哪些材料？', present: ['bdc-lead'] })
  const text = textOf(comp)
  expect(text).toContain('SF-20261123-0007')
  expect(text).toContain('482913')
  expect(text).toContain('首问负责人：周建国')
  expect(text).toContain('出示 / 打印回执')
})
