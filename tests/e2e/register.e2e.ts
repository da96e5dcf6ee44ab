// 登记来访来电 in the H5 build: a clerk registers a walk-in consult answered on the spot from the queue's
// menu; it is closed as 当场答复 at once and the hall office finds it counted in the ledger.
import { join } from 'node:path'
import { demoHall, phone, shot, SHOTS, confirmDialog } from './support'

const hall = demoHall()

it('a clerk registers a walk-in consult answered on the spot; the ledger counts it', async () => {
  const sun = await hall.signIn('孙悦')
  await sun.getByText('登记来访来电').click()
  await sun.locator('.segmented__item', { hasText: '窗口来访' }).waitFor()
  const inputs = sun.locator('.field__input input, input.field__input')
  await inputs.nth(0).fill('周九')
  await inputs.nth(1).fill('13800005555')
  await sun.locator('textarea').first().fill('灵活就业人员怎么参加养老保险？')
  await sun.locator('.segmented__item', { hasText: '已当场答复' }).click()
  await sun.locator('textarea').nth(1).fill('您好，灵活就业人员可携带身份证到社保窗口办理参保登记，按月或按年缴费。')
  await shot(sun, '60-staff-register-form')
  await sun.getByText('登记并办结').click()
  await sun.getByText('已登记并当场答复').waitFor()
  await sun.getByText('首问负责人：孙悦').waitFor()
  await shot(sun, '61-staff-register-done')

  const office = await hall.signIn('徐文')
  await office.getByText('全厅台帐').click()
  const window = office.locator('.ledger', { hasText: '社会保险窗口' })
  await window.waitFor()
  await window.locator('.ledger__cell--link').first().waitFor()
  expect(await window.locator('.ledger__cell--link').count()).toBe(1)
})

it('a walk-in consult: the slip → the citizen opens its link on their phone and sees the clerk → reply → rating; the ledger counts it as a visit', async () => {
  const sun = await hall.signIn('孙悦')
  await sun.getByText('登记来访来电').click()
  await sun.locator('.segmented__item', { hasText: '窗口来访' }).waitFor()
  const inputs = sun.locator('.field__input input, input.field__input')
  await inputs.nth(0).fill('吴十')
  await inputs.nth(1).fill('13800006666')
  await sun.locator('textarea').first().fill('退休人员异地领取养老金需要办理什么手续？')
  await sun.getByText('登记', { exact: true }).click()
  await sun.getByText('已登记', { exact: true }).waitFor()
  const no = (await sun.locator('.notice .case-head').first().textContent())!
  await sun.getByText('出示 / 打印回执').click()
  await sun.locator('.slip__code').waitFor()
  await sun.locator('.slip__value--code').waitFor()
  await shot(sun, '62-staff-slip')
  await sun.locator('.slip').screenshot({ path: join(SHOTS, '62-slip-card.png') })
  const link = (await sun.locator('.slip__link').textContent())!.trim()
  expect(link).toContain('scene=')

  // the citizen's own phone: the slip's link makes the case theirs
  const citizen = await (await phone(hall.browser)).newPage()
  await citizen.goto(link)
  await citizen.locator('.responder', { hasText: '孙悦' }).waitFor()
  await shot(citizen, '63-citizen-slip-opened')
  expect(await citizen.getByText('只读').count()).toBe(0)

  // the clerk replies from the case page
  await sun.goBack()
  await sun.getByText('打开案件').click()
  await sun.locator('textarea').first().fill('您好，异地居住的退休人员可在国家社会保险公共服务平台办理领取资格认证，无需回参保地。')
  await sun.getByText('发送答复').click()
  await sun.getByText('答复已送达市民').waitFor()

  // the citizen rates; the clerk closes it; the ledger counts it as a counter visit
  await citizen.reload()
  await citizen.locator('.rating__level', { hasText: '非常满意' }).click()
  await citizen.getByText('提交评价').click()
  await confirmDialog(citizen, '确认提交')
  await citizen.getByText('非常满意').first().waitFor()
  await sun.reload()
  await sun.locator('.action__title', { hasText: '结案' }).click()
  await sun.locator('.action--open').getByText('结案', { exact: true }).last().click()
  await confirmDialog(sun, '确认结案')
  await sun.getByText('已结案').first().waitFor()

  // the same code on another phone: read only
  const other = await (await phone(hall.browser)).newPage()
  await other.goto(link)
  await other.getByText(/已由其他微信或浏览器关联/).waitFor()
  expect(await other.locator('.rating__level').count()).toBe(0)

  // 查进度 on yet another phone: the number and the phone's last four digits, read only
  const third = await (await phone(hall.browser)).newPage()
  await third.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo')}`)
  await third.getByText('查进度', { exact: true }).click()
  const fields = third.locator('.field__input input, input.field__input')
  await fields.nth(0).fill(no)
  await fields.nth(1).fill('0000')
  await third.getByText('查询', { exact: true }).click()
  await third.getByText('案件编号或查询码不正确').waitFor()
  await fields.nth(1).fill('6666')
  await shot(third, '65-citizen-lookup')
  await third.getByText('查询', { exact: true }).click()
  await third.getByText(/只读/).waitFor()
  await third.getByText('138****6666').waitFor()
  await shot(third, '66-citizen-lookup-read-only')

  const office = await hall.signIn('徐文')
  await office.getByText('全厅台帐').click()
  await office.locator('.chip', { hasText: '窗口来访' }).click()
  await office.getByText('仅窗口来访', { exact: false }).waitFor()
  const window = office.locator('.ledger', { hasText: '社会保险窗口' })
  await window.locator('.ledger__cell--link').first().waitFor()
  await shot(office, '64-office-ledger-by-channel')
  await window.locator('.section__aside').click()
  await office.locator('.ledger__drill').getByText(no).waitFor()
})
