import { assistedRecord, assistedWindowOf } from '../../core/assistedService'
import { DomainError } from '../../core/errors'
import { matterRef } from '../../core/matter'
import { requireCitizen } from '../authorize'
import type { Handler } from '../context'
import { hallContextOf, loadBundle } from '../hallContext'
import { newCase } from '../newCase'
import { takeLimit } from '../limits'

/**
 * A citizen submits a consult or an application. Routed to the chosen matter's window, else the
 * window of the QR code, else the hall's general inquiry window. Idempotent per requestId: a double
 * tap makes one case. Three store calls: the hall with its rules, windows and the matter; the abuse
 * limits; the write (which also attaches the photos kept on the hall's own server).
 */
export const submitCase: Handler<'submitCase'> = async (ctx, input) => {
  const citizenId = requireCitizen(ctx)
  const bundle = await loadBundle(ctx.store, { hallId: input.hallId, matterId: input.matterId })
  const hallCtx = hallContextOf(bundle, 'current')
  const { hall } = hallCtx
  const matter = input.matterId ? bundle.matter : null
  if (input.matterId && (!matter || !matter.active)) {
    throw new DomainError('NOT_FOUND', '这个事项不在本大厅的事项清单中，请重新选择', { field: 'matterId' })
  }
  // a 帮办代办 request goes to the 帮办代办 window whatever the matter's own window (002 帮办代办 二)
  const assisted = input.assisted ? assistedRecord(input.assisted, ctx.now, matter) : null
  const windowId = assisted ? assistedWindowOf(hall) : (matter?.windowId ?? input.windowId ?? hall.generalWindowId)
  const routedBy = assisted ? 'general' : matter ? 'matter' : input.windowId ? 'windowQr' : 'general'
  if (!windowId) throw new DomainError('INVALID_INPUT', '请选择要咨询的窗口', { field: 'windowId' })
  const window = bundle.windows.find((w) => w.id === windowId)
  if (!window || !window.active) throw new DomainError('NOT_FOUND', '这个窗口不存在或已停用', { field: 'windowId' })

  const attachments = [...new Set(input.attachments)]
  const uploads = ctx.files.forNewCase(attachments, hall.id)
  // a flood from one device or one address is refused before anything is written
  await takeLimit(ctx.store, 'submit', { identity: citizenId, address: ctx.identity.address }, ctx.now)
  const { state } = await ctx.store.createCase(
    newCase(
      hallCtx,
      ctx.now,
      { citizenId, requestId: input.requestId, uploads },
      {
        kind: assisted ? 'application' : input.kind,
        windowId: window.id,
        routedBy,
        ...(matter ? { matterId: matter.id, matter: matterRef(matter) } : {}),
        contact: input.contact,
        text: input.text,
        attachments,
        ...(assisted ? { assisted } : {}),
      },
    ),
  )
  return { caseId: state.id, no: state.no }
}
