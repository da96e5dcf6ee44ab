// Kysely's PostgresDialect over embedded PGlite. PGlite is a single connection, so the "pool" hands
// out that one connection to one holder at a time (a transaction keeps it until it releases), which
// serialises concurrent work exactly as a one-connection pool would.
import { PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely'
import type { PGlite } from '@electric-sql/pglite'

type Command = PostgresQueryResult<unknown>['command']
const COMMANDS = new Set(['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE', 'COMMIT', 'ROLLBACK'])

function commandOf(sql: string): Command {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT'
  if (word === 'WITH') {
    // a CTE reports the command of its main statement
    const main = /\)\s*(insert|update|delete|select|merge)\b[^()]*$/i.exec(sql)?.[1]
    return (main?.toUpperCase() as Command) ?? 'SELECT'
  }
  return (COMMANDS.has(word) ? word : 'SELECT') as Command
}

export function pgliteDialect(db: PGlite): PostgresDialect {
  let held: Promise<void> = Promise.resolve()
  const client = (release: () => void): PostgresPoolClient =>
    ({
      async query<R>(sql: string | object, parameters?: ReadonlyArray<unknown>) {
        if (typeof sql !== 'string') throw new Error('cursors are not supported on the embedded database')
        const result = await db.query<R>(sql, parameters ? [...parameters] : [])
        return { command: commandOf(sql), rowCount: result.affectedRows ?? result.rows.length, rows: result.rows }
      },
      release,
    }) as PostgresPoolClient

  const pool: PostgresPool = {
    async connect() {
      let release!: () => void
      const next = new Promise<void>((resolve) => (release = resolve))
      const previous = held
      held = previous.then(() => next)
      await previous
      return client(release)
    },
    async end() {
      await held
    },
  }
  return new PostgresDialect({ pool })
}
