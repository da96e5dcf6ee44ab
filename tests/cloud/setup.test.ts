// The built `setup` cloud function: a hall starts in CloudBase from the console with its file; the
// hall office's invite codes let them bind WeChat and take it from there. Refused from the app.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCloudbaseStore } from '../../src/server/store/cloudbase'
import { FakeCloudDb } from '../support/fakeCloudDb'

const root = join(__dirname, '../..')
const db = new FakeCloudDb()
let openid = ''

jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('current env'),
  init: jest.fn(),
  database: () => db,
  getWXContext: () => ({ OPENID: openid, APPID: 'wx-test' }),
}))

type Answer = { ok: boolean; data?: any; error?: { code: string; message: string } }
const setup = (event: Record<string, unknown>): Promise<Answer> => require(join(root, 'cloudfunctions/setup/index.js')).main(event)
const api = (event: Record<string, unknown>): Promise<Answer> => require(join(root, 'cloudfunctions/api/index.js')).main(event)
const file = JSON.parse(readFileSync(join(root, 'docs/hall.example.json'), 'utf8'))

// the environment as `cloud deploy` leaves it: every collection exists (the stand-in, like the service, fails on a missing one)
beforeAll(() => createCloudbaseStore(db).migrate())

it('is refused from the mini-program', async () => {
  openid = 'o-someone'
  expect(await setup(file)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await createCloudbaseStore(db).listHalls()).toEqual([])
})

it('writes nothing from a file with a mistake, and says where', async () => {
  openid = ''
  const bad = JSON.parse(JSON.stringify(file))
  bad.staff[1].windowId = 'nosuch'
  const answer = await setup({ ...bad, userInfo: { appId: 'x' } })
  expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(answer.error!.message).toContain('staff.1.windowId')
  expect(await createCloudbaseStore(db).listHalls()).toEqual([])
})

it('opens the hall and gives the hall office invite codes that bind WeChat', async () => {
  openid = ''
  const answer = await setup({ ...file, userInfo: { appId: 'x' } })
  expect(answer.ok).toBe(true)
  const offices = file.staff.filter((s: { role: string }) => s.role === 'office')
  expect(answer.data).toMatchObject({ hall: file.hall.name, windows: file.windows.length, staff: file.staff.length })
  expect(answer.data.invites.map((i: { staffId: string }) => i.staffId)).toEqual(offices.map((s: { id: string }) => s.id))

  // the office member binds with the code in the app and manages the staff from there
  openid = 'o-office-phone'
  const bound = await api({ action: 'bindInvite', code: answer.data.invites[0].code })
  expect(bound).toMatchObject({ ok: true, data: { staff: { id: offices[0].id } } })
  const list = await api({ action: 'staffList' })
  expect(list.ok && list.data.mode).toBe('cloud')
  expect(list.data.staff.find((s: { id: string }) => s.id === offices[0].id)).toMatchObject({ bound: true })
  const audit = await createCloudbaseStore(db).listAudit(file.hall.id, 0, 10)
  expect(audit.map((e) => [e.action, e.actor.id])).toEqual([['hall.import', 'console'], ...offices.map(() => ['invite.create', 'console'])])
})
