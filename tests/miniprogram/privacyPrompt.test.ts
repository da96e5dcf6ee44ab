/**
 * @jest-environment jsdom
 */
// The privacy guide (用户隐私保护指引) in the built mini-program: when WeChat asks for the user's
// agreement before the first photo, the entry page shows what the photos are for, the guide, and the
// two answers; the answer goes back to WeChat and the prompt closes.
import simulate from 'miniprogram-simulate'
import { answer, fire, privacy, renderPage, textOf } from './harness'
import { bdc, hall } from './fixtures'

it('asks for agreement before the first photo and answers WeChat with the user’s choice', async () => {
  answer({
    entry: () => ({ ok: true, data: { hall, window: bdc, windows: [bdc], matters: [], subscribeTemplate: null, limits: { reply: 2, complaint: 15 } } }),
  })
  const page = await renderPage('pages/entry/index', { scene: encodeURIComponent('h=demo&w=bdc') })
  expect(textOf(page)).not.toContain('隐私保护提示')
  expect(privacy.listener).not.toBeNull()

  const answers: unknown[] = []
  privacy.listener!((r) => answers.push(r))
  for (let i = 0; i < 10; i++) await simulate.sleep(20)
  const text = textOf(page)
  expect(text).toContain('隐私保护提示')
  expect(text).toContain('阅读《首问通隐私保护指引》')
  expect(text).toContain('同意并继续')

  await fire(page, 'privacy__disagree', 'tap')
  expect(answers).toEqual([{ event: 'disagree' }])
  expect(textOf(page)).not.toContain('隐私保护提示')
})
