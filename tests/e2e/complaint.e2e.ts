// 投诉 in the H5 build: the citizen complains about a replied case from its page, the hall office
// answers it as verified on the complaint desk, the case is reopened, and the citizen rates the
// handling.
import { demoHall, shot, confirmDialog } from './support'

const hall = demoHall()
const signIn = (name: string) => hall.signIn(name)

it('complaint from the case page → the hall office answers it as verified → the case reopens → the citizen rates the handling', async () => {
  const { page: citizen, no } = await hall.consult('gjj', { name: '孙八', phone: '13800004444' }, '离职后公积金怎么提取？')

  const zhao = await signIn('赵丽娟')
  await zhao.getByText(no).first().click()
  await zhao.getByText('接待此咨询（成为首问负责人）').click()
  await zhao.getByText('已接待，您是本案的首问负责人').waitFor()
  await zhao.locator('textarea').fill('您好，这个问题请您到社保窗口问一下。')
  await zhao.getByText('发送答复').click()
  await zhao.getByText('答复已送达市民').waitFor()

  // the citizen complains from the case page
  await citizen.reload()
  await citizen.getByText('对服务不满意？我要投诉').click()
  await citizen.getByText(/投诉对象：案件/).waitFor()
  await citizen.locator('.chip', { hasText: '推诿扯皮' }).click()
  await citizen.locator('textarea').fill('我咨询公积金提取，工作人员让我去社保窗口问，社保窗口说应该找公积金窗口。')
  await shot(citizen, '40-citizen-complaint-form')
  await citizen.getByText('提交投诉').click()
  await citizen.getByText(/您的投诉已受理/).waitFor()
  const complaintNo = (await citizen.locator('.case-head__no', { hasText: '-TS-' }).textContent())!
  expect(complaintNo).toMatch(/^SF-TS-\d{4}-0001$/)
  await shot(citizen, '41-citizen-complaint-filed')

  // the hall office: inbox task and the desk
  const office = await signIn('徐文')
  await office.getByText('投诉受理台').click()
  await office.locator('.complaint-item', { hasText: complaintNo }).waitFor()
  await shot(office, '42-office-complaint-desk')
  await office.locator('.complaint-item', { hasText: complaintNo }).click()
  await office.getByText('赵丽娟').first().waitFor()
  await office.locator('.action__title', { hasText: '答复投诉' }).click()
  await office.locator('.action--open .chip', { hasText: '投诉属实' }).click()
  await office.locator('.action--open .chip', { hasText: '赵丽娟' }).click()
  await office
    .locator('.action--open textarea')
    .fill('经调查核实，工作人员未按首问负责制一次性告知，存在推诿情况。已对其批评教育，并由公积金窗口重新为您办理。')
  await shot(office, '43-office-complaint-answer')
  await office.getByText('答复投诉人').click()
  await confirmDialog(office, '确认答复')
  await office.getByText('已答复投诉人').waitFor()
  await office.getByText('经核实的责任人：赵丽娟').waitFor()

  // the citizen sees the outcome and rates the handling; the case is back in hand
  await citizen.reload()
  await citizen.locator('.complaint__finding', { hasText: '投诉属实' }).waitFor()
  await citizen.getByText('相关案件已重新办理，首问负责人会再与您联系。').waitFor()
  await citizen.locator('.rating__level', { hasText: /^满意$/ }).click()
  await shot(citizen, '44-citizen-complaint-outcome')
  await citizen.getByText('提交评价').click()
  await confirmDialog(citizen, '确认提交')
  await citizen.getByText(/您对处理情况的评价：/).waitFor()
  await citizen.getByText('查看相关案件').click()
  await citizen.locator('.tag', { hasText: '办理中' }).first().waitFor()
  await citizen.getByText(/经核实属实，重新办理/).waitFor()
})
