/**
 * @jest-environment jsdom
 */
// The built case page, rendered in miniprogram-simulate.
import { answer, calls, renderPage, textIn, textOf } from './harness'
import { bdc, caseView } from './fixtures'

it('the case page shows the number, the status, the first responder card, the reply and every step', async () => {
  answer({
    getCase: () => ({
      ok: true,
      data: caseView({
        status: 'replied',
        statusLabel: '已答复',
        responder: {
          staffId: 'bdc-li',
          name: '李晓梅',
          title: '科员',
          post: '不动产登记受理岗',
          windowId: 'bdc',
          windowName: '不动产登记窗口',
          windowNumber: 'A01',
          scope: bdc.scope,
          photo: null,
        },
        reply: { text: '您好，请携带身份证和不动产权证书。', mode: 'onTheSpot', at: '2026-11-23T10:20:00+08:00' },
        clocks: [
          {
            kind: 'reply',
            label: '答复时限',
            startedAt: '2026-11-23T10:00:00+08:00',
            dueAt: '2026-11-25T17:30:00+08:00',
            state: 'met',
            countdown: '已完成',
            metAt: '2026-11-23T10:20:00+08:00',
            breachedAt: null,
          },
        ],
        timeline: [
          { seq: 1, at: '2026-11-23T10:00:00+08:00', type: 'submitted', who: '市民', text: '提交了咨询，已送达不动产登记窗口' },
          { seq: 2, at: '2026-11-23T10:05:00+08:00', type: 'claimed', who: '李晓梅（不动产登记窗口）', text: '接待了您的咨询，成为首问负责人' },
          { seq: 3, at: '2026-11-23T10:20:00+08:00', type: 'replied', who: '李晓梅（不动产登记窗口）', text: '当场答复：您好，请携带身份证和不动产权证书。' },
        ],
        version: 3,
      }),
    }),
  })
  const page = await renderPage('pages/case/index', { id: 'c_aaaaaaaaaaaaaaaa' })
  const text = textOf(page)
  expect(textIn(page, 'case-head__no')).toBe('SF-20261123-0001')
  expect(textIn(page, 'responder__name')).toBe('李晓梅科员')
  expect(textIn(page, 'reply')).toBe('您好，请携带身份证和不动产权证书。')
  expect(calls.filter((c) => c.action === 'getCase').pop()?.input).toEqual({ caseId: 'c_aaaaaaaaaaaaaaaa' })
  expect(text).toContain('SF-20261123-0001')
  expect(text).toContain('已答复')
  expect(text).toContain('李晓梅')
  expect(text).toContain('不动产登记受理岗')
  expect(text).toContain('您好，请携带身份证和不动产权证书。')
  expect(text).toContain('11月25日 17:30 前')
  expect(text).toContain('接待了您的咨询，成为首问负责人')
})
