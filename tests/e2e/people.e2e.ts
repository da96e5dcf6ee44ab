// 大厅设置 and 工作人员管理 in the H5 build: the hall office opens a new window, adds a colleague to it
// with a login, sets the password, and the new colleague signs in and sees the window's queue.
import type { Browser, Page } from 'playwright-core'
import { launch, phone, shot, startServer, type Running } from './support'

let server: Running
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signIn(name: string): Promise<Page> {
  const page = await (await phone(browser)).newPage()
  await page.goto(`${server.base}/#/staff/login/index`)
  await page.locator('.choice__name', { hasText: name }).click()
  await page.locator('.hero__window').waitFor()
  return page
}

it('the hall office opens a window and adds a colleague with a login and password; the colleague signs in', async () => {
  const office = await signIn('徐文')
  await shot(office, '59-office-menu')
  await office.getByText('大厅设置').click()
  await office.locator('.action__title', { hasText: '开设新窗口' }).click()
  const open = office.locator('.action--open')
  const fields = open.locator('.field__input input, input.field__input')
  await fields.nth(0).fill('hydj')
  await fields.nth(1).fill('婚姻登记窗口')
  await fields.nth(2).fill('C01')
  await open.locator('textarea').fill('结婚登记，离婚登记，补领婚姻登记证')
  await open.getByText('开设', { exact: true }).click()
  await office.getByText('已开设：婚姻登记窗口').waitFor()
  // a window with cases still at it is not closed
  await office.locator('.person', { hasText: '不动产登记窗口' }).getByText('停用此窗口').click()
  await office.getByText(/该窗口还有 \d+ 名在岗工作人员|该窗口还有 \d+ 件未结案件/).waitFor()
  await shot(office, '58-office-hall-settings')
  await office.getByText('知道了').click()
  await office.goBack()
  await office.getByText('工作人员管理').click()
  await office.locator('.action__title', { hasText: '添加工作人员' }).click()
  const form = office.locator('.action--open')
  const inputs = form.locator('.field__input input, input.field__input')
  await inputs.nth(0).fill('吴敏')
  await inputs.nth(1).fill('科员')
  await inputs.nth(2).fill('综合受理岗')
  await form.locator('.chip', { hasText: '婚姻登记窗口' }).click()
  await inputs.nth(4).fill('0562-2880601')
  await inputs.nth(5).fill('wumin')
  await shot(office, '60-office-add-staff')
  await form.getByText('添加', { exact: true }).click()
  await office.getByText('已添加：吴敏').waitFor()
  await office.locator('.person', { hasText: '吴敏' }).locator('.person__row').click()
  await office.locator('.action__title', { hasText: '设置登录密码' }).click()
  await office.locator('.action--open', { hasText: '新密码' }).locator('input').fill('a-long-password')
  await office.getByText('设置密码', { exact: true }).click()
  await office.getByText('已为 吴敏 设置密码（登录名 wumin）').waitFor()
  await shot(office, '61-office-staff-list')

  const wu = await (await phone(browser)).newPage()
  await wu.goto(`${server.base}/#/staff/login/index`)
  const login = wu.locator('.field__input input, input.field__input')
  await login.nth(0).fill('demo')
  await login.nth(1).fill('wumin')
  await login.nth(2).fill('a-long-password')
  await wu.getByText('登录', { exact: true }).click()
  await wu.locator('.hero__window', { hasText: '婚姻登记窗口' }).waitFor()
})
