// 长辈版 and accessibility in the H5 build: every citizen page in both modes passes axe-core with no
// serious or critical violation; in care mode every line of text is at least 18 px and every tappable
// element at least 48 px tall, the entry opens on four big buttons, and the switch is remembered from
// page to page. Screenshots of each page in both modes go to test-results/care-*.png.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { demoHall, phone, shot } from './support'

const hall = demoHall()
const AXE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[] }>
}

/** the serious and critical violations axe-core finds on the page as it stands */
async function violations(page: Page): Promise<Violation[]> {
  await page.waitForTimeout(300)
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE })
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Violation[] }> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }))
  })
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** the smallest font size of any visible text, and the tappable elements shorter than 48 px */
async function sizes(page: Page) {
  return page.evaluate(() => {
    let smallest = Infinity
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !n.textContent?.trim()) continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || el.closest('.splash, [aria-hidden="true"], script, style')) continue
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize))
    }
    const small = Array.from(document.querySelectorAll('[role="button"], [role="link"], [role="switch"], .btn, .chip, .choice, .link'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && r.height < 48)
      .map(({ el, r }) => `${el.className} (${Math.round(r.height)} px): ${(el.textContent ?? '').slice(0, 20)}`)
    return { smallest, small }
  })
}

/** the tappable elements (by their classes) that a screen reader would not announce as a control */
async function roleless(page: Page) {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll(
        '.item, .nav-link, .chip, .choice, .segmented__item, .rating__level, .matters__item, .action, .link, .photos__add, .photos__remove, .care-menu__btn, .citizen-nav__item, .care-switch',
      ),
    )
      .filter((el) => el.getBoundingClientRect().height > 0 && !el.getAttribute('role'))
      .map((el) => `${el.className}: ${(el.textContent ?? '').slice(0, 20)}`),
  )
}

/** what each page got wrong, gathered so one run shows every page's faults */
const faults: Record<string, unknown> = {}

async function check(page: Page, name: string, care: boolean) {
  await page
    .locator(care ? '.page.care' : '.page:not(.care)')
    .first()
    .waitFor()
  await shot(page, `care-${name}-${care ? 'care' : 'standard'}`)
  const key = `${name} (${care ? '长辈版' : '标准版'})`
  const found = await violations(page)
  if (found.length) faults[`${key} axe`] = found
  const bare = await roleless(page)
  if (bare.length) faults[`${key} tappable without a role`] = bare
  if (care) {
    const { smallest, small } = await sizes(page)
    if (smallest < 18) faults[`${key} smallest text`] = smallest
    if (small.length) faults[`${key} small targets`] = small
  }
}

it('every citizen page passes axe-core in both modes; care mode is large, simple and remembered', async () => {
  const base = hall.server.base
  const entry = `${base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo&w=bdc')}`
  // a case and a complaint of this citizen to look at
  const { page, no } = await hall.consult('bdc', { name: '周奶奶', phone: '13800001234' }, '请问老年人优待证在哪里办理？')
  const caseUrl = page.url()
  await page.goto(`${base}/#/pages/complaint/index?hall=demo&window=bdc`)
  await page.locator('.chip').first().click()
  await page.locator('.field__input input, input.field__input').nth(0).fill('周奶奶')
  await page.locator('.field__input input, input.field__input').nth(1).fill('13800001234')
  await page.locator('textarea').fill('窗口排队时间太长，没有人引导老年人取号。')
  await page.getByText('提交投诉').click()
  await page.getByText(/您的投诉已受理/).waitFor()
  const complaintUrl = page.url()

  // pinch-zoom is allowed: the viewport never forbids scaling
  expect(await page.locator('meta[name="viewport"]').getAttribute('content')).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\D|$)/)

  const pages: Array<[string, string]> = [
    ['case', caseUrl],
    ['mine', `${base}/#/pages/mine/index`],
    ['inbox', `${base}/#/pages/inbox/index?as=citizen`],
    ['complaint-form', `${base}/#/pages/complaint/index?hall=demo&window=bdc`],
    ['complaint', complaintUrl],
    ['invalid-code', `${base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo&w=nosuch')}`],
    ['lookup', `${base}/#/pages/lookup/index`],
  ]

  for (const care of [false, true]) {
    await page.goto(entry)
    await page.locator('.hero__hall').waitFor()
    if (care) {
      await page.locator('.care-switch').click()
      // the simpler first screen: four big buttons
      for (const label of ['我要咨询', '我要办事', '查进度', '打电话给大厅']) await page.locator('.care-menu__btn', { hasText: label }).waitFor()
      await check(page, 'entry-menu', true)
      await page.locator('.care-menu__btn', { hasText: '我要咨询' }).click()
      await page.getByText('提交咨询').waitFor()
    }
    await check(page, 'entry', care)
    for (const [name, url] of pages) {
      await page.goto(url)
      await page.reload()
      if (name === 'case') await page.getByText(no).first().waitFor()
      await check(page, name, care)
    }
  }

  expect(faults).toEqual({})

  // the switch holds after a reload and turns off again from any page
  await page.goto(`${base}/#/pages/mine/index`)
  await page.reload()
  await page.locator('.page.care').waitFor()
  await page.locator('.care-switch').click()
  await page.locator('.page:not(.care)').first().waitFor()

  // 首页 leads back to the hall the citizen scanned
  await page.locator('.citizen-nav__item', { hasText: '首页' }).click()
  await page.locator('.hero__hall').waitFor()
  expect(decodeURIComponent(page.url())).toContain('w=bdc')
}, 300_000)

it('a fresh phone starts in the standard layout', async () => {
  const page = await (await phone(hall.browser)).newPage()
  await page.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo&w=bdc')}`)
  await page.getByText('提交咨询').waitFor()
  expect(await page.locator('.page.care').count()).toBe(0)
})

it('a long text is kept whole with a counter; an error beside its field goes as the field changes', async () => {
  const page = await (await phone(hall.browser)).newPage()
  await page.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo&w=bdc')}`)
  await page.getByText('提交咨询').waitFor()
  const long = '请问'.repeat(600)
  await page.locator('textarea').fill(long)
  expect(await page.locator('textarea').inputValue()).toHaveLength(1200)
  await page.locator('.field__count--over', { hasText: '超出 200 字，请删减' }).waitFor()
  await page.getByText('提交咨询').click()
  await page.locator('.field__error', { hasText: '内容不超过 1000 个字' }).waitFor()
  const errors = await page.locator('.field__error').count()
  // the empty name and phone are refused beside their fields too
  expect(errors).toBeGreaterThan(1)
  await page.locator('textarea').fill('请问老年人优待证在哪里办理？')
  await page.locator('.field__error', { hasText: '内容不超过 1000 个字' }).waitFor({ state: 'detached' })
  expect(await page.locator('.field__error').count()).toBe(errors - 1)
  await shot(page, 'care-entry-errors-standard')
})
