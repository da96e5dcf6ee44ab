// 审计日志 in the H5 build: the hall office looks at a citizen's whole phone number on a case, then finds
// that look in the audit log by its kind, with the chain 完整; a person who did nothing has no entries.
// An entry edited in the database afterwards shows the chain 断裂 at its number.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import type { PostgresStore } from '../../src/server/store/postgres'
import { demoHall, shot, startInProcess } from './support'

const hall = demoHall(startInProcess)
const AXE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8')

/** the serious and critical violations axe-core finds, and the chips and links a screen reader would not announce */
async function accessibility(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE })
  return page.evaluate(async () => {
    type Found = { violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<Found> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    const serious = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)
    const roleless = Array.from(document.querySelectorAll('.chip, .link'))
      .filter((el) => el.getBoundingClientRect().height > 0 && !el.getAttribute('role'))
      .map((el) => `${el.className}: ${(el.textContent ?? '').slice(0, 20)}`)
    return { serious, roleless }
  })
}

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
  expect(await accessibility(office)).toEqual({ serious: [], roleless: [] })

  // the same kind by someone who did not look: nothing, said kindly
  await office.getByText(/全部人员/).click()
  await office.locator('.audit__people .chip', { hasText: '李晓梅' }).click()
  await office.getByText('没有符合条件的记录，可以放宽筛选条件再看看').waitFor()
  await office.getByText('清除全部筛选').click()
  await office.locator('.audit__entry', { hasText: `案件 ${no}` }).waitFor()
})

it('an entry edited in the database shows the chain broken at its number, with the reason', async () => {
  const store = hall.server.store as PostgresStore
  await sql`update audit_log set entry = jsonb_set(entry, '{actor,name}', '"别人"') where hall_id = 'demo' and seq = 1`.execute(store.db)
  const office = await hall.signIn('徐文')
  await office.goto(`${hall.server.base}/#/staff/audit/index`)
  await office.locator('.audit__chain--broken', { hasText: '链条断裂：第 1 条记录有问题' }).waitFor()
  await office.getByText(/记录内容与其校验值不符（被修改过）/).waitFor()
  await office.locator('.audit__entry', { hasText: '第 1 条' }).getByText('校验未通过').waitFor()
  await shot(office, '98-office-audit-log-broken')
})
