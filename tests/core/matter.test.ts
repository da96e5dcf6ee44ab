import fc from 'fast-check'
import { matchScore, searchMatters, type Searchable } from '../../src/core/matter'

const catalog: Searchable[] = [
  { name: '不动产转移登记（二手房买卖）', initials: 'bdczydjesfmm', keywords: ['过户', '二手房'] },
  { name: '不动产抵押登记', initials: 'bdcdydj', keywords: ['贷款', '抵押'] },
  { name: '住房公积金提取（购买自住住房）', initials: 'zfgjjtqgmzzzf', keywords: ['提取', '买房'] },
  { name: '住房公积金个人住房贷款受理', initials: 'zfgjjgrzfdksl', keywords: ['贷款'] },
  { name: '房产交易契税申报', initials: 'fcjyqssb', keywords: ['契税', '过户', '买房'] },
]
const names = (q: string) => searchMatters(catalog, q).map((m) => m.name)

describe('matter search (003: the public list of matters)', () => {
  it('finds by a part of the name, best match first', () => {
    expect(names('公积金')).toEqual(['住房公积金提取（购买自住住房）', '住房公积金个人住房贷款受理'])
    expect(names('不动产抵押登记')[0]).toBe('不动产抵押登记')
  })

  it('finds by pinyin initials, prefix before infix, in any case', () => {
    expect(names('bdc')).toEqual(['不动产转移登记（二手房买卖）', '不动产抵押登记'])
    expect(names('GJJ')).toEqual(['住房公积金提取（购买自住住房）', '住房公积金个人住房贷款受理'])
    expect(names('qs')).toEqual(['房产交易契税申报'])
  })

  it('finds by keyword, where the name says something else', () => {
    expect(names('过户')).toEqual(['不动产转移登记（二手房买卖）', '房产交易契税申报'])
    // a name that says it wins over a keyword
    expect(names('贷款')).toEqual(['住房公积金个人住房贷款受理', '不动产抵押登记'])
  })

  it('finds by the characters of a query spread over the name', () => {
    expect(names('公积金提')).toEqual(['住房公积金提取（购买自住住房）'])
  })

  it('an empty query lists the whole catalog in its order; nonsense finds nothing', () => {
    expect(names('  ')).toEqual(catalog.map((m) => m.name))
    expect(names('xyzxyz')).toEqual([])
    expect(names('火星移民')).toEqual([])
  })

  it('law: every result matches, and every matter whose name contains the query is a result', () => {
    fc.assert(
      fc.property(fc.constantFrom(...catalog), fc.nat(10), fc.nat(4), (m, start, len) => {
        const q = m.name.slice(start, start + 1 + len)
        if (!q.trim()) return
        const found = searchMatters(catalog, q)
        expect(found).toContain(m)
        for (const f of found) expect(matchScore(f, q)).toBeGreaterThan(0)
      }),
    )
  })
})
