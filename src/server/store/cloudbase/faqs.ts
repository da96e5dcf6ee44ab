// 常见问答 in the CloudBase database: one document per case (its id from hall and case), the count on
// it; each citizen's 已解决 claims a document in `counters` in the same transaction, so it counts once.
import type { Faq } from '../../../core/faq'
import type { FaqStore } from '../port'
import { all, cloud, getOrNull, hashId, type CloudData, type CloudDatabase } from './db'

const docId = (hallId: string, caseId: string) => hashId('faq', hallId, caseId)
const faqOf = (d: CloudData): Faq => ({ ...(d.data as Omit<Faq, 'resolved'>), resolved: Number(d.resolved ?? 0) })

export function cloudbaseFaqs(db: CloudDatabase): FaqStore {
  const { _, col, transact } = cloud(db)
  const byId = async (hallId: string, id: string) => (await all(col('faqs').where({ hallId, id }), 1))[0] ?? null
  return {
    async putFaq(f) {
      return transact(async (tx) => {
        const ref = tx.collection('faqs').doc(docId(f.hallId, f.caseId))
        const found = await getOrNull(ref)
        const data = found ? { ...f, id: (found.data as Faq).id } : f
        const resolved = Number(found?.resolved ?? 0)
        await ref.set({ data: { hallId: f.hallId, id: data.id, caseId: f.caseId, publishedAt: f.publishedAt, active: f.active, data, resolved } })
        return { ...data, resolved }
      })
    },
    async getFaq(hallId, id) {
      const d = await byId(hallId, id)
      return d ? faqOf(d) : null
    },
    async listFaqs(hallId, opts = {}) {
      const cond: CloudData = { hallId }
      if (!opts.includeWithdrawn) cond.active = true
      return (await all(col('faqs').where(cond).orderBy('publishedAt', 'desc'))).map(faqOf)
    },
    async setFaqActive(hallId, id, active) {
      const d = await byId(hallId, id)
      if (!d) return null
      const f = faqOf(d)
      return transact(async (tx) => {
        const ref = tx.collection('faqs').doc(docId(hallId, f.caseId))
        const now = await getOrNull(ref)
        if (!now) return null
        const data = { ...(now.data as Omit<Faq, 'resolved'>), active }
        await ref.update({ data: { active, data: _.set(data) } })
        return { ...data, resolved: Number(now.resolved ?? 0) }
      })
    },
    async markFaqResolved(hallId, id, citizenId) {
      const d = await byId(hallId, id)
      if (!d) return false
      const caseId = (d.data as Faq).caseId
      return transact(async (tx) => {
        const claim = tx.collection('counters').doc(hashId('faq_resolved', hallId, id, citizenId))
        if (await getOrNull(claim)) return false
        await claim.set({ data: { scope: 'faq-resolved' } })
        await tx
          .collection('faqs')
          .doc(docId(hallId, caseId))
          .update({ data: { resolved: _.inc(1) } })
        return true
      })
    },
  }
}
