// A consult nobody answers in time: the sweep records the breach; the citizen sees the apology and who
// supervises the case now, and the lead finds it in the inbox.
import { runSweep } from '../../src/server/sweep'
import { demoHall, shot, startInProcess } from './support'

// in this process, so the test can run the sweep on the hall's store at a later time, as the timer would
const hall = demoHall(startInProcess)

it('after the due time the citizen sees the apology and the supervisors; the lead has it in the inbox', async () => {
  const { page: citizen } = await hall.consult('bdc', { name: '赵六', phone: '13800002222' }, '请问房屋抵押登记需要多久？')
  await citizen.locator('.case-head__no').waitFor()

  // the timer runs three working days later
  const report = await runSweep(hall.server.store, { now: new Date(Date.now() + 10 * 24 * 3_600_000) })
  expect(report.breaches).toBe(1)
  expect(await hall.server.store.countUnread('bdc-lead')).toBe(1)

  await citizen.reload()
  await citizen.locator('.apology', { hasText: '很抱歉' }).waitFor()
  await citizen.locator('.apology__who', { hasText: '周建国' }).waitFor()
  await shot(citizen, '20-citizen-breach-apology')

  const lead = await hall.signIn('周建国')
  await shot(lead, '21-lead-queue')
  await lead.locator('.inbox-link .badge').waitFor()
  await lead.locator('.inbox-link').click()
  await lead.locator('.inbox__item', { hasText: '案件超时' }).waitFor()
  await shot(lead, '21-lead-inbox-breach')
})
