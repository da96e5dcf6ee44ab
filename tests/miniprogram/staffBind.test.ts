/**
 * @jest-environment jsdom
 */
// The built staff sign-in page in the mini-program: the invite code binds the WeChat account; a
// refused code shows why and the page stays.
import { answer, calls, fire, renderPage, textIn, textOf, toasts, visited } from './harness'

it('binds with the invite code typed in, and shows the reason when a code is refused', async () => {
  const bindAnswers = [
    { ok: false, error: { code: 'CONFLICT', message: '邀请码已过期，请向政务服务科重新申请', details: { field: 'code' } } },
    { ok: true, data: { citizenId: 'wx:o1', staff: { id: 'bdc-li', name: '李晓梅' }, demo: false } },
  ]
  answer({
    session: () => ({ ok: true, data: { citizenId: 'wx:o1', staff: null, demo: false } }),
    bindInvite: () => bindAnswers.shift(),
  })
  const comp = await renderPage('staff/login/index', {})
  expect(textOf(comp)).toContain('请输入政务服务科发放的 8 位邀请码')
  expect(textOf(comp)).not.toContain('密码')

  await fire(comp, 'field__input--code', 'input', { value: 'k7pd-3xqm' })
  await fire(comp, 'btn--primary', 'tap')
  expect(calls.filter((c) => c.action === 'bindInvite').map((c) => c.input)).toEqual([{ code: 'K7PD-3XQM' }])
  expect(textIn(comp, 'field__error')).toBe('邀请码已过期，请向政务服务科重新申请')
  expect(visited).toEqual([])

  await fire(comp, 'btn--primary', 'tap')
  expect(toasts).toEqual(['已绑定：李晓梅'])
  expect(visited).toEqual(['/staff/queue/index'])
})
