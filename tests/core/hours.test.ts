// Business hours: what the hall office may save, how a typed line is read, and the week in words.
import fc from 'fast-check'
import { DEFAULT_HOURS, describeHours, formatSpans, parseSpans, WeeklyHoursSchema, type Span, type WeeklyHours } from '../../src/core/hours'

const week = (change: Partial<WeeklyHours>): WeeklyHours => ({ ...DEFAULT_HOURS, ...change })
const refusal = (h: WeeklyHours) => {
  const r = WeeklyHoursSchema.safeParse(h)
  return r.success ? null : r.error.issues[0]!.message
}

describe('WeeklyHoursSchema', () => {
  it('accepts the default week: Monday to Friday 09:00-12:00 and 13:30-17:30, the weekend closed', () => {
    expect(refusal(DEFAULT_HOURS)).toBeNull()
    expect(refusal(week({ 6: [{ start: '09:00', end: '12:00' }] }))).toBeNull()
  })

  it('refuses a working weekday without hours, since clocks run on the official working days', () => {
    expect(refusal(week({ 3: [] }))).toBe('周一至周五须有办公时间')
  })

  it('refuses a span that ends before it starts, overlapping spans, more than four spans and a badly written time', () => {
    expect(refusal(week({ 1: [{ start: '12:00', end: '09:00' }] }))).toBe('结束时间须晚于开始时间')
    expect(
      refusal(
        week({
          1: [
            { start: '13:00', end: '17:00' },
            { start: '09:00', end: '13:30' },
          ],
        }),
      ),
    ).toBe('时段不能重叠')
    const five = ['08', '10', '12', '14', '16'].map((h) => ({ start: `${h}:00`, end: `${h}:30` }))
    expect(refusal(week({ 1: five }))).toBe('每天最多 4 个时段')
    expect(refusal(week({ 1: [{ start: '9:00', end: '12:00' }] }))).toBe('时间请写成 09:00 的形式')
    expect(refusal(week({ 1: [{ start: '09:00', end: '24:00' }] }))).toBe('时间请写成 09:00 的形式')
  })

  it('accepts spans that touch: one ends when the next begins', () => {
    expect(
      refusal(
        week({
          1: [
            { start: '09:00', end: '12:00' },
            { start: '12:00', end: '17:00' },
          ],
        }),
      ),
    ).toBeNull()
  })
})

describe('parseSpans', () => {
  it('reads the separators and dashes people type, and pads the hour', () => {
    const expected = [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]
    expect(parseSpans('09:00-12:00、13:30-17:30')).toEqual(expected)
    expect(parseSpans('9:00至12:00，13：30～17:30')).toEqual(expected)
    expect(parseSpans(' 9:00—12:00 ; 13:30到17:30 ')).toEqual(expected)
    expect(parseSpans('')).toEqual([])
  })

  it('gives null when a part cannot be read', () => {
    expect(parseSpans('上午 9 点到 12 点')).toBeNull()
    expect(parseSpans('09:00-12:00、下午')).toBeNull()
  })

  it('law: reading what formatSpans wrote gives the same spans', () => {
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)
    const span: fc.Arbitrary<Span> = fc.tuple(hhmm, hhmm).map(([start, end]) => ({ start, end }))
    fc.assert(fc.property(fc.array(span, { maxLength: 4 }), (spans) => expect(parseSpans(formatSpans(spans))).toEqual(spans)))
  })
})

describe('describeHours', () => {
  it('puts the days with the same hours together and leaves out closed days', () => {
    expect(describeHours(DEFAULT_HOURS)).toEqual(['周一至周五 09:00-12:00、13:30-17:30'])
  })

  it('a Saturday morning and a shorter Friday', () => {
    const h = week({ 5: [{ start: '09:00', end: '12:00' }], 6: [{ start: '09:00', end: '12:00' }] })
    expect(describeHours(h)).toEqual(['周一至周四 09:00-12:00、13:30-17:30', '周五至周六 09:00-12:00'])
  })

  it('Sunday comes last, after Saturday', () => {
    const sat = [{ start: '09:00', end: '11:00' }]
    expect(describeHours(week({ 6: sat, 0: [{ start: '14:00', end: '16:00' }] }))).toEqual([
      '周一至周五 09:00-12:00、13:30-17:30',
      '周六 09:00-11:00',
      '周日 14:00-16:00',
    ])
  })
})
