// One embedded database per test file (opening a data directory costs seconds), emptied per test.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openPostgresStore, type PostgresStore } from '../../src/server/store/postgres'

export interface TestDb {
  store: PostgresStore
  close(): Promise<void>
}

export async function openTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwen-test-'))
  const store = await openPostgresStore({ dataDir: dir })
  await store.migrate()
  return {
    store,
    async close() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** the demo hall in this file's embedded database, fresh for every test */
export function demoDb(): { readonly store: PostgresStore } {
  let db: TestDb | undefined
  beforeAll(async () => {
    db = await openTestDb()
  })
  afterAll(() => db?.close())
  beforeEach(async () => {
    await db!.store.truncateAll()
    const { seedDemoHall } = await import('../../src/server/demoHall')
    await seedDemoHall(db!.store)
  })
  return {
    get store() {
      return db!.store
    },
  }
}
