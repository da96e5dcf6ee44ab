// 帮办代办 in the H5 build (002 帮办代办制度): an elderly citizen asks for 代办 of a second-hand house
// transfer; the 帮办代办 window's lead assigns an agent; the agent records the materials handover and
// prints it, then opens the cases at the 不动产登记 and 税务 windows; each window does its part; the agent
// finishes the request; the citizen follows it across the windows and rates it; the hall office reads
// the 帮办代办工作登记台账. Screenshots 80–86 at 375×812.
import type { Page } from 'playwright-core'
import { demoHall, phone, shot, confirmDialog } from './support'

const hall = demoHall()

async function openCase(staff: Page, text: string) {
  await staff.goto(`${hall.server.base}/#/staff/queue/index`)
  await staff.getByText(text).first().click()
  await staff.locator('.case-head__no').waitFor()
}

it('a 代办 across two windows, followed by the citizen from one request, ends in the citizen’s rating', async () => {
  // the citizen scans the hall's code, finds the matter and asks for 代办
  const citizen = await (await phone(hall.browser)).newPage()
  await citizen.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo')}`)
  await citizen.locator('.search__input input, input.search__input').fill('过户')
  await citizen.locator('.matters__name', { hasText: '不动产转移登记（二手房买卖）' }).click()
  await citizen.locator('.chip', { hasText: '代办（交材料代办）' }).click()
  const inputs = citizen.locator('.field__input input, input.field__input')
  await inputs.nth(0).fill('王秀英')
  await inputs.nth(1).fill('13912345678')
  await citizen.locator('textarea').fill('我今年78岁，腿脚不便，想请人代办二手房过户和契税')
  await shot(citizen, '80-citizen-asks-for-agent')
  await citizen.getByText('提交帮办代办申请').click()
  const no = (await citizen.locator('.case-head__no').textContent())!
  await citizen.getByText('等待帮办代办窗口指派帮办代办员').waitFor()
  await shot(citizen, '81-citizen-request-waiting')

  // the 帮办代办 window's lead assigns the agent
  const lead = await hall.signIn('马红')
  await openCase(lead, no)
  await lead.locator('.action__title', { hasText: '指派帮办代办员' }).click()
  await lead.locator('.action--open .chip', { hasText: '何佳' }).click()
  await lead.locator('.action--open .btn', { hasText: '指派' }).click()
  await lead.getByText('已指派帮办代办员').waitFor()

  // the agent records the handover, prints it, and takes the request to the two windows
  const agent = await hall.signIn('何佳')
  await openCase(agent, no)
  await agent.locator('.action__title', { hasText: '代办材料交接' }).click()
  const form = agent.locator('.action--open')
  for (const m of ['不动产登记申请书', '买卖双方身份证明', '不动产权证书', '不动产买卖合同']) await form.locator('.chip', { hasText: m }).click()
  await form.locator('textarea').fill('委托书 原件 1份\n户口簿 复印件 2份')
  await form.locator('.field', { hasText: '申请人已核对确认' }).locator('.chip', { hasText: '是' }).click()
  await form.locator('.field', { hasText: '代办员已核对确认' }).locator('.chip', { hasText: '是' }).click()
  await form.locator('.field', { hasText: '备注' }).locator('input').fill('原件办结后当面归还')
  await form.locator('.btn', { hasText: '生成材料交接单' }).click()
  await agent.getByText('材料交接单已生成，可以打印交双方签字').waitFor()
  await agent.locator('.list-line', { hasText: '户口簿（复印件 2 份）' }).waitFor()
  await shot(agent, '82-agent-handover-recorded')
  await agent.getByText('打印材料交接单').click()
  await agent.locator('.a4__title', { hasText: '帮办代办材料交接单' }).waitFor()
  await agent.locator('.a4__val', { hasText: '13912345678' }).waitFor()
  await shot(agent, '83-handover-slip-a4')
  await agent.goBack()
  await agent.locator('.case-head__no').waitFor()
  for (const [window, note] of [
    ['不动产登记窗口', '代为申请二手房转移登记'],
    ['税务窗口', '代为申报房产交易契税'],
  ] as const) {
    await agent.locator('.action__title', { hasText: '到其他窗口办理' }).click()
    await agent.locator('.action--open .chip', { hasText: window }).click()
    await agent.locator('.action--open input').fill(note)
    await agent.locator('.action--open .btn', { hasText: '在该窗口登记' }).click()
    await agent.getByText('已在该窗口登记，等待窗口办理').waitFor()
    await agent.locator('.linked', { hasText: note }).waitFor()
  }

  // each window does its part as usual
  const li = await hall.signIn('李晓梅')
  await openCase(li, '代为申请二手房转移登记')
  await li.getByText('接待此申请（成为首问负责人）').click()
  await li.getByText('已接待，您是本案的首问负责人').waitFor()
  await li.locator('.section', { hasText: '帮办代办员 何佳' }).first().waitFor()
  await li.locator('.action__title', { hasText: '受理' }).first().click()
  await li.locator('.action--open .chip', { hasText: '承诺件' }).click()
  await li.locator('.action--open .btn', { hasText: '受理' }).click()
  await li.getByText('已受理；承诺件可打印受理通知书').waitFor()
  await li.locator('.action__title', { hasText: '办结' }).click()
  await li.locator('.action--open textarea').fill('转移登记已办结，新证已交代办员')
  await li.locator('.action--open .btn', { hasText: '办结' }).click()
  await confirmDialog(li, '确认办结')
  await li.getByText('已办结', { exact: true }).first().waitFor()
  const zheng = await hall.signIn('郑雪')
  await openCase(zheng, '代为申报房产交易契税')
  await zheng.getByText('接待此申请（成为首问负责人）').click()
  await zheng.getByText('已接待，您是本案的首问负责人').waitFor()
  await zheng.locator('.action__title', { hasText: '受理' }).first().click()
  await zheng.locator('.action--open .btn', { hasText: '受理' }).click()
  await zheng.getByText('已受理；承诺件可打印受理通知书').waitFor()

  // the citizen follows the request across the windows
  await citizen.reload()
  await citizen.locator('.linked', { hasText: '不动产登记窗口' }).getByText('已办结').waitFor()
  await citizen.locator('.linked', { hasText: '税务窗口' }).getByText('已办结').waitFor()
  await shot(citizen, '84-citizen-follows-windows')

  // the agent finishes it; the citizen rates it
  await agent.reload()
  await agent.locator('.action__title', { hasText: '办结' }).click()
  await agent.locator('.action--open textarea').fill('已代为办结过户和契税，新证及原件已当面交还申请人')
  await agent.locator('.action--open .btn', { hasText: '办结' }).click()
  await confirmDialog(agent, '确认办结')
  await agent.getByText('已办结', { exact: true }).first().waitFor()
  await citizen.reload()
  await citizen.locator('.rating__level', { hasText: '非常满意' }).click()
  await citizen.getByText('提交评价').click()
  await confirmDialog(citizen, '确认提交')
  await citizen.locator('.section', { hasText: '非常满意' }).first().waitFor()
  await shot(citizen, '85-citizen-rated-request')

  // the hall office's 帮办代办工作登记台账
  const office = await hall.signIn('徐文')
  await office.getByText('帮办代办台账').click()
  await office.locator('.choice', { hasText: '不动产转移登记（二手房买卖）' }).getByText('已办结').waitFor()
  await office.locator('.choice', { hasText: '评价 非常满意' }).waitFor()
  await shot(office, '86-office-assisted-ledger')
})

