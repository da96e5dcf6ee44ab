// A new hall from nothing to its first case, in the H5 build on a real (not demo) server: the operator
// imports the hall with its hall office and sets the office's password on the command line; the office
// signs in, fills in the hall, opens a window, adds a colleague with a password, shortens the reply
// limit, prints the window's poster; a citizen scans it and asks; the colleague answers.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { demoHall, operator, phone, shot, startServer } from './support'

// the shared browser and server lifecycle, on a server without the demo hall
const hall = demoHall(() =>
  startServer({
    demo: false,
    prepare(dataDir) {
      const file = join(dataDir, 'hall.json')
      writeFileSync(
        file,
        JSON.stringify({
          hall: { id: 'jinan', prefix: 'JN', name: '金安区政务服务中心' },
          windows: [],
          staff: [{ id: 'jn-office', windowId: null, name: '赵敏', title: '科长', post: '政务服务科', role: 'office', rank: 4, login: 'zhaomin' }],
        }),
      )
      operator(dataDir, ['hall', 'import', file])
      operator(dataDir, ['staff', 'password', 'jn-office'], 'office-password-1\n')
    },
  }),
)

async function signIn(login: string, password: string): Promise<Page> {
  const page = await (await phone(hall.browser)).newPage()
  await page.goto(`${hall.server.base}/#/staff/login/index`)
  const fields = page.locator('.field__input input, input.field__input')
  await fields.nth(0).fill('jinan')
  await fields.nth(1).fill(login)
  await fields.nth(2).fill(password)
  return page
}
/** opens the form with this title; its inputs and buttons (an earlier form may still be open) */
async function openForm(page: Page, title: string) {
  await page.locator('.action__title', { hasText: title }).click()
  const form = page.locator('.action--open', { has: page.locator('.action__title', { hasText: title }) })
  return { form, inputs: form.locator('.field__input input, input.field__input') }
}

