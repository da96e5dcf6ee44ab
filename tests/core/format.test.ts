// How the pages write times: Beijing time whatever the phone's zone.
import { formatDateTime, formatTime } from '../../src/app/lib/format'

it('formats instants in Beijing time', () => {
  expect(formatTime('2026-11-25T09:30:00Z')).toBe('11月25日 17:30')
  expect(formatDateTime('2026-12-31T16:05:00Z')).toBe('2027年1月1日 00:05')
})
