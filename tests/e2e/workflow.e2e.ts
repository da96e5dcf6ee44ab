// The first-responder paths in the H5 build: a one-time supplement notice the citizen acts on, a
// hand-over within the window with its printable slip, and a referral to another window.
import type { Page } from 'playwright-core'
import { demoHall, phone, shot } from './support'

const hall = demoHall()

async function submit(kind: 'consult' | 'application', text: string): Promise<{ page: Page; no: string }> {
  const page = await (await phone(hall.browser)).newPage()
  await page.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo&w=bdc')}`)
  if (kind === 'application') await page.getByText('我要办事').click()
  const inputs = page.locator('.field__input input, input.field__input')
  await inputs.nth(0).fill('王五')
  await inputs.nth(1).fill('13800001111')
  await page.locator('textarea').fill(text)
  await page.getByText(kind === 'consult' ? '提交咨询' : '提交办事申请').click()
  const no = (await page.locator('.case-head__no').textContent())!
  return { page, no }
}

async function staffOpen(name: string, no: string): Promise<Page> {
  const page = await (await phone(hall.browser)).newPage()
  await page.goto(`${hall.server.base}/#/staff/login/index`)
  await page.locator('.choice__name', { hasText: name }).click()
  await page.getByText(no).first().click()
  await page.locator('.case-head__no').waitFor()
  return page
}

async function openForm(page: Page, title: string) {
  await page.locator('.action__title', { hasText: title }).click()
}

it('supplement notice: found by matter search, the materials ticked from the list, the citizen says when they are ready', async () => {
  // the hall's code: the citizen searches the public list by pinyin initials and picks the matter
  const citizen = await (await phone(hall.browser)).newPage()
  await citizen.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo')}`)
  await citizen.locator('.search__input input, input.search__input').fill('bdc')
  await citizen.locator('.matters__name', { hasText: '不动产抵押登记' }).waitFor()
  await shot(citizen, '08-citizen-matter-search')
  await citizen.locator('.matters__name', { hasText: '不动产转移登记' }).click()
  await citizen.locator('.matter-card__material', { hasText: '不动产买卖合同' }).waitFor()
  await citizen.locator('.hero__window', { hasText: '不动产登记窗口' }).waitFor()
  await shot(citizen, '09-citizen-matter-chosen')
  const inputs = citizen.locator('.field__input input, input.field__input')
  await inputs.nth(0).fill('王五')
  await inputs.nth(1).fill('13800001111')
  await citizen.locator('textarea').fill('办理二手房转移登记')
  // two photos of documents, taken with the phone: uploaded (resized) as soon as they are chosen
  const photo = async (title: string) =>
    Buffer.from(
      (
        await citizen.evaluate((t) => {
          const c = document.createElement('canvas')
          c.width = 2400
          c.height = 1500
          const g = c.getContext('2d')!
          g.fillStyle = '#f7f3e8'
          g.fillRect(0, 0, c.width, c.height)
          g.fillStyle = '#333'
          g.font = 'bold 160px sans-serif'
          g.fillText(t, 200, 400)
          g.fillRect(200, 600, 2000, 40)
          g.fillRect(200, 800, 1600, 40)
          return c.toDataURL('image/png')
        }, title)
      ).split(',')[1]!,
      'base64',
    )
  const [chooser] = await Promise.all([citizen.waitForEvent('filechooser'), citizen.getByText('添加照片').click()])
  await chooser.setFiles([
    { name: 'contract.png', mimeType: 'image/png', buffer: await photo('不动产买卖合同') },
    { name: 'id.png', mimeType: 'image/png', buffer: await photo('居民身份证') },
  ])
  await citizen.locator('.photos__item--done').nth(1).waitFor()
  await shot(citizen, '09-citizen-photos')
  await citizen.getByText('提交办事申请').click()
  const no = (await citizen.locator('.case-head__no').textContent())!
  await citizen.getByText('事项：不动产转移登记（二手房买卖）').waitFor()
  const shown = async (page: Page) => {
    await page.locator('img.photos__img, .photos__img img').nth(1).waitFor()
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('img')).filter((i) => i.src.includes('/api/files/') && i.naturalWidth > 0).length === 2,
    )
  }
  await shown(citizen)

  const staff = await staffOpen('李晓梅', no)
  await shown(staff)
  await staff.getByText('接待此申请（成为首问负责人）').click()
  await staff.getByText('已接待，您是本案的首问负责人').waitFor()
  await openForm(staff, '一次性告知：一次性补件告知单')
  await staff.locator('.action--open .chip', { hasText: '不动产买卖合同' }).click()
  await staff.locator('.action--open .chip', { hasText: '完税凭证' }).click()
  await staff.locator('.action--open textarea').fill('原产权人的户口簿')
  await shot(staff, '10-staff-supplement-notice-form')
  await staff.getByText('出具告知单').click()
  await staff.getByText('告知单已出具').waitFor()
  await shot(staff, '10-staff-supplement-notice')

  await citizen.reload()
  await citizen.getByText('一次性补件告知单').first().waitFor()
  await citizen.getByText('1. 不动产买卖合同').first().waitFor()
  await citizen.getByText('3. 原产权人的户口簿').first().waitFor()
  await citizen.getByText('待补正材料').first().waitFor()
  await shot(citizen, '11-citizen-supplement-notice')
  await citizen.locator('.action', { hasText: '材料已备齐' }).getByText('材料已备齐', { exact: true }).last().click()
  await citizen.getByText('办理中').first().waitFor()

  // the printable form, laid out like 附件1
  await staff.reload()
  await staff.getByText('打印一次性补件告知单').click()
  await staff.locator('.a4__title', { hasText: '一次性补件告知单' }).waitFor()
  await staff.locator('.a4__fill', { hasText: '王五' }).waitFor()
  await shot(staff, '12-print-supplement-notice')
})

