// 事项清单 in the H5 build: the hall office exports the catalog, imports a sheet with a mistake and is
// told the row and column, then imports the corrected sheet; the new matter is on the citizens' list. Then a working day of
// the hall's own on the calendar.
import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { demoHall, phone, shot, confirmDialog } from './support'

const hall = demoHall()

it('exports, refuses a sheet with a bad row naming it, imports the corrected sheet', async () => {
  const office = await hall.signIn('徐文')
  await office.getByText('事项清单').click()
  await office.getByText('导出 Excel').waitFor()
  const [download] = await Promise.all([office.waitForEvent('download'), office.getByText('导出 Excel').click()])
  expect(download.suggestedFilename()).toBe('事项清单_示范市政务服务中心.xlsx')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer)
  const ws = wb.getWorksheet('事项清单')!
  ws.addRow(['hy-jh', '结婚登记', '即办件', '', '《婚姻登记条例》', '双方身份证\n户口簿', 'nosuch', '结婚、领证', '在用'])
  const bad = Buffer.from(await wb.xlsx.writeBuffer())
  ws.getCell(ws.rowCount, 7).value = 'zxzx'
  const good = Buffer.from(await wb.xlsx.writeBuffer())
  const importFile = async (buffer: Buffer) => {
    const [chooser] = await Promise.all([office.waitForEvent('filechooser'), office.getByText('导入 Excel').click()])
    await chooser.setFiles({ name: '事项清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer })
    await confirmDialog(office, '确认导入')
  }

  await importFile(bad)
  await office.getByText('有 1 处需要修改，未导入任何事项').waitFor()
  await office.getByText(`第 ${ws.rowCount} 行 · 受理窗口编号：本厅没有窗口「nosuch」`).waitFor()
  await shot(office, '62-office-matters-import-error')
  await importFile(good)
  await office.getByText(/已导入 \d+ 个事项（新增 1，更新 \d+）/).waitFor()
  await office.locator('.person__name', { hasText: '结婚登记' }).waitFor()

  const citizen = await (await phone(hall.browser)).newPage()
  await citizen.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo')}`)
  await citizen.locator('.search__input input, input.search__input').fill('结婚')
  await citizen.locator('.matters__name', { hasText: '结婚登记' }).waitFor()

  // the hall's own working day, which the time limits then count
  await office.goto(`${hall.server.base}/#/staff/calendar/index`)
  await office.locator('.action__title', { hasText: '添加调整' }).click()
  const form = office.locator('.action--open')
  await form.locator('.field__input input, input.field__input').nth(0).fill('2026-12-26')
  await form.locator('.chip', { hasText: '上班' }).click()
  await form.locator('.field__input input, input.field__input').nth(1).fill('延时服务')
  await form.getByText('保存', { exact: true }).click()
  await office.getByText('12月26日 · 上班 · 延时服务').waitFor()
  await shot(office, '63-office-calendar')
})
