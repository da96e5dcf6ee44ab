/**
 * @jest-environment jsdom
 */
// The built entry page, rendered in miniprogram-simulate.
import { answer, calls, renderPage, textIn, textOf } from './harness'
import { bdc, hall } from './fixtures'

it('the entry page shows the hall, the window and its business scope from the QR scene', async () => {
  answer({ entry: () => ({ ok: true, data: { hall, window: bdc, windows: [bdc], matters: [], subscribeTemplate: null } }) })
  const page = await renderPage('pages/entry/index', { scene: encodeURIComponent('h=demo&w=bdc') })
  const text = textOf(page)
  expect(textIn(page, 'hero__hall')).toBe('示范市政务服务中心')
  expect(textIn(page, 'hero__window')).toBe('不动产登记窗口A01')
  expect(calls.find((c) => c.action === 'entry')?.input).toEqual({ scene: 'h=demo&w=bdc' })
  expect(text).toContain('示范市政务服务中心')
  expect(text).toContain('不动产登记窗口')
  expect(text).toContain('业务范围：不动产首次登记、转移登记、抵押登记')
  expect(text).toContain('提交咨询')
})
