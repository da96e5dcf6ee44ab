// 审计日志: the hall office reads its hall's audit log — who did what, when, to what — by kind, person
// and day, newest first, a page at a time, and sees whether the chain is whole (../audit.ts verifyHall).
// The words for each action and detail are in src/core/auditLog.ts.
import { AUDIT_KINDS, SYSTEM_ACTORS, auditActionLabel, auditDetails, auditKindOf, auditTarget, type AuditNames } from '../../core/auditLog'
import type { AuditLogView } from '../../core/views'
import { verifyHall } from '../audit'
import { requireOffice } from '../authorize'
import { loadDirectory } from '../directory'
import type { Handler } from '../context'

const OFFICE_ONLY = '只有政务服务科可以查看审计日志'

export const auditLog: Handler<'auditLog'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const { beforeSeq, limit, kind, actorId, from, to } = input
  const query = { action: kind, actorId, from, to }
  const [dir, page, chain] = await Promise.all([
    loadDirectory(ctx.store, me.hallId),
    // one more than the page, to know whether another follows
    ctx.store.queryAudit(me.hallId, query, { beforeSeq, limit: limit + 1 }),
    // the whole chain is walked for the first page only; the next pages keep what it said
    beforeSeq === undefined ? verifyHall(ctx.store, me.hallId) : Promise.resolve(null),
  ])
  const names: AuditNames = { staff: (id) => dir.staffById.get(id)?.name, window: (id) => dir.windows.get(id)?.name }
  const shown = page.slice(0, limit)
  const entries: AuditLogView['entries'] = shown.map((e) => ({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    label: auditActionLabel(e.action),
    kind: auditKindOf(e.action),
    target: auditTarget(e, names),
    details: auditDetails(e),
  }))
  const people = [
    ...[...dir.staffById.values()]
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh'))
      .map((s) => ({ id: s.id, name: s.name, note: `${s.windowId ? dir.window(s.windowId) : '政务服务科'}${s.active ? '' : ' · 已停用'}` })),
    ...SYSTEM_ACTORS.map((a) => ({ id: a.id, name: a.name, note: '系统' })),
  ]
  return {
    chain,
    entries,
    nextBeforeSeq: page.length > limit ? shown[shown.length - 1]!.seq : null,
    kinds: AUDIT_KINDS.map((k) => ({ id: k.id, label: k.label })),
    people,
  }
}
