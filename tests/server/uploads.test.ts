// Photos of documents on the hall's own server: uploaded as the raw image, checked by their bytes,
// attached to the case, shown only to the citizen and the staff who see the case.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { MAX_UPLOADS_PER_DAY } from '../../src/core/attachment'
import { seedDemoHall } from '../../src/server/demoHall'
import { createHttpServer } from '../../src/server/http'
import { purgeBefore } from '../../src/server/files'
import { openTestDb, type TestDb } from '../support/pglite'

let db: TestDb
let app: FastifyInstance
let base = ''
const h5Dir = mkdtempSync(join(tmpdir(), 'shouwen-h5-'))
writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>首问通</title>')

// the smallest real images of each kind
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1), Buffer.from([0xff, 0xd9])])
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([30, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(22)])

beforeAll(async () => {
  db = await openTestDb()
  app = await createHttpServer({ store: db.store, demo: true, secret: 'x'.repeat(32), h5Dir })
  base = await app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await app.close()
  await db.close()
})
beforeEach(async () => {
  await db.store.truncateAll()
  await seedDemoHall(db.store)
})

async function session() {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  return res.headers.get('set-cookie')!.split(';')[0]!
}
async function staffSession(staffId: string) {
  const res = await fetch(`${base}/api/demoLogin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await session() },
    body: JSON.stringify({ staffId }),
  })
  return res.headers.get('set-cookie')!.split(';')[0]!
}
async function upload(cookie: string | null, body: Buffer, type = 'image/jpeg', hall = 'demo') {
  const res = await fetch(`${base}/api/upload?hall=${hall}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(cookie ? { cookie } : {}) },
    body: new Uint8Array(body),
  })
  return { status: res.status, json: (await res.json()) as { ok: boolean; data?: { id: string; url: string }; error?: { code: string; message: string } } }
}
async function post(cookie: string, action: string, payload: Record<string, unknown>) {
  const res = await fetch(`${base}/api/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(payload) })
  return { status: res.status, json: (await res.json()) as { ok: boolean; data?: any; error?: { code: string; details?: { field?: string } } } }
}
const submit = (cookie: string, attachments: string[], windowId = 'bdc') =>
  post(cookie, 'submitCase', {
    hallId: 'demo',
    windowId,
    kind: 'application',
    contact: { name: '张三', phone: '13912345678' },
    text: '办理转移登记，材料照片已上传。',
    attachments,
    requestId: `r${Math.random().toString(36).slice(2, 12)}`,
  })
const get = (cookie: string | null, url: string) => fetch(`${base}${url}`, { headers: cookie ? { cookie } : {} })

it('keeps JPEG, PNG and WebP photos by their bytes and attaches them to the new case', async () => {
  const me = await session()
  const a = await upload(me, JPEG)
  const b = await upload(me, PNG, 'image/png')
  const c = await upload(me, WEBP, 'application/octet-stream')
  expect([a.status, b.status, c.status]).toEqual([200, 200, 200])
  expect(a.json.data!.id).toMatch(/^up_[a-f0-9]{24}$/)
  const ids = [a, b, c].map((u) => u.json.data!.id)
  const created = await submit(me, ids)
  expect(created.status).toBe(200)
  const view = (await post(me, 'getCase', { caseId: created.json.data.caseId })).json.data
  expect(view.attachments).toEqual(ids.map((id) => ({ id, url: `/api/files/${id}` })))
  const file = await get(me, view.attachments[1].url)
  expect(file.status).toBe(200)
  expect(file.headers.get('content-type')).toBe('image/png')
  expect(file.headers.get('x-content-type-options')).toBe('nosniff')
  expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true)
})

it('refuses what is not a photo, too large, for no hall, or past the daily limit, with a clear code', async () => {
  const me = await session()
  const text = await upload(me, Buffer.from('<svg onload=alert(1)>'), 'image/png')
  expect([text.status, text.json.error!.code, text.json.error!.message]).toEqual([400, 'INVALID_INPUT', '只能上传 JPG、PNG 或 WebP 格式的照片'])
  const big = await upload(me, Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]))
  expect([big.status, big.json.error!.message]).toEqual([413, '照片不能超过 5 MB'])
  const pdf = await upload(me, Buffer.from('%PDF-1.4'), 'application/pdf')
  expect([pdf.status, pdf.json.error!.code]).toEqual([415, 'INVALID_INPUT'])
  expect((await upload(me, JPEG, 'image/jpeg', 'nohall')).json.error!.code).toBe('NOT_FOUND')
  expect((await upload(me, JPEG, 'image/jpeg', 'Bad!')).json.error!.code).toBe('INVALID_INPUT')
  expect((await upload(me, Buffer.alloc(0))).json.error!.code).toBe('INVALID_INPUT')
  for (let i = 0; i < MAX_UPLOADS_PER_DAY; i++) expect((await upload(me, JPEG)).status).toBe(200)
  const over = await upload(me, JPEG)
  expect([over.status, over.json.error!.code]).toEqual([429, 'RATE_LIMITED'])
  // another citizen is not held back
  expect((await upload(await session(), JPEG)).status).toBe(200)
})

it('attaches only the citizen’s own photos of this hall, at most 6', async () => {
  const me = await session()
  const other = await session()
  const theirs = (await upload(other, JPEG)).json.data!.id
  const stolen = await submit(me, [theirs])
  expect([stolen.status, stolen.json.error!.code, stolen.json.error!.details!.field]).toEqual([400, 'INVALID_INPUT', 'attachments'])
  const made = await submit(me, ['up_' + 'a'.repeat(24)])
  expect(made.json.error!.details!.field).toBe('attachments')
  const cloudId = await submit(me, ['cloud://env-1.abcd/attachments/demo/20261123/abcdefghijklmnop.jpg'])
  expect(cloudId.json.error!.details!.field).toBe('attachments')
  const seven = await Promise.all(Array.from({ length: 7 }, () => upload(me, JPEG)))
  const tooMany = await submit(
    me,
    seven.map((u) => u.json.data!.id),
  )
  expect([tooMany.json.error!.code, tooMany.json.error!.details!.field]).toEqual(['INVALID_INPUT', 'attachments'])
  expect(
    (
      await submit(
        me,
        seven.slice(0, 6).map((u) => u.json.data!.id),
      )
    ).status,
  ).toBe(200)
})

it('shows a photo to its citizen and to staff who see the case, to nobody else', async () => {
  const me = await session()
  const id = (await upload(me, PNG, 'image/png')).json.data!.id
  const url = `/api/files/${id}`
  // before it is attached, only its citizen sees it
  expect((await get(await staffSession('bdc-li'), url)).status).toBe(404)
  await submit(me, [id])
  expect((await get(me, url)).status).toBe(200)
  expect((await get(await staffSession('bdc-li'), url)).status).toBe(200)
  expect((await get(await staffSession('bdc-lead'), url)).status).toBe(200)
  expect((await get(await staffSession('office-xu'), url)).status).toBe(200)
  expect((await get(await staffSession('gjj-zhao'), url)).status).toBe(404)
  expect((await get(await session(), url)).status).toBe(404)
  expect((await get(null, url)).status).toBe(404)
  expect((await get(me, '/api/files/../../etc/passwd')).status).toBe(404)
  expect((await get(me, '/api/files/up_' + 'b'.repeat(24))).status).toBe(404)
})

it('forgets photos of forms never sent after a day; attached ones stay', async () => {
  const me = await session()
  const kept = (await upload(me, JPEG)).json.data!.id
  const dropped = (await upload(me, JPEG)).json.data!.id
  await submit(me, [kept])
  expect(await db.store.purgeUploads(purgeBefore(new Date()))).toBe(0)
  expect(await db.store.purgeUploads(purgeBefore(new Date(Date.now() + 2 * 86_400_000)))).toBe(1)
  expect(await db.store.getUpload(dropped)).toBeNull()
  expect((await db.store.getUpload(kept))?.upload.caseId).toMatch(/^c_/)
})

it('puts a staff photo the hall office uploaded on the responder card, for everyone to see', async () => {
  const office = await staffSession('office-xu')
  const id = (await upload(office, PNG, 'image/png')).json.data!.id
  const saved = await post(office, 'setStaffPhoto', { staffId: 'bdc-li', photo: id })
  expect(saved.json.data).toMatchObject({ id: 'bdc-li', photoUrl: `/api/files/${id}` })
  // the citizen's case names 李晓梅 with her photo, which anyone may load
  const me = await session()
  const caseId = (await submit(me, [])).json.data.caseId
  await post(await staffSession('bdc-li'), 'claimCase', { caseId, requestId: 'r-claim-1' })
  expect((await post(me, 'getCase', { caseId })).json.data.responder).toMatchObject({ name: '李晓梅', photo: `/api/files/${id}` })
  const file = await get(null, `/api/files/${id}`)
  expect([file.status, file.headers.get('content-type')]).toEqual([200, 'image/png'])
  // the same photo again changes nothing and is logged once
  expect((await post(office, 'setStaffPhoto', { staffId: 'bdc-li', photo: id })).json.data.photoUrl).toBe(`/api/files/${id}`)
  const audits = (await db.store.listAudit('demo', 0, 20)).filter((e) => e.action === 'staff.photo')
  expect(audits.map((e) => e.target)).toEqual(['staff:bdc-li'])

  // someone else's upload, another hall's cloud file, a made-up id, or anyone but the office: refused
  const theirs = (await upload(await session(), PNG, 'image/png')).json.data!.id
  expect((await post(office, 'setStaffPhoto', { staffId: 'bdc-wang', photo: theirs })).json.error).toMatchObject({
    code: 'INVALID_INPUT',
    details: { field: 'photo' },
  })
  expect((await post(office, 'setStaffPhoto', { staffId: 'bdc-wang', photo: 'up_' + 'b'.repeat(24) })).json.error!.details!.field).toBe('photo')
  expect(
    (await post(office, 'setStaffPhoto', { staffId: 'bdc-wang', photo: 'cloud://env-1.abcd/attachments/demo/20261123/abcdefghijklmnop.jpg' })).json.error!
      .details!.field,
  ).toBe('photo')
  expect((await post(await staffSession('bdc-lead'), 'setStaffPhoto', { staffId: 'bdc-li', photo: null })).json.error!.code).toBe('FORBIDDEN')
  // a new photo replaces the old one, which the next purge deletes
  const second = (await upload(office, JPEG)).json.data!.id
  expect((await post(office, 'setStaffPhoto', { staffId: 'bdc-li', photo: second })).json.data.photoUrl).toBe(`/api/files/${second}`)
  await db.store.purgeUploads('2099-01-01T00:00:00+08:00')
  expect((await get(null, `/api/files/${id}`)).status).toBe(404)
  expect((await get(null, `/api/files/${second}`)).status).toBe(200)
  // removed: the card shows the initial again, and the photo goes with the next purge
  expect((await post(office, 'setStaffPhoto', { staffId: 'bdc-li', photo: null })).json.data.photoUrl).toBeNull()
  expect((await post(me, 'getCase', { caseId })).json.data.responder.photo).toBeNull()
  await db.store.purgeUploads('2099-01-01T00:00:00+08:00')
  expect((await get(null, `/api/files/${second}`)).status).toBe(404)
})
