// 好差评 in the H5 build: the citizen gives a bad rating with its reason, the window lead records the
// rectification and the follow-up, and the citizen sees the outcome on the case page.
import { demoHall, shot, confirmDialog } from './support'

const hall = demoHall()
const signIn = (name: string) => hall.signIn(name)

it('bad rating → rectification → follow-up → the citizen sees the outcome', async () => {
  const { page: citizen, no } = await hall.consult('bdc', { name: '钱七', phone: '13800003333' }, '请问房产证上加名字怎么办理？')

  const li = await signIn('李晓梅')
  await li.getByText(no).first().click()
  await li.getByText('接待此咨询（成为首问负责人）').click()
  await li.getByText('已接待，您是本案的首问负责人').waitFor()
  await li.locator('textarea').fill('您好，加名属于变更登记，请夫妻双方携带身份证、结婚证和不动产权证书到A01窗口办理。')
  await li.getByText('发送答复').click()
  await li.getByText('答复已送达市民').waitFor()

  await citizen.reload()
  await citizen.locator('.rating__level', { hasText: '非常不满意' }).click()
  await citizen.locator('.rating .chip', { hasText: '推诿' }).click()
  await citizen.locator('.rating textarea').fill('让我自己去找别的窗口，没有说清楚要带什么')
  await shot(citizen, '30-citizen-bad-rating')
  await citizen.getByText('提交评价').click()
  await confirmDialog(citizen, '确认提交')
  await citizen.getByText('窗口负责人正在核查，会尽快给您答复。').waitFor()

  const lead = await signIn('周建国')
  await lead.locator('.section__title', { hasText: '差评待整改' }).waitFor()
  await shot(lead, '31-lead-rectification-list')
  await lead.locator('.section', { hasText: '差评待整改' }).getByText(no).click()
  await lead.locator('.action__title', { hasText: '差评核查整改' }).click()
  await lead.locator('.action--open textarea').fill('经核实，答复材料清单不完整，已对当事人批评教育并在窗口例会通报')
  await lead.getByText('提交整改情况').click()
  await lead.getByText('已记录整改情况').waitFor()
  await lead.locator('.action__title', { hasText: '回访市民' }).click()
  await lead.locator('.action--open textarea').fill('电话回访，已补充告知全部材料，市民表示认可')
  await lead.getByText('记录回访').click()
  await lead.getByText('已记录回访').waitFor()

  await citizen.reload()
  await citizen.locator('.rating__outcome', { hasText: '核查整改（情况属实）' }).waitFor()
  await citizen.locator('.rating__outcome', { hasText: '回访：电话回访' }).waitFor()
  await shot(citizen, '32-citizen-rating-outcome')

  // the hall office's assessment: the verified bad rating is a deduction on 李晓梅's sheet
  const office = await signIn('徐文')
  await office.getByText('考核与评价').click()
  await office.locator('.score-row__name', { hasText: '李晓梅' }).click()
  await office.locator('.score__item', { hasText: '差评（经核实）' }).waitFor()
  await office.locator('.chart__canvas').first().waitFor()
  await shot(office, '34-office-assessment-sheet')
  await office.locator('.month-bar').scrollIntoViewIfNeeded()
  await office.waitForTimeout(500)
  await shot(office, '33-office-assessment-charts')
  // the year: each person's monthly scores and the average
  await office.locator('.segmented__item', { hasText: '年度' }).click()
  await office
    .locator('.score', { hasText: '李晓梅' })
    .getByText(/年均 [\d.]+ 分/)
    .waitFor()
  await shot(office, '35-office-assessment-year')
})
