// Abuse limits through the real HTTP API: per citizen and per address, so dropping the cookie does
// not reset them; behind a trusted proxy the forwarded address counts; two server processes on one
// database share the count; in the cloud the OPENID counts. Plus the request-shape guards: JSON only,
// no cookie-carrying calls from another site, and demo mode shows only the demo hall.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { seedDemoHall } from '../../src/server/demoHall'
import { createHttpServer, type HttpOptions } from '../../src/server/http'
import { createCloudbaseStore } from '../../src/server/store/cloudbase'
import { FakeCloudDb } from '../support/fakeCloudDb'
import { openTestDb, type TestDb } from '../support/pglite'
import { rid, testApi } from '../support/api'

let db: TestDb
const servers: FastifyInstance[] = []
const h5Dir = mkdtempSync(join(tmpdir(), 'shouwen-h5-'))
const now = () => new Date('2026-11-23T02:00:00Z')

async function serve(extra: Partial<HttpOptions> = {}) {
  const app = await createHttpServer({ store: db.store, demo: true, secret: 'x'.repeat(32), h5Dir, now, ...extra })
  servers.push(app)
  return app.listen({ port: 0, host: '127.0.0.1' })
}

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(async () => {
  for (const s of servers) await s.close()
  await db.close()
})
beforeEach(async () => {
  await db.store.truncateAll()
  await seedDemoHall(db.store)
})

async function post(base: string, action: string, payload: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  })
  const body = (await res.json()) as { ok: boolean; error?: { code: string; message: string } }
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0], body }
}
const contact = { name: '张三', phone: '13912345678' }
const submit = (base: string, headers: Record<string, string> = {}) =>
  post(base, 'submitCase', { hallId: 'demo', windowId: 'bdc', kind: 'consult', contact, text: '请问二手房过户要带什么材料？', requestId: rid() }, headers)
const tally = (statuses: number[]) => ({ accepted: statuses.filter((s) => s === 200).length, limited: statuses.filter((s) => s === 429).length })

it('submits: 10 an hour per citizen, 60 per address even without a cookie, with a polite message', async () => {
  const base = await serve()
  const cookie = (await post(base, 'session', {})).cookie!
  const withCookie: number[] = []
  for (let i = 0; i < 15; i++) withCookie.push((await submit(base, { cookie })).status)
  expect(tally(withCookie)).toEqual({ accepted: 10, limited: 5 })
  const refused = await submit(base, { cookie })
  expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED' })
  expect(refused.body.error!.message).toMatch(/请稍后再试/)

  // dropping the cookie gives a fresh citizen, but the same address: 50 more, then refused
  const without: number[] = []
  for (let i = 0; i < 60; i++) without.push((await submit(base)).status)
  expect(tally(without)).toEqual({ accepted: 50, limited: 10 })
  expect(await db.store.listCases({ hallId: 'demo', limit: 1000 })).toHaveLength(60)
})

it('complaints and uploads per address: a new cookie each time does not reset them', async () => {
  const base = await serve()
  const complaints: number[] = []
  for (let i = 0; i < 14; i++) {
    complaints.push(
      (
        await post(base, 'fileComplaint', {
          hallId: 'demo',
          target: { kind: 'window', windowId: 'bdc' },
          topic: 'attitude',
          text: '窗口工作人员态度生硬，没有说明原因',
          contact,
          requestId: rid(),
        })
      ).status,
    )
  }
  expect(tally(complaints)).toEqual({ accepted: 10, limited: 4 })

  // the smallest PNG there is
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  )
  const uploads: number[] = []
  for (let i = 0; i < 104; i++) {
    uploads.push((await fetch(`${base}/api/upload?hall=demo`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: png })).status)
  }
  expect(tally(uploads)).toEqual({ accepted: 100, limited: 4 })
})

