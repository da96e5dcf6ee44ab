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

export interface AuditStore {
  /**
   * Appends to the hall's audit chain: `build` gets the last entry (null for the first) and returns
   * the new one; one append at a time per hall, so the chain never forks.
   */
  appendAudit(build: (prev: { seq: number; hash: string } | null) => AuditEntry): Promise<AuditEntry>
  /** the hall's audit entries after `afterSeq`, in order */
  listAudit(hallId: string, afterSeq: number, limit: number): Promise<AuditEntry[]>
}
