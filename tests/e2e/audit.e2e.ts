// 审计日志 in the H5 build: the hall office looks at a citizen's whole phone number on a case, then finds
// that look in the audit log by its kind, with the chain 完整; a person who did nothing has no entries.
import { demoHall, shot } from './support'

const hall = demoHall()

it('the hall office finds its look at a phone number in the audit log, and sees the chain whole', async () => {
  const { page: citizen, no } = await hall.consult('bdc', { name: '王芳', phone: '13812345678' }, '请问二手房过户需要带哪些材料？')
  const caseId = new URL(citizen.url().replace('/#/', '/')).searchParams.get('id')
  expect(caseId).toMatch(/^c_/)

  const office = await hall.signIn('徐文')
  await office.goto(`${hall.server.base}/#/staff/case/index?id=${caseId}`)
  await office.getByText('查看完整号码').click()
  await office.getByText('13812345678').waitFor()

  await office.goto(`${hall.server.base}/#/staff/queue/index`)
  await office.getByText('审计日志').click()
  await office.locator('.audit__chain--ok', { hasText: '链条完整' }).waitFor()
  await office.locator('.audit__kinds .chip', { hasText: '查看手机号' }).click()
  const entry = office.locator('.audit__entry', { hasText: `案件 ${no}` })
  await entry.waitFor()
  await expect(entry.textContent()).resolves.toMatch(/徐文.*查看完整手机号/)
  await expect(office.locator('.audit__entry').count()).resolves.toBe(1)
  await shot(office, '97-office-audit-log')

  // the same kind by someone who did not look: nothing, said kindly
  await office.getByText(/全部人员/).click()
  await office.locator('.audit__people .chip', { hasText: '李晓梅' }).click()
  await office.getByText('没有符合条件的记录，可以放宽筛选条件再看看').waitFor()
  await office.getByText('清除全部筛选').click()
  await office.locator('.audit__entry', { hasText: `案件 ${no}` }).waitFor()
})
