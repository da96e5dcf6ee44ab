// Every action the server writes to the audit log has its Chinese label and its kind in the filter;
// the server's sources are read for the action names, so one added later is held to it too.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { AUDIT_ACTION_LABELS, AUDIT_KINDS, AuditLogQuery, auditDetails, auditKindOf, auditTarget } from '../../src/core/auditLog'

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })

/** the action names in `action: '…'` and `action: x ? '…' : '…'` */
function writtenActions(): Set<string> {
  const out = new Set<string>()
  for (const f of files(join(__dirname, '../../src/server'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/action: ([^,\n}]+)/g)) {
      for (const name of m[1]!.matchAll(/'([A-Za-z]+\.[A-Za-z]+)'/g)) out.add(name[1]!)
    }
  }
  return out
}

it('labels every action the server writes, each of a kind the filter offers', () => {
  const written = writtenActions()
  expect(written.size).toBeGreaterThan(25)
  expect([...written].filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([])
  const kinds = new Set<string>(AUDIT_KINDS.map((k) => k.id))
  expect(Object.keys(AUDIT_ACTION_LABELS).filter((a) => !kinds.has(auditKindOf(a)))).toEqual([])
  expect([...kinds].filter((k) => !Object.keys(AUDIT_ACTION_LABELS).some((a) => auditKindOf(a) === k))).toEqual([])
})

it('says what an entry was done to and its detail in words', () => {
  const names = { staff: (id: string) => (id === 'bdc-li' ? '李晓梅' : undefined), window: (id: string) => (id === 'bdc' ? '不动产登记窗口' : undefined) }
  expect(auditTarget({ action: 'invite.create', target: 'staff:bdc-li', detail: {} }, names)).toBe('工作人员 李晓梅')
  expect(auditTarget({ action: 'phone.reveal', target: 'case:c_1', detail: { no: 'DEMO-20261123-001' } }, names)).toBe('案件 DEMO-20261123-001')
  expect(auditTarget({ action: 'window.update', target: 'window:bdc', detail: {} }, names)).toBe('窗口 不动产登记窗口')
  expect(auditTarget({ action: 'archive.export', target: 'period:2026-11-01~2026-11-30', detail: {} }, names)).toBe('2026-11-01 至 2026-11-30')
  expect(auditTarget({ action: 'assisted.sample', target: 'month:2026-11', detail: {} }, names)).toBe('2026 年 11 月')
  expect(auditDetails({ action: 'invite.create', target: 'staff:bdc-li', detail: { expiresAt: '2026-11-30T10:00:00+08:00' } })).toEqual([
    '邀请码有效至 2026-11-30 10:00',
  ])
  expect(auditDetails({ action: 'staff.update', target: 'staff:bdc-li', detail: { changed: 'title,windowId', login: false } })).toEqual([
    '改动：职务、所在窗口',
  ])
  expect(
    auditDetails({ action: 'deduction.add', target: 'staff:bdc-li', detail: { item: 'drinking', points: -4, occurredOn: '2026-11-20', photos: 0 } }),
  ).toEqual(['项目：工作时间内饮酒', '扣 4 分', '发生日期 2026-11-20'])
  // a field without words of its own is still readable
  expect(auditDetails({ action: 'window.update', target: 'window:w1', detail: { i: 3, flag: true, gone: null } })).toEqual(['flag：是', 'gone：无', 'i：3'])
})

it('refuses a malformed query with the field named', () => {
  expect(AuditLogQuery.safeParse({ kind: 'phone' }).success).toBe(true)
  expect(AuditLogQuery.safeParse({ kind: 'phone.reveal', from: '2026-11-01', to: '2026-11-30', beforeSeq: 5 }).success).toBe(true)
  const bad = (q: unknown) => AuditLogQuery.safeParse(q).error?.issues[0]
  expect(bad({ kind: "phone'; drop" })).toMatchObject({ path: ['kind'], message: '请选择要查看的操作类别' })
  expect(bad({ from: '2026-11-30', to: '2026-11-01' })).toMatchObject({ path: ['to'], message: '结束日期不能早于开始日期' })
  expect(bad({ beforeSeq: 0 })).toMatchObject({ path: ['beforeSeq'] })
  expect(bad({ limit: 1000 })).toMatchObject({ path: ['limit'] })
  expect(bad({ from: '2026-13-01' })).toMatchObject({ path: ['from'] })
})
