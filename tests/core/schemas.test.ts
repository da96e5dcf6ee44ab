// The shared input schemas: what citizens type and what QR codes carry.
import fc from 'fast-check'
import { CaseText, Contact, Phone, formatScene, parseScene } from '../../src/core/schemas'

describe('phone numbers', () => {
  it.each([
    ['13912345678', '13912345678'],
    ['139 1234 5678', '13912345678'],
    ['+86 139-1234-5678', '13912345678'],
    ['0562-2881234', '0562-2881234'],
    ['010-88886666', '010-88886666'],
    ['05622881234', '05622881234'],
    ['0562-2881234-801', '0562-2881234-801'],
  ])('accepts %p', (raw, normalised) => {
    expect(Phone.parse(raw)).toBe(normalised)
  })

  it.each([['1391234567'], ['23912345678'], ['12012345678'], ['12345'], ['abc'], [''], ['562-2881234'], ['139123456789']])(
    'refuses %p with a clear message',
    (raw) => {
      const r = Phone.safeParse(raw)
      expect(r.success).toBe(false)
      if (!r.success) expect(r.error.issues[0]!.message).toContain('手机号')
    },
  )

  it('every mainland mobile number is accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/), (second, rest) => {
        expect(Phone.safeParse(`1${second}${rest}`).success).toBe(true)
      }),
    )
  })
})

describe('contact and text', () => {
  it('needs a name and a valid phone', () => {
    expect(Contact.safeParse({ name: ' ', phone: '13912345678' }).success).toBe(false)
    expect(Contact.parse({ name: ' 张三 ', phone: '13912345678' }).name).toBe('张三')
  })
  it('text is 5 to 1000 characters after trimming', () => {
    expect(CaseText.safeParse('  四个字啊  ').success).toBe(false)
    expect(CaseText.safeParse('五个字可以').success).toBe(true)
    expect(CaseText.safeParse('字'.repeat(1000)).success).toBe(true)
    expect(CaseText.safeParse('字'.repeat(1001)).success).toBe(false)
  })
})

describe('QR scenes', () => {
  it('round-trips hall and window and fits the 32 characters of wxacode.getUnlimited', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9]{1,15}$/),
        fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,13}$/), { nil: undefined }),
        (hallId, windowId) => {
          const scene = formatScene({ hallId, windowId })
          expect(scene.length).toBeLessThanOrEqual(32)
          expect(parseScene(scene)).toEqual({ hallId, windowId })
          expect(parseScene(encodeURIComponent(scene))).toEqual({ hallId, windowId })
        },
      ),
    )
  })
  it.each([[''], [null], ['h='], ['w=bdc'], ['h=DEMO'], ['h=demo&w'], ['%E0%A4%A'], ['h=demo&w=../x']])('rejects %p', (raw) => {
    expect(parseScene(raw)).toBeNull()
  })
})
