// The hall office manages staff: add, edit, move between windows, set the sign-in, deactivate (never
// delete); every change in the audit log.
import type { ActionInput, ActionName } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'
import { verifyPassword } from '../../src/server/password'
import { demoDb } from '../support/pglite'
import { citizen, staffMember, testApi, outcome } from '../support/api'

const db = demoDb()
const now = new Date('2026-11-23T02:00:00Z')
const api = (mode: 'cloud' | 'selfHosted' = 'selfHosted') => testApi({ store: db.store, now: () => now, mode })
const office = staffMember('office-xu')
const person = { name: '吴敏', title: '科员', post: '综合受理岗', windowId: 'zxzx', role: 'staff' as const, rank: 1, phone: '0562-2880601', active: true }

const code = <A extends ActionName>(who: Identity, action: A, input: ActionInput<A>, mode: 'cloud' | 'selfHosted' = 'selfHosted') =>
  outcome(api(mode), who, action, input)

it('adds a staff member who signs in with the login and password the office sets', async () => {
  const added = await api().ok(office, 'saveStaff', { ...person, login: 'wumin' })
  expect(added).toMatchObject({ name: '吴敏', windowName: '综合咨询窗口', login: 'wumin', bound: false, active: true })
  expect(added.id).toMatch(/^s-[a-f0-9]{10}$/)
  expect(await api().ok(office, 'setStaffPassword', { staffId: added.id, password: 'a-long-password' })).toEqual({ staffId: added.id, login: 'wumin' })
  const found = await db.store.findStaffByLogin('demo', 'wumin')
  expect(await verifyPassword('a-long-password', found!.passwordHash)).toBe(true)
  const signedIn = await api().call(citizen(), 'login', { hallId: 'demo', login: 'wumin', password: 'a-long-password' })
  expect(signedIn.ok && signedIn.data.staff?.name).toBe('吴敏')
  const list = await api().ok(office, 'staffList', {})
  expect(list.mode).toBe('selfHosted')
  expect(list.staff.find((s) => s.id === added.id)).toMatchObject({ login: 'wumin' })
  expect(list.windows.map((w) => w.id)).toContain('zxzx')
  expect((await db.store.listAudit('demo', 0, 10)).map((e) => e.action)).toEqual(['staff.create', 'staff.password'])
})

it('moves, promotes and deactivates; a deactivated person can no longer sign in or act', async () => {
  const added = await api().ok(office, 'saveStaff', { ...person, login: 'wumin' })
  const moved = await api().ok(office, 'saveStaff', { ...person, id: added.id, windowId: 'bdc', role: 'lead', title: '首席代表', rank: 3 })
  expect(moved).toMatchObject({ windowName: '不动产登记窗口', role: 'lead', login: 'wumin' })
  await api().ok(office, 'setStaffPassword', { staffId: added.id, password: 'a-long-password' })
  await api().ok(office, 'saveStaff', { ...person, id: added.id, windowId: 'bdc', active: false })
  const denied = await api().call(citizen(), 'login', { hallId: 'demo', login: 'wumin', password: 'a-long-password' })
  expect(denied.ok).toBe(false)
  expect(await code(staffMember(added.id), 'staffQueue', {})).toBe('UNAUTHENTICATED')
  const list = await api().ok(office, 'staffList', {})
  expect(list.staff.at(-1)).toMatchObject({ id: added.id, active: false })
  const audit = await db.store.listAudit('demo', 0, 10)
  expect(audit.map((e) => [e.action, e.detail.changed])).toEqual([
    ['staff.create', 'created'],
    ['staff.update', 'windowId,title,role,rank'],
    ['staff.password', undefined],
    ['staff.update', 'title,role,rank,active'],
  ])
})

it('refuses what does not fit, with the field to fix', async () => {
  expect(await code(office, 'saveStaff', { ...person, windowId: null })).toBe('INVALID_INPUT:windowId')
  expect(await code(office, 'saveStaff', { ...person, windowId: 'nosuch' })).toBe('NOT_FOUND:windowId')
  expect(await code(office, 'saveStaff', { ...person, name: '' })).toBe('INVALID_INPUT:name')
  expect(await code(office, 'saveStaff', { ...person, login: '李 晓梅' })).toBe('INVALID_INPUT:login')
  await api().ok(office, 'saveStaff', { ...person, login: 'wumin' })
  expect(await code(office, 'saveStaff', { ...person, name: '另一人', login: 'wumin' })).toBe('CONFLICT:login')
  expect(await code(office, 'saveStaff', { ...person, id: 'nobody' })).toBe('NOT_FOUND:id')
  expect(await code(office, 'saveStaff', { ...person, id: 'office-xu', role: 'office', windowId: null, name: '徐文', active: false })).toBe('CONFLICT:role')
  expect(await code(office, 'setStaffPassword', { staffId: 'bdc-li', password: 'short' })).toBe('INVALID_INPUT:password')
  expect(await code(office, 'setStaffPassword', { staffId: 'bdc-wang', password: 'a-long-password' })).toBe('CONFLICT:staffId')
  expect(await code(office, 'setStaffPassword', { staffId: 'bdc-li', password: 'a-long-password' }, 'cloud')).toBe('FORBIDDEN')
  for (const who of [staffMember('bdc-lead'), staffMember('bdc-li')]) expect(await code(who, 'saveStaff', person)).toBe('FORBIDDEN')
  expect(await code(citizen(), 'staffList', {})).toBe('UNAUTHENTICATED')
})

it('in the cloud the list shows who has bound WeChat', async () => {
  const invite = await api('cloud').ok(office, 'createInvite', { staffId: 'bdc-li' })
  await api('cloud').ok({ citizenId: 'wx:o-li', staffId: null, openid: 'o-li' }, 'bindInvite', { code: invite.code })
  const list = await api('cloud').ok(office, 'staffList', {})
  expect(list.mode).toBe('cloud')
  expect(list.staff.find((s) => s.id === 'bdc-li')).toMatchObject({ bound: true })
  expect(list.staff.find((s) => s.id === 'bdc-wang')).toMatchObject({ bound: false })
  // deactivating clears the binding
  await api('cloud').ok(office, 'saveStaff', {
    name: '李晓梅',
    title: '科员',
    post: '不动产登记受理岗',
    windowId: 'bdc',
    role: 'staff',
    rank: 1,
    phone: '',
    active: false,
    id: 'bdc-li',
  })
  expect(await db.store.staffOpenid('bdc-li')).toBeNull()
})

it('a repeated or concurrent add with the same request adds the person once', async () => {
  const requestId = 'add-wumin-0001'
  const answers = await Promise.all([0, 1, 2].map(() => api().ok(office, 'saveStaff', { ...person, requestId })))
  expect(new Set(answers.map((a) => a.id)).size).toBe(1)
  expect((await api().ok(office, 'staffList', {})).staff.filter((s) => s.name === '吴敏')).toHaveLength(1)
  const other = await api().ok(office, 'saveStaff', { ...person, requestId: 'add-wumin-0002' })
  expect(other.id).not.toBe(answers[0]!.id)
})
