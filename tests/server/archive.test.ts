// 归档导出: the cases submitted in a period with every step, as xlsx (read back here) and JSON lines
// (parsed back to exactly what the store keeps); the hall office only, audited, and bounded.
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import type { ActionInput, ActionName } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'
import { demoDb } from '../support/pglite'
import { citizen, outcome, rid, staffMember, testApi, madeBytes } from '../support/api'

const db = demoDb()
let now = new Date('2026-11-20T02:00:00Z') // Fri 20 Nov, 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const office = staffMember('office-xu')
const li = staffMember('bdc-li')
const code = <A extends ActionName>(who: Identity, action: A, input: ActionInput<A>) => outcome(api(), who, action, input)
const consult = async (who: Identity, text: string) =>
  (
    await api().ok(who, 'submitCase', {
      hallId: 'demo',
      windowId: 'bdc',
      kind: 'consult',
      contact: { name: '张三', phone: '13912345678' },
      text,
      requestId: rid(),
    })
  ).caseId

it('exports the period’s cases with every step, as xlsx and as JSON lines', async () => {
  await consult(citizen(), '上周五的咨询，不在导出期间内')
  now = new Date('2026-11-23T02:00:00Z')
  const first = await consult(citizen(), '不动产证遗失了怎么补办？')
  await api().ok(li, 'claimCase', { caseId: first, requestId: rid() })
  await api().ok(li, 'replyCase', { caseId: first, requestId: rid(), text: '您好，补办需要身份证和登报遗失声明。', mode: 'onTheSpot' })
  now = new Date('2026-11-24T03:00:00Z')
  const second = await consult(citizen(), '抵押登记需要哪些材料？')

  const period = { from: '2026-11-23', to: '2026-11-24' }
  const lines = await api().ok(office, 'exportArchive', { ...period, format: 'jsonl' })
  expect(lines).toMatchObject({ fileName: '首问负责制案件归档_示范市政务服务中心_2026-11-23至2026-11-24.jsonl', cases: 2 })
  const parsed = madeBytes(lines)
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l))
  // oldest first, each exactly as the store keeps it
  expect(parsed.map((p) => p.case.id)).toEqual([first, second])
  const kept = await db.store.getCase(first)
  expect(parsed[0]).toEqual({ case: kept!.state, events: kept!.events })
  expect(parsed[0].events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'claimed', 'replied'])

  const book = await api().ok(office, 'exportArchive', { ...period, format: 'xlsx' })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(madeBytes(book) as unknown as ArrayBuffer)
  const cases = wb.getWorksheet('案件')!
  const rows = cases.getSheetValues().slice(2) as unknown[][]
  expect(rows).toHaveLength(2)
  const header = (cases.getRow(1).values as string[]).slice(1)
  const row = (n: number) => Object.fromEntries(header.map((h, i) => [h, (cases.getRow(n).values as unknown[])[i + 1] ?? '']))
  expect(row(2)).toMatchObject({
    案件编号: kept!.state.no,
    类型: '咨询',
    首问窗口: '不动产登记窗口',
    市民: '张三',
    联系电话: '13912345678',
    内容: '不动产证遗失了怎么补办？',
    首问负责人: '李晓梅',
    提交时间: '2026-11-23 10:00',
    答复或办结: '您好，补办需要身份证和登报遗失声明。',
  })
  expect(row(3)).toMatchObject({ 内容: '抵押登记需要哪些材料？', 首问负责人: '', 提交时间: '2026-11-24 11:00' })
  const steps = wb.getWorksheet('办理过程')!
  expect(steps.rowCount).toBe(1 + 3 + 1)
  expect((steps.getRow(3).values as unknown[]).slice(1, 4)).toEqual([kept!.state.no, 2, '2026-11-23 10:00'])
  expect(String((steps.getRow(3).values as unknown[])[5])).toBe('已接待，成为首问负责人')

  // every export is in the audit log, with its size
  const audits = (await db.store.listAudit('demo', 0, 20)).filter((e) => e.action === 'archive.export')
  expect(audits.map((e) => [e.target, e.detail.format, e.detail.cases])).toEqual([
    ['period:2026-11-23~2026-11-24', 'jsonl', 2],
    ['period:2026-11-23~2026-11-24', 'xlsx', 2],
  ])
  // an empty period is an empty file, not an error
  expect((await api().ok(office, 'exportArchive', { from: '2026-10-01', to: '2026-10-31', format: 'jsonl' })).cases).toBe(0)
})

it('refuses anyone but the hall office, bad periods and a file too large', async () => {
  expect(await code(li, 'exportArchive', { from: '2026-11-01', to: '2026-11-30', format: 'xlsx' })).toBe('FORBIDDEN')
  expect(await code(staffMember('bdc-lead'), 'exportArchive', { from: '2026-11-01', to: '2026-11-30', format: 'xlsx' })).toBe('FORBIDDEN')
  expect(await code(office, 'exportArchive', { from: '2026-11-30', to: '2026-11-01', format: 'xlsx' })).toBe('INVALID_INPUT:to')
  expect(await code(office, 'exportArchive', { from: '2025-01-01', to: '2026-11-30', format: 'xlsx' })).toBe('INVALID_INPUT:to')
  expect(await code(office, 'exportArchive', { from: '2026-02-30', to: '2026-03-01', format: 'xlsx' })).toBe('INVALID_INPUT:from')
  expect(await code(office, 'exportArchive', { from: '2026-11-01', to: '2026-11-30', format: 'csv' as 'xlsx' })).toBe('INVALID_INPUT:format')
  expect(await code(office, 'exportArchive', { from: '2027-01-01', to: '2027-01-31', format: 'xlsx' })).toBe('INVALID_INPUT:from')

  // 5,001 cases in one month: the office is asked to export in parts
  const me = citizen()
  const one = await consult(me, '请问办理时间是几点？')
  await sql`insert into cases (id, hall_id, no, citizen_id, request_id, window_id, status, submitted_at, updated_at, version, state)
    select id || '_' || g, hall_id, no || '-' || g, citizen_id, request_id || g, window_id, status, submitted_at, updated_at, version, state
    from cases, generate_series(1, 5000) g where id = ${one}`.execute(db.store.db)
  const answer = await api().call(office, 'exportArchive', { from: '2026-11-01', to: '2026-11-30', format: 'jsonl' })
  expect(answer.ok ? null : answer.error).toMatchObject({
    code: 'INVALID_INPUT',
    message: '这段时间的案件超过 5000 件，请缩短期间分次导出（例如按月）',
    details: { field: 'to' },
  })
})
