// The hall office's manual deductions (004 效能纪律) in the CloudBase database. The request's claim
// document in `counters` is written in the same transaction as the deduction, so two calls with one
// requestId leave one record.
import type { ManualDeduction } from '../../../core/discipline'
import type { DeductionStore } from '../port'
import { all, cloud, getOrNull, hashId, type CloudData, type CloudDatabase } from './db'

const docId = (hallId: string, id: string) => hashId('manual_deduction', hallId, id)
const requestKey = (hallId: string, requestId: string) => hashId('manual_deduction_request', hallId, requestId)
const row = (d: ManualDeduction) => ({ hallId: d.hallId, id: d.id, staffId: d.staffId, occurredOn: d.occurredOn, data: d })

export function cloudbaseDeductions(db: CloudDatabase): DeductionStore {
  const { _, col, transact } = cloud(db)
  return {
    async addManualDeduction(d) {
      return transact(async (tx) => {
        const claim = tx.collection('counters').doc(requestKey(d.hallId, d.requestId))
        const held = await getOrNull(claim)
        if (held && typeof held.deductionId === 'string') {
          const first = await getOrNull(tx.collection('manual_deductions').doc(docId(d.hallId, held.deductionId)))
          if (first) return { deduction: first.data as ManualDeduction, created: false }
        }
        await claim.set({ data: { scope: 'manual-deduction-request', deductionId: d.id } })
        await tx
          .collection('manual_deductions')
          .doc(docId(d.hallId, d.id))
          .set({ data: row(d) })
        return { deduction: d, created: true }
      })
    },
    async getManualDeduction(hallId, id) {
      return ((await getOrNull(col('manual_deductions').doc(docId(hallId, id))))?.data as ManualDeduction | undefined) ?? null
    },
    async revokeManualDeduction(hallId, id, revocation) {
      return transact(async (tx) => {
        const ref = tx.collection('manual_deductions').doc(docId(hallId, id))
        const found = await getOrNull(ref)
        if (!found) return null
        const d = found.data as ManualDeduction
        if (d.revoked) return { deduction: d, revoked: false }
        const next: ManualDeduction = { ...d, revoked: revocation }
        await ref.set({ data: row(next) })
        return { deduction: next, revoked: true }
      })
    },
    async listManualDeductions(q) {
      const cond: CloudData = { hallId: q.hallId, occurredOn: _.and(_.gte(q.from), _.lte(q.to)) }
      if (q.staffId) cond.staffId = q.staffId
      const docs = await all(col('manual_deductions').where(cond).orderBy('occurredOn', 'asc'))
      return docs.map((d) => d.data as ManualDeduction)
    },
  }
}
