// Complaints in the CloudBase database.
import type { Complaint } from '../../../core/complaint'
import type { ComplaintStore } from '../port'
import { Abort, all, cloud, draw, getOrNull, hashId, writeNotices, type CloudData, type CloudDatabase } from './db'

const complaintDoc = (c: Complaint): CloudData => ({
  hallId: c.hallId,
  citizenId: c.citizenId,
  status: c.status,
  filedAt: c.filedAt,
  answeredAt: c.answeredAt,
  nextActionAt: c.nextActionAt ?? null,
  version: c.version,
  data: c,
})

export function cloudbaseComplaints(db: CloudDatabase): ComplaintStore {
  const { _, col, transact } = cloud(db)
  return {
    async createComplaint(input) {
      const reqId = `creq_${hashId(input.citizenId, input.requestId)}`
      const existing = async () => {
        const req = await getOrNull(col('requests').doc(reqId))
        if (!req) return null
        const c = await getOrNull(col('complaints').doc(req.complaintId as string))
        return c ? { complaint: c.data as Complaint, created: false } : null
      }
      const found = await existing()
      if (found) return found
      const result = await transact(async (tx) => {
        if (await getOrNull(tx.collection('requests').doc(reqId))) return null // a concurrent twin filed it
        const { complaint, notifications } = input.build(await draw(tx, input.numberScope, _))
        await tx
          .collection('requests')
          .doc(reqId)
          .set({ data: { complaintId: complaint.id } })
        await tx
          .collection('complaints')
          .doc(complaint.id)
          .set({ data: complaintDoc(complaint) })
        await writeNotices(tx, notifications, input.channels)
        return { complaint, created: true }
      })
      return result ?? (await existing())!
    },
    async getComplaint(id) {
      return ((await getOrNull(col('complaints').doc(id)))?.data as Complaint | undefined) ?? null
    },
    async saveComplaint(c, expectedVersion, notifications, channels) {
      return transact(async (tx) => {
        const ref = tx.collection('complaints').doc(c.id)
        const current = await getOrNull(ref)
        if (!current || current.version !== expectedVersion) throw new Abort(false)
        await ref.set({ data: complaintDoc(c) })
        await writeNotices(tx, notifications, channels)
        return true
      })
    },
    async listComplaints(q) {
      const cond: CloudData = { hallId: q.hallId }
      if (q.citizenId !== undefined) cond.citizenId = q.citizenId
      if (q.status !== undefined) cond.status = q.status
      // answeredAt is written in the hall's offset, so its text order is its time order
      if (q.answeredFrom !== undefined) cond.answeredAt = _.gte(q.answeredFrom)
      const docs = await all(col('complaints').where(cond).orderBy('filedAt', 'desc'), q.limit ?? 100)
      const before = q.answeredTo
      return docs
        .map((d) => d.data as Complaint)
        .filter((c) => before === undefined || (c.answeredAt !== null && Date.parse(c.answeredAt) < Date.parse(before)))
    },
    async listDueComplaints(until, limit) {
      // nextActionAt is written in the hall's offset, so its text order is its time order
      const docs = await all(
        col('complaints')
          .where({ nextActionAt: _.lte(until) })
          .orderBy('nextActionAt', 'asc'),
        limit,
      )
      return docs.map((d) => d.data as Complaint)
    },
    async countComplaints(citizenId, since) {
      return (
        await col('complaints')
          .where({ citizenId, filedAt: _.gte(since) })
          .count()
      ).total
    },
  }
}
