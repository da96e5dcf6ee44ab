// The matter catalog (事项清单, 003) as an xlsx workbook the hall office edits in a spreadsheet: one
// row per matter with its basis, materials (one per line), promised limit and window. Importing checks
// every row against the same schema the app uses and writes nothing if any row is wrong; each error
// names its row and column.
import ExcelJS from 'exceljs'
import { Matter } from '../core/schemas'

export const COLUMNS = [
  { key: 'id', header: '事项编号', width: 16 },
  { key: 'name', header: '事项名称', width: 30 },
  { key: 'kind', header: '办件类型', width: 10 },
  { key: 'promisedDays', header: '承诺时限（工作日）', width: 12 },
  { key: 'basis', header: '设定依据', width: 40 },
  { key: 'materials', header: '所需材料（每行一项）', width: 40 },
  { key: 'windowId', header: '受理窗口编号', width: 14 },
  { key: 'keywords', header: '搜索关键词（、分隔）', width: 20 },
  { key: 'active', header: '状态', width: 8 },
  { key: 'selfServiceSteps', header: '自助办理步骤（每行一步）', width: 40 },
  { key: 'selfServiceLink', header: '网上办理链接', width: 30 },
] as const
/** columns a workbook exported before they existed may lack: the import then keeps what the matter had */
const OPTIONAL: ReadonlySet<string> = new Set(['selfServiceSteps', 'selfServiceLink'])

const KIND = { instant: '即办件', promised: '承诺件' } as const

export async function mattersWorkbook(matters: Matter[], windows: Array<{ id: string; name: string }>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '首问通'
  const ws = wb.addWorksheet('事项清单')
  ws.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }))
  ws.getRow(1).font = { bold: true }
  for (const m of matters) {
    ws.addRow({
      id: m.id,
      name: m.name,
      kind: KIND[m.kind],
      promisedDays: m.promisedDays ?? '',
      basis: m.basis,
      materials: m.materials.join('\n'),
      windowId: m.windowId,
      keywords: m.keywords.join('、'),
      active: m.active ? '在用' : '停用',
      selfServiceSteps: m.selfService?.steps.join('\n') ?? '',
      selfServiceLink: m.selfService?.link ?? '',
    })
  }
  ws.getColumn('materials').alignment = { wrapText: true, vertical: 'top' }
  ws.getColumn('selfServiceSteps').alignment = { wrapText: true, vertical: 'top' }
  // the windows, for reference
  const ref = wb.addWorksheet('窗口编号')
  ref.columns = [
    { header: '窗口编号', key: 'id', width: 16 },
    { header: '窗口名称', key: 'name', width: 30 },
  ]
  for (const w of windows) ref.addRow(w)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

export interface RowError {
  row: number
  column: string
  message: string
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('')
  if (typeof v === 'object' && 'text' in v) return String(v.text)
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '')
  return String(v).trim()
}

/** reads and checks every row; the matters only when all are right */
export async function readMattersWorkbook(
  bytes: Uint8Array,
  hallId: string,
  windowIds: Set<string>,
): Promise<{ ok: true; matters: Matter[] } | { ok: false; errors: RowError[] }> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch {
    return { ok: false, errors: [{ row: 0, column: '', message: '不是有效的 xlsx 文件' }] }
  }
  const ws = wb.getWorksheet('事项清单') ?? wb.worksheets[0]
  if (!ws) return { ok: false, errors: [{ row: 0, column: '', message: '文件中没有工作表' }] }
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(text)
  const at = new Map<string, number>()
  for (const c of COLUMNS) {
    const i = headers.indexOf(c.header)
    if (i < 0 && OPTIONAL.has(c.key)) continue
    if (i < 0) return { ok: false, errors: [{ row: 1, column: c.header, message: `缺少「${c.header}」列，请用导出的表格填写` }] }
    at.set(c.key, i + 1)
  }
  const errors: RowError[] = []
  const matters: Matter[] = []
  const seen = new Map<string, number>()
  ws.eachRow((row, n) => {
    if (n === 1) return
    const get = (key: string) => (at.has(key) ? text(row.getCell(at.get(key)!).value) : '')
    if (COLUMNS.every((c) => get(c.key) === '')) return
    const kindText = get('kind')
    const kind = kindText === '即办件' ? 'instant' : kindText === '承诺件' ? 'promised' : null
    if (!kind) errors.push({ row: n, column: '办件类型', message: '请填写「即办件」或「承诺件」' })
    const days = get('promisedDays')
    if (days && !/^\d+$/.test(days)) errors.push({ row: n, column: '承诺时限（工作日）', message: '请填写整数' })
    const status = get('active') || '在用'
    if (status !== '在用' && status !== '停用') errors.push({ row: n, column: '状态', message: '请填写「在用」或「停用」' })
    const windowId = get('windowId')
    if (windowId && !windowIds.has(windowId)) errors.push({ row: n, column: '受理窗口编号', message: `本厅没有窗口「${windowId}」` })
    const id = get('id')
    if (seen.has(id)) errors.push({ row: n, column: '事项编号', message: `与第 ${seen.get(id)} 行重复` })
    else seen.set(id, n)
    const parsed = Matter.safeParse({
      id,
      hallId,
      windowId,
      name: get('name'),
      kind: kind ?? 'instant',
      promisedDays: kind === 'promised' && /^\d+$/.test(days) ? Number(days) : null,
      basis: get('basis'),
      materials: get('materials')
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
      keywords: get('keywords')
        .split(/[、,，\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      ...(at.has('selfServiceSteps') ? { selfService: selfServiceOf(get('selfServiceSteps'), get('selfServiceLink')) } : {}),
      active: status !== '停用',
    })
    if (!parsed.success) {
      const label = (path: PropertyKey[]) =>
        path[0] === 'selfService'
          ? path[1] === 'link'
            ? '网上办理链接'
            : '自助办理步骤（每行一步）'
          : (COLUMNS.find((c) => c.key === String(path[0]))?.header ?? String(path[0] ?? ''))
      for (const issue of parsed.error.issues) {
        const column = label(issue.path)
        if (!errors.some((e) => e.row === n && e.column === column)) errors.push({ row: n, column, message: issue.message })
      }
    } else matters.push(parsed.data)
  })
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) }
  if (matters.length === 0) return { ok: false, errors: [{ row: 2, column: '', message: '表格中没有事项' }] }
  return { ok: true, matters }
}

/** the steps, one per line, and the link; none when both are empty */
function selfServiceOf(steps: string, link: string) {
  const list = steps
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean)
  return list.length === 0 && !link ? null : { steps: list, link }
}
