// The paper forms as data: the one-time notice (附件1 in 000; each preset words it its own way), 附件2
// 窗口首问负责事项交接单, the 受理通知书 and the 不予受理 / 不予登记通知书. The print page lays them out on A4
// (H5), and the mini-program draws the same data into a shareable image.
import { fillWording } from '../../core/policy'
import type { CaseView } from '../../core/views'
import { formatDateTime } from './format'

export const ymd = (iso: string) => formatDateTime(iso).split(' ')[0]!

export interface NoticeForm {
  kind: 'notice'
  title: string
  number: string
  addressee: string
  intro: string
  /** numbered lines: the materials to supply */
  items: string[]
  /** labelled paragraphs: what the notice tells besides the materials, or a refusal's reason and basis */
  sections: Array<{ label: string; text: string }>
  /** closing paragraphs: the promise, the citizen's remedy */
  closing: string[]
  signature: string[]
  foot: string
  /** the regulation the form follows */
  cite: string
}

export interface SlipForm {
  kind: 'slip'
  title: string
  number: string
  date: string
  /** label, value, and for the two-column rows a second label and value */
  rows: Array<[string, string, string?, string?]>
  note: string
}

export type PaperForm = NoticeForm | SlipForm

const matterOf = (view: CaseView) => `「${view.matter?.name ?? view.text.slice(0, 40)}」`
const handlerName = (view: CaseView) => view.responder?.name ?? ''

/** the one-time notice in the wording of the case's preset (000 附件1, 001 第六条(一), 002 一次性告知 §1, 004 一次性告知 §6) */
export function noticeForm(view: CaseView, noticeNo: string): NoticeForm | null {
  const n = view.notices.find((x) => x.noticeNo === noticeNo)
  if (!n) return null
  const w = view.forms.supplementNotice
  return {
    kind: 'notice',
    title: w.value.title,
    number: n.noticeNo,
    addressee: view.contact.name,
    intro: fillWording(w.value.intro, { matter: matterOf(view) }),
    items: n.items.map((item, i) => `${i + 1}. ${item}`),
    sections: n.told,
    closing: [],
    signature: [`经办人：${n.by}`, '被告知人：', `日期：${ymd(n.at)}`],
    foot: `${view.hall.name}　${view.window.name}`,
    cite: w.cite,
  }
}

/** 受理通知书 (002 首问（办）负责 §3(2)): the promised limit the case is accepted under */
export function acceptanceForm(view: CaseView, noticeNo: string): NoticeForm | null {
  const a = view.acceptance
  if (!a || a.noticeNo !== noticeNo) return null
  const w = view.forms.acceptanceNotice
  const due = view.clocks.find((c) => c.kind === 'promised')
  return {
    kind: 'notice',
    title: w.value.title,
    number: noticeNo,
    addressee: view.contact.name,
    intro: fillWording(w.value.intro, { matter: matterOf(view) }),
    items: [],
    sections: [
      { label: '承诺办结时限', text: `${a.limitDays ?? ''} 个工作日${due ? `（${ymd(due.dueAt)}前办结）` : ''}` },
      ...(a.limitReason ? [{ label: '时限说明', text: a.limitReason }] : []),
    ],
    closing: [`办理进度可在“首问通”查询，案件编号 ${view.no}。监督电话：${view.hall.supervisionPhone}。`],
    signature: [`经办人：${handlerName(view)}`, `受理日期：${ymd(a.at)}`],
    foot: `${view.hall.name}　${view.window.name}`,
    cite: w.cite,
  }
}

