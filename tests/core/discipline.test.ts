// Manual deductions for 效能纪律 (004 考核制度 三(二)) on the month's sheet: counted in the month they
// happened, outside the −10 cap that 三(一)(5) sets for ratings and complaints only, a violation reported
// at several levels counted once at its highest (三(二)(9)), revoked ones not at all.
import fc from 'fast-check'
import { assessMonth } from '../../src/core/assessment'
import { createCalendar } from '../../src/core/calendar'
import { countManual, DISCIPLINE_ITEMS, gradeOf, ManualDeductionInput, type ManualDeduction } from '../../src/core/discipline'
import { PRESETS } from '../../src/core/policy'

const cal = createCalendar()
const now = new Date('2026-12-05T00:00:00+08:00')
const staff = [
  { id: 'bdc-li', windowId: 'bdc' },
  { id: 'bdc-wang', windowId: 'bdc' },
]
let n = 0
function entry(over: Partial<ManualDeduction> & Pick<ManualDeduction, 'item' | 'points'>): ManualDeduction {
  n++
  return {
    id: `md_${String(n).padStart(16, '0')}`,
    hallId: 'demo',
    staffId: 'bdc-li',
    windowId: 'bdc',
    grade: 'base',
    label: DISCIPLINE_ITEMS.find((i) => i.id === over.item)!.label,
    cite: DISCIPLINE_ITEMS.find((i) => i.id === over.item)!.cite,
    occurredOn: '2026-11-10',
    reason: '上午迟到 20 分钟',
    evidence: '考勤机记录 08:50 打卡',
    photos: [],
    extendedService: false,
    sameIncidentAs: null,
    by: { id: 'office-xu', name: '徐主任' },
    at: `2026-11-${String(10 + (n % 15)).padStart(2, '0')}T10:00:00+08:00`,
    requestId: `req-${n}-xxxxxx`,
    revoked: null,
    ...over,
  }
}
const sheet = (manual: ManualDeduction[], complaints: Array<{ at: string }> = [], month = '2026-11') =>
  assessMonth(
    [],
    complaints.map((k, i) => ({ caseId: null, caseNo: `TS-${i}`, staffId: 'bdc-li', at: k.at })),
    staff,
    month,
    PRESETS['004'],
    cal,
    now,
    undefined,
    manual,
  )[0]!

it('every item cites 004 考核制度 and takes the regulation’s points', () => {
  for (const i of DISCIPLINE_ITEMS) {
    expect(i.cite).toMatch(/^004 考核制度 三\((一|二)\)\(\d+\)$/)
    for (const g of i.grades) expect(g.points).toBeLessThan(0)
  }
  const points = (id: string) => DISCIPLINE_ITEMS.find((i) => i.id === id)!.grades.map((g) => g.points)
  expect(points('lateOrEarly')).toEqual([-1, -2])
  expect(points('offPost')).toEqual([-1, -2, -3])
  expect(points('quarrel')).toEqual([-3])
  expect(points('drinking')).toEqual([-4])
  expect(points('inspection')).toEqual([-1, -2, -4, -6])
})

it('counts in the month it happened, with its reason and citation; a revoked one not at all', () => {
  const late = entry({ item: 'lateOrEarly', grade: 'over30', points: -2 })
  const drinking = entry({ item: 'drinking', points: -4, occurredOn: '2026-11-28', extendedService: true, reason: '周六延时服务期间饮酒' })
  const revoked = entry({
    item: 'conduct',
    points: -1,
    revoked: { by: { id: 'office-xu', name: '徐主任' }, at: '2026-11-29T10:00:00+08:00', reason: '系误登', requestId: 'r-revoke-1' },
  })
  const december = entry({ item: 'quarrel', points: -3, occurredOn: '2026-12-01' })
  const s = sheet([late, drinking, revoked, december])
  expect(s.items.map((d) => [d.kind, d.points])).toEqual([
    ['discipline', -2],
    ['discipline', -4],
  ])
  expect(s.items[1]).toMatchObject({ note: expect.stringContaining('周六延时服务期间饮酒'), cite: '004 考核制度 三(二)(6)、004 考核制度 三(二)(10)' })
  expect(s.items[0]!.manual).toEqual({ id: late.id, label: '迟到、早退', evidence: '考勤机记录 08:50 打卡', photos: [] })
  expect(s.total).toBe(100 - 2 - 4)
  expect(sheet([late, drinking, revoked, december], [], '2026-12').total).toBe(100 - 3)
})

it('stays outside the −10 cap of ratings and complaints (三(一)(5) caps those two only)', () => {
  const complaints = Array.from({ length: 6 }, (_, i) => ({ at: `2026-11-${String(2 + i).padStart(2, '0')}T10:00:00+08:00` }))
  const manual = [entry({ item: 'offPost', grade: 'absentDay', points: -3 }), entry({ item: 'negativeRemarks', points: -3 })]
  const s = sheet(manual, complaints)
  // complaints −12 capped at −10; the manual −6 on top
  expect(s.capRelief).toBe(2)
  expect(s.total).toBe(100 - 10 - 6)
})

