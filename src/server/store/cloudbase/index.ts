// The CloudBase store: the same port over the wx-server-sdk database (`cloud.database()`).
//
// Collections (permission "仅云函数可读写"), and the indexes to create in the console:
//   halls, windows, staff (openid; hallId+login), cases (hallId+windowId+status+submittedAt;
//   citizenId+submittedAt; handlerId+status; nextDueAt), case_events (caseId+seq; caseId+actorId+requestId),
//   requests, counters, calendar_overrides (hallId+date), policy_versions (hallId+version),
//   ledger_counts (hallId+windowId+day), trend_counts (hallId+windowId+day), cases (hallId+submittedAt;
//   hallId+updatedAt) for the archive export and the assessment, manual_deductions (hallId+occurredOn;
//   hallId+staffId+occurredOn), audit_log (hallId+seq unique; hallId+entry.action+seq; hallId+entry.actor.id+seq).
// Concurrency: every multi-document change runs in `db.runTransaction`; the service aborts one of two
// transactions that write the same document, and the adapter retries it, so an append decided on a
// stale version ends as 'conflict' and a counter never hands out a number twice.
//
// One file per kind of record, each over the same database handle; this file composes them.
import type { Store } from '../port'
import type { CloudDatabase } from './db'
import { cloudbaseAudit } from './audit'
import { cloudbaseCases } from './cases'
import { cloudbaseComplaints } from './complaints'
import { cloudbaseDeductions } from './deductions'
import { cloudbaseFaqs } from './faqs'
import { cloudbaseHalls } from './halls'
import { cloudbaseInbox } from './inbox'
import { cloudbaseReports } from './reports'
import { cloudbaseRules } from './rules'
import { cloudbaseSecurity, SECURITY_COLLECTIONS } from './security'
import { cloudbaseStaff } from './staff'

export type { CloudAggregate, CloudCollection, CloudCommand, CloudData, CloudDatabase, CloudDocRef, CloudQuery, CloudTransaction, CloudTxDocRef } from './db'

const COLLECTIONS = [
  'halls',
  'windows',
  'matters',
  'staff',
  'cases',
  'case_events',
  'requests',
  'counters',
  'calendar_overrides',
  'policy_versions',
  'notifications',
  'outbox',
  'subscribe_grants',
  'invites',
  'complaints',
  'ledger_counts',
  'trend_counts',
  'audit_log',
  'manual_deductions',
  'faqs',
  ...SECURITY_COLLECTIONS,
]

export function createCloudbaseStore(db: CloudDatabase): Store {
  return {
    kind: 'cloudbase',
    ...cloudbaseHalls(db),
    ...cloudbaseStaff(db),
    ...cloudbaseCases(db),
    ...cloudbaseRules(db),
    ...cloudbaseInbox(db),
    ...cloudbaseComplaints(db),
    ...cloudbaseDeductions(db),
    ...cloudbaseFaqs(db),
    ...cloudbaseReports(db),
    ...cloudbaseAudit(db),
    ...cloudbaseSecurity(db),

    async migrate() {
      for (const name of COLLECTIONS) {
        try {
          await db.createCollection(name)
        } catch (e) {
          if (!/exist/i.test(String((e as Error)?.message ?? e))) throw e
        }
      }
    },
    async close() {},
  }
}