/** 不予受理通知书 (002 限时办结 §3), or once accepted 不予登记 / 不予办理通知书 (§4): reason, basis, remedy */
export function refusalForm(view: CaseView, noticeNo: string): NoticeForm | null {
  const r = view.refusal
  if (!r || r.noticeNo !== noticeNo) return null
  const w = r.afterAcceptance ? view.forms.refusalAfterAcceptance : view.forms.refusalBeforeAcceptance
  return {
    kind: 'notice',
    title: w.value.title,
    number: noticeNo,
    addressee: view.contact.name,
    intro: fillWording(w.value.intro, { matter: matterOf(view), accepted: view.acceptance ? ymd(view.acceptance.at) : '' }),
    items: [],
    sections: [
      { label: '理由', text: r.reason },
      { label: '依据', text: r.legalBasis },
    ],
    closing: [view.forms.remedy.value],
    signature: [`经办人：${handlerName(view)}`, `日期：${ymd(r.at)}`],
    foot: `${view.hall.name}　${view.window.name}`,
    cite: `${w.cite}；${view.forms.remedy.cite}`,
  }
}

/** the form the print page was asked for, if it belongs to the case */
export function paperForm(view: CaseView, form: string | undefined, no: string): PaperForm | null {
  if (form === 'notice') return noticeForm(view, no)
  if (form === 'slip') return slipForm(view, no)
  if (form === 'acceptance') return acceptanceForm(view, no)
  if (form === 'refusal') return refusalForm(view, no)
  return null
}

export function slipForm(view: CaseView, slipNo: string): SlipForm | null {
  const s = view.handovers.find((x) => x.slipNo === slipNo)
  if (!s) return null
  return {
    kind: 'slip',
    title: '窗口首问负责事项交接单',
    number: s.slipNo,
    date: ymd(s.at),
    rows: [
      ['服务对象单位或个人名称', view.contact.name],
      ['服务对象联系电话', view.contact.phone],
      ['交接内容（或拟办事项）', view.text],
      ['交接原因', s.reason],
      ['交接窗口', view.window.name, '交接人及联系电话', `${s.from.name} ${s.from.phone}`],
      ['接收窗口', view.window.name, '接收人及联系电话', `${s.to.name} ${s.to.phone}`],
      ['备注', s.remarks || (s.acknowledgedAt ? `接收人已于 ${formatDateTime(s.acknowledgedAt)} 阅知` : '')],
    ],
    note: '注：此单一式两份，交接人一份，接收人一份。',
  }
}

/** a form as lines of text for drawing: [text, size in px, bold, align] */
export type Line = { text: string; size: number; bold?: boolean; align?: 'left' | 'center' | 'right' }

export function formLines(form: PaperForm): Line[] {
  if (form.kind === 'notice') {
    return [
      { text: form.title, size: 40, bold: true, align: 'center' },
      { text: `编号：${form.number}`, size: 24, align: 'right' },
      { text: `${form.addressee}单位（个人）：`, size: 28 },
      { text: form.intro, size: 28 },
      ...form.items.map((text) => ({ text, size: 28 })),
      ...form.sections.map((s) => ({ text: `${s.label}：${s.text}`, size: 28 })),
      ...form.closing.map((text) => ({ text, size: 26 })),
      ...form.signature.map((text) => ({ text, size: 26, align: 'right' as const })),
      { text: form.foot, size: 22, align: 'center' },
    ]
  }
  return [
    { text: form.title, size: 40, bold: true, align: 'center' },
    { text: `编号：${form.number}　　时间：${form.date}`, size: 24, align: 'right' },
    ...form.rows.flatMap(([k1, v1, k2, v2]) => [{ text: `${k1}：${v1}`, size: 26 }, ...(k2 ? [{ text: `${k2}：${v2 ?? ''}`, size: 26 }] : [])]),
    { text: form.note, size: 22 },
  ]
}

/** breaks a line into rows that fit `width` px, measuring with the canvas (CJK has no spaces) */
export function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const rows: string[] = []
  let row = ''
  for (const ch of text) {
    if (row && measure(row + ch) > width) {
      rows.push(row)
      row = ch
    } else row += ch
  }
  if (row) rows.push(row)
  return rows.length ? rows : ['']
}
