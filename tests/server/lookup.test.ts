// 查进度 from any device and the citizen's slip, on the real embedded PostgreSQL: a registered case's
// slip binds it to the first citizen who opens it (concurrent scans → one owner); anyone else with the
// number and a code sees it read only; guessing is throttled and audited, and the error never says
// which part was wrong; a registered call is texted its slip through the hall's gateway.
import { seedDemoHall } from '../../src/server/demoHall'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, outcome, rid, staffMember, testApi } from '../support/api'
import { parseSlipScene } from '../../src/core/lookup'
import type { ActionInput } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'

let db: TestDb
let now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = (over: Partial<Parameters<typeof testApi>[0]> = {}) => testApi({ store: db.store, now: () => now, publicUrl: 'https://hall.example.cn', ...over })
const li = staffMember('bdc-li')

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(async () => {
  await db.close()
})
beforeEach(async () => {
  now = new Date('2026-11-23T02:00:00Z')
  await db.store.truncateAll()
  await seedDemoHall(db.store)
})

const visit = (over: Partial<ActionInput<'registerCase'>> = {}): ActionInput<'registerCase'> => ({
  hallId: 'demo',
  channel: 'counter',
  kind: 'consult',
  contact: { name: '张三', phone: '13912345678' },
  text: '请问二手房过户需要带哪些材料？',
  requestId: rid(),
  ...over,
})
const withAddress = (who: Identity, address: string): Identity => ({ ...who, address })

it('the slip binds the case to the first citizen who opens it; the owner then acts on it, others see it read only', async () => {
  const reg = await api().ok(li, 'registerCase', visit())
  expect(reg.queryCode).toMatch(/^\d{6}$/)
  expect(parseSlipScene(new URLSearchParams(reg.slipPath.split('?')[1]).get('scene'))).toEqual({ no: reg.no, code: reg.queryCode })

  const zhang = citizen('zhang')
  const opened = await api().ok(zhang, 'lookupCase', { no: reg.no, code: reg.queryCode, bind: true })
  expect(opened).toMatchObject({ id: reg.caseId, lookedUp: false, contact: { phone: '13912345678' } })
  expect(opened.timeline.some((t) => t.text.includes('回执'))).toBe(true)
  // now it is theirs: 我的咨询 lists it and the ordinary case page opens it
  expect((await api().ok(zhang, 'myCases', {})).cases.map((c) => c.id)).toEqual([reg.caseId])
  await api().ok(zhang, 'getCase', { caseId: reg.caseId })
  // opening the slip again changes nothing
  await api().ok(zhang, 'lookupCase', { no: reg.no, code: reg.queryCode, bind: true })
  expect((await db.store.getCase(reg.caseId))!.events.filter((e) => e.type === 'slipBound')).toHaveLength(1)

  // someone else with the slip: a clear CONFLICT for binding, a read-only page for looking
  const other = citizen('other')
  expect(await outcome(api(), other, 'lookupCase', { no: reg.no, code: reg.queryCode, bind: true })).toBe('CONFLICT:code')
  const ro = await api().ok(other, 'lookupCase', { no: reg.no, code: reg.queryCode, bind: false })
  expect(ro.lookedUp).toBe(true)
  expect(Object.values(ro.can).some(Boolean)).toBe(false)
  expect(ro.contact.phone).toBe('139****5678')
  expect(await outcome(api(), other, 'getCase', { caseId: reg.caseId })).toBe('NOT_FOUND')
  // the phone's last four digits open it read only, never bind it
  const third = citizen('third')
  expect((await api().ok(third, 'lookupCase', { no: reg.no.toLowerCase(), code: '5678', bind: true })).lookedUp).toBe(true)
  expect((await db.store.getCaseState(reg.caseId))!.citizenId).toBe(zhang.citizenId)
})

it('concurrent scans of one slip give exactly one owner', async () => {
  const reg = await api().ok(li, 'registerCase', visit())
  const scanners = Array.from({ length: 6 }, (_, i) => citizen(`scan${i}`))
  const answers = await Promise.all(scanners.map((c) => api().call(c, 'lookupCase', { no: reg.no, code: reg.queryCode, bind: true })))
  const owners = answers.filter((a) => a.ok)
  expect(owners).toHaveLength(1)
  expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'CONFLICT')).toBe(true)
  const { state, events } = (await db.store.getCase(reg.caseId))!
  expect(events.filter((e) => e.type === 'slipBound')).toHaveLength(1)
  expect(scanners.map((s) => s.citizenId)).toContain(state.citizenId)
})

it('an online case opens by its number and the phone’s last four digits, read only on another device', async () => {
  const owner = citizen('owner')
  const made = await api().ok(owner, 'submitCase', {
    hallId: 'demo',
    kind: 'consult',
    contact: { name: '王五', phone: '13700001234' },
    text: '公积金提取需要哪些材料？',
    attachments: [],
    requestId: rid(),
  })
  const phone2 = citizen('phone2')
  const view = await api().ok(phone2, 'lookupCase', { no: made.no, code: '1234', bind: true })
  expect(view).toMatchObject({ id: made.caseId, lookedUp: true })
  expect((await db.store.getCaseState(made.caseId))!.citizenId).toBe(owner.citizenId)
  // the owner looking it up gets the full page
  expect((await api().ok(owner, 'lookupCase', { no: made.no, code: '1234', bind: false })).lookedUp).toBe(false)
  // a made-up query code opens nothing on an online case
  expect(await outcome(api(), phone2, 'lookupCase', { no: made.no, code: '123456', bind: false })).toBe('NOT_FOUND:code')
})

