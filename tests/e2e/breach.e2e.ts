// A consult nobody answers in time: the sweep records the breach; the citizen sees the apology and who
// supervises the case now, and the lead finds it in the inbox.
import type { Browser } from 'playwright-core'
import { runSweep } from '../../src/server/sweep'
import { launch, phone, shot, startInProcess } from './support'

let server: Awaited<ReturnType<typeof startInProcess>>
let browser: Browser

beforeAll(async () => {
  server = await startInProcess()
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

it('after the due time the citizen sees the apology and the supervisors; the lead has it in the inbox', async () => {
  const citizen = await (await phone(browser)).newPage()
  await citizen.goto(`${server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo&w=bdc')}`)
  const inputs = citizen.locator('.field__input input, input.field__input')
  await inputs.nth(0).fill('赵六')
  await inputs.nth(1).fill('13800002222')
  await citizen.locator('textarea').fill('请问房屋抵押登记需要多久？')
  await citizen.getByText('提交咨询').click()
  await citizen.locator('.case-head__no').waitFor()

  // the timer runs three working days later
  const report = await runSweep(server.store, { now: new Date(Date.now() + 10 * 24 * 3_600_000) })
  expect(report.breaches).toBe(1)
  expect(await server.store.countUnread('bdc-lead')).toBe(1)

  await citizen.reload()
  await citizen.locator('.apology', { hasText: '很抱歉' }).waitFor()
  await citizen.locator('.apology__who', { hasText: '周建国' }).waitFor()
  await shot(citizen, '20-citizen-breach-apology')

  const lead = await (await phone(browser)).newPage()
  await lead.goto(`${server.base}/#/staff/login/index`)
  await lead.locator('.choice__name', { hasText: '周建国' }).click()
  await lead.locator('.hero__window').waitFor()
  await shot(lead, '21-lead-queue')
  await lead.locator('.inbox-link .badge').waitFor()
  await lead.locator('.inbox-link').click()
  await lead.locator('.inbox__item', { hasText: '案件超时' }).waitFor()
  await shot(lead, '21-lead-inbox-breach')
})
