// The first journey in the H5 build: a citizen scans a window's code and asks; a staff member of that
// window claims and replies; the citizen sees the first responder's card and the reply.
import { demoHall, phone, shot } from './support'

const hall = demoHall()

const bdc = () => `${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo&w=bdc')}`

it('citizen asks, staff claims and replies, citizen sees who answered', async () => {
  const citizen = await (await phone(hall.browser)).newPage()
  await citizen.goto(bdc())
  await citizen.getByText('不动产登记窗口').first().waitFor()
  await citizen.getByText('业务范围：不动产首次登记', { exact: false }).waitFor()
  await shot(citizen, '01-entry')

  // a wrong phone number is caught on the field, before anything is sent
  await citizen.locator('.field__input input, input.field__input').nth(0).fill('张三')
  await citizen.locator('.field__input input, input.field__input').nth(1).fill('1391234')
  await citizen.locator('textarea').fill('请问二手房过户需要带哪些材料？')
  await citizen.getByText('提交咨询').click()
  await citizen.getByText('请填写正确的手机号或带区号的固定电话').waitFor()
  await shot(citizen, '02-entry-phone-error')

  await citizen.locator('.field__input input, input.field__input').nth(1).fill('13912345678')
  await citizen.getByText('提交咨询').click()
  await citizen.getByText(/SF-\d{8}-0001/).waitFor()
  await citizen.getByText('待接待').waitFor()
  await citizen.getByText('您的咨询已送达不动产登记窗口', { exact: false }).waitFor()
  await shot(citizen, '03-case-submitted')

  // staff of the window, in their own browser
  const staff = await (await phone(hall.browser)).newPage()
  await staff.goto(`${hall.server.base}/#/staff/login/index`)
  await staff.getByText('李晓梅').click()
  await staff.getByText('待接待').first().waitFor()
  await staff.getByText(/SF-\d{8}-0001/).waitFor()
  await shot(staff, '04-staff-queue')
  await staff.getByText(/SF-\d{8}-0001/).click()
  await staff.getByText('接待此咨询（成为首问负责人）').click()
  await staff.getByText('已接待，您是本案的首问负责人').waitFor()

  // a forbidden phrase is refused with a polite alternative (000 §5.3)
  await staff.locator('textarea').fill('这个不归我管，您去别处问问。')
  await staff.getByText('发送答复').click()
  // told under the reply box, where the clerk is, and gone once the text changes
  await staff.locator('.form .field__error', { hasText: /文明忌语/ }).waitFor()
  await shot(staff, '05-staff-forbidden-phrase')

  await staff.getByText('当场答复').click()
  await staff.locator('textarea').fill('您好')
  await staff.locator('.form .field__error').waitFor({ state: 'detached' })
  await staff.locator('textarea').fill('您好，二手房过户需携带买卖双方身份证、不动产权证书和网签合同原件，到A01窗口办理。')
  await staff.getByText('发送答复').click()
  await staff.getByText('答复已送达市民').waitFor()
  await shot(staff, '06-staff-replied')

  await citizen.reload()
  await citizen.locator('.responder__name').getByText('李晓梅').waitFor()
  await citizen.getByText('不动产登记受理岗', { exact: false }).waitFor()
  await citizen.locator('.reply').getByText('二手房过户需携带买卖双方身份证', { exact: false }).waitFor()
  await citizen.getByText('已答复').first().waitFor()
  await shot(citizen, '07-case-replied')
})

it('an invalid QR code shows a clear page with the hall contact, never a blank page', async () => {
  const page = await (await phone(hall.browser)).newPage()
  await page.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo&w=nosuch')}`)
  await page.getByText('无法识别这个二维码').waitFor()
  await page.getByText('0562-12345', { exact: false }).waitFor()
  await shot(page, '08-invalid-code')
  await page.goto(`${hall.server.base}/#/pages/entry/index?scene=garbage`)
  await page.reload()
  await page.getByText('无法识别这个二维码').waitFor()
})

it('another citizen cannot open the case', async () => {
  const owner = await (await phone(hall.browser)).newPage()
  await owner.goto(bdc())
  await owner.locator('.field__input input, input.field__input').nth(0).fill('李四')
  await owner.locator('.field__input input, input.field__input').nth(1).fill('0562-2881234')
  await owner.locator('textarea').fill('公司变更法人需要什么材料？')
  await owner.getByText('提交咨询').click()
  await owner.getByText(/SF-\d{8}-\d{4}/).waitFor()
  const url = owner.url()
  const stranger = await (await phone(hall.browser)).newPage()
  await stranger.goto(url)
  await stranger.getByText('找不到这个案件').waitFor()
})
