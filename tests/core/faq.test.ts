// 常见问答: what identifies a person never survives the redaction (a property over generated texts with
// names, mobile and landline numbers and 18-digit ID numbers), and the matching finds a published
// question by its words or its pinyin initials.
import fc from 'fast-check'
import { faqScore, matchFaqs, redact, type FaqView } from '../../src/core/faq'

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗']
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平']
const name = fc.tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 })).map(([s, g]) => s + g.join(''))
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''))
const mobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9)).map(([a, b]) => a + b)
const landline = fc.tuple(fc.constantFrom('0551', '0562', '010', '021'), digits(8), fc.boolean()).map(([a, b, dash]) => `${a}${dash ? '-' : ''}${b}`)
const idNumber = fc.tuple(digits(17), fc.constantFrom('0', '5', '9', 'X')).map(([a, b]) => a + b)
const filler = fc.constantFrom('您好，', '请问', '我想办理二手房过户，', '需要带什么材料？', '电话', '联系我：', '身份证号', '。', '谢谢')

it('takes out the given names, ID numbers and phone numbers wherever they appear', () => {
  fc.assert(
    fc.property(name, mobile, landline, idNumber, fc.array(filler, { maxLength: 6 }), fc.integer({ min: 0, max: 4 }), (who, m, l, id, words, at) => {
      const parts: string[] = [...words]
      parts.splice(Math.min(at, parts.length), 0, `我叫${who}，`, `手机${m}，`, `座机${l}，`, `身份证${id}。`, `${who}很着急。`)
      const out = redact(parts.join(''), [who])
      expect(out).not.toContain(who)
      expect(out).not.toContain(m)
      expect(out).not.toContain(l)
      expect(out).not.toContain(l.replace('-', ''))
      expect(out).not.toContain(id)
      // nothing of 7 digits or more is left
      expect(out).not.toMatch(/\d{7,}/)
    }),
    { numRuns: 300 },
  )
})

it('takes out a surname with how the person is addressed, and a name given after 我叫 / 本人', () => {
  expect(redact('张先生您好，王阿姨说本人李建国已经交过材料')).toBe('某先生您好，某阿姨说本人某某已经交过材料')
  // nothing else is changed
  expect(redact('二手房过户需要身份证和不动产权证书，一般 5 个工作日办结。')).toBe('二手房过户需要身份证和不动产权证书，一般 5 个工作日办结。')
})

const faqs: FaqView[] = [
  { id: 'q_1', matterId: 'bdc-gh', question: '二手房过户需要带哪些材料？', answer: '身份证、不动产权证书和购房合同。', initials: 'eshfxydnxcl' },
  { id: 'q_2', matterId: 'gjj-tq', question: '公积金提取多久到账？', answer: '审核通过后 3 个工作日内到账。', initials: 'gjjtqdjdz' },
]

it('finds a published question by its words or its pinyin initials, the chosen matter’s first', () => {
  expect(matchFaqs(faqs, '二手房过户要带什么', null).map((f) => f.id)).toEqual(['q_1'])
  expect(matchFaqs(faqs, '公积金提取要多久', null).map((f) => f.id)).toEqual(['q_2'])
  expect(matchFaqs(faqs, 'gjjtq', null).map((f) => f.id)).toEqual(['q_2'])
  expect(matchFaqs(faqs, '二手房过户要带什么', 'gjj-tq')).toEqual([])
  expect(matchFaqs(faqs, '社保卡丢了怎么补办', null)).toEqual([])
  expect(faqScore(faqs[0]!, '房')).toBe(0)
})
