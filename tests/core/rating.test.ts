// 好差评 (GB/T 39735): the five levels, what counts as a bad rating, and the labels the pages show.
import fc from 'fast-check'
import { PRESETS } from '../../src/core/policy'
import { BAD_REASON_LABELS, BadReason, isBad, RATING_LABELS, RatingLevelSchema } from '../../src/core/rating'

describe('rating levels (GB/T 39735)', () => {
  it('has five levels, 非常满意 5 down to 非常不满意 1', () => {
    expect(Object.entries(RATING_LABELS).sort(([a], [b]) => Number(b) - Number(a))).toEqual([
      ['5', '非常满意'],
      ['4', '满意'],
      ['3', '基本满意'],
      ['2', '不满意'],
      ['1', '非常不满意'],
    ])
  })

  it('accepts only the whole levels 1 to 5', () => {
    for (const level of [1, 2, 3, 4, 5]) expect(RatingLevelSchema.safeParse(level).success).toBe(true)
    for (const level of [0, 6, 2.5, -1, Number.NaN]) expect(RatingLevelSchema.safeParse(level).success).toBe(false)
    const r = RatingLevelSchema.safeParse(0)
    expect(r.success ? null : r.error.issues[0]!.message).toBe('请选择评价等级')
  })

  it('every preset counts 不满意 and 非常不满意 as bad, 基本满意 and above as not', () => {
    for (const preset of Object.values(PRESETS)) {
      const at = preset.rating.badAtOrBelow.value
      expect([1, 2, 3, 4, 5].filter((l) => isBad(l, at))).toEqual([1, 2])
    }
  })

  it("law: a level is bad exactly when it is at or below the hall's threshold, and a worse level is never better", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), (a, b, threshold) => {
        expect(isBad(a, threshold)).toBe(a <= threshold)
        if (a <= b && isBad(b, threshold)) expect(isBad(a, threshold)).toBe(true)
      }),
    )
  })

  it('every reason a citizen can pick for a bad rating has a label', () => {
    for (const reason of BadReason.options) expect(BAD_REASON_LABELS[reason]).toMatch(/\S/)
    expect(BadReason.safeParse('rude').success).toBe(false)
  })
})
