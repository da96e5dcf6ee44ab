import { DomainError } from '../../core/errors'
import { findForbiddenPhrases } from '../../core/forbiddenPhrase'
import { assertIsHandler, requireStaff } from '../authorize'
import { runCaseAction, staffActor } from '../caseAction'
import { loadHallContext } from '../hallContext'
import type { Handler } from '.'

/**
 * The first responder answers a consult: on the spot, or as a timed reply within the policy's limit
 * (000 §4.2). The text is checked for forbidden phrases first (000 §5.3, 003 三(三)3).
 */
export const replyCase: Handler<'replyCase'> = async (ctx, input) => {
  const staff = requireStaff(ctx)
  const { policy } = await loadHallContext(ctx.store, staff.hallId)
  const hits = findForbiddenPhrases(input.text, policy.forbiddenPhrases.value)
  if (hits.length > 0) {
    const first = hits[0]!
    throw new DomainError('INVALID_INPUT', `答复中含有文明忌语「${first.matched}」，建议改为「${first.suggestion}」`, {
      field: 'text',
      cite: policy.forbiddenPhrases.cite,
      hits: hits.map((h) => ({ phrase: h.phrase, matched: h.matched, suggestion: h.suggestion, index: h.index })),
    })
  }
  return runCaseAction(ctx, {
    caseId: input.caseId,
    requestId: input.requestId,
    actor: staffActor(staff),
    authorize: (state) => assertIsHandler(staff, state),
    decide: () => ({ type: 'replied', payload: { text: input.text, mode: input.mode } }),
  })
}
