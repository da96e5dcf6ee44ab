// What every handler gets: the store, the time of the call, the caller and the hall's outside services.
// Handlers never read the clock or the caller's identity themselves.
import type { ActionName, ParsedInput } from '../core/api'
import type { Staff } from '../core/schemas'
import type { ActionOutputs } from '../core/views'
import type { ContentCheck } from './contentCheck'
import type { FileAccess } from './files'
import type { Identity } from './identity'
import type { SubscribeTemplates } from './notify/config'
import type { Channel, Store } from './store/port'

export interface HandlerContext {
  store: Store
  /** the time of this call; handlers never read the clock themselves */
  now: Date
  demo: boolean
  mode: 'cloud' | 'selfHosted'
  identity: Identity
  /**
   * The signed-in, active staff member, if any. A citizen's own case page does not need to know, so
   * for it the lookup waits until `resolveStaff` asks (one store call less on every citizen's visit).
   */
  staff: Staff | null
  /** the signed-in, active staff member, looked up at most once per call */
  resolveStaff(): Promise<Staff | null>
  /** outside channels notifications are queued for (the inbox always has them) */
  channels: Channel[]
  /** WeChat subscribe-message templates the app asks citizens and staff to allow */
  templates: SubscribeTemplates
  /** photos attached to cases: the hall's server or cloud storage */
  files: FileAccess
  /** the cloud's content-safety check of citizens' text (false: refused); none in self-hosted mode */
  contentCheck?: ContentCheck
  /** the hall's public address (PUBLIC_URL), for the links in self-hosted QR codes */
  publicUrl?: string
  /** cloud: a mini-program code (wxacode.getUnlimited) for a scene and page, as PNG bytes */
  wxacode?: (scene: string, page: string) => Promise<Uint8Array>
}

export type Handler<A extends ActionName> = (ctx: HandlerContext, input: ParsedInput<A>) => Promise<ActionOutputs[A]>
