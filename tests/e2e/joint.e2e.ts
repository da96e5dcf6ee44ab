// Joint handling across two windows in the H5 build (000 §5.2, 002 首问（办）负责 第四条(二)): the first
// responder reports it, the lead window's lead records the plan, the co-window's lead is told in the
// inbox, opens the case and confirms its part, and the citizen sees each step.
import type { Page } from 'playwright-core'
import { demoHall, phone, shot } from './support'

const hall = demoHall()

async function staffOpen(name: string, no: string): Promise<Page> {
  const page = await hall.signIn(name)
  await page.getByText(no).first().click()
  await page.locator('.case-head__no').waitFor()
  return page
}

it('a joint case: reported, planned by the lead window, confirmed by the co-window, followed by the citizen', async () => {
  const citizen = await (await phone(hall.browser)).newPage()
  await citizen.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo&w=bdc')}`)
  await citizen.getByText('我要办事').click()
  const inputs = citizen.locator('.field__input input, input.field__input')
  await inputs.nth(0).fill('钱七')
  await inputs.nth(1).fill('13800002222')
  await citizen.locator('textarea').fill('二手房过户，需要同时核定契税')
  await citizen.getByText('提交办事申请').click()
  const no = (await citizen.locator('.case-head__no').textContent())!

  const li = await staffOpen('李晓梅', no)
  await li.getByText('接待此申请（成为首问负责人）').click()
  await li.getByText('已接待，您是本案的首问负责人').waitFor()
  await li.locator('.action__title', { hasText: '需要其他窗口共同办理' }).click()
  await li.locator('.action--open .chip', { hasText: '税务窗口' }).click()
  await li.locator('.action--open textarea').fill('过户须先由税务窗口核定契税')
  await li.getByText('报告窗口负责人', { exact: true }).click()
  await li.getByText('已报告窗口负责人').first().waitFor()

  const zhou = await staffOpen('周建国', no)
  await zhou.locator('.action__title', { hasText: '记录共同办理方案' }).click()
  await zhou.locator('.action--open textarea').fill('税务窗口当日核定契税，不动产登记窗口凭完税凭证办理转移登记')
  await zhou.getByText('记录方案', { exact: true }).click()
  await zhou.getByText('办理方案已记录').first().waitFor()
  await shot(zhou, '50-joint-plan-recorded')

  // the co-window's lead finds the case in the inbox, not in a queue of another window
  const wu = await hall.signIn('吴国华')
  await wu.goto(`${hall.server.base}/#/pages/inbox/index?as=staff`)
  await wu.locator('.inbox__item', { hasText: '共同办理方案已商定，请确认本窗口承办部分' }).click()
  await wu.locator('.case-head__no', { hasText: no }).waitFor()
  await wu.locator('.action__title', { hasText: '确认本窗口承办部分' }).click()
  await wu.locator('.action--open textarea').fill('今日核定契税并出具完税凭证')
  await shot(wu, '51-joint-co-window-confirms')
  await wu.getByText('确认承办', { exact: true }).click()
  await wu.getByText('已确认本窗口承办部分').first().waitFor()

  await citizen.reload()
  await citizen.getByText('需与 税务窗口 共同办理，已报告窗口负责人').waitFor()
  await citizen.getByText('已与 税务窗口 商定办理方案', { exact: false }).waitFor()
  await citizen.getByText('税务窗口确认承办：今日核定契税并出具完税凭证').waitFor()
  await citizen.locator('.responder__name').getByText('李晓梅').waitFor()
  await shot(citizen, '52-citizen-joint-steps')
})
