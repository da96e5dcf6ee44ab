// Staff sign-in on the hall's own server, through real HTTP: the session lives on the server, so a
// cookie replayed after sign-out, after a new password (by the office or on the command line) or
// after deactivation no longer works, and it expires; wrong passwords lock the account (and a
// guessing address) for a while, the hall office can lift an account's lock, and both are audited.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { setStaffPassword } from '../../src/server/commands/hall'
import { seedDemoHall } from '../../src/server/demoHall'
import { createHttpServer } from '../../src/server/http'
import { hashPassword } from '../../src/server/password'
import { openTestDb, type TestDb } from '../support/pglite'

let db: TestDb
let app: FastifyInstance
let base = ''
let clock = new Date('2026-11-23T02:00:00Z')

beforeAll(async () => {
  db = await openTestDb()
  app = await createHttpServer({ store: db.store, demo: true, secret: 'x'.repeat(32), h5Dir: mkdtempSync(join(tmpdir(), 'shouwen-h5-')), now: () => clock })
  base = await app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await app.close()
  await db.close()
})
beforeEach(async () => {
  clock = new Date('2026-11-23T02:00:00Z')
  await db.store.truncateAll()
  await seedDemoHall(db.store)
  const li = (await db.store.getStaff('bdc-li'))!
  await db.store.putStaff(li, { login: 'lixm', passwordHash: await hashPassword('right-password') })
})

async function post(action: string, payload: unknown, cookie?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify(payload),
  })
  const body = (await res.json()) as { ok: boolean; data?: { staff?: { id: string } | null }; error?: { code: string; message: string } }
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0], body }
}
const signIn = async (password = 'right-password', cookie?: string) => post('login', { hallId: 'demo', login: 'lixm', password }, cookie)
const staffOf = async (cookie: string) => (await post('session', {}, cookie)).body.data?.staff?.id ?? null
const queue = async (cookie: string) => (await post('staffQueue', {}, cookie)).status

it('a cookie replayed after sign-out is no longer signed in', async () => {
  const cookie = (await signIn()).cookie!
  expect(await staffOf(cookie)).toBe('bdc-li')
  expect(await queue(cookie)).toBe(200)
  await post('logout', {}, cookie)
  // the very same cookie, as an attacker who copied it would send it
  expect(await staffOf(cookie)).toBeNull()
  expect(await queue(cookie)).toBe(401)
})

it('a new password set by the office, or on the command line, ends the person’s sessions', async () => {
  const phone = (await signIn()).cookie!
  const desk = (await signIn()).cookie!
  const office = (await post('demoLogin', { staffId: 'office-xu' })).cookie!
  expect((await post('setStaffPassword', { staffId: 'bdc-li', password: 'another-password' }, office)).status).toBe(200)
  expect(await queue(phone)).toBe(401)
  expect(await queue(desk)).toBe(401)
  expect(await staffOf(office)).toBe('office-xu')

  const again = (await signIn('another-password')).cookie!
  expect(await queue(again)).toBe(200)
  expect(await setStaffPassword(db.store, 'bdc-li', 'third-password', { out: () => {}, err: () => {} })).toBe(0)
  expect(await queue(again)).toBe(401)
})

it('deactivation ends the sessions; a session expires after 12 hours', async () => {
  const cookie = (await signIn()).cookie!
  clock = new Date(clock.getTime() + 11 * 3_600_000)
  expect(await queue(cookie)).toBe(200)
  clock = new Date(clock.getTime() + 1 * 3_600_000)
  expect(await queue(cookie)).toBe(401)

  const fresh = (await signIn()).cookie!
  const office = (await post('demoLogin', { staffId: 'office-xu' })).cookie!
  expect((await post('saveStaff', { id: 'bdc-li', name: '李晓梅', role: 'staff', windowId: 'bdc', active: false }, office)).status).toBe(200)
  const li = (await db.store.getStaff('bdc-li'))!
  await db.store.putStaff({ ...li, active: true })
  // reactivated, yet the old session stays ended
  expect(await queue(fresh)).toBe(401)
})

it('locks an account after 5 wrong passwords, even for the right one, until the office lifts it; both audited', async () => {
  const answers: number[] = []
  for (let i = 0; i < 8; i++) answers.push((await signIn(`wrong-${i}`)).status)
  expect(answers).toEqual([401, 401, 401, 401, 401, 429, 429, 429])
  const locked = await signIn()
  expect(locked.status).toBe(429)
  expect(locked.body.error).toMatchObject({ code: 'RATE_LIMITED' })
  expect(locked.body.error!.message).toContain('政务服务科')

  // a colleague cannot lift it; the office can
  const colleague = (await post('demoLogin', { staffId: 'bdc-wang' })).cookie!
  expect((await post('unlockSignIn', { staffId: 'bdc-li' }, colleague)).status).toBe(403)
  const office = (await post('demoLogin', { staffId: 'office-xu' })).cookie!
  const lifted = await post('unlockSignIn', { staffId: 'bdc-li' }, office)
  expect(lifted.body).toMatchObject({ ok: true, data: { staffId: 'bdc-li', login: 'lixm', wasLocked: true } })
  expect((await signIn()).status).toBe(200)
  const entries = (await db.store.listAudit('demo', 0, 100)).map((e) => `${e.action} ${e.target}`)
  expect(entries).toEqual(expect.arrayContaining(['signIn.lock login:lixm', 'signIn.unlock staff:bdc-li']))
  expect(entries.filter((e) => e.startsWith('signIn.lock '))).toHaveLength(1)
})

it('a lock runs out after 15 minutes', async () => {
  for (let i = 0; i < 5; i++) await signIn('wrong')
  expect((await signIn()).status).toBe(429)
  clock = new Date(clock.getTime() + 15 * 60_000)
  expect((await signIn()).status).toBe(200)
})

it('locks an address that guesses across many accounts', async () => {
  const answers: number[] = []
  for (let i = 0; i < 22; i++) answers.push((await post('login', { hallId: 'demo', login: `user${i}`, password: 'guess-1234' })).status)
  expect(answers.slice(0, 20).every((s) => s === 401)).toBe(true)
  expect(answers.slice(20)).toEqual([429, 429])
  // the account itself was never guessed, yet this address may not try it now
  expect((await signIn()).status).toBe(429)
  expect((await db.store.listAudit('demo', 0, 100)).map((e) => e.action)).toContain('signIn.lockAddress')
})
