// 台帐 in the H5 build: a consult answered on the spot and closed shows in its window's column; the
// hall office opens the count's cases, downloads the sheet as xlsx and opens the QR posters.
import { demoHall, shot, confirmDialog } from './support'

const hall = demoHall()
const signIn = (name: string) => hall.signIn(name)

it('a closed consult is counted in the ledger; the office drills down and exports the sheet', async () => {
  const { no } = await hall.consult('sb', { name: '周九', phone: '13800005555' }, '灵活就业人员怎么参加养老保险？')

  const sun = await signIn('孙悦')
  await sun.getByText(no).first().click()
  await sun.getByText('接待此咨询（成为首问负责人）').click()
  await sun.getByText('已接待，您是本案的首问负责人').waitFor()
  await sun.locator('.segmented__item', { hasText: '当场答复' }).click()
  await sun.locator('textarea').first().fill('您好，灵活就业人员可携带身份证到社保窗口办理参保登记，按月或按年缴费。')
  await sun.getByText('发送答复').click()
  await sun.getByText('答复已送达市民').waitFor()
  await sun.locator('.action__title', { hasText: '结案' }).click()
  await sun.locator('.action--open').getByText('结案').last().click()
  await confirmDialog(sun, '确认结案')
  await sun.getByText('已结案').first().waitFor()

  const office = await signIn('徐文')
  await office.getByText('全厅台帐').click()
  const window = office.locator('.ledger', { hasText: '社会保险窗口' })
  await window.waitFor()
  const cell = window.locator('.ledger__cell--link')
  await cell.first().waitFor()
  expect(await cell.count()).toBe(1)
  await shot(office, '50-office-ledger')
  await cell.first().click()
  await window.getByText(no).waitFor()
  await shot(office, '51-office-ledger-drilldown')
  const [download] = await Promise.all([office.waitForEvent('download'), office.getByText('导出 Excel（附件3 统计表）').click()])
  expect(download.suggestedFilename()).toMatch(/^首问负责制统计表_示范市政务服务中心_\d{4}-\d{2}-01至\d{4}-\d{2}-\d{2}\.xlsx$/)

  // the posters: the hall's code and one per window, with the promise and the supervision phone
  const posters = office
  await posters.goto(`${hall.server.base}/#/staff/posters/index`)
  await posters.locator('.poster').nth(6).waitFor()
  expect(await posters.locator('.poster').count()).toBe(7)
  // opened at 127.0.0.1 with no PUBLIC_URL: the office is told the codes would open nothing on a phone
  await posters.locator('.notice--alert', { hasText: '只能在本机打开' }).waitFor()
  await posters.waitForFunction(
    () => Array.from(document.querySelectorAll('.poster__code img, img.poster__code')).filter((i) => (i as HTMLImageElement).naturalWidth > 0).length === 7,
  )
  await posters.locator('.poster', { hasText: '社会保险窗口' }).scrollIntoViewIfNeeded()
  await shot(posters, '52-office-window-poster')
})
