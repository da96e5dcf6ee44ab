// The hall office's manual deductions (004 考核制度 三(二) 效能纪律): kept, never deleted; a revocation
// is recorded on the deduction with who, when and why.
import type { ManualDeduction } from '../../../core/discipline'

export interface DeductionStore {
  /**
   * Records a manual deduction. A second call with the same hall and requestId writes nothing and
   * answers the first record (`created: false`), also when two calls race.
   */
  addManualDeduction(d: ManualDeduction): Promise<{ deduction: ManualDeduction; created: boolean }>
  getManualDeduction(hallId: string, id: string): Promise<ManualDeduction | null>
  /**
   * Marks the deduction revoked unless it already is: `revoked: true` when this call revoked it, false
   * when it was revoked before (the record tells by whom, and with which requestId); null when there is none.
   */
  revokeManualDeduction(
    hallId: string,
    id: string,
    revocation: NonNullable<ManualDeduction['revoked']>,
  ): Promise<{ deduction: ManualDeduction; revoked: boolean } | null>
  /** the hall's manual deductions for days from `from` to `to` (YYYY-MM-DD, both included), revoked ones too, oldest day first */
  listManualDeductions(q: { hallId: string; from: string; to: string; staffId?: string }): Promise<ManualDeduction[]>
}
