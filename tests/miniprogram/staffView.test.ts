/**
 * @jest-environment jsdom
 */
// Every staff page loads its view the same way (src/app/lib/useStaffView.ts): a gone session sends the
// staff member to sign in, any other refusal is shown where the page would be.
import { answer, calls, renderPage, textOf, visited } from './harness'

beforeEach(() => {
  calls.length = 0
  visited.length = 0
})

it.each([
  ['staff/assessment/index', 'assessment'],
  ['staff/complaints/index', 'complaintDesk'],
  ['staff/ledger/index', 'ledger'],
])('%s sends a signed-out staff member to the sign-in page', async (page, action) => {
  answer({
    [action]: () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }),
    session: () => ({ ok: true, data: { citizenId: 'wx:o1', staff: null, demo: false } }),
  })
  const comp = await renderPage(page, {})
  expect(calls.map((c) => c.action)).toContain(action)
  // the sign-in page says the session ended and comes back to this page
  expect(visited).toEqual([`/staff/login/index?expired=1&back=${encodeURIComponent(`/${page}`)}`])
  expect(textOf(comp)).not.toContain('请先登录')
})

it('shows any other refusal where the page would be, and stays', async () => {
  // (a page renders once per file in the simulator: this one is not among those above)
  answer({ hallSettings: () => ({ ok: false, error: { code: 'FORBIDDEN', message: '大厅设置仅限政务服务科修改' } }) })
  const comp = await renderPage('staff/hall/index', {})
  expect(calls.map((c) => c.action)).toEqual(['hallSettings'])
  expect(textOf(comp)).toContain('无法加载')
  expect(textOf(comp)).toContain('大厅设置仅限政务服务科修改')
  expect(visited).toEqual([])
})
