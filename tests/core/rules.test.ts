// Clocks, policy presets and the forbidden-phrase check.
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCalendar } from '../../src/core/calendar'
import { breachClock, CLOCK_LABELS, countdown, extendClock, meetClock, pauseClock, resumeClock, startClock } from '../../src/core/clock'
import { findForbiddenPhrases } from '../../src/core/forbiddenPhrase'
import { PRESETS, PRESET_IDS, POLICY_FIELDS, effectivePolicy, fieldHint, mayExtend } from '../../src/core/policy'

const cal = createCalendar()

describe('clocks', () => {
  const t0 = Date.parse('2026-01-05T08:00:00+08:00')
  const instant = fc.integer({ min: t0, max: t0 + 300 * 86_400_000 })

  it('pausing never makes a clock due earlier, and resuming moves it by the paused working time', () => {
    fc.assert(
      // event times are recorded to the second
      fc.property(
        instant,
        fc.integer({ min: 0, max: 20 * 86_400 }),
        fc.integer({ min: 0, max: 20 * 86_400 }),
        fc.integer({ min: 1, max: 10 }),
        (start0, a0, b0, n) => {
          const [start, a, b] = [Math.floor(start0 / 1000) * 1000, a0 * 1000, b0 * 1000]
          const clock = startClock('promised', new Date(start), n, cal)
          const paused = pauseClock(clock, new Date(start + a))
          if (!paused.ok) throw paused.error
          const resumed = resumeClock(paused.value, new Date(start + a + b), cal)
          if (!resumed.ok) throw resumed.error
          const moved = Date.parse(resumed.value.dueAt) - Date.parse(clock.dueAt)
          expect(moved).toBeGreaterThanOrEqual(0)
          const pausedWork = cal.workingMillisBetween(new Date(start + a), new Date(start + a + b))
          expect(cal.workingMillisBetween(new Date(clock.dueAt), new Date(resumed.value.dueAt))).toBe(pausedWork)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('breach only at or after due, never on a met or paused clock', () => {
    const clock = startClock('reply', new Date('2026-11-23T10:00:00+08:00'), 2, cal)
    expect(breachClock(clock, new Date('2026-11-25T17:00:00+08:00')).ok).toBe(false)
    expect(breachClock(clock, new Date('2026-11-25T17:30:00+08:00')).ok).toBe(true)
    const met = meetClock(clock, new Date('2026-11-24T10:00:00+08:00'))
    if (!met.ok) throw met.error
    const afterMet = breachClock(met.value, new Date('2026-11-26T10:00:00+08:00'))
    expect(afterMet.ok ? null : afterMet.error.message).toBe('答复时限已结束')
    const paused = pauseClock(clock, new Date('2026-11-24T10:00:00+08:00'))
    if (!paused.ok) throw paused.error
    const whilePaused = breachClock(paused.value, new Date('2026-11-26T10:00:00+08:00'))
    expect(whilePaused.ok ? null : whilePaused.error.message).toBe('答复时限暂停中，不计超时')
  })

  it('counts down in working days and hours, and overdue in started working days', () => {
    const clock = startClock('reply', new Date('2026-11-23T10:00:00+08:00'), 2, cal) // due Wed 17:30
    expect(countdown(clock, new Date('2026-11-23T10:00:00+08:00'), cal)).toBe('剩余 2 个工作日 6 小时')
    expect(countdown(clock, new Date('2026-11-25T16:00:00+08:00'), cal)).toBe('剩余 2 个工作小时')
    expect(countdown(clock, new Date('2026-11-25T17:00:00+08:00'), cal)).toBe('剩余不足 1 个工作小时')
    expect(countdown(clock, new Date('2026-11-26T09:30:00+08:00'), cal)).toBe('已超时 1 个工作日')
    // the weekend does not count
    expect(countdown(clock, new Date('2026-11-28T12:00:00+08:00'), cal)).toBe('已超时 2 个工作日')
  })

  it('an extension counts working days from the current due time', () => {
    const clock = startClock('promised', new Date('2026-11-23T10:00:00+08:00'), 5, cal)
    expect(clock.dueAt).toBe('2026-11-30T17:30:00+08:00')
    const ext = extendClock(clock, new Date('2026-11-24T10:00:00+08:00'), 2, '需现场勘验', 'bdc-lead', 5, cal)
    expect(ext.ok && ext.value.dueAt).toBe('2026-12-02T17:30:00+08:00')
  })
})

describe('policy presets', () => {
  it('every value of every preset carries a citation', () => {
    for (const id of PRESET_IDS) {
      const p = PRESETS[id]
      const cited = [
        ...Object.values(p.limits),
        ...Object.values(p.extension),
        p.forbiddenPhrases,
        ...Object.values(p.reminders),
        ...Object.values(p.rating),
        ...Object.values(p.assessment),
        ...Object.values(p.forms),
      ]
      for (const c of cited) expect(c.cite.length).toBeGreaterThan(2)
    }
  })

  it('the one-time notice is worded as each regulation asks, and the notices cite their own text', () => {
    const notice = (id: (typeof PRESET_IDS)[number]) => PRESETS[id].forms.supplementNotice
    // 000 附件1: the materials only, handed back
    expect(notice('000').value).toEqual(expect.objectContaining({ title: '一次性补件告知单', topics: [] }))
    expect(notice('000').value.intro).toContain('现将资料退回')
    // 001 第六条(一), 003 三(一)1: 办理依据、办理时限、办理程序和所需资料
    for (const id of ['001', '003'] as const) expect(new Set(notice(id).value.topics)).toEqual(new Set(['basis', 'timeLimit', 'procedure']))
    // 002 一次性告知 §1: 依据、条件、材料、办事程序、办理时限
    expect(notice('002').value.topics).toEqual(['basis', 'conditions', 'procedure', 'timeLimit'])
    expect(notice('004').value.title).toBe('补正材料一次性告知书')
    expect(PRESETS['002'].forms.refusalBeforeAcceptance.cite).toContain('002 限时办结 §3')
    expect(PRESETS['002'].forms.refusalAfterAcceptance).toEqual({ value: expect.objectContaining({ title: '不予登记通知书' }), cite: '002 限时办结 §4' })
    for (const id of PRESET_IDS) {
      // each cite names its own regulation (the remedy is the law's)
      for (const k of ['supplementNotice', 'acceptanceNotice', 'refusalBeforeAcceptance', 'refusalAfterAcceptance'] as const) {
        expect(PRESETS[id].forms[k].cite.startsWith(id)).toBe(true)
      }
      expect(PRESETS[id].forms.supplementNotice.value.intro).toContain('{matter}')
      // a hall's overrides never change the regulation's own form
      expect(effectivePolicy(id, { limits: { reply: 1 } }, 2)).toEqual(
        expect.objectContaining({ ok: true, value: expect.objectContaining({ forms: PRESETS[id].forms }) }),
      )
    }
  })

  it('takes each regulation own numbers', () => {
    expect(PRESETS['000'].limits.reply).toEqual({ value: 2, cite: '000 §4.2' })
    expect(PRESETS['000'].limits.jointPlan.value).toBe(2)
    expect(PRESETS['000'].limits.outsideForward).toEqual({ value: 2, cite: '000 §5.4' })
    expect(PRESETS['001'].limits.jointPlan).toEqual({ value: 3, cite: '001 §6(3)' })
    expect(PRESETS['002'].limits.supplementNotice.value).toBe(5)
    expect(PRESETS['002'].limits.complaint).toEqual({ value: 15, cite: '002 限时办结 §7' })
    expect(PRESETS['003'].limits.jointPlan.value).toBe(3)
    expect(PRESETS['003'].limits.handoverContact.value).toBe(0)
    expect(PRESETS['003'].forbiddenPhrases.value.map((p) => p.phrase)).toContain('我还有事')
    expect(PRESETS['004'].extension.maxDays).toEqual({ value: 5, cite: '004 限时办结 §5' })
    expect(PRESETS['004'].assessment.complaint.value).toBe(-2)
    expect(PRESETS['004'].assessment.ratingComplaintMonthlyCap.value).toBe(-10)
  })

  it('extensions: only the clocks the regulation lets a hall extend — none in 000, 001, 002 (cases) and 003, the promised limit in 004', () => {
    expect(Object.fromEntries(PRESET_IDS.map((id) => [id, PRESETS[id].extension.clockKinds.value]))).toEqual({
      '000': [],
      '001': [],
      '002': [],
      '003': [],
      '004': ['promised'],
    })
    expect(PRESETS['004'].extension.clockKinds.cite).toBe('004 限时办结 §5（仅承诺办结时限）')
    for (const id of PRESET_IDS) expect(mayExtend(PRESETS[id], 'reply')).toBe(false)
    const cap = POLICY_FIELDS.find((f) => f.key === 'maxDays')!
    // the cap is what extendClock enforces: all extensions of one clock together
    expect(cap.label).toBe('延期合计最多')
    expect(fieldHint(PRESETS['000'], cap, CLOCK_LABELS)).toMatch(/^本规定各项时限均不可延期（000 未规定延期/)
    expect(fieldHint(PRESETS['004'], cap, CLOCK_LABELS)).toMatch(/^可延期的时限：承诺办结时限（004 限时办结 §5/)
    const clock = startClock('promised', new Date('2026-11-23T10:00:00+08:00'), 3, cal)
    const once = extendClock(clock, new Date('2026-11-24T10:00:00+08:00'), 3, '需核查', 'bdc-li', 5, cal)
    if (!once.ok) throw new Error('the first extension of 3 days is within the cap of 5')
    expect(extendClock(once.value, new Date('2026-11-24T11:00:00+08:00'), 3, '仍需核查', 'bdc-li', 5, cal).ok).toBe(false)
  })

  it('the README states the rating window the presets set', () => {
    const days = new Set(PRESET_IDS.map((id) => PRESETS[id].rating.rateWithinDays.value))
    expect([...days]).toEqual([7])
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8').replace(/\s+/g, ' ')
    expect(readme).toContain("within the policy's rating window: 7 working days after the reply or decision in every preset")
    expect(readme).not.toMatch(/within 10 working days/)
  })

  it('a hall override keeps the citation and marks it as the hall own; bad overrides are refused', () => {
    const p = effectivePolicy('000', { limits: { reply: 1 }, extension: { maxDays: 3 } }, 2)
    expect(p.ok).toBe(true)
    if (!p.ok) return
    expect(p.value.version).toBe(2)
    expect(p.value.limits.reply).toEqual({ value: 1, cite: '000 §4.2（本厅调整）' })
    expect(p.value.limits.jointPlan).toEqual(PRESETS['000'].limits.jointPlan)
    const bad = effectivePolicy('000', { limits: { reply: -1 } }, 2)
    expect(bad.ok || bad.error.code).toBe('INVALID_INPUT')
  })
})

describe('forbidden phrases (000 §5.3, 003 三(三)3)', () => {
  const phrases = PRESETS['003'].forbiddenPhrases.value
  const found = (text: string) => findForbiddenPhrases(text, phrases).map((h) => h.phrase)

  it.each([
    ['这事不归我管', '不归我管'],
    ['这事不 归 我 管！', '不归我管'],
    ['这事不，归。我、管', '不归我管'],
    ['我也不知道', '不知道'],
    ['我也ｂｕ不知道', '不知道'],
    ['不歸我管', '不归我管'],
    ['我還有事', '我还有事'],
    ['ＢＵ不 淸 楚'.replace('淸', '清'), '不清楚'],
  ])('finds %p', (text, phrase) => {
    expect(found(text)).toContain(phrase)
  })

  it.each([['您好，已为您查询，需要携带身份证。'], ['不知，道路在东侧'.replace('，', '。。。。。')], ['请您放心，这归我们窗口办理']])(
    'does not flag %p',
    (text) => {
      expect(found(text)).toEqual([])
    },
  )

  it('reports where it stands and a polite alternative', () => {
    const [hit] = findForbiddenPhrases('您好，这个不 知 道。', phrases)
    expect(hit).toMatchObject({ phrase: '不知道', matched: '不 知 道', index: 5 })
    expect(hit!.suggestion).toContain('确认')
  })
})
