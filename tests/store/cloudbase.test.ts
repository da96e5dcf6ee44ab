import { createCloudbaseStore } from '../../src/server/store/cloudbase'
import { FakeCloudDb } from '../support/fakeCloudDb'
import { describeStoreContract } from './contract'

describeStoreContract('CloudBase (in-memory stand-in of the wx-server-sdk database)', async () => {
  const db = new FakeCloudDb()
  const store = createCloudbaseStore(db)
  await store.migrate()
  return {
    store,
    reset: async () => {
      db.tables.clear()
      await store.migrate()
    },
    close: async () => {},
  }
})
