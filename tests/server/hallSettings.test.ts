// 大厅设置: the hall's public profile and its windows; a window with cases or staff still at it is not
// closed, and the refusal says how many.
import type { ActionInput, ActionName } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'
import { demoDb } from '../support/pglite'
import { citizen, rid, staffMember, testApi } from '../support/api'

const db = demoDb()
const now = new Date('2026-11-23T02:00:00Z')
const api = () => testApi({ store: db.store, now: () => now })
const office = staffMember('office-xu')

async function refusal<A extends ActionName>(who: Identity, action: A, input: ActionInput<A>) {
  const a = await api().call(who, action, input)
  return a.ok ? 'ok' : { code: a.error.code, field: a.error.details?.field, message: a.error.message }
}

it('edits the public profile citizens see, and opens a new window', async () => {
  const saved = await api().ok(office, 'saveHall', {
    name: '示范市政务服务中心',
    address: '示范市人民路 1 号',
    supervisionPhone: '0562-12345',
    complaintChannel: '12345 热线',
    generalWindowId: 'zxzx',
  })
  expect(saved.hall).toMatchObject({ address: '示范市人民路 1 号', complaintChannel: '12345 热线', generalWindowId: 'zxzx' })
  const entry = await api().ok(citizen(), 'entry', { scene: 'h=demo' })
  expect(entry.hall.address).toBe('示范市人民路 1 号')
  // the promises on the citizen's pages come from the hall's policy (000: reply in 2, complaint in 15 working days)
  expect(entry.limits).toEqual({ reply: 2, complaint: 15 })
  const withWindow = await api().ok(office, 'saveWindow', {
    id: 'hy',
    isNew: true,
    name: '婚姻登记窗口',
    number: 'C01',
    scope: '结婚登记，离婚登记，补领婚姻登记证',
    active: true,
  })
  expect(withWindow.windows.find((w) => w.id === 'hy')).toMatchObject({ name: '婚姻登记窗口', openCases: 0, active: true })
  expect((await api().ok(citizen(), 'entry', { scene: 'h=demo&w=hy' })).window?.name).toBe('婚姻登记窗口')
  // the same saves again (a double tap, a retried request): nothing more changes or is logged
  await api().ok(office, 'saveHall', {
    name: '示范市政务服务中心',
    address: '示范市人民路 1 号',
    supervisionPhone: '0562-12345',
    complaintChannel: '12345 热线',
    generalWindowId: 'zxzx',
  })
  await api().ok(office, 'saveWindow', {
    id: 'hy',
    isNew: true,
    name: '婚姻登记窗口',
    number: 'C01',
    scope: '结婚登记，离婚登记，补领婚姻登记证',
    active: true,
  })
  expect(await refusal(office, 'saveWindow', { id: 'hy', isNew: true, name: '户籍窗口', number: 'C02', scope: '', active: true })).toMatchObject({
    code: 'CONFLICT',
    field: 'id',
  })
  expect((await db.store.listAudit('demo', 0, 10)).map((e) => e.action)).toEqual(['hall.update', 'window.create'])
})

it('refuses to close a window with cases or staff still at it, saying how many', async () => {
  for (let i = 0; i < 2; i++) {
    await api().ok(citizen(), 'submitCase', {
      hallId: 'demo',
      windowId: 'sw',
      kind: 'consult',
      contact: { name: '张三', phone: '13912345678' },
      text: '请问如何缴纳契税？',
      requestId: rid(),
    })
  }
  const sw = (await api().ok(office, 'hallSettings', {})).windows.find((w) => w.id === 'sw')!
  expect(sw.openCases).toBe(2)
  const close = { id: 'sw', name: sw.name, number: sw.number, scope: sw.scope, active: false }
  expect(await refusal(office, 'saveWindow', close)).toEqual({ code: 'CONFLICT', field: 'active', message: '该窗口还有 2 件未结案件，请先办结或转交后再停用' })
  // a window without cases but with people working there
  const qykb = (await api().ok(office, 'hallSettings', {})).windows.find((w) => w.id === 'qykb')!
  expect(await refusal(office, 'saveWindow', { ...qykb, active: false })).toMatchObject({
    code: 'CONFLICT',
    message: expect.stringMatching(/^该窗口还有 \d 名在岗工作人员/),
  })
  expect(await refusal(office, 'saveWindow', { id: 'zxzx', name: '综合咨询窗口', number: 'D01', scope: '', active: false })).toMatchObject({ code: 'CONFLICT' })
  // an empty window closes, and stays listed as closed
  await api().ok(office, 'saveWindow', { id: 'hy', isNew: true, name: '婚姻登记窗口', number: 'C01', scope: '', active: true })
  const closed = await api().ok(office, 'saveWindow', { id: 'hy', name: '婚姻登记窗口', number: 'C01', scope: '', active: false })
  expect(closed.windows.find((w) => w.id === 'hy')!.active).toBe(false)
})

