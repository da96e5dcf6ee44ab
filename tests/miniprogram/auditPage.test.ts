/**
 * @jest-environment jsdom
 */
// The built 审计日志 in the mini-program: the chain's state on top, each entry in words, and 加载更多
// asking for the page before the last entry shown.
import type { AuditLogView } from '../../src/core/views'
import { answer, calls, fire, renderPage, textOf } from './harness'

const entry = (seq: number): AuditLogView['entries'][number] => ({
  seq,
  at: `2026-11-2${seq}T09:30:00+08:00`,
  actor: { kind: 'staff', id: 'office-xu', name: '徐文' },
  action: 'phone.reveal',
  label: '查看完整手机号',
  kind: 'phone',
  target: `案件 SF-20261120-000${seq}`,
  details: [],
})

const page = (beforeSeq: number | undefined): AuditLogView => ({
  chain: beforeSeq === undefined ? { ok: true, entries: 3 } : null,
  entries: beforeSeq === undefined ? [entry(3), entry(2)] : [entry(1)],
  nextBeforeSeq: beforeSeq === undefined ? 2 : null,
  kinds: [{ id: 'phone', label: '查看手机号' }],
  people: [{ id: 'office-xu', name: '徐文', note: '政务服务科' }],
})

it('shows the whole chain, the entries in words, and loads the older page', async () => {
  answer({ auditLog: (input) => ({ ok: true, data: page(input.beforeSeq as number | undefined) }) })
  const comp = await renderPage('staff/audit/index', {})
  const text = textOf(comp)
  expect(text).toContain('链条完整')
  expect(text).toContain('徐文')
  expect(text).toContain('查看完整手机号')
  expect(text).toContain('案件 SF-20261120-0003')
  expect(text).not.toContain('SF-20261120-0001')

  await fire(comp, 'btn--plain', 'tap')
  expect(calls.filter((c) => c.action === 'auditLog').map((c) => c.input.beforeSeq)).toContain(2)
  expect(textOf(comp)).toContain('案件 SF-20261120-0001')
  expect(textOf(comp)).toContain('以上是全部记录')
})
