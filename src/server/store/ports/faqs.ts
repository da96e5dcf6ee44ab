// 常见问答: published answers of consults, one per case, and who said one answered their question.
import type { Faq } from '../../../core/faq'

export interface FaqStore {
  /**
   * Publishes the case's question, or replaces the text of the one published from it before (it keeps
   * its id, its count and becomes active again); answers the record as stored.
   */
  putFaq(faq: Omit<Faq, 'resolved'>): Promise<Faq>
  getFaq(hallId: string, id: string): Promise<Faq | null>
  /** the hall's questions, active ones only unless asked, newest first */
  listFaqs(hallId: string, opts?: { includeWithdrawn?: boolean }): Promise<Faq[]>
  setFaqActive(hallId: string, id: string, active: boolean): Promise<Faq | null>
  /** counts one citizen's 已解决 once: true when this call counted it */
  markFaqResolved(hallId: string, id: string, citizenId: string): Promise<boolean>
}
