// One load per request: a case action reads the case and its hall once, appends, and builds the page
// from what it appended. Counted with a wrapper around the store, on both adapters.
import { createCloudbaseStore } from '../../src/server/store/cloudbase'
import { FakeCloudDb } from '../support/fakeCloudDb'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, staffMember } from '../support/api'
import { measureStoreCalls, TARGETS, type CallCount } from '../support/storeCalls'

const limitOf = (action: string) =>
  action.startsWith('submitCase')
    ? TARGETS.submitCase
    : action === 'getCase (citizen)'
      ? TARGETS.citizenCaseView
      : action.startsWith('staffQueue')
        ? TARGETS.staffQueue
        : TARGETS.caseAction

function expectWithinTargets(counts: CallCount[]) {
  // every kind of case action was measured
  expect(counts.map((c) => c.action)).toEqual(
    expect.arrayContaining(['claimCase', 'replyCase', 'createHandover', 'referCase', 'issueSupplementNotice', 'rateCase', 'forwardOutside']),
  )
  const over = counts.filter((c) => c.calls > limitOf(c.action))
  expect(over).toEqual([])
}

describe('store calls per request', () => {
  let db: TestDb
  beforeAll(async () => {
    db = await openTestDb()
  })
  afterAll(() => db.close())

  test('PostgreSQL: ≤ 4 for any case action, ≤ 3 for a submit, ≤ 2 for a citizen’s case page, ≤ 3 for a staff queue', async () => {
    const counts = await measureStoreCalls(db.store, 'selfHosted', { citizen: citizen(), staff: staffMember })
    expectWithinTargets(counts)
    // the citizen's page is the case and its hall, nothing else
    expect(counts.find((c) => c.action === 'getCase (citizen)')!.log).toEqual(['getCase', 'hallBundle'])
  })

  test('CloudBase: the same targets with WeChat identities (a citizen’s page makes no staff lookup)', async () => {
    const fake = new FakeCloudDb()
    const store = createCloudbaseStore(fake)
    await store.migrate()
    const wx = (openid: string) => ({ citizenId: `wx:${openid}`, staffId: null, openid })
    const counts = await measureStoreCalls(store, 'cloud', { citizen: wx('citizen-openid-1'), staff: (id) => wx(`openid-${id}`) })
    expectWithinTargets(counts)
    expect(counts.find((c) => c.action === 'getCase (citizen)')!.log).toEqual(['getCase', 'hallBundle'])
  })
})
