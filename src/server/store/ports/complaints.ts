// Complaints about a case or a person, with their own number series and due times.
import type { Complaint, ComplaintStatus } from '../../../core/complaint'
import type { Notification } from '../../../core/notification'
import type { Channel } from './inbox'

export interface NewComplaint {
  citizenId: string
  requestId: string
  /** the per-hall yearly number series, drawn in the same transaction */
  numberScope: string
  build: (seq: number) => { complaint: Complaint; notifications: Notification[] }
  channels?: Channel[]
}

export interface ComplaintQuery {
  hallId: string
  citizenId?: string
  status?: ComplaintStatus
  /** answered within [from, to): the month's verified complaints for the assessment */
  answeredFrom?: string
  answeredTo?: string
  limit?: number
}

export interface ComplaintStore {
  /**
   * Files a complaint with its number; a repeated (citizen, requestId) returns the first one and
   * draws nothing.
   */
  createComplaint(input: NewComplaint): Promise<{ complaint: Complaint; created: boolean }>
  getComplaint(id: string): Promise<Complaint | null>
  /** saves the complaint at the version it was decided on, with its notices; false when it changed meanwhile */
  saveComplaint(complaint: Complaint, expectedVersion: number, notifications: Notification[], channels?: Channel[]): Promise<boolean>
  /** newest first */
  listComplaints(q: ComplaintQuery): Promise<Complaint[]>
  /** open complaints whose next reminder or due time is at or before `until`, earliest first (all halls) */
  listDueComplaints(until: string, limit: number): Promise<Complaint[]>
  /** complaints the citizen filed since the time */
  countComplaints(citizenId: string, since: string): Promise<number>
}
