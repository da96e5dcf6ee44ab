// The notices per preset and the hall office's 效能纪律 desk in the H5 build: a promised acceptance
// with its printable 受理通知书, a refusal with its 不予受理通知书, and a deduction entered, shown on the
// person's sheet and revoked.
import type { Page } from 'playwright-core'
import { demoHall, phone, shot, confirmDialog } from './support'

const hall = demoHall()

async function application(text: string): Promise<string> {
  const page = await (await phone(hall.browser)).newPage()
  await page.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo&w=bdc')}`)
  await page.getByText('我要办事').click()
  const inputs = page.locator('.field__input input, input.field__input')
  await inputs.nth(0).fill('王五')
  await inputs.nth(1).fill('13800001111')
  await page.locator('textarea').fill(text)
  await page.getByText('提交办事申请').click()
  return (await page.locator('.case-head__no').textContent())!
}

async function claimed(staff: Page, no: string) {
  await staff.goto(`${hall.server.base}/#/staff/queue/index`)
  await staff.getByText(no).first().click()
  await staff.locator('.case-head__no').waitFor()
  await staff.getByText('接待此申请（成为首问负责人）').click()
  await staff.getByText('已接待，您是本案的首问负责人').waitFor()
}

it('a promised acceptance prints its 受理通知书; a refusal its 不予受理通知书 with reason, basis and remedy', async () => {
  const staff = await hall.signIn('李晓梅')
  const no = await application('办理二手房转移登记，材料齐全')
  await claimed(staff, no)
  await staff.locator('.action__title', { hasText: '受理' }).first().click()
  await staff.locator('.action--open .chip', { hasText: '承诺件' }).click()
  await staff.locator('.action--open input').first().fill('5')
  await staff.locator('.action--open .btn', { hasText: '受理' }).click()
  await staff.getByText('已受理；承诺件可打印受理通知书').waitFor()
  await staff.getByText('打印受理通知书', { exact: true }).click()
  await staff.locator('.a4__title', { hasText: '受理通知书' }).waitFor()
  await shot(staff, '40-print-acceptance-notice')

  const refused = await application('办理不动产转移登记，申请人不是权利人')
  await claimed(staff, refused)
  await staff.locator('.action__title', { hasText: '不予受理' }).click()
  await staff.locator('.action--open textarea').fill('申请人不是不动产权利人，也未提交委托书')
  await staff.locator('.action--open input').first().fill('《不动产登记暂行条例》第十四条')
  await shot(staff, '41-staff-refusal-form')
  await staff.locator('.action--open .btn', { hasText: '出具不予受理通知书' }).click()
  await staff.locator('.taro-modal__content').getByText('出具后不能撤回', { exact: false }).waitFor()
  await shot(staff, '47-staff-confirm-refusal')
  await confirmDialog(staff, '确认出具')
  await staff.getByText('不予受理通知书已出具').waitFor()
  await shot(staff, '42-staff-refused')
  await staff.getByText('打印不予受理通知书', { exact: true }).click()
  await staff.locator('.a4__title', { hasText: '不予受理通知书' }).waitFor()
  await staff.locator('.a4__para', { hasText: '行政复议' }).waitFor()
  await shot(staff, '43-print-refusal-notice')
})

it('the office enters a 效能纪律 deduction, the person’s sheet shows it, and the office revokes it', async () => {
  const office = await hall.signIn('徐文')
  await office.goto(`${hall.server.base}/#/staff/discipline/index`)
  await office.locator('.month-bar__title').waitFor()
  await office.locator('.chip', { hasText: '迟到、早退' }).click()
  await office.locator('.action__title', { hasText: '登记：迟到、早退' }).click()
  await office.locator('.action--open .chip', { hasText: '李晓梅' }).click()
  await office.locator('.action--open .chip', { hasText: '超过 30 分钟' }).click()
  const today = await office.locator('.action--open input').first().inputValue()
  const textareas = office.locator('.action--open textarea')
  await textareas.nth(0).fill('上午迟到 40 分钟，未请假')
  await textareas.nth(1).fill('考勤机记录：09:10 打卡')
  await shot(office, '44-office-discipline-form')
  await office.locator('.action--open .btn', { hasText: '核实无误，登记扣分' }).click()
  await office.getByText('已登记，扣分计入当月考核').waitFor()
  await shot(office, '45-office-discipline-list')

  const li = await hall.signIn('李晓梅')
  await li.goto(`${hall.server.base}/#/staff/assessment/index`)
  await li.locator('.score').first().click()
  await li.getByText('效能纪律（政务服务科登记）：迟到、早退').waitFor()
  await li.getByText('证据：考勤机记录：09:10 打卡').waitFor()
  await shot(li, '46-staff-sheet-discipline')

  await office.locator('.action__title', { hasText: '撤销这条扣分' }).click()
  await office.locator('.action--open input').fill('当日已补办请假手续，系误登')
  await office.locator('.action--open .btn', { hasText: '撤销' }).click()
  await office.getByText('已撤销，扣分已从当月考核中退回').waitFor()
  await office.getByText(`撤销：当日已补办请假手续，系误登`).waitFor()
  await shot(office, '47-office-discipline-revoked')
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/)
})
