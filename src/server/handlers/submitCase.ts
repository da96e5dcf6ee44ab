import { randomBytes } from 'node:crypto'
import { applyEvent } from '../../core/caseMachine'
import { formatShanghai, shanghaiDate } from '../../core/calendar'
import { DomainError } from '../../core/errors'
import { matterRef } from '../../core/matter'
import type { CaseEvent } from '../../core/events'
import { requireCitizen } from '../authorize'
import { loadHallContext } from '../hallContext'
import { takeLimit } from '../limits'
import type { Handler } from '.'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
export function newCaseId(): string {
  const bytes = randomBytes(16)
  let id = 'c_'
  for (const b of bytes) id += ALPHABET[b % 36]
  return id
}

/** readable case number: hall prefix, date of receipt, daily sequence — e.g. SW-20261123-0007 */
export const caseNumber = (prefix: string, day: string, seq: number) =>
  `${prefix}-${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`

/**
 * A citizen submits a consult or an application. Routed to the chosen matter's window, else the
 * window of the QR code, else the hall's general inquiry window. Idempotent per requestId: a double
 * tap makes one case.
 */
export const submitCase: Handler<'submitCase'> = async (ctx, input) => {
  const citizenId = requireCitizen(ctx)
  const hallCtx = await loadHallContext(ctx.store, input.hallId)
  const { hall } = hallCtx
  const matter = input.matterId ? await ctx.store.getMatter(hall.id, input.matterId) : null
  if (input.matterId && (!matter || !matter.active)) {
    throw new DomainError('NOT_FOUND', '这个事项不在本大厅的事项清单中，请重新选择', { field: 'matterId' })
  }
  const windowId = matter?.windowId ?? input.windowId ?? hall.generalWindowId
  const routedBy = matter ? 'matter' : input.windowId ? 'windowQr' : 'general'
  if (!windowId) throw new DomainError('INVALID_INPUT', '请选择要咨询的窗口', { field: 'windowId' })
  const window = await ctx.store.getWindow(hall.id, windowId)
  if (!window || !window.active) throw new DomainError('NOT_FOUND', '这个窗口不存在或已停用', { field: 'windowId' })

  const attachments = [...new Set(input.attachments)]
  await ctx.files.checkAttachable(attachments, citizenId, hall.id)
  // a flood from one device or one address is refused before anything is written
  await takeLimit(ctx.store, 'submit', { identity: citizenId, address: ctx.identity.address }, ctx.now)

  const day = shanghaiDate(ctx.now)
  const at = formatShanghai(ctx.now)
  const id = newCaseId()
  const { state } = await ctx.store.createCase({
    citizenId,
    requestId: input.requestId,
    numberScope: `case:${hall.id}:${day}`,
    build: (seq) => {
      const event: CaseEvent = {
        type: 'submitted',
        caseId: id,
        seq: 1,
        at,
        actor: { kind: 'citizen', id: citizenId },
        requestId: input.requestId,
        payload: {
          no: caseNumber(hall.prefix, day, seq),
          hallId: hall.id,
          kind: input.kind,
          windowId: window.id,
          routedBy,
          ...(matter ? { matterId: matter.id, matter: matterRef(matter) } : {}),
          contact: input.contact,
          text: input.text,
          attachments,
          policy: { presetId: hallCtx.policy.presetId, version: hallCtx.policy.version },
        },
      }
      const next = applyEvent(null, event, { policy: hallCtx.policy, calendar: hallCtx.calendar })
      if (!next.ok) throw next.error
      return { state: next.value, event }
    },
  })
  await ctx.files.attached(attachments, state.id)
  return { caseId: state.id, no: state.no }
}
