// The one entry of the API (docs/DESIGN.md "API contract"): validates `{ action, ...input }` with the
// shared zod schemas, resolves the caller, runs the action's handler and answers
// `{ ok: true, data }` or `{ ok: false, error: { code, message, details? } }`. Both shells (the cloud
// function and the self-hosted HTTP server) call it the same way.
import { ActionInputs, type ActionName, type ApiAnswer } from '../core/api'
import { DomainError, invalidInput, isDomainError } from '../core/errors'
import type { ActionOutputs } from '../core/views'
import type { Identity } from './identity'
import type { Channel, Store } from './store/port'
import type { SubscribeTemplates } from './notify/config'
import { handlers } from './handlers'
import type { HandlerContext } from './context'
import type { Staff } from '../core/schemas'

/** citizens' actions that look the staff member up only when they need to (one store call less in the cloud) */
const STAFF_ON_DEMAND: ReadonlySet<ActionName> = new Set(['getCase', 'submitCase'])
import type { FileAccess } from './files'
import type { ContentCheck } from './contentCheck'

export interface ApiDeps {
  store: Store
  now: () => Date
  /** demo mode: the demo hall's sample identities may sign in */
  demo: boolean
  mode: 'cloud' | 'selfHosted'
  /** outside channels for notifications; none by default (the in-app inbox always works) */
  channels?: Channel[]
  templates?: SubscribeTemplates
  /** where citizens' photos live (the hall's server or cloud storage) */
  files: FileAccess
  /** the cloud's content-safety check (msgSecCheck) of citizens' complaint text */
  contentCheck?: ContentCheck
  publicUrl?: string
  wxacode?: (scene: string, page: string) => Promise<Uint8Array>
  log?: (message: string, error?: unknown) => void
}

export { invalidInput } from '../core/errors'

const isAction = (name: unknown): name is ActionName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(ActionInputs, name)

export function createApi(deps: ApiDeps) {
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error))

  async function run<A extends ActionName>(action: A, identity: Identity, body: Record<string, unknown>) {
    const parsed = ActionInputs[action].safeParse(body)
    if (!parsed.success) throw invalidInput(parsed.error)
    let lookup: Promise<Staff | null> | null = null
    const resolveStaff = () =>
      (lookup ??= (async () => {
        const found = identity.staffId
          ? await deps.store.getStaff(identity.staffId)
          : identity.openid
            ? await deps.store.findStaffByOpenid(identity.openid)
            : null
        return found && found.active ? found : null
      })())
    const staff = STAFF_ON_DEMAND.has(action) ? null : await resolveStaff()
    const ctx: HandlerContext = {
      store: deps.store,
      now: deps.now(),
      demo: deps.demo,
      mode: deps.mode,
      identity,
      staff,
      resolveStaff,
      channels: deps.channels ?? [],
      templates: deps.templates ?? {},
      files: deps.files,
      contentCheck: deps.contentCheck,
      publicUrl: deps.publicUrl,
      wxacode: deps.wxacode,
    }
    const handler = handlers[action] as (c: HandlerContext, i: unknown) => Promise<ActionOutputs[A]>
    return handler(ctx, parsed.data)
  }

  return {
    async call(identity: Identity, payload: unknown): Promise<ApiAnswer<unknown>> {
      try {
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
          throw new DomainError('INVALID_INPUT', '请求格式不正确')
        }
        const { action, ...body } = payload as Record<string, unknown>
        if (!isAction(action)) throw new DomainError('NOT_FOUND', `没有这个操作：${String(action)}`, { field: 'action' })
        return { ok: true, data: await run(action, identity, body) }
      } catch (e) {
        if (isDomainError(e)) return { ok: false, error: e.toBody() }
        log('api: unexpected error', e)
        return { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } }
      }
    },
  }
}
export type Api = ReturnType<typeof createApi>
