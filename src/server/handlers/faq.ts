// 常见问答 (core/faq.ts): the first responder, the window's lead or the hall office publishes an
// answered consult as its matter's common question — what identifies the citizen taken out, again
// here whatever the publisher sent; citizens see the matching ones while they type and may say 已解决.
import { randomBytes } from 'node:crypto'
import { isHandler, isLeadOf, isOfficeOf, signInFirst } from '../../core/access'
import { formatShanghai } from '../../core/calendar'
import { DomainError } from '../../core/errors'
import { redact } from '../../core/faq'
import { requireCitizen } from '../authorize'
import { faqView } from '../catalog'
import type { Handler, HandlerContext } from '../context'
import { takeLimit } from '../limits'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
const newFaqId = () => 'q_' + [...randomBytes(16)].map((b) => ALPHABET[b % 36]).join('')
const NOT_FOUND = () => new DomainError('NOT_FOUND', '找不到这条常见问答')

async function staffOrSignIn(ctx: HandlerContext) {
  const staff = await ctx.resolveStaff()
  if (!staff) throw signInFirst()
  return staff
}

export const publishFaq: Handler<'publishFaq'> = async (ctx, input) => {
  const me = await staffOrSignIn(ctx)
  const state = await ctx.store.getCaseState(input.caseId)
  if (!state || state.hallId !== me.hallId) throw new DomainError('NOT_FOUND', '找不到这个案件', { field: 'caseId' })
  const responder = state.firstResponderId === me.id || isHandler(me, state)
  if (!responder && !isLeadOf(me, state) && !isOfficeOf(me, state)) {
    throw new DomainError('FORBIDDEN', '常见问答由本案的首问负责人或窗口负责人发布')
  }
  if (state.kind !== 'consult' || !state.reply) throw new DomainError('INVALID_INPUT', '只有已答复的咨询可以发布为常见问答', { field: 'caseId' })
  // the citizen's own name and whatever identifies a person, whatever the publisher left in
  const names = [state.contact.name]
  const record = await ctx.store.putFaq({
    id: newFaqId(),
    hallId: state.hallId,
    matterId: state.matter?.id ?? null,
    windowId: state.windowId,
    caseId: state.id,
    question: redact(input.question, names),
    answer: redact(input.answer, names),
    publishedBy: me.id,
    publishedAt: formatShanghai(ctx.now),
    active: true,
  })
  return { ...faqView(record), resolved: record.resolved, active: record.active }
}

export const withdrawFaq: Handler<'withdrawFaq'> = async (ctx, input) => {
  const me = await staffOrSignIn(ctx)
  const f = await ctx.store.getFaq(me.hallId, input.faqId)
  if (!f) throw NOT_FOUND()
  const mine = f.publishedBy === me.id || me.role === 'office' || (me.role === 'lead' && me.windowId === f.windowId)
  if (!mine) throw new DomainError('FORBIDDEN', '常见问答由发布人、窗口负责人或政务服务科撤回')
  const after = (await ctx.store.setFaqActive(me.hallId, f.id, false))!
  return { ...faqView(after), resolved: after.resolved, active: after.active }
}

/** a citizen says a published answer answered their question: counted once per citizen */
export const resolveFaq: Handler<'resolveFaq'> = async (ctx, input) => {
  const citizenId = requireCitizen(ctx)
  const f = await ctx.store.getFaq(input.hallId, input.faqId)
  if (!f || !f.active) throw NOT_FOUND()
  await takeLimit(ctx.store, 'faq', { identity: citizenId, address: ctx.identity.address }, ctx.now)
  const counted = await ctx.store.markFaqResolved(f.hallId, f.id, citizenId)
  return { counted }
}
