// `shouwen calendar due|year`, as the hall office runs it.
import { calendarCommand, parseInstant } from '../../src/server/commands/calendar'

async function run(args: string[], overrides = [] as Array<{ date: string; kind: 'workday' | 'restday'; note: string }>) {
  const out: string[] = []
  const err: string[] = []
  const code = await calendarCommand(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    loadOverrides: async (hallId) => {
      if (hallId !== 'demo') throw new Error(`找不到大厅：${hallId}`)
      return overrides
    },
  })
  return { code, out, err }
}

it('prints the due instant with +08:00', async () => {
  expect(await run(['due', '2026-09-30T15:00+08:00', '2'])).toEqual({ code: 0, out: ['2026-10-09T17:30:00+08:00'], err: [] })
  expect((await run(['due', '2026-10-09T02:00:00Z', '2'])).out).toEqual(['2026-10-12T17:30:00+08:00'])
  // a time without an offset is Beijing time
  expect((await run(['due', '2026-11-27 18:00', '0'])).out).toEqual(['2026-11-30T17:30:00+08:00'])
})

it('reads the hall overrides with --hall', async () => {
  const r = await run(['due', '2026-11-23T10:00+08:00', '1', '--hall', 'demo'], [{ date: '2026-11-24', kind: 'restday', note: '停电' }])
  expect(r.out).toEqual(['2026-11-25T17:30:00+08:00'])
  expect((await run(['due', '2026-11-23T10:00+08:00', '1', '--hall', 'nohall'])).code).toBe(2)
})

it('lists a year and marks overrides; warns when the official data is missing', async () => {
  const y2026 = await run(['year', '2026', '--hall', 'demo'], [{ date: '2026-12-26', kind: 'workday', note: '年底延时服务' }])
  expect(y2026.code).toBe(0)
  expect(y2026.out.join('\n')).toContain('2026-10-10 周六  国庆节')
  expect(y2026.out.join('\n')).toContain('2026-12-26 周六  年底延时服务  ［本厅调整］')
  expect(y2026.err).toEqual([])
  const y2027 = await run(['year', '2027'])
  expect(y2027.code).toBe(0)
  expect(y2027.err.join('')).toContain('2027 年的法定节假日数据尚未收录')
  const due = await run(['due', '2026-12-30T10:00+08:00', '3'])
  expect(due.err.join('')).toContain('2027')
})

it.each([
  [[]],
  [['due']],
  [['due', 'yesterday', '2']],
  [['due', '2026-02-30T10:00', '2']],
  [['due', '2026-11-23T10:00', '-1']],
  [['due', '2026-11-23T10:00', 'two']],
  [['year', '26']],
  [['year', '2026', '--hall']],
  [['weeks']],
])('refuses %p with exit code 2 and a message', async (args) => {
  const r = await run(args as string[])
  expect(r.code).toBe(2)
  expect(r.err.length).toBeGreaterThan(0)
})

it('parses ISO 8601 instants', () => {
  expect(parseInstant('2026-11-23T10:00:00.5+0800')?.toISOString()).toBe('2026-11-23T02:00:00.500Z')
  expect(parseInstant('2026-11-23')?.toISOString()).toBe('2026-11-22T16:00:00.000Z')
  expect(parseInstant('not a time')).toBeNull()
})
