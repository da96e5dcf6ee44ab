// Counting a caller's uses against core/limits.ts, in the database so every server process (and
// every cloud function instance) shares the count: per identity (device session or OPENID) and per
// network address (self-hosted; from the trusted proxy's forwarded header when configured).
import { formatShanghai } from '../core/calendar'
import { DomainError } from '../core/errors'
import { LIMITS, RATE_LIMITED_MESSAGE, windowStart, type LimitName } from '../core/limits'
import type { SecurityStore } from './store/port'

export interface Caller {
  /** the citizen identity (`dev:…` or `wx:<OPENID>`), if any */
  identity?: string | null
  /** the network address, if known (not in the cloud) */
  address?: string | null
}

/** counts one use, or refuses with RATE_LIMITED and a polite message when the window's limit is reached */
export async function takeLimit(store: Pick<SecurityStore, 'takeRates'>, name: LimitName, caller: Caller, now: Date): Promise<void> {
  const limit = LIMITS[name]
  const w = formatShanghai(windowStart(now, limit.windowMs))
  const hits = [
    ...(caller.identity ? [{ key: `${name}:id:${caller.identity}`, windowStart: w, limit: limit.perIdentity }] : []),
    ...(caller.address ? [{ key: `${name}:addr:${caller.address}`, windowStart: w, limit: limit.perAddress }] : []),
  ]
  const ok = hits.length === 0 || (await store.takeRates(hits))
  if (!ok) throw new DomainError('RATE_LIMITED', RATE_LIMITED_MESSAGE[name], { limit: name })
}