it('a violation reported at several levels counts once, at the highest (三(二)(9)); the others show 0 and why', () => {
  const town = entry({ item: 'inspection', grade: 'town', points: -1 })
  const city = entry({ item: 'inspection', grade: 'city', points: -4, sameIncidentAs: town.id })
  const district = entry({ item: 'inspection', grade: 'district', points: -2, sameIncidentAs: city.id })
  const other = entry({ item: 'inspection', grade: 'district', points: -2 })
  const s = sheet([town, city, district, other])
  const pointsOf = (id: string) => s.items.find((d) => d.manual?.id === id)!.points
  expect([town, city, district, other].map((d) => pointsOf(d.id))).toEqual([0, -4, 0, -2])
  expect(s.total).toBe(100 - 4 - 2)
  expect(s.items.find((d) => d.manual?.id === town.id)!.note).toContain('同一违纪行为已按最高一级扣分')
  // revoking the highest lets the next highest of the same incident count; the incident stays one
  const revokedCity = { ...city, revoked: { by: town.by, at: '2026-11-30T10:00:00+08:00', reason: '通报已撤回', requestId: 'r-x' } }
  expect(sheet([town, revokedCity, district, other]).total).toBe(100 - 2 - 2)
})

it('property: whatever the entries and revocations, each incident costs exactly its highest live report, and revoking never costs points', () => {
  const arb = fc.array(fc.record({ grade: fc.constantFrom(-1, -2, -4, -6), link: fc.nat(10), revoked: fc.boolean(), day: fc.integer({ min: 1, max: 30 }) }), {
    maxLength: 12,
  })
  fc.assert(
    fc.property(arb, (spec) => {
      const made: ManualDeduction[] = []
      for (const [i, x] of spec.entries()) {
        const target = i > 0 && x.link < i ? made[x.link] : undefined
        made.push(
          entry({
            item: 'inspection',
            points: x.grade,
            occurredOn: `2026-11-${String(x.day).padStart(2, '0')}`,
            sameIncidentAs: target?.id ?? null,
            revoked: x.revoked ? { by: { id: 'o', name: 'o' }, at: '2026-11-30T10:00:00+08:00', reason: '误登', requestId: `r-${i}-xxxxxx` } : null,
          }),
        )
      }
      const counted = countManual(made, '2026-11')
      const live = made.filter((d) => !d.revoked)
      const total = counted.reduce((s, c) => s + c.points, 0)
      expect(counted).toHaveLength(live.length)
      // each incident (its first report and all linked to it) costs exactly its highest live report
      const root = (d: ManualDeduction): string => (d.sameIncidentAs ? root(made.find((x) => x.id === d.sameIncidentAs)!) : d.id)
      const incidents = new Set(live.map(root))
      const expected = [...incidents].reduce((sum, r) => sum + Math.min(...live.filter((d) => root(d) === r).map((d) => d.points)), 0)
      expect(total).toBe(expected)
      // revoking any one never lowers the total
      for (const d of live) {
        const after = countManual(
          made.map((x) => (x === d ? { ...x, revoked: { by: x.by, at: x.at, reason: '误登', requestId: 'r-prop-xx' } } : x)),
          '2026-11',
        ).reduce((s, c) => s + c.points, 0)
        expect(after).toBeGreaterThanOrEqual(total)
      }
    }),
  )
})

it('a graded item needs its grade, named as the field; bad input names its field', () => {
  expect(gradeOf({ item: 'lateOrEarly', grade: undefined })).toEqual({ field: 'grade', message: expect.stringContaining('30 分钟以内') })
  expect(gradeOf({ item: 'lateOrEarly', grade: 'over30' })).toMatchObject({ grade: { points: -2 } })
  expect(gradeOf({ item: 'drinking', grade: undefined })).toMatchObject({ grade: { points: -4 } })
  expect(gradeOf({ item: 'drinking', grade: 'other' })).toMatchObject({ field: 'grade' })
  const good = { staffId: 'bdc-li', item: 'conduct', occurredOn: '2026-11-10', reason: '上班时间玩手机游戏', evidence: '监控截图', requestId: 'req-aaaaaaaa' }
  expect(ManualDeductionInput.safeParse(good).success).toBe(true)
  const field = (over: object) => ManualDeductionInput.safeParse({ ...good, ...over }).error?.issues[0]?.path.join('.')
  expect(field({ item: 'smoking' })).toBe('item')
  expect(field({ reason: '迟到' })).toBe('reason')
  expect(field({ evidence: '' })).toBe('evidence')
  expect(field({ occurredOn: '2026-13-01' })).toBe('occurredOn')
  expect(field({ photos: ['not-a-photo'] })).toBe('photos.0')
})
