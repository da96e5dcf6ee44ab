// The hall's audit chain in the CloudBase database.
import type { AuditEntry, AuditStore } from '../port'
import { all, cloud, getOrNull, hashId, type CloudDatabase } from './db'

export function cloudbaseAudit(db: CloudDatabase): AuditStore {
  const { _, col, transact } = cloud(db)
  return {
    async appendAudit(build) {
      const hallId = build(null).hallId
      return transact(async (tx) => {
        const head = tx.collection('counters').doc(hashId(`audit:${hallId}`))
        const last = await getOrNull(head)
        const entry = build(last ? { seq: last.seq as number, hash: last.hash as string } : null)
        await tx
          .collection('audit_log')
          .doc(`${hallId}:${String(entry.seq).padStart(10, '0')}`)
          .set({ data: { hallId, seq: entry.seq, entry } })
        await head.set({ data: { seq: entry.seq, hash: entry.hash } })
        return entry
      })
    },
    async listAudit(hallId, afterSeq, limit) {
      const docs = await all(
        col('audit_log')
          .where({ hallId, seq: _.gte(afterSeq + 1) })
          .orderBy('seq', 'asc'),
        limit,
      )
      return docs.map((d) => d.entry as AuditEntry)
    },
  }
}
