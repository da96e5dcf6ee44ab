// How the pages write times: Beijing time whatever the phone's zone.
import { formatDateTime, formatTime, remaining } from '../../src/app/lib/format'

it('formats instants in Beijing time', () => {
  expect(formatTime('2026-11-25T09:30:00Z')).toBe('11月25日 17:30')
  expect(formatDateTime('2026-12-31T16:05:00Z')).toBe('2027年1月1日 00:05')
})

it('says how much time is left or overdue', () => {
  const now = Date.parse('2026-11-23T10:00:00+08:00')
  expect(remaining('2026-11-25T17:30:00+08:00', now)).toBe('还剩 2 天 7 小时')
  expect(remaining('2026-11-23T12:00:00+08:00', now)).toBe('还剩 2 小时')
  expect(remaining('2026-11-23T09:15:00+08:00', now)).toBe('已超时 45 分钟')
})
