/**
 * @jest-environment jsdom
 */
// The built entry page with an unknown QR code.
import { answer, renderPage, textOf } from './harness'
import { hall } from './fixtures'

it('an unknown code shows a clear message with the hall contact', async () => {
  answer({ entry: () => ({ ok: false, error: { code: 'NOT_FOUND', message: '二维码无效：这个窗口不存在或已停用', details: { hall } } }) })
  const text = textOf(await renderPage('pages/entry/index', { scene: 'h%3Ddemo%26w%3Dnosuch' }))
  expect(text).toContain('二维码无效')
  expect(text).toContain('0562-12345')
})
