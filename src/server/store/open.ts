// Opens the store the environment names: a PostgreSQL server when DATABASE_URL is set, else the
// embedded PGlite database in DATA_DIR (default ./data), which only one process may open at a time:
// the data directory's lock is taken first (src/server/dataLock.ts) and let go on close.
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { lockDataDir, type DataDirLock } from '../dataLock'
import { openPostgresStore, type PostgresStore } from './postgres'

export interface StoreEnv {
  DATABASE_URL?: string
  DATA_DIR?: string
  [name: string]: string | undefined
}

export const dataDirOf = (env: StoreEnv) => resolve(env.DATA_DIR || './data')

export type OpenedStore = PostgresStore & {
  /** the embedded database's lock on DATA_DIR; none with DATABASE_URL */
  readonly lock: DataDirLock | null
}

/** `command` names the holder in the lock, for the message a second opener gets */
export async function openStoreFromEnv(env: StoreEnv, command = 'shouwen'): Promise<OpenedStore> {
  if (env.DATABASE_URL) return Object.assign(await openPostgresStore({ databaseUrl: env.DATABASE_URL }), { lock: null })
  const dir = dataDirOf(env)
  mkdirSync(dir, { recursive: true })
  const lock = lockDataDir(dir, command)
  try {
    const store = await openPostgresStore({ dataDir: resolve(dir, 'pglite') })
    const close = store.close.bind(store)
    return Object.assign(store, {
      lock,
      async close() {
        try {
          await close()
        } finally {
          lock.release()
        }
      },
    })
  } catch (e) {
    lock.release()
    throw e
  }
}
