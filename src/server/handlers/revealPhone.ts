// A citizen's whole phone number, for the staff who handle their case (or the hall office, their
// complaint). Staff see it masked elsewhere; each look here is written to the audit log.
import { DomainError } from '../../core/errors'
import { audit } from '../audit'
import { assertCanRead, requireStaff } from '../authorize'
import type { Handler } from '../context'

export const revealPhone: Handler<'revealPhone'> = async (ctx, input) => {
  const me = requireStaff(ctx)
  let hallId: string
  let target: string
  let phone: string
  let no: string
  if ('caseId' in input) {
    const state = await ctx.store.getCaseState(input.caseId)
    if (!state) throw new DomainError('NOT_FOUND', '找不到这个案件')
    assertCanRead(ctx, state)
    ;({ hallId } = state)
    target = `case:${state.id}`
    phone = state.contact.phone
    no = state.no
  } else {
    const c = await ctx.store.getComplaint(input.complaintId)
    if (!c || c.hallId !== me.hallId) throw new DomainError('NOT_FOUND', '找不到这件投诉')
    if (me.role !== 'office') throw new DomainError('FORBIDDEN', '投诉由政务服务科受理')
    hallId = c.hallId
    target = `complaint:${c.id}`
    phone = c.contact.phone
    no = c.no
  }
  await audit(ctx.store, { hallId, actor: { kind: 'staff', id: me.id, name: me.name }, action: 'phone.reveal', target, detail: { no } }, ctx.now)
  return { phone }
}
