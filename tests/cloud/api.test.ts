// The built `api` cloud function (cloudfunctions/api/index.js), with wx-server-sdk replaced by the
// in-memory database stand-in: identity comes from the cloud context, never from the payload.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { seedDemoHall } from '../../src/server/demoHall'
import { createCloudbaseStore } from '../../src/server/store/cloudbase'
import { FakeCloudDb } from '../support/fakeCloudDb'

const root = join(__dirname, '../..')
const bundle = join(root, 'cloudfunctions/api/index.js')
const db = new FakeCloudDb()
let openid = 'o-citizen-1'

jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('current env'),
  init: jest.fn(),
  database: () => db,
  getWXContext: () => ({ OPENID: openid, APPID: 'wx-test' }),
  // cloud storage links as the service gives them; a file named "broken" has none
  getTempFileURL: async ({ fileList }: { fileList: Array<{ fileID: string }> }) => ({
    fileList: fileList.map(({ fileID }) =>
      fileID.includes('broken')
        ? { fileID, tempFileURL: '', status: -1 }
        : { fileID, tempFileURL: `https://tmp.tcb.example/${fileID.split('/').pop()}?sign=1`, status: 0 },
    ),
  }),
}))

type Answer = { ok: boolean; data?: any; error?: { code: string } }
let main: (event: Record<string, unknown>) => Promise<Answer>

beforeAll(async () => {
  if (!existsSync(bundle)) execFileSync(process.execPath, [join(root, 'scripts/build-functions.mjs')])
  main = require(bundle).main
  await createCloudbaseStore(db).migrate()
  await seedDemoHall(createCloudbaseStore(db))
})

it('is a bundle that leaves wx-server-sdk to the cloud', () => {
  const text = require('node:fs').readFileSync(bundle, 'utf8') as string
  expect(text).toContain('require("wx-server-sdk")')
  expect(text).not.toContain('@electric-sql/pglite')
})

it('answers the QR entry and a whole consult from the citizen OPENID', async () => {
  const entry = await main({ action: 'entry', scene: 'h=demo&w=bdc', userInfo: { openId: 'x' } })
  expect(entry.ok).toBe(true)
  expect(entry.data.window.name).toBe('不动产登记窗口')

  const submitted = await main({
    action: 'submitCase',
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'consult',
    contact: { name: '张三', phone: '13912345678' },
    text: '请问公积金怎么提取？',
    requestId: 'cloud-req-0001',
  })
  expect(submitted.ok).toBe(true)
  const session = await main({ action: 'session' })
  expect(session.data.citizenId).toBe('wx:o-citizen-1')
  expect((await main({ action: 'getCase', caseId: submitted.data.caseId })).ok).toBe(true)

  // another WeChat user cannot read it, whatever the payload claims
  openid = 'o-citizen-2'
  const stranger = await main({ action: 'getCase', caseId: submitted.data.caseId, citizenId: 'wx:o-citizen-1', openid: 'o-citizen-1' })
  expect(stranger.ok).toBe(false)
  expect(stranger.error?.code).toBe('NOT_FOUND')
  expect((await main({ action: 'session', citizenId: 'wx:o-citizen-1' })).data.citizenId).toBe('wx:o-citizen-2')
})

it('a WeChat account bound to a staff record acts as that staff member; demo sign-in does not exist in the cloud', async () => {
  const store = createCloudbaseStore(db)
  const li = (await store.getStaff('bdc-li'))!
  await store.putStaff(li, { openid: 'o-staff-li' })
  openid = 'o-staff-li'
  const queue = await main({ action: 'staffQueue' })
  expect(queue.ok).toBe(true)
  expect(queue.data.window.name).toBe('不动产登记窗口')
  expect((await main({ action: 'demoLogin', staffId: 'bdc-lead' })).error?.code).toBe('FORBIDDEN')
  expect((await main({ action: 'login', hallId: 'demo', login: 'x', password: 'y' })).error?.code).toBe('FORBIDDEN')
})

it('the real wx-server-sdk loads offline', () => {
  const real = jest.requireActual('wx-server-sdk') as { init: unknown; database: unknown }
  expect(typeof real.init).toBe('function')
  expect(typeof real.database).toBe('function')
})

it('attaches photos from cloud storage of this hall and shows them through short-lived links', async () => {
  openid = 'o-citizen-photos'
  const photo = (hall: string, name: string) => `cloud://env-1.abcd/attachments/${hall}/20261123/${name}.jpg`
  const base = {
    action: 'submitCase',
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'application',
    contact: { name: '张三', phone: '13912345678' },
    text: '办理转移登记，材料照片已上传。',
  }
  const foreign = await main({ ...base, attachments: [photo('other', 'abcdefghijklmnop')], requestId: 'cloud-photo-0001' })
  expect(foreign.ok || foreign.error).toMatchObject({ code: 'INVALID_INPUT' })
  const made = await main({ ...base, attachments: [photo('demo', 'abcdefghijklmnop'), photo('demo', 'brokenbrokenbrok')], requestId: 'cloud-photo-0002' })
  expect(made.ok).toBe(true)
  const view = await main({ action: 'getCase', caseId: made.data.caseId })
  expect(view.data.attachments).toEqual([
    { id: photo('demo', 'abcdefghijklmnop'), url: 'https://tmp.tcb.example/abcdefghijklmnop.jpg?sign=1' },
    { id: photo('demo', 'brokenbrokenbrok'), url: null },
  ])
})
