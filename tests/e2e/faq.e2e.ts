// 常见问答 in the H5 build: a clerk publishes an answered consult (the citizen's name and number taken
// out, checked before publishing); a citizen typing a similar question finds it and says 已解决.
import { demoHall, phone, shot } from './support'

const hall = demoHall()

it('a clerk publishes an answered consult; a citizen typing a similar question finds it and says 已解决', async () => {
  const { no } = await hall.consult('bdc', { name: '郑十一', phone: '13800007777' }, '我叫郑十一，二手房过户需要带哪些材料？')
  const li = await hall.signIn('李晓梅')
  await li.getByText(no).first().click()
  await li.getByText('接待此咨询（成为首问负责人）').click()
  await li.getByText('已接待，您是本案的首问负责人').waitFor()
  await li.locator('textarea').first().fill('您好，买卖双方身份证、不动产权证书、买卖合同和完税凭证，均需原件。')
  await li.getByText('发送答复').click()
  await li.getByText('答复已送达市民').waitFor()
  await li.locator('.action__title', { hasText: '发布为常见问答' }).click()
  const question = li.locator('.action--open textarea').first()
  expect(await question.inputValue()).toBe('我叫某某，二手房过户需要带哪些材料？')
  await question.fill('二手房过户需要带哪些材料？')
  await shot(li, '70-staff-publish-faq')
  await li.locator('.action--open').getByText('发布', { exact: true }).click()
  await li.getByText('已发布为常见问答').waitFor()

  const citizen = await (await phone(hall.browser)).newPage()
  await citizen.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo&w=bdc')}`)
  await citizen.locator('textarea').fill('二手房过户要带什么材料')
  await citizen.locator('.faq__question', { hasText: '二手房过户需要带哪些材料？' }).click()
  await citizen.getByText('均需原件').waitFor()
  await shot(citizen, '71-citizen-faq-suggestion')
  await citizen.getByText('已解决，不用提问了').click()
  await citizen.getByText('很高兴帮到您').waitFor()

  const office = await hall.signIn('徐文')
  await office.getByText('运行看板').click()
  await office.getByText('市民提问前已用它解决 1 次', { exact: false }).waitFor()
})