it('staff register a caller’s 帮办 request for a matter; it goes to the 帮办代办 window to be assigned', async () => {
  const li = await hall.signIn('李晓梅')
  await li.getByText('登记来访来电').click()
  await li.locator('.segmented__item', { hasText: '来电' }).click()
  await li.locator('.segmented__item', { hasText: '帮办代办' }).click()
  // the matter is asked for first
  await li.getByText('登记', { exact: true }).click()
  await li.getByText('请选择要帮办代办的事项').waitFor()
  await li.locator('.search__input input, input.search__input').fill('契税')
  await li.locator('.matters__name', { hasText: '房产交易契税申报' }).click()
  await li.locator('.chip', { hasText: '帮办（陪同办理）' }).waitFor()
  const inputs = li.locator('.field__input input, input.field__input')
  await inputs.nth(0).fill('张建华')
  await inputs.nth(1).fill('0562-2881234')
  await li.locator('textarea').fill('老人来电，想请人陪同办理契税申报')
  await shot(li, '87-staff-register-assisted')
  await li.getByText('登记', { exact: true }).click()
  await li.getByText('已送帮办代办窗口，由窗口负责人指派帮办代办员。').waitFor()
  const lead = await hall.signIn('马红')
  await lead.getByText('老人来电，想请人陪同办理契税申报').first().waitFor()
})
