// The hall office's 效能纪律 desk (004 考核制度 三(二); 三(一)(1)(4) where no case records it): a
// deduction entered with the item, the reason, the evidence and optional photos, one per request,
// audited; revoked (never deleted) with a reason, also audited. The person's sheet counts it in the
// month it happened (core/assessment.ts, core/discipline.ts).
import { randomBytes } from 'node:crypto'
import { formatShanghai, shanghaiDate } from '../../core/calendar'
import { countManual, gradeOf, isFutureDay, type ManualDeduction } from '../../core/discipline'
import { DISCIPLINE_ITEMS } from '../../core/discipline'
import { DomainError } from '../../core/errors'
import type { Staff } from '../../core/schemas'
import type { DisciplineDeskView } from '../../core/views'
import { audit, staffActor } from '../audit'
import { requireOffice } from '../authorize'
import type { Handler, HandlerContext } from '../context'
import { loadDirectory } from '../directory'

const OFFICE_ONLY = '效能纪律扣分由政务服务科登记'

/** the grade of a graded item (迟到 30 分钟以内 …); empty for an item with one value */
const gradeLabel = (d: ManualDeduction) => {
  const grades = DISCIPLINE_ITEMS.find((i) => i.id === d.item)?.grades ?? []
  return grades.length > 1 ? (grades.find((g) => g.id === d.grade)?.label ?? '') : ''
}

const monthDays = (month: string) => ({ from: `${month}-01`, to: `${month}-31` })

/** the desk for a month: every entry of the hall, revoked ones too, with what each costs on the sheet */
async function desk(ctx: HandlerContext, me: Staff, month: string): Promise<DisciplineDeskView> {
  const [dir, listed] = await Promise.all([loadDirectory(ctx.store, me.hallId), ctx.store.listManualDeductions({ hallId: me.hallId, ...monthDays(month) })])
  // by the day it happened, then as entered
  const all = [...listed].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || Date.parse(a.at) - Date.parse(b.at))
  const counted = new Map(countManual(all, month).map((c) => [c.deduction.id, c.points]))
  const urls = await ctx.files.urls(all.flatMap((d) => d.photos))
  const windowName = (s: { windowId: string | null }) => (s.windowId ? dir.window(s.windowId) : '政务服务科')
  return {
    month,
    hallId: me.hallId,
    items: DISCIPLINE_ITEMS.map((i) => ({ id: i.id, label: i.label, cite: i.cite, hint: i.hint ?? null, grades: i.grades })),
    people: [...dir.staffById.values()].filter((s) => s.active).map((s) => ({ id: s.id, name: s.name, windowName: windowName(s) })),
    entries: all.map((d) => ({
      id: d.id,
      staffId: d.staffId,
      name: dir.staffById.get(d.staffId)?.name ?? d.staffId,
      windowName: windowName(d),
      item: d.item,
      label: d.label,
      gradeLabel: gradeLabel(d),
      points: d.points,
      counted: counted.get(d.id) ?? 0,
      cite: d.cite,
      occurredOn: d.occurredOn,
      reason: d.reason,
      evidence: d.evidence,
      photos: d.photos.map((id) => ({ id, url: urls.get(id) ?? null })),
      extendedService: d.extendedService,
      sameIncidentAs: d.sameIncidentAs,
      by: d.by.name,
      at: d.at,
      revoked: d.revoked ? { by: d.revoked.by.name, at: d.revoked.at, reason: d.revoked.reason } : null,
    })),
  }
}

export const disciplineDesk: Handler<'disciplineDesk'> = async (ctx, input) => desk(ctx, requireOffice(ctx, OFFICE_ONLY), input.month)

const invalid = (field: string, message: string) => new DomainError('INVALID_INPUT', message, { field })

