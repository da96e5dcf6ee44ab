import { describeStoreContract } from './contract'
import { openTestDb } from '../support/pglite'

describeStoreContract('PostgreSQL on embedded PGlite', async () => {
  const db = await openTestDb()
  return { store: db.store, reset: () => db.store.truncateAll(), close: () => db.close() }
})
