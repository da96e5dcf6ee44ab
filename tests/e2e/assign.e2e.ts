// The window lead gives a waiting case to a colleague from the case page; the colleague finds it in
// 我负责的 with its deadline in working days, and the citizen sees the new first responder.
import { demoHall, shot } from './support'

const hall = demoHall()

it('the lead assigns a waiting consult to a colleague, who sees it with its working-day deadline', async () => {
  const { page: citizen, no } = await hall.consult('bdc', { name: '鲁平', phone: '13800007777' }, '请问新房的不动产首次登记要多久能办好？')
  const lead = await hall.signIn('周建国')
  await lead.getByText(no).first().click()
  await lead.locator('.action__title', { hasText: '指派本窗口同事' }).click()
  await lead.locator('.action--open .chip', { hasText: '王磊' }).click()
  await shot(lead, '93-lead-assign')
  await lead.locator('.action--open .btn', { hasText: '指派' }).click()
  await lead.getByText('已指派，对方会在待办中看到本案').waitFor()

  const wang = await hall.signIn('王磊')
  const item = wang.locator('.item', { hasText: no })
  await item.waitFor()
  await item.locator('.item__due', { hasText: /剩余 \d+ 个工作(日|小时)/ }).waitFor()
  await shot(wang, '94-staff-assigned-queue')
  await citizen.reload()
  await citizen.locator('.responder', { hasText: '王磊' }).first().waitFor()
})