export const addDeduction: Handler<'addDeduction'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const month = input.occurredOn.slice(0, 7)
  const person = await ctx.store.getStaff(input.staffId)
  if (!person || person.hallId !== me.hallId) throw invalid('staffId', '本大厅没有这位工作人员')
  const graded = gradeOf(input)
  if ('field' in graded) throw invalid(graded.field, graded.message)
  if (isFutureDay(input.occurredOn, ctx.now)) throw invalid('occurredOn', '发生日期不能晚于今天')
  if (input.sameIncidentAs) {
    // 004 三(二)(9): another level's report of the same violation, counted once at the highest
    const first = await ctx.store.getManualDeduction(me.hallId, input.sameIncidentAs)
    if (!first || first.revoked || first.staffId !== person.id || first.item !== 'inspection' || input.item !== 'inspection') {
      throw invalid('sameIncidentAs', '只能关联同一工作人员、未撤销的明察暗访扣分')
    }
    if (first.occurredOn.slice(0, 7) !== month) throw invalid('occurredOn', `同一违纪行为的各级通报记在同一月份（首次登记在 ${first.occurredOn}）`)
  }
  const photos = [...new Set(input.photos)]
  try {
    await ctx.files.checkAttachable(photos, ctx.identity.citizenId ?? '', me.hallId)
  } catch (e) {
    if (e instanceof DomainError) throw invalid('photos', e.message)
    throw e
  }
  const record: ManualDeduction = {
    id: `md_${randomBytes(8).toString('hex')}`,
    hallId: me.hallId,
    staffId: person.id,
    windowId: person.windowId,
    item: graded.item.id,
    grade: graded.grade.id,
    label: graded.item.label,
    points: graded.grade.points,
    cite: graded.item.cite,
    occurredOn: input.occurredOn,
    reason: input.reason,
    evidence: input.evidence,
    photos,
    extendedService: input.extendedService,
    sameIncidentAs: input.sameIncidentAs ?? null,
    by: { id: me.id, name: me.name },
    at: formatShanghai(ctx.now),
    requestId: input.requestId,
    revoked: null,
  }
  const { deduction, created } = await ctx.store.addManualDeduction(record)
  // a repeated request leaves the first record and its one audit entry
  if (created) {
    if (photos.length) await ctx.files.attached(photos, deduction.id)
    await audit(
      ctx.store,
      {
        hallId: me.hallId,
        actor: staffActor(me),
        action: 'deduction.add',
        target: `staff:${person.id}`,
        detail: {
          deductionId: deduction.id,
          item: deduction.item,
          grade: deduction.grade,
          points: deduction.points,
          occurredOn: deduction.occurredOn,
          photos: photos.length,
        },
      },
      ctx.now,
    )
  }
  return desk(ctx, me, deduction.occurredOn.slice(0, 7))
}

export const revokeDeduction: Handler<'revokeDeduction'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const revocation = { by: { id: me.id, name: me.name }, at: formatShanghai(ctx.now), reason: input.reason, requestId: input.requestId }
  const result = await ctx.store.revokeManualDeduction(me.hallId, input.deductionId, revocation)
  if (!result) throw new DomainError('NOT_FOUND', '找不到这条扣分记录', { field: 'deductionId' })
  const { deduction, revoked } = result
  if (!revoked && deduction.revoked?.requestId !== input.requestId) {
    throw new DomainError('CONFLICT', `这条扣分已由${deduction.revoked?.by.name ?? '他人'}于 ${shanghaiDate(new Date(deduction.revoked!.at))} 撤销`, {
      field: 'deductionId',
    })
  }
  if (revoked) {
    await audit(
      ctx.store,
      {
        hallId: me.hallId,
        actor: staffActor(me),
        action: 'deduction.revoke',
        target: `staff:${deduction.staffId}`,
        detail: { deductionId: deduction.id, points: deduction.points, occurredOn: deduction.occurredOn, reason: input.reason },
      },
      ctx.now,
    )
  }
  return desk(ctx, me, deduction.occurredOn.slice(0, 7))
}
