// Runs the contract against a real PostgreSQL server when PG_TEST_URL is set (CI starts one with
// scripts/with-postgres.sh); skipped otherwise.
import { openPostgresStore } from '../../src/server/store/postgres'
import { describeStoreContract } from './contract'

const url = process.env.PG_TEST_URL
if (url) {
  describeStoreContract('PostgreSQL server', async () => {
    const store = await openPostgresStore({ databaseUrl: url })
    await store.migrate()
    return { store, reset: () => store.truncateAll(), close: () => store.close() }
  })
} else {
  it.skip('PostgreSQL server contract (set PG_TEST_URL to run)', () => {})
}
