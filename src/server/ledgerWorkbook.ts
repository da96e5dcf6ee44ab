// The ledger as an xlsx workbook for the hall's archive and the regulator: one sheet per window laid
// out like 附件3 窗口首问负责制情况统计表 (two header rows, the column groups merged as on the paper
// form), and a hall-wide sheet with a row per window.
import ExcelJS from 'exceljs'
import { formatShanghai } from '../core/calendar'
import type { LedgerColumn } from '../core/events'
import type { LedgerSheet } from '../core/ledger'
import type { LedgerView } from '../core/views'

const ORDER: LedgerColumn[] = [
  'instant',
  'promised',
  'consultOnTheSpot',
  'consultTimed',
  'handedOver',
  'joint',
  'otherWindow',
  'outsideConsult',
  'outsideWritten',
]

const border: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}

/** the three header rows of 附件3, starting at `row`, `first` columns to the left (e.g. 窗口) */
function header(ws: ExcelJS.Worksheet, row: number, first: string[]) {
  const off = first.length
  const col = (i: number) => off + i + 1
  const put = (r: number, c: number, text: string) => {
    const cell = ws.getCell(r, c)
    cell.value = text
  }
  first.forEach((t, i) => {
    put(row, i + 1, t)
    ws.mergeCells(row, i + 1, row + 2, i + 1)
  })
  put(row, col(0), '职责范围内（件）')
  ws.mergeCells(row, col(0), row, col(3))
  put(row, col(4), '职责范围外（件）')
  ws.mergeCells(row, col(4), row, col(8))
  put(row, col(9), '合计')
  ws.mergeCells(row, col(9), row + 2, col(9))
  const second: Array<[number, string, boolean]> = [
    [0, '即办件', true],
    [1, '承诺件', true],
    [2, '咨询件', false],
    [4, '移交本窗口事项', true],
    [5, '与其它窗口共同办理事项', true],
    [6, '本级大厅其它窗口事项', true],
    [7, '本级大厅职责外', false],
  ]
  for (const [i, text, tall] of second) {
    put(row + 1, col(i), text)
    if (tall) ws.mergeCells(row + 1, col(i), row + 2, col(i))
  }
  ws.mergeCells(row + 1, col(2), row + 1, col(3))
  ws.mergeCells(row + 1, col(7), row + 1, col(8))
  put(row + 2, col(2), '当场答复')
  put(row + 2, col(3), '限时答复')
  put(row + 2, col(7), '咨询')
  put(row + 2, col(8), '书面申请')
  for (let r = row; r <= row + 2; r++) {
    for (let c = 1; c <= col(9); c++) {
      const cell = ws.getCell(r, c)
      cell.border = border
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
      cell.font = { bold: true }
    }
  }
}

function numbers(ws: ExcelJS.Worksheet, row: number, first: string[], sheet: LedgerSheet) {
  const values = [...first, ...ORDER.map((k) => sheet[k]), sheet.total]
  values.forEach((v, i) => {
    const cell = ws.getCell(row, i + 1)
    cell.value = v
    cell.border = border
    cell.alignment = { horizontal: 'center', vertical: 'middle' }
  })
}

function title(ws: ExcelJS.Worksheet, text: string, width: number) {
  ws.getCell(1, 1).value = text
  ws.mergeCells(1, 1, 1, width)
  ws.getCell(1, 1).font = { bold: true, size: 16 }
  ws.getCell(1, 1).alignment = { horizontal: 'center' }
  ws.getRow(1).height = 28
}

/** sheet names: at most 31 characters, none of : \ / ? * [ ] */
const sheetName = (name: string, used: Set<string>) => {
  let base = name.replace(/[:\\/?*[\]]/g, '').slice(0, 28) || '窗口'
  let n = base
  for (let i = 2; used.has(n); i++) n = `${base}${i}`
  used.add(n)
  base = n
  return base
}

export async function ledgerWorkbook(view: LedgerView, now: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '首问通'
  wb.created = now
  const period = `统计期间：${view.from} 至 ${view.to}${view.channel ? `（来源：${view.channel.label}）` : ''}`
  const filled = `填报时间：${formatShanghai(now).slice(0, 10)}`
  const used = new Set<string>()

  // the hall-wide sheet first: a row per window and the total
  const all = wb.addWorksheet(sheetName('全厅汇总', used))
  title(all, `${view.hallName} 窗口首问负责制情况统计表`, 11)
  all.getCell(2, 1).value = period
  all.mergeCells(2, 1, 2, 6)
  all.getCell(2, 7).value = filled
  all.mergeCells(2, 7, 2, 11)
  header(all, 3, ['窗口'])
  view.windows.forEach((w, i) => numbers(all, 6 + i, [w.name], w.sheet))
  numbers(all, 6 + view.windows.length, ['合计'], view.total)
  all.getRow(6 + view.windows.length).font = { bold: true }
  all.columns.forEach((c, i) => (c.width = i === 0 ? 22 : 12))

  // 附件3 itself, one per window
  for (const w of view.windows) {
    const ws = wb.addWorksheet(sheetName(w.name, used))
    title(ws, '窗口首问负责制情况统计表', 10)
    ws.getCell(2, 1).value = `窗口：${w.name}${w.number ? `（${w.number}）` : ''}`
    ws.mergeCells(2, 1, 2, 4)
    ws.getCell(2, 5).value = period
    ws.mergeCells(2, 5, 2, 7)
    ws.getCell(2, 8).value = filled
    ws.mergeCells(2, 8, 2, 10)
    header(ws, 3, [])
    numbers(ws, 6, [], w.sheet)
    ws.columns.forEach((c) => (c.width = 13))
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
