// The audit log's records: one hash-linked chain per hall (the rules of the chain are in ../../audit.ts).

export interface AuditEntry {
  hallId: string
  /** 1, 2, 3 … per hall, without gaps */
  seq: number
  at: string
  actor: { kind: 'staff' | 'operator'; id: string; name: string }
  /** what was done, e.g. `invite.create`, `staff.unbind`, `phone.reveal` */
  action: string
  /** what it was done to, e.g. `staff:bdc-li`, `case:c_…` */
  target: string
  detail: Record<string, string | number | boolean | null>
  prevHash: string
  hash: string
}

/** which entries the hall office asks for; every field narrows the answer */
export interface AuditQuery {
  /** a kind of action (`phone`: every `phone.…`) or one action exactly (`phone.reveal`) */
  action?: string
  /** the actor's id: a staff member, or `sign-in`, `lookup-guard`, `cli` */
  actorId?: string
  /** the first and last day (YYYY-MM-DD, Beijing time) the entries were made on */
  from?: string
  to?: string
}

export interface AuditStore {
  /**
   * Appends to the hall's audit chain: `build` gets the last entry (null for the first) and returns
   * the new one; one append at a time per hall, so the chain never forks.
   */
  appendAudit(build: (prev: { seq: number; hash: string } | null) => AuditEntry): Promise<AuditEntry>
  /** the hall's audit entries after `afterSeq`, in order */
  listAudit(hallId: string, afterSeq: number, limit: number): Promise<AuditEntry[]>
  /** the hall's entries that fit `q`, newest first, before `beforeSeq` when given, at most `limit` */
  queryAudit(hallId: string, q: AuditQuery, page: { beforeSeq?: number; limit: number }): Promise<AuditEntry[]>
}

/**
 * The range of action names `q.action` stands for: a kind without a dot is every `kind.…`
 * (from `kind.` up to but not including `kind/`, the character after the dot), an action with a dot itself.
 */
export function actionRange(action: string): { exact: string } | { from: string; below: string } {
  return action.includes('.') ? { exact: action } : { from: `${action}.`, below: `${action}/` }
}

/** the last instant of a day as an entry's `at` is written (…+08:00), for a `to` that includes the day */
export const endOfDay = (day: string) => `${day}T23:59:59+08:00`
