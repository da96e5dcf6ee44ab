// Opens the store the environment names: a PostgreSQL server when DATABASE_URL is set, else the
// embedded PGlite database in DATA_DIR (default ./data).
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { openPostgresStore, type PostgresStore } from './postgres'

export interface StoreEnv {
  DATABASE_URL?: string
  DATA_DIR?: string
  [name: string]: string | undefined
}

export const dataDirOf = (env: StoreEnv) => resolve(env.DATA_DIR || './data')

export async function openStoreFromEnv(env: StoreEnv): Promise<PostgresStore> {
  if (env.DATABASE_URL) return openPostgresStore({ databaseUrl: env.DATABASE_URL })
  const dir = dataDirOf(env)
  mkdirSync(dir, { recursive: true })
  return openPostgresStore({ dataDir: resolve(dir, 'pglite') })
}