it('an anonymous call opens only with the query code', async () => {
  const reg = await api().ok(li, 'registerCase', visit({ channel: 'phone', contact: undefined }))
  expect(await outcome(api(), citizen(), 'lookupCase', { no: reg.no, code: '0000', bind: false })).toBe('NOT_FOUND:code')
  expect((await api().ok(citizen(), 'lookupCase', { no: reg.no, code: reg.queryCode, bind: false })).lookedUp).toBe(true)
})

it('the same answer for an unknown number and a wrong code; guessing locks the case and is audited', async () => {
  const reg = await api().ok(li, 'registerCase', visit())
  const wrong = reg.queryCode === '000000' ? '000001' : '000000'
  const unknown = await api().call(citizen(), 'lookupCase', { no: 'SF-20261123-9999', code: '123456', bind: false })
  const bad = await api().call(citizen(), 'lookupCase', { no: reg.no, code: wrong, bind: false })
  expect(!unknown.ok && !bad.ok && unknown.error.message === bad.error.message && unknown.error.code === bad.error.code).toBe(true)

  // a guesser on fresh devices and addresses: the case's counter locks it after 5 misses in all
  for (let i = 0; i < 4; i++) {
    expect(await outcome(api(), withAddress(citizen(), `10.0.0.${i}`), 'lookupCase', { no: reg.no, code: String(100000 + i), bind: false })).toBe(
      'NOT_FOUND:code',
    )
  }
  // while locked even the right code is refused, so a right guess teaches nothing
  expect(await outcome(api(), citizen(), 'lookupCase', { no: reg.no, code: reg.queryCode, bind: false })).toBe('RATE_LIMITED:code')
  const log = await db.store.listAudit('demo', 0, 50)
  const locks = log.filter((e) => e.action === 'lookup.lock')
  expect(locks).toHaveLength(1)
  expect(locks[0]).toMatchObject({ target: `case:${reg.caseId}`, detail: { no: reg.no, failures: 5 } })
  // the lock ends after its time
  now = new Date(now.getTime() + 31 * 60_000)
  expect((await api().ok(citizen(), 'lookupCase', { no: reg.no, code: reg.queryCode, bind: false })).id).toBe(reg.caseId)
})

it('one caller guessing across many cases is locked too', async () => {
  const guesser = withAddress(citizen('guesser'), '10.9.9.9')
  for (let i = 0; i < 10; i++) {
    expect(await outcome(api(), guesser, 'lookupCase', { no: `SF-20261123-${String(i + 1).padStart(4, '0')}`, code: '123456', bind: false })).toBe(
      'NOT_FOUND:code',
    )
  }
  expect(await outcome(api(), guesser, 'lookupCase', { no: 'SF-20261123-0011', code: '123456', bind: false })).toBe('RATE_LIMITED:code')
})

it('bad lookups name the field', async () => {
  expect(await outcome(api(), citizen(), 'lookupCase', { no: '12', code: '123456', bind: false })).toBe('INVALID_INPUT:no')
  expect(await outcome(api(), citizen(), 'lookupCase', { no: 'SF-20261123-0001', code: '12ab', bind: false })).toBe('INVALID_INPUT:code')
})

it('a registered call is texted its slip through the hall’s gateway; staff see the slip with a code to scan', async () => {
  const withGateway = api({ channels: ['webhook'] })
  const reg = await withGateway.ok(li, 'registerCase', visit({ channel: 'phone' }))
  expect(reg.texted).toBe(true)
  const items = await db.store.claimOutbox('2026-11-23T12:00:00+08:00', 10, '2026-11-23T12:05:00+08:00')
  expect(items).toHaveLength(1)
  expect(items[0]!.channel).toBe('webhook')
  expect(items[0]!.notification).toMatchObject({ phone: '13912345678', caseNo: reg.no })
  expect(items[0]!.notification.body).toContain(reg.queryCode)
  // without a gateway staff read the number and code out
  expect((await api().ok(li, 'registerCase', visit({ channel: 'phone' }))).texted).toBe(false)
  // a landline cannot take a text
  expect((await withGateway.ok(li, 'registerCase', visit({ channel: 'phone', contact: { name: '赵六', phone: '0551-62345678' } }))).texted).toBe(false)

  const slip = await api().ok(li, 'caseSlip', { caseId: reg.caseId })
  expect(slip).toMatchObject({ no: reg.no, queryCode: reg.queryCode, channel: '来电', bound: false, responder: { name: '李晓梅' } })
  expect(slip.link).toBe(`https://hall.example.cn/#/pages/case/index?scene=${encodeURIComponent(`n=${reg.no}&q=${reg.queryCode}`)}`)
  expect(slip.image).toMatch(/^data:image\/svg\+xml;base64,/)
  expect(slip.addressWarning).toBeNull()
  // printed from the office computer with no public address set: the slip says so before it is handed over
  const local = await api({ publicUrl: undefined }).ok(li, 'caseSlip', { caseId: reg.caseId, origin: 'http://localhost:3000' })
  expect(local.addressWarning).toMatch(/只能在本机打开/)
  const view = await api().ok(li, 'getCase', { caseId: reg.caseId })
  expect(view.slip).toEqual({ queryCode: reg.queryCode, path: reg.slipPath })
  // a citizen cannot print another's slip
  expect(await outcome(api(), citizen(), 'caseSlip', { caseId: reg.caseId })).toBe('UNAUTHENTICATED')
})

it('a repeated registration after the citizen bound the slip is still one case', async () => {
  const input = visit()
  const reg = await api().ok(li, 'registerCase', input)
  await api().ok(citizen('zhang'), 'lookupCase', { no: reg.no, code: reg.queryCode, bind: true })
  const again = await api().ok(li, 'registerCase', input)
  expect(again).toMatchObject({ caseId: reg.caseId, queryCode: reg.queryCode })
  expect(await db.store.listCases({ hallId: 'demo' })).toHaveLength(1)
})
