// The PostgreSQL store: embedded PGlite in a data directory by default, a real server when a
// connection URL is given. Queries go through Kysely so both drivers share one typed query layer.
// One file per kind of record, each over the same Kysely instance; this file opens the driver and
// composes them.
import { Kysely, PostgresDialect, sql } from 'kysely'
import type { Store, UploadStore } from '../port'
import { pgliteDialect } from '../pgliteDialect'
import { MIGRATIONS } from '../migrations'
import type { Db } from './db'
import { postgresAudit } from './audit'
import { postgresCases } from './cases'
import { postgresComplaints } from './complaints'
import { postgresDeductions } from './deductions'
import { postgresFaqs } from './faqs'
import { postgresHalls } from './halls'
import { postgresInbox } from './inbox'
import { postgresReports } from './reports'
import { postgresRules } from './rules'
import { postgresSecurity, type SecurityTables } from './security'
import { postgresStaff } from './staff'
import { postgresUploads } from './uploads'

export { caseRow } from './cases'
export type { Db } from './db'

export interface PostgresOptions {
  /** PGlite data directory (default ./data); ignored when databaseUrl is set */
  dataDir?: string
  /** postgres://… of a real server */
  databaseUrl?: string
}

export type PostgresStore = Store &
  UploadStore & {
    readonly db: Kysely<Db>
    /** empties every table (tests) */
    truncateAll(): Promise<void>
  }

export async function openPostgresStore(opts: PostgresOptions = {}): Promise<PostgresStore> {
  let dialect: PostgresDialect
  let closeDriver: () => Promise<void>
  if (opts.databaseUrl) {
    const { Pool, types } = await import('pg')
    // counts and counters are int8; they stay far below 2^53
    types.setTypeParser(20, (v: string) => Number(v))
    const pool = new Pool({ connectionString: opts.databaseUrl, max: 10 })
    dialect = new PostgresDialect({ pool })
    closeDriver = async () => {}
  } else {
    const { PGlite } = await import('@electric-sql/pglite')
    const pglite = new PGlite(opts.dataDir ?? './data')
    await pglite.waitReady
    dialect = pgliteDialect(pglite)
    closeDriver = () => pglite.close()
  }
  const db = new Kysely<Db>({ dialect })

  const store: PostgresStore = {
    kind: 'postgres',
    db,
    ...postgresHalls(db),
    ...postgresStaff(db),
    ...postgresCases(db),
    ...postgresRules(db),
    ...postgresInbox(db),
    ...postgresComplaints(db),
    ...postgresDeductions(db),
    ...postgresFaqs(db),
    ...postgresReports(db),
    ...postgresUploads(db),
    ...postgresAudit(db),
    ...postgresSecurity(db as unknown as Kysely<SecurityTables>),

    async migrate() {
      await db.transaction().execute(async (tx) => {
        // one migrator at a time on a shared server
        await sql`select pg_advisory_xact_lock(72417)`.execute(tx)
        await sql`create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())`.execute(tx)
        const done = new Set((await tx.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version))
        for (const m of MIGRATIONS) {
          if (done.has(m.version)) continue
          for (const statement of m.statements) await sql.raw(statement).execute(tx)
          await tx.insertInto('schema_migrations').values({ version: m.version }).execute()
        }
      })
    },
    async close() {
      await db.destroy()
      await closeDriver()
    },
    async truncateAll() {
      await sql`truncate halls, windows, matters, staff, notifications, outbox, subscribe_grants, invites, uploads, complaints, ledger_counts, trend_counts, audit_log, cases, case_events, counters, calendar_overrides, policy_versions, manual_deductions, faqs, faq_resolutions, staff_sessions, sign_in_failures, rate_counters`.execute(
        db,
      )
    },
  }
  return store
}
