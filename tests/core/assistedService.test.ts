// 帮办代办 rules (002 帮办代办制度): the 随机回访 draw as a property over generated months — the size
// asked, no repeats, only the month's finished requests, each equally likely — the request's clock, the
// 上门办 checks and the handover lines as staff type them.
import fc from 'fast-check'
import { assistedLimitDays, assistedRecord, drawSample, parseHandoverLine, seededRandom } from '../../src/core/assistedService'
import { finishedInMonth } from '../../src/core/assistedLedger'
import type { CaseState } from '../../src/core/caseState'
import { DomainError } from '../../src/core/errors'

const id = fc.stringMatching(/^c_[a-z0-9]{16}$/)

it('a draw has the size asked, no repeats, and only ids of the population', () => {
  fc.assert(
    fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 60 }), fc.nat(), fc.string(), (ids, k, seed) => {
      const size = 1 + (k % ids.length)
      const drawn = drawSample(ids, size, seededRandom(seed))
      expect(drawn).toHaveLength(size)
      expect(new Set(drawn).size).toBe(size)
      for (const d of drawn) expect(ids).toContain(d)
    }),
  )
})

it('a size larger than the population, or below one, is refused naming the field', () => {
  fc.assert(
    fc.property(fc.uniqueArray(id, { maxLength: 30 }), fc.integer({ min: 1, max: 20 }), (ids, extra) => {
      const refused = (size: number) => {
        try {
          drawSample(ids, size, Math.random)
          return null
        } catch (e) {
          return e instanceof DomainError ? `${e.code}:${String(e.details?.field)}` : 'crash'
        }
      }
      expect(refused(ids.length + extra)).toBe('INVALID_INPUT:size')
      expect(refused(0)).toBe('INVALID_INPUT:size')
    }),
  )
})

it('the same population and seed draw the same sample whatever the order; a larger size extends it', () => {
  fc.assert(
    fc.property(fc.uniqueArray(id, { minLength: 2, maxLength: 40 }), fc.string(), (ids, seed) => {
      const a = drawSample(ids, ids.length - 1, seededRandom(seed))
      const b = drawSample([...ids].reverse(), ids.length - 1, seededRandom(seed))
      expect(b).toEqual(a)
      expect(drawSample(ids, 1, seededRandom(seed))).toEqual(a.slice(0, 1))
    }),
  )
})

it('each request is about equally likely to be drawn', () => {
  const ids = Array.from({ length: 10 }, (_, i) => `c_${String(i).padStart(16, '0')}`)
  const hits = new Map(ids.map((x) => [x, 0]))
  const random = seededRandom('uniformity')
  for (let n = 0; n < 5000; n++) for (const d of drawSample(ids, 3, random)) hits.set(d, hits.get(d)! + 1)
  // each is drawn in 3 of 10 draws: 1500 expected, well within ±10 %
  for (const h of hits.values()) expect(Math.abs(h - 1500)).toBeLessThan(150)
})

it('the population is the requests finished in the month, in the hall’s time', () => {
  const request = (over: Partial<CaseState>) => ({ id: 'x', assisted: { mode: 'agent' }, completion: null, refusal: null, ...over }) as unknown as CaseState
  const states = [
    request({ id: 'a', completion: { result: '办结', at: '2026-11-30T23:30:00+08:00' } }),
    request({ id: 'b', refusal: { reason: '-', legalBasis: '-', at: '2026-11-01T00:10:00+08:00' } }),
    // 2026-12-01 07:00 in the hall, though still November in UTC
    request({ id: 'c', completion: { result: '办结', at: '2026-11-30T23:00:00Z' } }),
    request({ id: 'd' }),
    { ...request({ id: 'e', completion: { result: '办结', at: '2026-11-10T10:00:00+08:00' } }), assisted: undefined },
  ]
  expect(finishedInMonth(states, '2026-11').map((s) => s.id)).toEqual(['a', 'b'])
})

it('the request’s clock: the policy’s limit, else its matter’s promise, an instant matter the same day', () => {
  expect(assistedLimitDays(0, { kind: 'promised', promisedDays: 5 })).toBe(5)
  expect(assistedLimitDays(3, { kind: 'promised', promisedDays: 5 })).toBe(3)
  expect(assistedLimitDays(0, { kind: 'instant', promisedDays: null })).toBe(0)
  expect(assistedLimitDays(0, null)).toBe(0)
})

it('上门办 names its missing address or time', () => {
  const now = new Date('2026-11-23T02:00:00Z')
  const field = (f: () => unknown) => {
    try {
      f()
      return null
    } catch (e) {
      return (e as DomainError).details?.field
    }
  }
  expect(field(() => assistedRecord({ mode: 'help', homeVisit: { group: 'ill', address: '' } }, now))).toBe('assisted.homeVisit.address')
  expect(field(() => assistedRecord({ mode: 'help', homeVisit: { group: 'ill', address: '长江路 88 号' } }, now))).toBe('assisted.homeVisit.time')
  expect(assistedRecord({ mode: 'agent' }, now)).toEqual({ mode: 'agent' })
})

it('reads a handover line as staff type it', () => {
  expect(parseHandoverLine('不动产权证书 原件 1份')).toEqual({ name: '不动产权证书', copies: 1, original: true })
  expect(parseHandoverLine('身份证 复印件 2 份')).toEqual({ name: '身份证', copies: 2, original: false })
  expect(parseHandoverLine('委托书')).toEqual({ name: '委托书', copies: 1, original: true })
  expect(parseHandoverLine('  ')).toBeNull()
})
