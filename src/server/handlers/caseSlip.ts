// The citizen's slip of a registered case (issue: every first contact becomes a case): the number, the
// query code and a code to scan, for staff to show on the phone or print (A6, 58/80 mm receipt paper).
import { readRefusal, signInFirst } from '../../core/access'
import { DomainError } from '../../core/errors'
import { slipScene, isUnbound, CHANNEL_LABELS } from '../../core/registration'
import { codeAddress, codeImage } from '../codeImage'
import type { Handler } from '../context'
import { loadBundle } from '../hallContext'

const CASE_PAGE = 'pages/case/index'

export const caseSlip: Handler<'caseSlip'> = async (ctx, input) => {
  const staff = await ctx.resolveStaff()
  if (!staff) throw signInFirst()
  const state = await ctx.store.getCaseState(input.caseId)
  if (!state) throw new DomainError('NOT_FOUND', '找不到这个案件')
  const refusal = readRefusal({ staff, citizenId: null }, state)
  if (refusal) throw refusal
  const r = state.registration
  if (!r) throw new DomainError('INVALID_INPUT', '只有工作人员登记的案件有回执；网上提交的案件，服务对象可在小程序中查看', { field: 'caseId' })
  const { base, addressWarning } = codeAddress(ctx, input.origin)
  const bundle = await loadBundle(ctx.store, { hallId: state.hallId, staffIds: [r.firstResponderId], windowIds: [state.windowId] })
  const window = bundle.windows.find((w) => w.id === state.windowId)
  const responder = bundle.staff.find((s) => s.id === r.firstResponderId)
  const code = await codeImage(ctx, slipScene(state.no, r.queryCode), CASE_PAGE, base, '案件编号过长，无法生成小程序码')
  return {
    addressWarning,
    no: state.no,
    queryCode: r.queryCode,
    kind: state.kind,
    channel: CHANNEL_LABELS[r.channel],
    receivedAt: r.receivedAt,
    hallName: bundle.hall.name,
    supervisionPhone: bundle.hall.supervisionPhone,
    window: window ? { name: window.name, number: window.number } : null,
    responder: responder ? { name: responder.name, title: responder.title } : null,
    bound: !isUnbound(state.citizenId),
    ...code,
  }
}