it('sets up a hall from empty and takes its first case', async () => {
  // no demo identities on a real server
  const office = await signIn('zhaomin', 'office-password-1')
  await shot(office, '70-setup-sign-in')
  await office.getByText('登录', { exact: true }).click()
  await office.locator('.hero__window', { hasText: '政务服务科' }).waitFor()
  await shot(office, '71-setup-office-menu')

  // 大厅设置: the public profile, then the first window
  await office.locator('.menu__title', { hasText: '大厅设置' }).click()
  const profile = await openForm(office, '修改大厅信息')
  await profile.inputs.nth(1).fill('金安区人民路 1 号')
  await profile.inputs.nth(2).fill('0564-3370000')
  await profile.inputs.nth(3).fill('大厅服务台、12345 热线')
  await profile.form.getByText('保存', { exact: true }).click()
  await office.getByText('大厅信息已保存').waitFor()
  const window = await openForm(office, '开设新窗口')
  await window.inputs.nth(0).fill('bdc')
  await window.inputs.nth(1).fill('不动产登记窗口')
  await window.inputs.nth(2).fill('A01')
  await window.form.locator('textarea').fill('不动产首次登记、转移登记、抵押登记')
  await window.form.getByText('开设', { exact: true }).click()
  await office.getByText('已开设：不动产登记窗口').waitFor()
  await shot(office, '72-setup-hall-and-window')

  // 工作人员管理: a colleague at the new window, with a login and a password
  await office.goBack()
  await office.locator('.menu__title', { hasText: '工作人员管理' }).click()
  const person = await openForm(office, '添加工作人员')
  await person.inputs.nth(0).fill('李强')
  await person.inputs.nth(1).fill('科员')
  await person.inputs.nth(2).fill('不动产登记受理岗')
  await person.form.locator('.chip', { hasText: '不动产登记窗口' }).click()
  await person.inputs.nth(5).fill('liqiang')
  await person.form.getByText('添加', { exact: true }).click()
  await office.getByText('已添加：李强').waitFor()
  await office.locator('.person', { hasText: '李强' }).locator('.person__row').click()
  const password = await openForm(office, '设置登录密码')
  await password.inputs.nth(0).fill('window-password-1')
  await office.getByText('设置密码', { exact: true }).click()
  await office.getByText('已为 李强 设置密码（登录名 liqiang）').waitFor()
  // a photo for the card citizens see: a portrait drawn in the page, chosen like a phone's album photo
  const portrait = Buffer.from(
    (
      await office.evaluate(() => {
        const c = document.createElement('canvas')
        c.width = 600
        c.height = 800
        const g = c.getContext('2d')!
        g.fillStyle = '#dfe8f5'
        g.fillRect(0, 0, 600, 800)
        g.fillStyle = '#5b6b80'
        g.beginPath()
        g.arc(300, 300, 150, 0, Math.PI * 2)
        g.fill()
        g.fillRect(100, 520, 400, 280)
        return c.toDataURL('image/jpeg', 0.9)
      })
    ).split(',')[1]!,
    'base64',
  )
  const [chooser] = await Promise.all([office.waitForEvent('filechooser'), office.locator('.person', { hasText: '李强' }).getByText('上传照片').click()])
  await chooser.setFiles([{ name: 'liqiang.jpg', mimeType: 'image/jpeg', buffer: portrait }])
  await office.getByText('已更新 李强 的照片，市民会在首问负责人名片上看到').waitFor()
  await office.waitForFunction(() => Array.from(document.querySelectorAll('img')).some((i) => i.src.includes('/api/files/') && i.naturalWidth > 0))
  await shot(office, '73-setup-staff')

  // 规则设置: the hall answers consults within one working day instead of the preset's two
  await office.goBack()
  await office.locator('.menu__title', { hasText: '规则设置' }).click()
  await office.getByText('调整规则').click()
  await office.locator('.policy__row', { hasText: '咨询答复时限' }).locator('input').fill('1')
  await office.locator('textarea').fill('经中心主任办公会研究，咨询答复时限缩短为 1 个工作日')
  await shot(office, '74-setup-policy-edit')
  await office.getByText('保存为新版本').click()
  await office.getByText('已保存为第 2 版，此后受理的案件按新规则计时').waitFor()
  await office.locator('.policy__row', { hasText: '咨询答复时限' }).getByText('本厅调整').waitFor()
  await shot(office, '75-setup-policy-saved')

  // 二维码与海报: the window's poster promises one working day
  await office.goBack()
  await office.locator('.menu__title', { hasText: '二维码与海报' }).click()
  const poster = office.locator('.poster', { hasText: '不动产登记窗口' })
  await poster.getByText('在 1 个工作日内答复您', { exact: false }).waitFor()
  await poster.locator('.poster__code img, img.poster__code').first().waitFor()
  await poster.getByText('监督电话：0564-3370000').waitFor()
  await shot(office, '76-setup-poster')

  // a citizen scans the window's code and asks
  const citizen = await (await phone(hall.browser)).newPage()
  await citizen.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent('h=jinan&w=bdc')}`)
  await citizen.locator('.hero__window', { hasText: '不动产登记窗口' }).waitFor()
  await citizen.getByText('1 个工作日', { exact: false }).first().waitFor()
  const form = citizen.locator('.field__input input, input.field__input')
  await form.nth(0).fill('孙丽')
  await form.nth(1).fill('13955550000')
  await citizen.locator('textarea').fill('请问抵押登记注销需要带什么材料？')
  await citizen.getByText('提交咨询').click()
  await citizen.getByText(/JN-\d{8}-0001/).waitFor()
  await shot(citizen, '77-setup-first-case')

  // the colleague signs in with the password the office set and answers
  const li = await signIn('liqiang', 'window-password-1')
  await li.getByText('登录', { exact: true }).click()
  await li.locator('.hero__window', { hasText: '不动产登记窗口' }).waitFor()
  await li.getByText(/JN-\d{8}-0001/).click()
  await li.getByText('接待此咨询（成为首问负责人）').click()
  await li.getByText('已接待，您是本案的首问负责人').waitFor()
  await li.getByText('当场答复').click()
  await li.locator('textarea').fill('您好，注销抵押登记请携带身份证、不动产权证书和银行出具的还清贷款证明。')
  await li.getByText('发送答复').click()
  await li.getByText('答复已送达市民').waitFor()

  await citizen.reload()
  await citizen.locator('.responder__name').getByText('李强').waitFor()
  await citizen.waitForFunction(() => Array.from(document.querySelectorAll('img')).some((i) => i.src.includes('/api/files/') && i.naturalWidth > 0))
  await citizen.locator('.reply').getByText('银行出具的还清贷款证明', { exact: false }).waitFor()
  await shot(citizen, '78-setup-first-case-answered')

  // the office's dashboard: one open case, answered on time
  await office.goBack()
  await office.locator('.menu__title', { hasText: '全厅运行看板' }).click()
  await office.locator('.dashboard__tile', { hasText: '未结案件' }).getByText('1', { exact: true }).waitFor()
  await office.locator('.dashboard__tile', { hasText: '答复及时率' }).getByText('100%').waitFor()
  await office.getByText('按时 1 · 超时 0').waitFor()
  await shot(office, '79-setup-dashboard')
})
