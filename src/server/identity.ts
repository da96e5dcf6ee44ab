// Who is calling. The shells establish it (cloud: the OPENID of the cloud context; self-hosted: the
// signed session cookie) and never take it from the payload.
export interface Identity {
  /** the citizen identity: `wx:<OPENID>` in the cloud, `dev:<random>` for a self-hosted device session */
  citizenId: string | null
  /** set by the self-hosted shell after password or demo sign-in */
  staffId: string | null
  /** cloud only: the caller's OPENID, which may be bound to a staff record */
  openid?: string
  /** self-hosted: the caller's network address (behind a proxy, from its trusted forwarded header), for abuse limits */
  address?: string | null
}

export const ANONYMOUS: Identity = { citizenId: null, staffId: null }
