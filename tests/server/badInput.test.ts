// Bad text and dates through the real HTTP API: a NUL byte or a lone surrogate in any text field,
// signed in or not, and months and days outside any sensible range, are INVALID_INPUT naming the
// field — never a 500 from the database.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { seedDemoHall } from '../../src/server/demoHall'
import { createHttpServer } from '../../src/server/http'
import { openTestDb, type TestDb } from '../support/pglite'

let db: TestDb
let app: FastifyInstance
let base = ''

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
  app = await createHttpServer({ store: db.store, demo: true, secret: 'x'.repeat(32), h5Dir: mkdtempSync(join(tmpdir(), 'shouwen-h5-')) })
  base = await app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await app.close()
  await db.close()
})

async function post(action: string, payload: unknown, cookie?: string) {
  const res = await fetch(`${base}/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(payload),
  })
  return {
    status: res.status,
    cookie: res.headers.get('set-cookie')?.split(';')[0],
    body: (await res.json()) as { ok: boolean; error?: { code: string; details?: { field?: string } } },
  }
}

const NUL = '\u0000'
const LONE = '\ud800'
const contact = { name: '张三', phone: '13912345678' }

it.each([
  ['login', { hallId: 'demo', login: `li${NUL}`, password: 'whatever1' }, 'login'],
  ['login', { hallId: 'demo', login: 'li', password: `pass${NUL}word` }, 'password'],
  ['demoLogin', { staffId: `bdc-li${NUL}` }, 'staffId'],
  ['submitCase', { hallId: 'demo', windowId: 'bdc', kind: 'consult', contact, text: `请问${NUL}怎么办理过户`, requestId: 'bad-input-1' }, 'text'],
  [
    'submitCase',
    { hallId: 'demo', windowId: 'bdc', kind: 'consult', contact: { ...contact, name: `张${LONE}` }, text: '请问怎么办理过户', requestId: 'bad-input-2' },
    'contact.name',
  ],
  [
    'fileComplaint',
    {
      hallId: 'demo',
      target: { kind: 'window', windowId: 'bdc' },
      topic: 'attitude',
      text: `窗口工作人员态度生硬${LONE}没有说明原因`,
      contact,
      requestId: 'bad-input-3',
    },
    'text',
  ],
  ['entry', { scene: `h=demo${NUL}` }, 'scene'],
])('%s without signing in: INVALID_INPUT naming the field (case %#)', async (action, input, field) => {
  const r = await post(action, input)
  expect(r.status).toBe(400)
  expect(r.body.error).toMatchObject({ code: 'INVALID_INPUT', details: { field } })
})

it('signed in: the hall office’s text fields and the dates it may send', async () => {
  const office = (await post('demoLogin', { staffId: 'office-xu' })).cookie!
  const cases: Array<[string, unknown, string]> = [
    ['saveHall', { name: '示范市政务服务中心', address: `示范路1号${NUL}` }, 'address'],
    ['saveWindow', { id: 'bdc', name: `不动产${LONE}登记窗口` }, 'name'],
    ['assessment', { month: '0000-01' }, 'month'],
    ['assessment', { month: '9999-12' }, 'month'],
    ['ledger', { from: '0000-01-01', to: '0000-01-31' }, 'from'],
    ['saveCalendarDay', { date: '9999-12-31', kind: 'restday', note: '地方节日' }, 'date'],
    ['exportArchive', { from: '0001-01-01', to: '0001-02-01', format: 'jsonl' }, 'from'],
  ]
  for (const [action, input, field] of cases) {
    const r = await post(action, input, office)
    expect({ action, status: r.status, error: r.body.error }).toMatchObject({ action, status: 400, error: { code: 'INVALID_INPUT', details: { field } } })
  }
  // the bounds let every real month through
  expect((await post('assessment', { month: '2026-11' }, office)).status).toBe(200)
})
