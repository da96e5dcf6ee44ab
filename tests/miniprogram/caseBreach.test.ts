/**
 * @jest-environment jsdom
 */
// The built case page after a breach, in miniprogram-simulate (one page render per file).
import { answer, renderPage, textIn, textOf } from './harness'
import { caseView } from './fixtures'

it('after a breach the case page apologises, names who supervises, and offers the notice to act on', async () => {
  answer({
    getCase: () => ({
      ok: true,
      data: caseView({
        kind: 'application',
        status: 'awaitingMaterials',
        statusLabel: '待补正材料',
        matter: { id: 'bdc-zydj', name: '不动产转移登记（二手房买卖）', kind: 'promised', promisedDays: 5, materials: [] },
        notices: [{ noticeNo: 'SF-BZ-2026-0007', items: ['不动产买卖合同', '完税凭证'], at: '2026-11-23T10:30:00+08:00', by: '李晓梅', told: [] }],
        clocks: [
          {
            kind: 'supplementNotice',
            label: '一次性告知时限',
            startedAt: '2026-11-23T10:00:00+08:00',
            dueAt: '2026-11-23T17:30:00+08:00',
            state: 'breached',
            countdown: '已超时 1 个工作日',
            metAt: null,
            breachedAt: '2026-11-23T17:30:00+08:00',
          },
        ],
        supervision: {
          since: '2026-11-23T17:30:00+08:00',
          clocks: ['supplementNotice'],
          apology: '很抱歉，您的办件超过了一次性告知时限，给您添麻烦了。',
          supervisors: '首席代表 周建国、大厅政务服务科已督办，会尽快为您办理。',
        },
        can: { ...caseView().can, materialsComplete: true },
      }),
    }),
  })
  const page = await renderPage('pages/case/index', { id: 'c_aaaaaaaaaaaaaaaa' })
  const text = textOf(page)
  expect(textIn(page, 'apology__who')).toContain('周建国')
  expect(text).toContain('很抱歉')
  expect(text).toContain('事项：不动产转移登记（二手房买卖）')
  expect(text).toContain('2. 完税凭证')
  expect(text).toContain('已超时 1 个工作日')
  expect(text).toContain('材料已备齐')
})
