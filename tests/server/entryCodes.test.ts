// The QR codes on the posters: the H5 entry link of the hall and each window (self-hosted), or a
// mini-program code whose scene carries hall and window (cloud).
import QRCode from 'qrcode'
import { seedDemoHall } from '../../src/server/demoHall'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, staffMember, testApi } from '../support/api'

let db: TestDb
const office = staffMember('office-xu')

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
})
afterAll(() => db.close())

it('self-hosted: a code of the H5 entry link for the hall and each active window', async () => {
  const api = testApi({ store: db.store, now: () => new Date() })
  const view = await api.ok(office, 'entryCodes', { origin: 'https://zwfw.example.gov.cn' })
  expect(view.hallName).toBe('示范市政务服务中心')
  expect(view.codes.map((c) => c.windowId)).toEqual([null, 'bdc', 'gjj', 'sb', 'qykb', 'sw', 'zxzx'])
  const bdc = view.codes.find((c) => c.windowId === 'bdc')!
  expect(bdc.link).toBe('https://zwfw.example.gov.cn/#/pages/entry/index?scene=h%3Ddemo%26w%3Dbdc')
  const svg = Buffer.from(bdc.image!.replace('data:image/svg+xml;base64,', ''), 'base64').toString('utf8')
  expect(svg).toBe(await QRCode.toString(bdc.link!, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, width: 480 }))
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  expect(view.codes[0]!.link).toBe('https://zwfw.example.gov.cn/#/pages/entry/index?scene=h%3Ddemo')
  // the configured public address wins over the browser's
  const configured = testApi({ store: db.store, now: () => new Date(), publicUrl: 'https://hall.example.cn/' })
  expect((await configured.ok(office, 'entryCodes', { origin: 'http://127.0.0.1:3000' })).codes[1]!.link).toMatch(/^https:\/\/hall\.example\.cn\/#\//)
})

it('warns before printing codes whose address a citizen’s phone cannot open', async () => {
  const api = testApi({ store: db.store, now: () => new Date() })
  expect((await api.ok(office, 'entryCodes', { origin: 'https://zwfw.example.gov.cn' })).addressWarning).toBeNull()
  const local = await api.ok(office, 'entryCodes', { origin: 'http://127.0.0.1:3000' })
  expect(local.addressWarning).toMatch(/只能在本机打开.*PUBLIC_URL/)
  expect(local.codes[1]!.link).toMatch(/^http:\/\/127\.0\.0\.1:3000\//)
  const intranet = testApi({ store: db.store, now: () => new Date(), publicUrl: 'http://192.168.1.20:3000' })
  expect((await intranet.ok(office, 'entryCodes', {})).addressWarning).toMatch(/内网地址.*检查服务器设置的 PUBLIC_URL/)
})

it('only the hall office makes codes; a self-hosted hall needs its address', async () => {
  const api = testApi({ store: db.store, now: () => new Date() })
  for (const who of [staffMember('bdc-lead'), staffMember('bdc-li')]) expect((await api.call(who, 'entryCodes', {})).ok || 'refused').toBe('refused')
  const anon = await api.call(citizen(), 'entryCodes', {})
  expect(anon.ok || anon.error.code).toBe('UNAUTHENTICATED')
  const none = await api.call(office, 'entryCodes', {})
  expect(none.ok || [none.error.code, none.error.details?.field]).toEqual(['INVALID_INPUT', 'origin'])
  const bad = await api.call(office, 'entryCodes', { origin: 'javascript:alert(1)' })
  expect(bad.ok || bad.error.code).toBe('INVALID_INPUT')
})

it('cloud: mini-program codes with the scene of hall and window; a too long scene says so', async () => {
  const scenes: string[] = []
  const wxacode = async (scene: string, page: string) => {
    scenes.push(`${page}?${scene}`)
    return new Uint8Array([0x89, 0x50, 0x4e, 0x47])
  }
  const api = testApi({ store: db.store, now: () => new Date(), mode: 'cloud', wxacode })
  const view = await api.ok(office, 'entryCodes', {})
  expect(scenes).toContain('pages/entry/index?h=demo&w=bdc')
  expect(view.codes.find((c) => c.windowId === 'bdc')).toMatchObject({ link: null, image: 'data:image/png;base64,iVBORw==', problem: null })
  // a hall and window whose ids together pass the 32 characters of a scene
  const demo = (await db.store.getHall('demo'))!
  await db.store.putHall({ ...demo, id: 'averylonghallid1', name: '长编号大厅' })
  await db.store.putWindow({ id: 'averylongwindow1', hallId: 'averylonghallid1', name: '长编号窗口', number: 'Z9', scope: '', active: true })
  await db.store.putStaff({ ...(await db.store.getStaff('office-xu'))!, id: 'long-office', hallId: 'averylonghallid1' })
  const long = await api.ok(staffMember('long-office'), 'entryCodes', {})
  expect(long.codes.find((c) => c.windowId === 'averylongwindow1')).toMatchObject({ image: null, problem: expect.stringContaining('过长') })
  const failing = testApi({ store: db.store, now: () => new Date(), mode: 'cloud', wxacode: async () => Promise.reject(new Error('offline')) })
  expect((await failing.ok(office, 'entryCodes', {})).codes[0]).toMatchObject({ image: null, problem: '生成小程序码失败，请稍后再试' })
})
