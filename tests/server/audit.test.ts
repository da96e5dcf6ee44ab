// The audit log: staff see phone numbers masked, a look at the whole number is logged; entries form
// a hash chain per hall that `shouwen audit verify` walks, and an edited or removed row is found.
import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import type { ActionInput, ActionName } from '../../src/core/api'
import { audit, verifyHall } from '../../src/server/audit'
import { seedDemoHall } from '../../src/server/demoHall'
import type { Identity } from '../../src/server/identity'
import { openPostgresStore } from '../../src/server/store/postgres'
import { demoDb } from '../support/pglite'
import { citizen, rid, staffMember, testApi } from '../support/api'

const db = demoDb()
const now = new Date('2026-11-23T02:00:00Z')
const api = () => testApi({ store: db.store, now: () => now })
const li = staffMember('bdc-li')
const office = staffMember('office-xu')
const contact = { name: '张三', phone: '13912345678' }

async function code<A extends ActionName>(who: Identity, action: A, input: ActionInput<A>) {
  const a = await api().call(who, action, input)
  return a.ok ? 'ok' : a.error.code
}

it('staff see the number masked; the whole number is shown on request and the look is logged', async () => {
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', { hallId: 'demo', windowId: 'bdc', kind: 'consult', contact, text: '请问如何办理？', requestId: rid() })
  expect((await api().ok(me, 'getCase', { caseId })).contact.phone).toBe('13912345678')
  expect((await api().ok(li, 'getCase', { caseId })).contact.phone).toBe('139****5678')
  expect(await api().ok(li, 'revealPhone', { caseId })).toEqual({ phone: '13912345678' })
  expect(await code(me, 'revealPhone', { caseId })).toBe('UNAUTHENTICATED')
  expect(await code(staffMember('gjj-zhao'), 'revealPhone', { caseId })).toBe('FORBIDDEN')
  const [entry] = await db.store.listAudit('demo', 0, 10)
  expect(entry).toMatchObject({
    seq: 1,
    at: '2026-11-23T10:00:00+08:00',
    actor: { kind: 'staff', id: 'bdc-li', name: '李晓梅' },
    action: 'phone.reveal',
    target: `case:${caseId}`,
  })
  expect(await db.store.listAudit('demo', 1, 10)).toEqual([])

  // a complaint's number: the hall office only
  const filed = await api().ok(me, 'fileComplaint', {
    hallId: 'demo',
    target: { kind: 'case', caseId },
    topic: 'attitude',
    text: '工作人员态度很不耐烦。',
    contact,
    requestId: rid(),
    attachments: [],
  })
  expect((await api().ok(office, 'getComplaint', { complaintId: filed.id })).contact.phone).toBe('139****5678')
  expect(await code(li, 'revealPhone', { complaintId: filed.id })).toBe('FORBIDDEN')
  expect(await api().ok(office, 'revealPhone', { complaintId: filed.id })).toEqual({ phone: '13912345678' })
  expect((await db.store.listAudit('demo', 0, 10)).map((e) => e.action)).toEqual(['phone.reveal', 'phone.reveal'])
})

it('issuing invite codes and clearing bindings are logged, never the code itself', async () => {
  const invite = await api().ok(office, 'createInvite', { staffId: 'bdc-li' })
  await api().ok(office, 'unbindStaff', { staffId: 'bdc-li' })
  const entries = await db.store.listAudit('demo', 0, 10)
  expect(entries.map((e) => [e.action, e.target])).toEqual([
    ['invite.create', 'staff:bdc-li'],
    ['staff.unbind', 'staff:bdc-li'],
  ])
  expect(JSON.stringify(entries)).not.toContain(invite.code)
})

it('concurrent entries make one chain without gaps; an edited, removed or inserted row is found', async () => {
  const actor = { kind: 'staff', id: 'office-xu', name: '徐文' } as const
  await Promise.all(
    Array.from({ length: 20 }, (_, i) => audit(db.store, { hallId: 'demo', actor, action: 'window.update', target: `window:w${i}`, detail: { i } }, now)),
  )
  expect((await db.store.listAudit('demo', 0, 100)).map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  expect(await verifyHall(db.store, 'demo')).toEqual({ ok: true, entries: 20 })

  await sql`update audit_log set entry = jsonb_set(entry, '{detail,i}', '99') where hall_id = 'demo' and seq = 7`.execute(db.store.db)
  expect(await verifyHall(db.store, 'demo')).toMatchObject({ ok: false, seq: 7, reason: '记录内容与其校验值不符（被修改过）' })
  await sql`delete from audit_log where hall_id = 'demo' and seq >= 7`.execute(db.store.db)
  expect(await verifyHall(db.store, 'demo')).toEqual({ ok: true, entries: 6 })
  await sql`delete from audit_log where hall_id = 'demo' and seq = 3`.execute(db.store.db)
  expect(await verifyHall(db.store, 'demo')).toMatchObject({ ok: false, seq: 4, reason: '编号不连续：应为 3' })
})

it('shouwen audit verify says where the chain breaks and exits 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shouwen-audit-'))
  // the command line's embedded database lives in DATA_DIR/pglite
  const store = await openPostgresStore({ dataDir: join(dir, 'pglite') })
  await store.migrate()
  await seedDemoHall(store)
  const actor = { kind: 'operator', id: 'cli', name: '服务器命令行' } as const
  for (let i = 0; i < 3; i++) await audit(store, { hallId: 'demo', actor, action: 'hall.import', target: 'hall:demo', detail: { i } }, now)
  await store.close()
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [join(__dirname, '../../bin/shouwen.js'), ...args], { env: { ...process.env, DATA_DIR: dir, NODE_OPTIONS: '' } })
      .then((r) => ({ code: 0, out: r.stdout + r.stderr }))
      .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }))
  expect(await run(['audit', 'verify'])).toEqual({ code: 0, out: 'demo：审计日志完整，共 3 条\n' })
  const again = await openPostgresStore({ dataDir: join(dir, 'pglite') })
  await sql`update audit_log set entry = jsonb_set(entry, '{actor,name}', '"别人"') where seq = 2`.execute(again.db)
  await again.close()
  const broken = await run(['audit', 'verify', '--hall', 'demo'])
  expect(broken.code).toBe(1)
  expect(broken.out).toContain('demo：审计日志第 2 条有问题：记录内容与其校验值不符（被修改过）')
}, 60_000)
