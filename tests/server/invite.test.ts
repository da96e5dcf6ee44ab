// WeChat sign-in for staff in the cloud: the hall office issues a one-time invite code, the staff
// member enters it once, and from then on their OPENID is their staff identity.
import type { Identity } from '../../src/server/identity'
import { demoDb } from '../support/pglite'
import { anonymous, citizen, staffMember, testApi, outcome } from '../support/api'

const db = demoDb()
let now = new Date('2026-11-23T02:00:00Z')
const cloud = () => testApi({ store: db.store, now: () => now, mode: 'cloud', demo: false })
const selfHosted = () => testApi({ store: db.store, now: () => now })
const office = staffMember('office-xu')
const wx = (openid: string): Identity => ({ citizenId: `wx:${openid}`, staffId: null, openid })

beforeEach(() => {
  now = new Date('2026-11-23T02:00:00Z')
})

const code = outcome

it('the hall office issues a code; the staff member binds once and then acts as staff', async () => {
  const invite = await cloud().ok(office, 'createInvite', { staffId: 'bdc-li' })
  expect(invite).toMatchObject({ staffId: 'bdc-li', staffName: '李晓梅', expiresAt: '2026-11-30T10:00:00+08:00' })
  expect(invite.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/)
  const phone = wx('o-li-phone')
  expect((await cloud().ok(phone, 'session', {})).staff).toBeNull()
  // typed in lower case without the dash still counts
  const session = await cloud().ok(phone, 'bindInvite', { code: invite.code.replace('-', '').toLowerCase() })
  expect(session.staff).toMatchObject({ id: 'bdc-li', name: '李晓梅', windowName: expect.any(String) })
  expect((await cloud().ok(phone, 'session', {})).staff?.id).toBe('bdc-li')
  expect((await cloud().ok(phone, 'staffQueue', {})).unclaimed).toEqual(expect.any(Array))
  expect(await code(cloud(), wx('o-other'), 'bindInvite', { code: invite.code })).toBe('CONFLICT:code')
})

it('refuses a wrong code, and only the hall office of the same hall may issue or clear bindings', async () => {
  expect(await code(cloud(), wx('o-1'), 'bindInvite', { code: 'ABCD-EFGH' })).toBe('NOT_FOUND:code')
  expect(await code(cloud(), wx('o-1'), 'bindInvite', { code: '12' })).toBe('INVALID_INPUT:code')
  expect(await code(cloud(), staffMember('bdc-lead'), 'createInvite', { staffId: 'bdc-li' })).toBe('FORBIDDEN')
  expect(await code(cloud(), staffMember('bdc-li'), 'createInvite', { staffId: 'bdc-li' })).toBe('FORBIDDEN')
  expect(await code(cloud(), citizen(), 'createInvite', { staffId: 'bdc-li' })).toBe('UNAUTHENTICATED')
  expect(await code(cloud(), anonymous, 'unbindStaff', { staffId: 'bdc-li' })).toBe('UNAUTHENTICATED')
  expect(await code(cloud(), office, 'createInvite', { staffId: 'nobody' })).toBe('NOT_FOUND:staffId')
  const other = await db.store.getStaff('bdc-li')
  await db.store.putHall({ ...(await db.store.getHall('demo'))!, id: 'elsewhere', name: '另一个大厅' })
  await db.store.putStaff({ ...other!, id: 'far-away', hallId: 'elsewhere', windowId: null })
  expect(await code(cloud(), office, 'createInvite', { staffId: 'far-away' })).toBe('NOT_FOUND:staffId')
  await db.store.putStaff({ ...other!, active: false })
  expect(await code(cloud(), office, 'createInvite', { staffId: 'bdc-li' })).toBe('CONFLICT:staffId')
})

it('a code expires after 7 days, a newer code revokes the older, and a WeChat account binds one staff record', async () => {
  const first = await cloud().ok(office, 'createInvite', { staffId: 'bdc-li' })
  const second = await cloud().ok(office, 'createInvite', { staffId: 'bdc-li' })
  expect(await code(cloud(), wx('o-li'), 'bindInvite', { code: first.code })).toBe('CONFLICT:code')
  now = new Date('2026-11-30T02:00:01Z')
  expect(await code(cloud(), wx('o-li'), 'bindInvite', { code: second.code })).toBe('CONFLICT:code')
  now = new Date('2026-11-30T01:59:00Z')
  expect(await code(cloud(), wx('o-li'), 'bindInvite', { code: second.code })).toBe('ok')
  const wangs = await cloud().ok(office, 'createInvite', { staffId: 'bdc-wang' })
  expect(await code(cloud(), wx('o-li'), 'bindInvite', { code: wangs.code })).toBe('CONFLICT:code')
  expect(await code(cloud(), wx('o-wang'), 'bindInvite', { code: wangs.code })).toBe('ok')
})

it('a lost phone: the hall office clears the binding and the old account is a citizen again', async () => {
  const invite = await cloud().ok(office, 'createInvite', { staffId: 'bdc-li' })
  await cloud().ok(wx('o-old'), 'bindInvite', { code: invite.code })
  expect(await cloud().ok(office, 'unbindStaff', { staffId: 'bdc-li' })).toEqual({ staffId: 'bdc-li', bound: false })
  expect((await cloud().ok(wx('o-old'), 'session', {})).staff).toBeNull()
  const again = await cloud().ok(office, 'createInvite', { staffId: 'bdc-li' })
  expect((await cloud().ok(wx('o-new'), 'bindInvite', { code: again.code })).staff?.id).toBe('bdc-li')
})

it('self-hosted halls sign in with passwords: binding is refused there', async () => {
  const invite = await selfHosted().ok(office, 'createInvite', { staffId: 'bdc-li' })
  expect(await code(selfHosted(), citizen(), 'bindInvite', { code: invite.code })).toBe('FORBIDDEN')
  expect(await code(cloud(), { citizenId: 'wx:x', staffId: null }, 'bindInvite', { code: invite.code })).toBe('UNAUTHENTICATED')
})
