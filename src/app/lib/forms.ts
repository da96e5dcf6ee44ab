// The two paper forms of 000 as data: 附件1 一次性补件告知单 and 附件2 窗口首问负责事项交接单. The print
// page lays them out on A4 (H5), and the mini-program draws the same data into a shareable image.
import type { CaseView } from '../../core/views'
import { formatDateTime } from './format'

export const ymd = (iso: string) => formatDateTime(iso).split(' ')[0]!

export interface NoticeForm {
  kind: 'notice'
  title: string
  number: string
  addressee: string
  intro: string
  items: string[]
  signature: string[]
  foot: string
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

export function noticeForm(view: CaseView, noticeNo: string): NoticeForm | null {
  const n = view.notices.find((x) => x.noticeNo === noticeNo)
  if (!n) return null
  return {
    kind: 'notice',
    title: '一次性补件告知单',
    number: n.noticeNo,
    addressee: view.contact.name,
    intro: `你单位（个人）提出的「${view.matter?.name ?? view.text.slice(0, 40)}」申请经审查，所提供的申请材料不完全符合法定形式，请将下列材料补正补全：`,
    items: n.items.map((item, i) => `${i + 1}. ${item}`),
    signature: [`经办人：${n.by}`, '被告知人：', `日期：${ymd(n.at)}`],
    foot: `${view.hall.name}　${view.window.name}`,
  }
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
