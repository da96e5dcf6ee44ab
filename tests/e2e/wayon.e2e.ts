// No dead ends in the H5 build: another person's case link offers 查进度 and 我的咨询; a staff page
// whose session has ended says so on the sign-in page and returns there once signed in.
import { demoHall, phone, shot } from './support'

const hall = demoHall()

it('a case link opened on another phone says what to do and leads to 查进度', async () => {
  const { page: owner } = await hall.consult('bdc', { name: '韩梅', phone: '13800005555' }, '请问不动产权证书遗失了怎么补办？')
  const link = owner.url()
  const other = await (await phone(hall.browser)).newPage()
  await other.goto(link)
  await other.getByText('找不到这个案件').waitFor()
  await other.getByText('可以用案件编号和查询码', { exact: false }).waitFor()
  await shot(other, '95-citizen-case-not-found')
  await other.locator('.message').getByText('查进度', { exact: true }).click()
  await other.waitForURL(/pages\/lookup/)
  await other.locator('.citizen-nav').waitFor()
})

it('a signed-out staff page says the session ended and returns to the page after signing in', async () => {
  const { no } = await hall.consult('bdc', { name: '韩雷', phone: '13800006666' }, '请问抵押登记需要多长时间？')
  const li = await hall.signIn('李晓梅')
  await li.getByText(no).first().click()
  await li.getByText('接待此咨询（成为首问负责人）').waitFor()
  const caseUrl = li.url()
  // the same page on a phone without the session
  const page = await (await phone(hall.browser)).newPage()
  await page.goto(caseUrl)
  await page.getByText('登录已过期或已在别处退出，请重新登录；登录后回到刚才的页面。').waitFor()
  await shot(page, '96-staff-signed-out')
  await page.locator('.choice__name', { hasText: '李晓梅' }).click()
  await page.getByText('接待此咨询（成为首问负责人）').waitFor()
  expect(page.url()).toContain('staff/case/index')
})
