// The built `sweep` cloud function with wx-server-sdk replaced by the database stand-in: a consult
// submitted through the built `api` function, the citizen allows one subscribe message, the timer
// runs past the due time — the breach is recorded once and one message goes out, within the grant.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { seedDemoHall } from '../../src/server/demoHall'
import { createCloudbaseStore } from '../../src/server/store/cloudbase'
import { FakeCloudDb } from '../support/fakeCloudDb'

const root = join(__dirname, '../..')
const db = new FakeCloudDb()
const sent: Array<{ touser: string; templateId: string; page: string }> = []
let failSends = 0
/** the caller's OPENID: the mini-program's user for `api`, none for the timer that runs `sweep` */
let openid: string | undefined = 'o-citizen-9'

jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('current env'),
  init: jest.fn(),
  database: () => db,
  getWXContext: () => ({ OPENID: openid, APPID: 'wx-test' }),
  openapi: {
    subscribeMessage: {
      send: async (m: { touser: string; templateId: string; page: string }) => {
        if (failSends-- > 0) throw new Error('errCode: -1 system error')
        sent.push(m)
        return { errCode: 0 }
      },
    },
  },
}))

type Main = (event?: Record<string, unknown>) => Promise<any>
let callApi: Main
let runSweep: Main
const api: Main = (event) => {
  openid = 'o-citizen-9'
  return callApi(event)
}
const sweep: Main = () => {
  openid = undefined
  return runSweep()
}

beforeAll(async () => {
  process.env.WX_TEMPLATE_CITIZEN = 'tmpl-citizen'
  for (const name of ['api', 'sweep']) {
    if (!existsSync(join(root, `cloudfunctions/${name}/index.js`))) execFileSync(process.execPath, [join(root, 'scripts/build-functions.mjs')])
  }
  callApi = require(join(root, 'cloudfunctions/api/index.js')).main
  runSweep = require(join(root, 'cloudfunctions/sweep/index.js')).main
  await createCloudbaseStore(db).migrate()
  await seedDemoHall(createCloudbaseStore(db))
  // the stand-in's calls stay real asynchronous; only the clock moves
  jest.useFakeTimers({
    doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask'],
    now: new Date('2026-09-30T15:00:00+08:00'),
  })
})
afterAll(() => jest.useRealTimers())

it('records the breach once and sends one subscribe message per grant, retrying a failed send', async () => {
  const submitted = await api({
    action: 'submitCase',
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'consult',
    contact: { name: '张三', phone: '13912345678' },
    text: '请问不动产证遗失怎么补办？',
    requestId: 'cloud-sweep-0001',
  })
  expect(submitted.ok).toBe(true)
  const inbox = await api({ action: 'inbox' })
  expect(inbox.data.template).toBe('tmpl-citizen')
  expect((await api({ action: 'subscribeGranted', templateIds: ['tmpl-citizen', 'not-ours'] })).data).toEqual({ recorded: 1 })

  jest.setSystemTime(new Date('2026-10-09T17:40:00+08:00'))
  failSends = 1
  const first = await sweep()
  expect(first.sweep).toMatchObject({ breaches: 1 })
  expect(first.delivery).toMatchObject({ retried: 1 })
  expect(sent).toHaveLength(0)

  jest.setSystemTime(new Date('2026-10-09T17:50:00+08:00'))
  const second = await sweep()
  expect(second.sweep).toMatchObject({ breaches: 0 })
  expect(second.delivery).toMatchObject({ sent: 1 })
  expect(sent).toEqual([expect.objectContaining({ touser: 'o-citizen-9', templateId: 'tmpl-citizen', page: `pages/case/index?id=${submitted.data.caseId}` })])

  // the grant is used up: a later notice stays in the inbox only
  const view = await api({ action: 'inbox' })
  expect(view.data.items.map((n: { title: string }) => n.title)).toEqual(['办理超时，深表歉意'])
  expect(view.data.unread).toBe(1)
})

it('refuses a call from the mini-program: only the timer runs the sweep', async () => {
  openid = 'o-citizen-9'
  expect(await runSweep({})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '巡检只由定时触发器运行' } })
})
