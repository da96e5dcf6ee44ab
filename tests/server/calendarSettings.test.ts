// 工作日历 for the hall office: the year's official days, the hall's own days, and the warning when the
// next year's notice is not in the data; the hall's days move the due times of new cases.
import type { ActionInput, ActionName } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'
import { demoDb } from '../support/pglite'
import { citizen, outcome, rid, staffMember, testApi } from '../support/api'

const db = demoDb()
const api = () => testApi({ store: db.store, now: () => new Date('2026-11-23T02:00:00Z') })
const office = staffMember('office-xu')
const code = <A extends ActionName>(who: Identity, action: A, input: ActionInput<A>) => outcome(api(), who, action, input)

it('shows the official days of the year, and the hall’s own days move the due times', async () => {
  const year = await api().ok(office, 'calendarSettings', {})
  expect(year.year).toBe(2026)
  expect(year.hasOfficialData).toBe(true)
  expect(year.holidays.some((h) => h.date === '2026-10-01' && h.source === 'official')).toBe(true)
  expect(year.makeupWorkdays.some((d) => d.date === '2026-10-10')).toBe(true)

  const withDay = await api().ok(office, 'saveCalendarDay', { date: '2026-11-24', kind: 'restday', note: '地方节日' })
  expect(withDay.overrides).toEqual([{ date: '2026-11-24', kind: 'restday', note: '地方节日' }])
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'consult',
    contact: { name: '张三', phone: '13912345678' },
    text: '请问如何办理？',
    requestId: rid(),
  })
  // received Mon 23 Nov: Tue 24 is the hall's rest day, so 2 working days end Thu 26 Nov
  expect((await api().ok(me, 'getCase', { caseId })).clocks[0]!.dueAt).toBe('2026-11-26T17:30:00+08:00')

  expect((await api().ok(office, 'removeCalendarDay', { date: '2026-11-24' })).overrides).toEqual([])
  expect((await db.store.listAudit('demo', 0, 10)).map((e) => e.action)).toEqual(['calendar.set', 'calendar.remove'])
})

it('warns while the next year has no official data, and checks its input', async () => {
  const view = await api().ok(office, 'calendarSettings', { year: 2027 })
  if (!view.hasOfficialData) expect(view.warning).toMatch(/^尚无 2027 年国务院节假日安排数据/)
  expect(await code(office, 'saveCalendarDay', { date: '2026-02-30', kind: 'restday', note: '地方节日' })).toBe('INVALID_INPUT:date')
  expect(await code(office, 'saveCalendarDay', { date: '2026-13-01', kind: 'restday', note: '地方节日' })).toBe('INVALID_INPUT:date')
  expect(await code(office, 'saveCalendarDay', { date: '2026-12-26', kind: 'workday', note: '' })).toBe('INVALID_INPUT:note')
  expect(await code(staffMember('bdc-lead'), 'calendarSettings', {})).toBe('FORBIDDEN')
})
