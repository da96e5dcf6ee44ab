// WeChat subscribe messages by configuration: each hall picks its own templates, whose keywords are
// named their own way; WeChat's permanent refusals end a message instead of being retried.
import type { Notification } from '../../src/core/notification'
import { deliverOutbox } from '../../src/server/notify/deliver'
import { notifyConfig, parseKeywords } from '../../src/server/notify/config'
import { messageData, wechatSender, type SubscribeMessage } from '../../src/server/notify/wechat'
import { createCloudbaseStore } from '../../src/server/store/cloudbase'
import type { Store } from '../../src/server/store/port'
import { FakeCloudDb } from '../support/fakeCloudDb'

const notice: Notification = {
  key: 'c_1:2:citizen:wx:o-1',
  hallId: 'demo',
  caseId: 'c_1',
  caseNo: 'DEMO-20261123-0007',
  recipient: { kind: 'citizen', id: 'wx:o-1' },
  kind: 'progress',
  title: '您的咨询已答复',
  body: 'DEMO-20261123-0007：请查看答复内容，并对本次服务作出评价，感谢您对我们工作的支持',
  at: '2026-11-23T10:05:00+08:00',
}

describe('the keyword map', () => {
  it('fills the keywords a template names, each in its kind’s format', () => {
    const data = messageData(notice, { character_string3: 'caseNo', phrase1: 'title', date2: 'at', thing5: 'body', time4: 'at' })
    expect(data).toEqual({
      character_string3: { value: 'DEMO-20261123-0007' },
      phrase1: { value: '您的咨询…' },
      date2: { value: '2026-11-23' },
      time4: { value: '2026-11-23 10:05' },
      thing5: { value: '请查看答复内容，并对本次服务作出评价，…' },
    })
    expect([...data.thing5!.value].length).toBeLessThanOrEqual(20)
  })

  it('reads the map from the environment and says what it cannot use', () => {
    expect(parseKeywords('character_string1=caseNo, thing2=title')).toEqual({ map: { character_string1: 'caseNo', thing2: 'title' } })
    expect(parseKeywords('keyword1=caseNo')).toEqual({ problem: expect.stringContaining('thing2') })
    expect(parseKeywords('thing2=phone')).toEqual({ problem: expect.stringContaining('caseNo') })
    const config = notifyConfig(
      {
        WX_TEMPLATE_CITIZEN: 't-c',
        WX_TEMPLATE_CITIZEN_KEYWORDS: 'thing1=title',
        WX_TEMPLATE_STAFF: 't-s',
        WX_TEMPLATE_STAFF_KEYWORDS: 'bad',
        WX_MINIPROGRAM_STATE: 'trial',
      },
      'cloud',
    )
    expect(config.templates).toMatchObject({ citizen: 't-c', keywords: { citizen: { thing1: 'title' } }, state: 'trial' })
    // a template that cannot be filled is not used at all, and the operator is told
    expect(config.templates.staff).toBeUndefined()
    expect(config.problems).toEqual([expect.stringContaining('WX_TEMPLATE_STAFF_KEYWORDS')])
  })
})

describe('sending', () => {
  let store: Store
  beforeEach(async () => {
    store = createCloudbaseStore(new FakeCloudDb())
    await store.migrate()
  })

  /** the citizen allowed one message of the template */
  const queue = () => store.addGrants('o-1', 't-c', 1)

  const senderWith = (send: (m: SubscribeMessage) => Promise<unknown>) =>
    wechatSender(store, { citizen: 't-c', keywords: { citizen: { thing1: 'title', time2: 'at' } }, state: 'trial' }, send)
  const item = { key: notice.key, channel: 'wechat' as const, notification: notice, attempts: 0, nextAttemptAt: notice.at }

  it('sends with the hall’s keywords and the configured version of the mini-program', async () => {
    await queue()
    const sent: SubscribeMessage[] = []
    expect(await senderWith(async (m) => sent.push(m))(item)).toBe('sent')
    expect(sent).toEqual([
      {
        touser: 'o-1',
        templateId: 't-c',
        page: 'pages/case/index?id=c_1',
        data: { thing1: { value: '您的咨询已答复' }, time2: { value: '2026-11-23 10:05' } },
        lang: 'zh_CN',
        miniprogramState: 'trial',
      },
    ])
  })

  it.each([
    [43101, false],
    [47003, true],
    [41030, true],
    [40037, true],
  ])('WeChat’s %i ends the message without a retry (grant given back: %s)', async (code, givenBack) => {
    await queue()
    const result = await senderWith(async () => {
      throw Object.assign(new Error(`errCode: ${code}`), { errCode: code })
    })(item)
    expect(result).toEqual({ failed: expect.stringContaining(String(code)) })
    expect(await store.takeGrant('o-1', 't-c')).toBe(givenBack)
  })

  it('a passing failure is retried and the grant is kept for it', async () => {
    await queue()
    await expect(senderWith(async () => Promise.reject(new Error('errCode: -1 system error')))(item)).rejects.toThrow('-1')
    expect(await store.takeGrant('o-1', 't-c')).toBe(true)
  })

  it('the outbox marks a permanent refusal failed at once, not after five retries', async () => {
    const failing = async () => ({ failed: '微信返回 47003' })
    // one claimed item; the store records what the outbox settles
    const report = await deliverOutbox(
      {
        ...store,
        claimOutbox: async () => [{ ...item, lease: 'l-1' }],
        settleOutbox: async (_i, outcome) => outcome.status === 'failed',
      } as Store,
      { wechat: failing },
      { now: new Date('2026-11-23T10:06:00+08:00') },
    )
    expect(report).toEqual({ sent: 0, skipped: 0, retried: 0, failed: 1 })
  })
})
