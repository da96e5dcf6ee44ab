/**
 * @jest-environment jsdom
 */
// 长辈版 in the built mini-program: a phone set to large text opens on the four big buttons; the
// switch is remembered, and 我要咨询 leads to the form.
import { answer, ariaOf, fire, phoneSettings, renderPage, storage, textIn, textOf } from './harness'
import { bdc, hall } from './fixtures'

it('large system text opens care mode on four big buttons; the switch is remembered and the form follows a choice', async () => {
  phoneSettings.fontSizeSetting = 22
  answer({
    entry: () => ({ ok: true, data: { hall, window: bdc, windows: [bdc], matters: [], subscribeTemplate: null, limits: { reply: 3, complaint: 15 } } }),
  })
  const page = await renderPage('pages/entry/index', { scene: encodeURIComponent('h=demo&w=bdc') })
  expect(textIn(page, 'care-switch')).toBe('长辈版 已开启')
  expect(textIn(page, 'care')).not.toBeNull()
  const menu = textIn(page, 'care-menu')
  for (const label of ['我要咨询', '我要办事', '查进度', '打电话给大厅']) expect(menu).toContain(label)
  expect(menu).toContain('0562-12345')
  expect(textOf(page)).not.toContain('提交咨询')
  // a screen reader hears each big button and the switch as what they are (WeChat's aria-role)
  expect(ariaOf(page, 'care-switch')).toEqual({ role: 'switch', checked: true })
  expect(ariaOf(page, 'care-menu__btn--primary')).toEqual({ role: 'button', label: '我要咨询' })
  expect(ariaOf(page, 'citizen-nav__item')).toEqual({ role: 'link', label: '首页' })
  // the chosen layout is remembered on the phone, not re-derived on every page
  expect(storage.get('shouwen.lastScene')).toBe('h=demo&w=bdc')

  await fire(page, 'care-menu__btn--primary', 'tap')
  expect(textOf(page)).toContain('提交咨询')
  expect(textIn(page, 'care-switch')).toBe('长辈版 已开启')

  await fire(page, 'care-switch', 'tap')
  expect(storage.get('shouwen.care')).toBe('off')
  expect(textIn(page, 'care-switch')).toBe('长辈版')
  expect(ariaOf(page, 'care-switch')).toEqual({ role: 'switch', checked: false })
  // the form's kind of request is a choice a screen reader names as one
  expect(ariaOf(page, 'segmented__item')).toMatchObject({ role: 'radio' })
  expect(textOf(page)).toContain('提交咨询')
})
