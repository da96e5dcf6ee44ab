// The paper forms as data: the same content on the A4 page and in the shared image.
import { formLines, noticeForm, slipForm, wrap } from '../../src/app/lib/forms'
import { caseView } from '../miniprogram/fixtures'

const view = caseView({
  kind: 'application',
  matter: { id: 'bdc-zydj', name: '不动产转移登记（二手房买卖）', kind: 'promised', promisedDays: 5, materials: [] },
  notices: [{ noticeNo: 'SF-BZ-2026-0007', items: ['不动产买卖合同', '完税凭证'], at: '2026-11-23T10:30:00+08:00', by: '李晓梅' }],
  handovers: [
    {
      slipNo: 'SF-JJ-2026-0003',
      at: '2026-11-23T11:00:00+08:00',
      reason: '补证业务由王磊承办',
      remarks: '',
      from: { id: 'bdc-li', name: '李晓梅', phone: '0562-2880102' },
      to: { id: 'bdc-wang', name: '王磊', phone: '0562-2880103' },
      acknowledgedAt: null,
      contactedAt: null,
      withdrawnAt: null,
    },
  ],
})

it('附件1 lists every material, numbered, under the matter and the addressee', () => {
  const form = noticeForm(view, 'SF-BZ-2026-0007')!
  expect(form.intro).toContain('不动产转移登记（二手房买卖）')
  expect(form.items).toEqual(['1. 不动产买卖合同', '2. 完税凭证'])
  expect(form.signature).toEqual(['经办人：李晓梅', '被告知人：', '日期：2026年11月23日'])
  const texts = formLines(form).map((l) => l.text)
  expect(texts[0]).toBe('一次性补件告知单')
  expect(texts).toEqual(expect.arrayContaining(['编号：SF-BZ-2026-0007', '1. 不动产买卖合同', '2. 完税凭证']))
})

it('附件2 carries both parties with their phones; an unknown number is no form', () => {
  const form = slipForm(view, 'SF-JJ-2026-0003')!
  expect(form.rows.find((r) => r[0] === '交接窗口')).toEqual(['交接窗口', '不动产登记窗口', '交接人及联系电话', '李晓梅 0562-2880102'])
  expect(formLines(form).map((l) => l.text)).toContain('接收人及联系电话：王磊 0562-2880103')
  expect(slipForm(view, 'SF-JJ-2026-9999')).toBeNull()
  expect(noticeForm(view, 'SF-JJ-2026-0003')).toBeNull()
})

it('wraps Chinese text by measured width and loses nothing', () => {
  const text = '你单位（个人）提出的申请经审查，所提供的申请材料不完全符合法定形式，请将下列材料补正补全：'
  const rows = wrap(text, 10, (s) => [...s].length)
  expect(rows.every((r) => [...r].length <= 10)).toBe(true)
  expect(rows.join('')).toBe(text)
  expect(wrap('', 10, (s) => s.length)).toEqual([''])
})
