// The paper forms as data: the same content on the A4 page and in the shared image.
import { acceptanceForm, formLines, noticeForm, paperForm, refusalForm, slipForm, wrap } from '../../src/app/lib/forms'
import { PRESETS } from '../../src/core/policy'
import { caseView } from '../miniprogram/fixtures'

const view = caseView({
  kind: 'application',
  matter: { id: 'bdc-zydj', name: '不动产转移登记（二手房买卖）', kind: 'promised', promisedDays: 5, materials: [] },
  notices: [{ noticeNo: 'SF-BZ-2026-0007', items: ['不动产买卖合同', '完税凭证'], at: '2026-11-23T10:30:00+08:00', by: '李晓梅', told: [] }],
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
  // 000 附件1 says the materials are handed back
  expect(form.intro).toContain('现将资料退回，请将下列材料补正补全')
  expect(form.sections).toEqual([])
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

it('002 words the notice its own way and prints the basis, conditions, procedure and time limit (一次性告知 §1)', () => {
  const told = [
    { label: '办理依据', text: '《不动产登记暂行条例》第十四条' },
    { label: '办理条件', text: '申请人为不动产权利人' },
    { label: '办理程序', text: '申请—受理—审核—登簿' },
    { label: '办理时限', text: '受理后 5 个工作日内办结' },
  ]
  const v002 = { ...view, forms: PRESETS['002'].forms, notices: [{ ...view.notices[0]!, told }] }
  const form = noticeForm(v002, 'SF-BZ-2026-0007')!
  expect(form.title).toBe('政务服务事项一次性告知通知书')
  expect(form.intro).not.toContain('退回')
  expect(form.sections).toEqual(told)
  expect(formLines(form).map((l) => l.text)).toContain('办理程序：申请—受理—审核—登簿')
  expect(form.cite).toContain('002 一次性告知')
  // 004 calls it 补正材料一次性告知书 (一次性告知制度 §6)
  expect(noticeForm({ ...view, forms: PRESETS['004'].forms }, 'SF-BZ-2026-0007')!.title).toBe('补正材料一次性告知书')
})

it('受理通知书 carries the promised limit and its due day; only for its own number', () => {
  const accepted = {
    ...view,
    acceptance: { mode: 'promised' as const, at: '2026-11-23T11:00:00+08:00', limitDays: 5, noticeNo: 'SF-SL-2026-0001' },
    clocks: [
      {
        kind: 'promised' as const,
        label: '承诺办结时限',
        startedAt: '2026-11-23T11:00:00+08:00',
        dueAt: '2026-11-30T17:30:00+08:00',
        state: 'running' as const,
        countdown: '',
        metAt: null,
        breachedAt: null,
      },
    ],
  }
  const form = acceptanceForm(accepted, 'SF-SL-2026-0001')!
  expect(form.title).toBe('受理通知书')
  expect(form.intro).toContain('决定予以受理')
  expect(form.sections).toEqual([{ label: '承诺办结时限', text: '5 个工作日（2026年11月30日前办结）' }])
  expect(form.signature).toEqual(expect.arrayContaining(['受理日期：2026年11月23日']))
  expect(acceptanceForm(accepted, 'SF-SL-2026-0002')).toBeNull()
  expect(paperForm(accepted, 'acceptance', 'SF-SL-2026-0001')).toEqual(form)
  expect(paperForm(accepted, 'nothing', 'SF-SL-2026-0001')).toBeNull()
})

it('不予受理 before acceptance, 不予登记 after it under 002 (限时办结 §3–§4): reason, basis and the remedy', () => {
  const refusal = { reason: '房屋已被查封', legalBasis: '《不动产登记暂行条例》第二十二条', at: '2026-11-24T09:00:00+08:00', noticeNo: 'SF-BY-2026-0001' }
  const before = refusalForm({ ...view, forms: PRESETS['002'].forms, refusal: { ...refusal, afterAcceptance: false } }, 'SF-BY-2026-0001')!
  expect(before.title).toBe('不予受理通知书')
  expect(before.sections).toEqual([
    { label: '理由', text: '房屋已被查封' },
    { label: '依据', text: '《不动产登记暂行条例》第二十二条' },
  ])
  expect(before.closing[0]).toContain('行政复议')
  expect(before.cite).toContain('002 限时办结 §3')
  const accepted = { mode: 'promised' as const, at: '2026-11-23T11:00:00+08:00', limitDays: 5 }
  const after = refusalForm({ ...view, forms: PRESETS['002'].forms, acceptance: accepted, refusal: { ...refusal, afterAcceptance: true } }, 'SF-BY-2026-0001')!
  expect(after.title).toBe('不予登记通知书')
  expect(after.intro).toContain('2026年11月23日')
  // elsewhere a refusal after acceptance is 不予办理 (000 §4.1)
  expect(refusalForm({ ...view, acceptance: accepted, refusal: { ...refusal, afterAcceptance: true } }, 'SF-BY-2026-0001')!.title).toBe('不予办理通知书')
})
