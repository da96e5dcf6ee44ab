// The hall's audit chain in the CloudBase database.
import { actionRange, endOfDay, type AuditEntry, type AuditStore } from '../port'
import { all, cloud, getOrNull, hashId, type CloudData, type CloudDatabase } from './db'

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
    async queryAudit(hallId, q, page) {
      // the entry's own fields by their dotted paths, as the service matches nested fields
      const cond: CloudData = { hallId }
      if (q.action !== undefined) {
        const range = actionRange(q.action)
        cond['entry.action'] = 'exact' in range ? range.exact : _.and(_.gte(range.from), _.lt(range.below))
      }
      if (q.actorId !== undefined) cond['entry.actor.id'] = q.actorId
      const at = [q.from !== undefined ? _.gte(q.from) : null, q.to !== undefined ? _.lte(endOfDay(q.to)) : null].filter((c) => c !== null)
      if (at.length) cond['entry.at'] = at.length === 1 ? at[0] : _.and(...at)
      if (page.beforeSeq !== undefined) cond.seq = _.lt(page.beforeSeq)
      const docs = await all(col('audit_log').where(cond).orderBy('seq', 'desc'), page.limit)
      return docs.map((d) => d.entry as AuditEntry)
    },
  }
}
