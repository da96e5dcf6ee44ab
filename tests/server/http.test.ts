// The self-hosted shell: POST /api/<action>, the signed HttpOnly session cookie, error statuses.
import { get, type IncomingHttpHeaders } from 'node:http'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { seedDemoHall } from '../../src/server/demoHall'
import { cacheControlOf, createHttpServer } from '../../src/server/http'
import { openTestDb, type TestDb } from '../support/pglite'

let db: TestDb
let app: FastifyInstance
let base = ''
const h5Dir = mkdtempSync(join(tmpdir(), 'shouwen-h5-'))
const INDEX = '<!doctype html><title>首问通</title>' + '<div class="splash"></div>'.repeat(40)
const APP_JS = `console.log(${JSON.stringify('首问通'.repeat(200))})`
// as the H5 build writes them: each text file with its .br and .gz copy (config/precompress.ts)
mkdirSync(join(h5Dir, 'js'))
for (const [name, text] of [
  ['index.html', INDEX],
  ['js/app.0a1b2c3d.js', APP_JS],
]) {
  writeFileSync(join(h5Dir, name), text)
  writeFileSync(join(h5Dir, `${name}.br`), brotliCompressSync(text))
  writeFileSync(join(h5Dir, `${name}.gz`), gzipSync(text))
}

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
  app = await createHttpServer({ store: db.store, demo: true, secret: 'x'.repeat(32), h5Dir })
  base = await app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await app.close()
  await db.close()
})

// over real loopback HTTP, as a browser would
async function post(action: string, payload: unknown, cookie?: string) {
  const res = await fetch(`${base}/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  })
  const text = await res.text()
  return { statusCode: res.status, setCookie: res.headers.get('set-cookie'), json: () => JSON.parse(text), body: text }
}

const cookieOf = (res: Awaited<ReturnType<typeof post>>) => res.setCookie?.split(';')[0]

it('gives a new device a signed HttpOnly citizen session and keeps it', async () => {
  const first = await post('session', {})
  expect(first.statusCode).toBe(200)
  expect(String(first.setCookie)).toMatch(/HttpOnly/i)
  const cookie = cookieOf(first)!
  const citizenId = first.json().data.citizenId
  expect(citizenId).toMatch(/^dev:/)
  const again = await post('session', {}, cookie)
  expect(again.json().data.citizenId).toBe(citizenId)
  expect(again.setCookie).toBeNull()
})

it('ignores a tampered cookie and starts a new session', async () => {
  const cookie = cookieOf(await post('session', {}))!
  const [name, value] = cookie.split('=')
  const forged = Buffer.from(JSON.stringify({ c: 'dev:' + 'a'.repeat(30), s: 'office-xu' })).toString('base64url')
  const res = await post('session', {}, `${name}=${forged}.${value!.split('.').pop()}`)
  expect(res.json().data.staff).toBeNull()
  expect(res.json().data.citizenId).not.toBe('dev:' + 'a'.repeat(30))
})

it('signs staff in and out through the session cookie, never through the payload', async () => {
  const cookie = cookieOf(await post('session', {}))!
  const smuggled = await post('staffQueue', { staffId: 'bdc-li' }, cookie)
  expect(smuggled.statusCode).toBe(401)
  const login = await post('demoLogin', { staffId: 'bdc-li' }, cookie)
  expect(login.statusCode).toBe(200)
  const staffCookie = cookieOf(login)!
  const queue = await post('staffQueue', {}, staffCookie)
  expect(queue.statusCode).toBe(200)
  expect(queue.json().data.window.name).toBe('不动产登记窗口')
  const out = await post('logout', {}, staffCookie)
  expect(out.json().data.staff).toBeNull()
  expect((await post('staffQueue', {}, cookieOf(out))).statusCode).toBe(401)
})

it('answers errors in the API shape with a matching HTTP status', async () => {
  const bad = await post('submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    contact: { name: '张三', phone: '123' },
    text: '你好你好你好',
    requestId: 'abcdefgh12',
  })
  expect(bad.statusCode).toBe(400)
  expect(bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'contact.phone' } } })
  const unknown = await post('nosuch', {})
  expect(unknown.statusCode).toBe(404)
  const malformed = await post('session', '{not json')
  expect(malformed.statusCode).toBe(400)
  expect(malformed.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})

it('serves the H5 app', async () => {
  const res = await fetch(`${base}/`)
  expect(res.status).toBe(200)
  expect(await res.text()).toContain('首问通')
})

// node's fetch would decompress on its own; the raw bytes show what went over the wire
function raw(path: string, acceptEncoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((done, fail) => {
    get(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }))
    }).on('error', fail)
  })
}

it('sends the compressed copy the browser accepts, and the plain file to one that accepts none', async () => {
  const br = await fetch(`${base}/js/app.0a1b2c3d.js`, { headers: { 'accept-encoding': 'gzip, deflate, br' } })
  expect(br.headers.get('content-encoding')).toBe('br')
  expect(br.headers.get('vary')).toMatch(/accept-encoding/i)
  expect(await br.text()).toBe(APP_JS)
  const gz = await fetch(`${base}/js/app.0a1b2c3d.js`, { headers: { 'accept-encoding': 'gzip' } })
  expect(gz.headers.get('content-encoding')).toBe('gzip')
  const plain = await fetch(`${base}/js/app.0a1b2c3d.js`, { headers: { 'accept-encoding': 'identity' } })
  expect(plain.headers.get('content-encoding')).toBeNull()
  expect(await plain.text()).toBe(APP_JS)
})

it('compresses the entry page too, and lets a phone keep hashed files for a year but ask for the page each time', async () => {
  const page = await raw('/', 'br')
  expect(page.status).toBe(200)
  expect(page.headers['content-encoding']).toBe('br')
  expect(brotliDecompressSync(page.bytes).toString()).toBe(INDEX)
  expect(page.bytes.length).toBeLessThan(Buffer.byteLength(INDEX) / 4)
  expect(page.headers['cache-control']).toBe('no-cache')
  const js = await raw('/js/app.0a1b2c3d.js', 'br')
  expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable')
})

it('marks only content-hashed build files as immutable', () => {
  expect(cacheControlOf('/h5/js/app.1a2b3c4d.js')).toMatch(/immutable/)
  expect(cacheControlOf('/h5/css/app.0123456789abcdef0123.css.br')).toMatch(/immutable/)
  expect(cacheControlOf('/h5/index.html')).toBe('no-cache')
  expect(cacheControlOf('/h5/index.html.br')).toBe('no-cache')
  expect(cacheControlOf('/h5/static/logo.png')).toBe('no-cache')
})