it('checks every field and who asks', async () => {
  expect(await refusal(office, 'saveWindow', { id: 'bdc', isNew: true, name: '重复窗口', number: '', scope: '', active: true })).toMatchObject({
    code: 'CONFLICT',
    field: 'id',
  })
  expect(await refusal(office, 'saveWindow', { id: 'nosuch', name: '不存在', number: '', scope: '', active: true })).toMatchObject({
    code: 'NOT_FOUND',
    field: 'id',
  })
  expect(await refusal(office, 'saveWindow', { id: 'Bad Id', isNew: true, name: '窗口', number: '', scope: '', active: true })).toMatchObject({
    code: 'INVALID_INPUT',
    field: 'id',
  })
  expect(await refusal(office, 'saveWindow', { id: 'hy', isNew: true, name: '婚', number: '', scope: '', active: true })).toMatchObject({
    code: 'INVALID_INPUT',
    field: 'name',
  })
  expect(
    await refusal(office, 'saveHall', { name: '示范市政务服务中心', address: '', supervisionPhone: '', complaintChannel: '', generalWindowId: 'nosuch' }),
  ).toMatchObject({ code: 'NOT_FOUND', field: 'generalWindowId' })
  expect(await refusal(office, 'saveHall', { name: '', address: '', supervisionPhone: '', complaintChannel: '' })).toMatchObject({
    code: 'INVALID_INPUT',
    field: 'name',
  })
  expect(await refusal(staffMember('bdc-lead'), 'hallSettings', {})).toMatchObject({ code: 'FORBIDDEN' })
  expect(await refusal(citizen(), 'saveHall', { name: '改名', address: '', supervisionPhone: '', complaintChannel: '' })).toMatchObject({
    code: 'UNAUTHENTICATED',
  })
})

it('keeps the business hours per weekday: clocks end at the day’s close, citizens read them', async () => {
  const weekday = [
    { start: '08:30', end: '12:00' },
    { start: '14:00', end: '17:00' },
  ]
  const hours = { 0: [], 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: [{ start: '08:30', end: '12:00' }], 6: [{ start: '09:00', end: '12:00' }] }
  const base = { name: '示范市政务服务中心', address: '', supervisionPhone: '0562-12345', complaintChannel: '' }
  const saved = await api().ok(office, 'saveHall', { ...base, hours })
  expect(saved.hall.hours).toEqual(hours)
  expect(saved.windows.find((w) => w.id === 'bdc')!.leads).toEqual(['周建国'])
  expect((await db.store.listAudit('demo', 0, 10)).map((e) => e.detail.changed)).toContain('address,complaintChannel,hours')

  // what the citizen reads on the entry page
  const entry = await api().ok(citizen(), 'entry', { scene: 'h=demo&w=bdc' })
  expect(entry.hall.hours).toEqual(['周一至周四 08:30-12:00、14:00-17:00', '周五 08:30-12:00', '周六 09:00-12:00'])
  // a consult on Monday 10:00 is due at Wednesday's close, 17:00
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'consult',
    contact: { name: '张三', phone: '13912345678' },
    text: '请问如何办理？',
    requestId: rid(),
  })
  expect((await api().ok(me, 'getCase', { caseId })).clocks[0]!.dueAt).toBe('2026-11-25T17:00:00+08:00')

  expect(await refusal(office, 'saveHall', { ...base, hours: { ...hours, 2: [{ start: '12:00', end: '09:00' }] } })).toMatchObject({
    code: 'INVALID_INPUT',
    field: 'hours.2',
    message: '结束时间须晚于开始时间',
  })
  expect(
    await refusal(office, 'saveHall', {
      ...base,
      hours: {
        ...hours,
        3: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      },
    }),
  ).toMatchObject({ field: 'hours.3', message: '时段不能重叠' })
  expect(await refusal(office, 'saveHall', { ...base, hours: { ...hours, 1: [{ start: '9:00', end: '12:00' }] } })).toMatchObject({ field: 'hours.1.0.start' })
  expect(await refusal(office, 'saveHall', { ...base, hours: { ...hours, 1: [] } })).toMatchObject({ field: 'hours', message: '周一至周五须有办公时间' })
})