it('hand-over: a numbered slip, the receiver reads it and becomes first responder', async () => {
  const { page: citizen, no } = await submit('consult', '不动产证遗失了怎么补办？')
  const li = await staffOpen('李晓梅', no)
  await li.getByText('接待此咨询（成为首问负责人）').click()
  await li.getByText('已接待，您是本案的首问负责人').waitFor()
  await openForm(li, '移交本窗口承办人')
  await li.locator('.chip', { hasText: '王磊' }).click()
  const inputs = li.locator('.action--open .field__input input, .action--open input.field__input')
  await inputs.nth(0).fill('补证业务由王磊承办')
  await li.getByText('生成交接单').click()
  await li.getByText('交接单已生成，等待接收人阅知').waitFor()
  await li.getByText('打印交接单（附件2）').click()
  await li.locator('.a4__title', { hasText: '窗口首问负责事项交接单' }).waitFor()
  await li.locator('.a4__val', { hasText: '补证业务由王磊承办' }).waitFor()
  await shot(li, '13-print-handover-slip')

  const wang = await staffOpen('王磊', no)
  await wang.getByText('已阅知，承接首问责任').click()
  await wang.getByText('您已承接首问责任，请今天内联系市民').first().waitFor()
  await shot(wang, '14-staff-handover-acknowledged')

  await citizen.reload()
  await citizen.locator('.responder__name').getByText('王磊').waitFor()
  await citizen.getByText('移交本窗口承办').first().waitFor()
  await shot(citizen, '15-citizen-handover')
})

it('referral: the citizen is told which window, and a case is opened there', async () => {
  const { page: citizen, no } = await submit('consult', '公积金贷款需要什么条件？')
  const staff = await staffOpen('王磊', no)
  await openForm(staff, '指引到本大厅其他窗口')
  await staff.locator('.chip', { hasText: '住房公积金窗口' }).click()
  await staff.locator('.action--open textarea').fill('公积金贷款请到A02住房公积金窗口咨询，已为您登记。')
  await staff.getByText('指引', { exact: true }).click()
  await staff.getByText('已指引市民到其他窗口').waitFor()

  await citizen.reload()
  await citizen.getByText('请到其他窗口办理').waitFor()
  await citizen.getByText('已结案').first().waitFor()
  await shot(citizen, '16-citizen-referral')
  await citizen.getByText('查看该窗口为您登记的案件').click()
  await citizen.getByText('您的咨询已送达住房公积金窗口', { exact: false }).waitFor()
})