it('behind a trusted proxy each forwarded address counts; an untrusted X-Forwarded-For is ignored', async () => {
  const trusting = await serve({ trustProxy: ['127.0.0.1'] })
  const a: number[] = []
  for (let i = 0; i < 70; i++) a.push((await submit(trusting, { 'x-forwarded-for': `203.0.113.${i % 2}` })).status)
  expect(tally(a)).toEqual({ accepted: 70, limited: 0 })

  await db.store.truncateAll()
  await seedDemoHall(db.store)
  const plain = await serve()
  const b: number[] = []
  for (let i = 0; i < 70; i++) b.push((await submit(plain, { 'x-forwarded-for': `203.0.113.${i}` })).status)
  expect(tally(b)).toEqual({ accepted: 60, limited: 10 })
})

it('two server processes on one database share the count', async () => {
  const [one, two] = [await serve(), await serve()]
  const statuses: number[] = []
  for (let i = 0; i < 40; i++) statuses.push((await submit(one)).status, (await submit(two)).status)
  expect(tally(statuses)).toEqual({ accepted: 60, limited: 20 })
})

it('new device sessions per address are limited too', async () => {
  const base = await serve()
  const statuses: number[] = []
  for (let i = 0; i < 125; i++) statuses.push((await post(base, 'session', {})).status)
  expect(tally(statuses)).toEqual({ accepted: 120, limited: 5 })
})

it('in the cloud the OPENID counts', async () => {
  const store = createCloudbaseStore(new FakeCloudDb())
  await store.migrate()
  await seedDemoHall(store)
  const api = testApi({ store, now, mode: 'cloud' })
  const me = { citizenId: 'wx:o-flood', staffId: null, openid: 'o-flood' }
  const codes: string[] = []
  for (let i = 0; i < 12; i++) {
    const a = await api.call(me, 'submitCase', {
      hallId: 'demo',
      windowId: 'bdc',
      kind: 'consult',
      contact,
      text: '请问二手房过户要带什么材料？',
      requestId: rid(),
    })
    codes.push(a.ok ? 'ok' : a.error.code)
  }
  expect(codes.filter((c) => c === 'ok')).toHaveLength(10)
  expect(codes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED'])
})

it('/api actions take JSON only: a text/plain post from another site is not run', async () => {
  const base = await serve()
  const office = (await post(base, 'demoLogin', { staffId: 'office-xu' })).cookie!
  const res = await fetch(`${base}/api/saveHall`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', cookie: office },
    body: '{"name":"被改掉的大厅"}',
  })
  expect(res.status).toBe(415)
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT')
  const form = await fetch(`${base}/api/logout`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: office },
    body: 'a=1',
  })
  expect(form.status).toBe(415)
  expect((await db.store.getHall('demo'))!.name).toBe('示范市政务服务中心')
})

it('a cookie-carrying call from another origin is refused; the hall’s own page is served', async () => {
  const base = await serve()
  const office = (await post(base, 'demoLogin', { staffId: 'office-xu' })).cookie!
  const foreign = await post(base, 'saveHall', { name: '被改掉的大厅' }, { cookie: office, origin: 'https://evil.example' })
  expect(foreign.status).toBe(403)
  expect((await db.store.getHall('demo'))!.name).toBe('示范市政务服务中心')
  const own = await post(base, 'hallSettings', {}, { cookie: office, origin: base })
  expect(own.status).toBe(200)
})

it('demo mode lists only the demo hall’s people', async () => {
  await db.store.putHall({
    id: 'real',
    prefix: 'RL',
    name: '真实的政务服务中心',
    address: '',
    supervisionPhone: '',
    complaintChannel: '',
    policyPreset: '000',
    policyVersion: 1,
  })
  await db.store.putStaff({
    id: 'real-office',
    hallId: 'real',
    windowId: null,
    name: '钱一',
    title: '',
    post: '',
    role: 'office',
    rank: 1,
    phone: '',
    active: true,
  })
  const base = await serve()
  const other = await post(base, 'demoStaff', { hallId: 'real' })
  expect(other.status).toBe(404)
  expect(JSON.stringify(other.body)).not.toContain('钱一')
  const demo = await post(base, 'demoStaff', {})
  expect(demo.status).toBe(200)
})
