// The WeChat content-safety check as the complaint handler uses it.
import { wechatContentCheck, type SecurityApi } from '../../src/server/contentCheck'

const sdk = (answer: () => Promise<{ errCode?: number; result?: { suggest?: string } }>): SecurityApi => ({
  openapi: { security: { msgSecCheck: answer } },
})
const logged: unknown[] = []
const log = (m: string) => logged.push(m)

it('keeps what passes or only needs review, refuses what the service calls risky', async () => {
  expect(
    await wechatContentCheck(
      sdk(async () => ({ errCode: 0, result: { suggest: 'pass' } })),
      log,
    )('正常的投诉内容', 'o1'),
  ).toBe(true)
  expect(
    await wechatContentCheck(
      sdk(async () => ({ errCode: 0, result: { suggest: 'review' } })),
      log,
    )('正常的投诉内容', 'o1'),
  ).toBe(true)
  expect(
    await wechatContentCheck(
      sdk(async () => ({ errCode: 0, result: { suggest: 'risky' } })),
      log,
    )('违规内容', 'o1'),
  ).toBe(false)
  expect(
    await wechatContentCheck(
      sdk(async () => ({ errCode: 87014 })),
      log,
    )('违规内容', 'o1'),
  ).toBe(false)
  expect(
    await wechatContentCheck(
      sdk(() => Promise.reject(Object.assign(new Error('risky'), { errCode: 87014 }))),
      log,
    )('违规内容', 'o1'),
  ).toBe(false)
})

it('an unavailable check keeps the text and says so in the log', async () => {
  logged.length = 0
  expect(
    await wechatContentCheck(
      sdk(() => Promise.reject(new Error('network'))),
      log,
    )('正常的投诉内容', undefined),
  ).toBe(true)
  expect(logged).toEqual(['msgSecCheck unavailable; the text was kept'])
})
