// 常见问答 in PostgreSQL: one row per case, the record as jsonb beside its count; each citizen's 已解决
// is a row of its own, so a repeated or concurrent tap counts once.
import { sql, type Kysely } from 'kysely'
import type { Faq } from '../../../core/faq'
import type { FaqStore } from '../port'
import { json, type Db } from './db'

type Row = { data: Omit<Faq, 'resolved'>; resolved: number }
const faqOf = (r: Row): Faq => ({ ...r.data, resolved: Number(r.resolved) })

export function postgresFaqs(db: Kysely<Db>): FaqStore {
  return {
    async putFaq(f) {
      const row = await db
        .insertInto('faqs')
        .values({ hall_id: f.hallId, id: f.id, case_id: f.caseId, published_at: f.publishedAt, data: json(f), resolved: 0 })
        .onConflict((oc) =>
          oc.columns(['hall_id', 'case_id']).doUpdateSet({
            // the first record's id stays
            data: sql`excluded.data || jsonb_build_object('id', faqs.id)`,
            published_at: sql`excluded.published_at`,
          }),
        )
        .returning(['data', 'resolved'])
        .executeTakeFirstOrThrow()
      return faqOf(row)
    },
    async getFaq(hallId, id) {
      const row = await db.selectFrom('faqs').select(['data', 'resolved']).where('hall_id', '=', hallId).where('id', '=', id).executeTakeFirst()
      return row ? faqOf(row) : null
    },
    async listFaqs(hallId, opts = {}) {
      let q = db.selectFrom('faqs').select(['data', 'resolved']).where('hall_id', '=', hallId)
      if (!opts.includeWithdrawn) q = q.where(sql<boolean>`(data ->> 'active')::boolean`)
      const rows = await q.orderBy('published_at', 'desc').orderBy('id').execute()
      return rows.map(faqOf)
    },
    async setFaqActive(hallId, id, active) {
      const row = await db
        .updateTable('faqs')
        .set({ data: sql`jsonb_set(data, '{active}', ${JSON.stringify(active)}::jsonb)` })
        .where('hall_id', '=', hallId)
        .where('id', '=', id)
        .returning(['data', 'resolved'])
        .executeTakeFirst()
      return row ? faqOf(row) : null
    },
    async markFaqResolved(hallId, id, citizenId) {
      return db.transaction().execute(async (tx) => {
        const faq = await tx.selectFrom('faqs').select('id').where('hall_id', '=', hallId).where('id', '=', id).forUpdate().executeTakeFirst()
        if (!faq) return false
        const took = await tx
          .insertInto('faq_resolutions')
          .values({ hall_id: hallId, faq_id: id, citizen_id: citizenId })
          .onConflict((oc) => oc.doNothing())
          .returning('faq_id')
          .execute()
        if (took.length === 0) return false
        await tx
          .updateTable('faqs')
          .set({ resolved: sql`resolved + 1` })
          .where('hall_id', '=', hallId)
          .where('id', '=', id)
          .execute()
        return true
      })
    },
  }
}
