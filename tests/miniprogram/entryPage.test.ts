/**
 * @jest-environment jsdom
 */
// The built entry page, rendered in miniprogram-simulate.
import { answer, calls, renderPage, textIn, textOf } from './harness'
import { bdc, hall } from './fixtures'

it('the entry page shows the hall, the window and its business scope from the QR scene', async () => {
  answer({
    entry: () => ({ ok: true, data: { hall, window: bdc, windows: [bdc], matters: [], subscribeTemplate: null, limits: { reply: 3, complaint: 15 } } }),
  })
  const page = await renderPage('pages/entry/index', { scene: encodeURIComponent('h=demo&w=bdc') })
  const text = textOf(page)
  expect(textIn(page, 'hero__hall')).toBe('示范市政务服务中心')
  expect(textIn(page, 'hero__window')).toBe('不动产登记窗口A01')
  expect(calls.find((c) => c.action === 'entry')?.input).toEqual({ scene: 'h=demo&w=bdc' })
  expect(text).toContain('示范市政务服务中心')
  expect(text).toContain('不动产登记窗口')
  expect(text).toContain('业务范围：不动产首次登记、转移登记、抵押登记')
  expect(text).toContain('提交咨询')
  // the promise follows the hall's policy (a hall under 003-style rules may promise 3 working days)
  expect(textIn(page, 'hero__promise')).toContain('当场不能答复的，3 个工作日内答复您')
})
