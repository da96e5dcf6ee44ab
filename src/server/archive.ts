// The hall's own archive of a period: every case submitted in it with its whole history, as an xlsx
// workbook people can read (a sheet of cases, a sheet of every step in plain Chinese) or as JSON lines
// a machine can (one case per line, its state and events exactly as kept).
import ExcelJS from 'exceljs'
import { formatShanghai } from '../core/calendar'
import type { CaseState } from '../core/caseState'
import { STATUS_LABELS } from '../core/caseMachine'
import { CLOCK_LABELS } from '../core/clock'
import type { CaseEvent } from '../core/events'
import { LEDGER_COLUMNS } from '../core/ledger'
import { RATING_LABELS, type RatingLevel } from '../core/rating'
import { describeEvent, describeWho, type Names } from '../core/timeline'

export interface ArchivedCase {
  case: CaseState
  events: CaseEvent[]
}

const KIND = { consult: '咨询', application: '办事' } as const
const COLUMN = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, c.label]))
/** readable times in the sheet: 2026-11-23 10:00 */
const time = (iso: string | null | undefined) => (iso ? formatShanghai(new Date(iso)).slice(0, 16).replace('T', ' ') : '')

/** one case per line: `{"case": …, "events": […]}`, in the order given */
export function archiveJsonLines(cases: ArchivedCase[]): string {
  return cases.map((c) => JSON.stringify({ case: c.case, events: c.events })).join('\n') + (cases.length ? '\n' : '')
}

export async function archiveWorkbook(cases: ArchivedCase[], names: Names, title: string, now: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '首问通'
  wb.created = now
  const sheet = wb.addWorksheet('案件')
  sheet.columns = [
    { header: '案件编号', key: 'no', width: 20 },
    { header: '类型', key: 'kind', width: 6 },
    { header: '状态', key: 'status', width: 10 },
    { header: '首问窗口', key: 'firstWindow', width: 16 },
    { header: '现办理窗口', key: 'window', width: 16 },
    { header: '事项', key: 'matter', width: 20 },
    { header: '市民', key: 'name', width: 10 },
    { header: '联系电话', key: 'phone', width: 14 },
    { header: '内容', key: 'text', width: 40 },
    { header: '首问负责人', key: 'responder', width: 10 },
    { header: '提交时间', key: 'submittedAt', width: 17 },
    { header: '答复或办结', key: 'decision', width: 40 },
    { header: '结案时间', key: 'closedAt', width: 17 },
    { header: '台帐栏目', key: 'ledger', width: 18 },
    { header: '超时', key: 'breaches', width: 20 },
    { header: '评价', key: 'ratings', width: 16 },
  ]
  for (const { case: c } of cases) {
    const decision = c.reply?.text ?? c.completion?.result ?? (c.refusal ? `不予办理：${c.refusal.reason}` : '')
    sheet.addRow({
      no: c.no,
      kind: KIND[c.kind],
      status: STATUS_LABELS[c.status],
      firstWindow: names.window(c.firstWindowId),
      window: names.window(c.windowId),
      matter: c.matter?.name ?? '',
      name: c.contact.name,
      phone: c.contact.phone,
      text: c.text,
      responder: c.firstResponderId ? names.staff(c.firstResponderId) : '',
      submittedAt: time(c.submittedAt),
      decision,
      closedAt: time(c.closedAt),
      ledger: c.ledgerColumn ? COLUMN[c.ledgerColumn] : '',
      breaches: c.clocks
        .filter((k) => k.breachedAt)
        .map((k) => CLOCK_LABELS[k.kind])
        .join('、'),
      ratings: (c.ratings ?? []).map((r) => RATING_LABELS[r.level as RatingLevel]).join('、'),
    })
  }
  const steps = wb.addWorksheet('办理过程')
  steps.columns = [
    { header: '案件编号', key: 'no', width: 20 },
    { header: '序号', key: 'seq', width: 6 },
    { header: '时间', key: 'at', width: 17 },
    { header: '操作人', key: 'who', width: 22 },
    { header: '经过', key: 'what', width: 60 },
  ]
  for (const { case: c, events } of cases) {
    for (const e of events) steps.addRow({ no: c.no, seq: e.seq, at: time(e.at), who: describeWho(e, names), what: describeEvent(e, names) })
  }
  for (const ws of [sheet, steps]) {
    ws.getRow(1).font = { bold: true }
    ws.views = [{ state: 'frozen', ySplit: 1 }]
  }
  wb.title = title
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
