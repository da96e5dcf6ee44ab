// 审计日志: the hall office reads its hall's audit log by kind, person and day, newest first and page by
// page, in words; it sees the chain 完整 or where it breaks. Nobody else reads it.
import { sql } from 'kysely'
import type { ActionInput } from '../../src/core/api'
import { audit } from '../../src/server/audit'
import { demoDb } from '../support/pglite'
import { anonymous, citizen, outcome, rid, staffMember, testApi } from '../support/api'

const db = demoDb()
const now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const office = staffMember('office-xu')
const li = staffMember('bdc-li')

/** a few entries by the handlers, and older ones by the sign-in guard and the office */
async function someEntries() {
  const guard = { kind: 'operator', id: 'sign-in', name: '登录保护' } as const
  const xu = { kind: 'staff', id: 'office-xu', name: '徐文' } as const
  await audit(
    db.store,
    { hallId: 'demo', actor: guard, action: 'signIn.lock', target: 'login:li', detail: { failures: 5, until: '2026-11-20T10:15:00+08:00', address: null } },
    new Date('2026-11-20T02:00:00Z'),
  )
  await audit(
    db.store,
    { hallId: 'demo', actor: xu, action: 'calendar.set', target: 'day:2026-12-26', detail: { kind: 'workday', note: '延时服务' } },
    new Date('2026-11-21T02:00:00Z'),
  )
  const me = citizen()
  const { caseId, no } = await api().ok(me, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'consult',
    contact: { name: '张三', phone: '13912345678' },
    text: '请问如何办理？',
    requestId: rid(),
  })
  await api().ok(li, 'revealPhone', { caseId })
  await api().ok(office, 'createInvite', { staffId: 'bdc-li' })
  await api().ok(office, 'unbindStaff', { staffId: 'bdc-li' })
  return { no }
}

it('shows the office every entry newest first, in words, with the chain 完整 and the filters’ choices', async () => {
  const { no } = await someEntries()
  const log = await api().ok(office, 'auditLog', {})
  expect(log.chain).toEqual({ ok: true, entries: 5 })
  expect(log.nextBeforeSeq).toBeNull()
  expect(log.entries.map((e) => [e.seq, e.label, e.actor.name, e.target])).toEqual([
    [5, '解除微信绑定', '徐文', '工作人员 李晓梅'],
    [4, '生成邀请码', '徐文', '工作人员 李晓梅'],
    [3, '查看完整手机号', '李晓梅', `案件 ${no}`],
    [2, '设置工作日历', '徐文', '2026-12-26 的日历'],
    [1, '密码多次错误，账号暂停登录', '登录保护', '登录名 li'],
  ])
  expect(log.entries[3]!.details).toEqual(['调为工作日', '说明：延时服务'])
  expect(log.entries[4]!.details).toEqual(['连续错误 5 次', '暂停至 2026-11-20 10:15'])
  expect(log.entries[1]!.details[0]).toMatch(/^邀请码有效至 \d{4}-\d\d-\d\d \d\d:\d\d$/)
  // no raw fields or ids in what the page shows
  expect(JSON.stringify(log.entries.map((e) => [e.target, e.details]))).not.toMatch(/[{}]|bdc-li|c_/)
  expect(log.kinds.find((k) => k.id === 'phone')).toEqual({ id: 'phone', label: '查看手机号' })
  expect(log.people).toEqual(
    expect.arrayContaining([
      { id: 'office-xu', name: '徐文', note: '政务服务科' },
      { id: 'bdc-li', name: '李晓梅', note: expect.stringContaining('不动产') },
      { id: 'sign-in', name: '登录保护', note: '系统' },
    ]),
  )
})

it('filters by kind or action, person and day, and pages by beforeSeq', async () => {
  await someEntries()
  const seqs = async (q: ActionInput<'auditLog'>) => (await api().ok(office, 'auditLog', q)).entries.map((e) => e.seq)
  expect(await seqs({ kind: 'phone' })).toEqual([3])
  expect(await seqs({ kind: 'staff' })).toEqual([5])
  expect(await seqs({ kind: 'invite.create' })).toEqual([4])
  expect(await seqs({ actorId: 'office-xu' })).toEqual([5, 4, 2])
  expect(await seqs({ actorId: 'bdc-li' })).toEqual([3])
  expect(await seqs({ from: '2026-11-21', to: '2026-11-21' })).toEqual([2])
  expect(await seqs({ to: '2026-11-21' })).toEqual([2, 1])
  expect(await seqs({ actorId: 'office-xu', from: '2026-11-23' })).toEqual([5, 4])

  const first = await api().ok(office, 'auditLog', { limit: 2 })
  expect(first.entries.map((e) => e.seq)).toEqual([5, 4])
  expect(first.nextBeforeSeq).toBe(4)
  const second = await api().ok(office, 'auditLog', { limit: 2, beforeSeq: 4 })
  expect(second.entries.map((e) => e.seq)).toEqual([3, 2])
  // the chain was checked with the first page
  expect(second.chain).toBeNull()
  const last = await api().ok(office, 'auditLog', { limit: 2, beforeSeq: 2 })
  expect(last.entries.map((e) => e.seq)).toEqual([1])
  expect(last.nextBeforeSeq).toBeNull()
})

it('is for the hall office only; a bad query is refused with the field named', async () => {
  await someEntries()
  expect(await outcome(api(), li, 'auditLog', {})).toBe('FORBIDDEN')
  expect(await outcome(api(), staffMember('bdc-lead'), 'auditLog', {})).toBe('FORBIDDEN')
  expect(await outcome(api(), anonymous, 'auditLog', {})).toBe('UNAUTHENTICATED')
  expect(await outcome(api(), citizen(), 'auditLog', {})).toBe('UNAUTHENTICATED')
  const refused = await api().call(office, 'auditLog', { from: '2026-11-30', to: '2026-11-01' })
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '结束日期不能早于开始日期', details: { field: 'to' } } })
  const badKind = await api().call(office, 'auditLog', { kind: '../phone' })
  expect(badKind).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'kind' } } })
  expect(await outcome(api(), office, 'auditLog', { beforeSeq: -1 })).toBe('INVALID_INPUT:beforeSeq')
})

it('shows the chain 断裂 at the row that was edited, with the reason', async () => {
  await someEntries()
  await sql`update audit_log set entry = jsonb_set(entry, '{actor,name}', '"别人"') where hall_id = 'demo' and seq = 3`.execute(db.store.db)
  const log = await api().ok(office, 'auditLog', {})
  expect(log.chain).toEqual({ ok: false, entries: 3, seq: 3, reason: '记录内容与其校验值不符（被修改过）' })
  // the entries are still shown as stored
  expect(log.entries.find((e) => e.seq === 3)!.actor.name).toBe('别人')
})
