// 登记来访来电 in the H5 build: a clerk registers a walk-in consult answered on the spot from the queue's
// menu; it is closed as 当场答复 at once and the hall office finds it counted in the ledger.
import { demoHall, shot } from './support'

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
