// The stand-in of the CloudBase database holds the behaviours the adapter is built against: if one of
// these changes, the contract suite's passing on it means less.
import { COLLECTION_NOT_EXIST, FakeCloudDb, SYS_ERR } from '../support/fakeCloudDb'
import { isConflict } from '../../src/server/store/cloudbase/db'

async function db(latencyMs = 0) {
  const d = new FakeCloudDb({ latencyMs })
  await d.createCollection('c')
  return d
}

it('fails a transaction at once when it writes a document another open transaction wrote', async () => {
  const d = await db()
  await d
    .collection('c')
    .doc('x')
    .set({ data: { n: 1 } })
  let release!: () => void
  const held = new Promise<void>((r) => (release = r))
  const first = d.runTransaction(async (tx) => {
    await tx
      .collection('c')
      .doc('x')
      .set({ data: { n: 2 } })
    await held
  })
  await new Promise((r) => setTimeout(r, 5))
  let failed: unknown
  const second = d.runTransaction(async (tx) => {
    await tx
      .collection('c')
      .doc('x')
      .set({ data: { n: 3 } })
      .catch((e) => {
        failed = e
        throw e
      })
  })
  await expect(second).rejects.toMatchObject({ errCode: SYS_ERR })
  expect(isConflict(failed, failed)).toBe(true)
  release()
  await first
  expect((await d.collection('c').doc('x').get()).data.n).toBe(2)
})

it('fails a transaction that writes a document committed after it began (no lost update)', async () => {
  const d = await db()
  await d
    .collection('c')
    .doc('x')
    .set({ data: { n: 1 } })
  const stale = d.runTransaction(async (tx) => {
    const { data } = await tx.collection('c').doc('x').get()
    await new Promise((r) => setTimeout(r, 10))
    await tx
      .collection('c')
      .doc('x')
      .set({ data: { n: (data.n as number) + 1 } })
  })
  await d.runTransaction(async (tx) => {
    await tx
      .collection('c')
      .doc('x')
      .set({ data: { n: 10 } })
  })
  await expect(stale).rejects.toMatchObject({ errCode: SYS_ERR })
  expect((await d.collection('c').doc('x').get()).data.n).toBe(10)
})

it('fails on a collection that was never created, instead of creating it', async () => {
  const d = await db()
  await expect(d.collection('nope').get()).rejects.toMatchObject({ errCode: COLLECTION_NOT_EXIST })
  await expect(
    d
      .collection('nope')
      .doc('a')
      .set({ data: { a: 1 } }),
  ).rejects.toMatchObject({ errCode: COLLECTION_NOT_EXIST })
  expect(d.tables.has('nope')).toBe(false)
})

it('answers 100 documents unless limited, and at most 1,000', async () => {
  const d = await db()
  for (let i = 0; i < 1200; i++) d.tables.get('c')!.set(`d${i}`, { _id: `d${i}`, i })
  expect((await d.collection('c').get()).data).toHaveLength(100)
  expect((await d.collection('c').limit(5000).get()).data).toHaveLength(1000)
})

it('merges nested objects field by field on update; _.set replaces', async () => {
  const d = await db()
  const ref = d.collection('c').doc('x')
  await ref.set({ data: { state: { a: 1, b: { c: 2, d: 3 } }, list: [1, 2] } })
  await ref.update({ data: { state: { b: { c: 20 } }, list: [9] } })
  expect((await ref.get()).data).toMatchObject({ state: { a: 1, b: { c: 20, d: 3 } }, list: [9] })
  await ref.update({ data: { state: d.command.set({ a: 5 }) } })
  expect((await ref.get()).data.state).toEqual({ a: 5 })
})

it('sums on the server with aggregate()', async () => {
  const d = await db()
  for (const [id, w, n] of [
    ['1', 'a', 2],
    ['2', 'a', 3],
    ['3', 'b', 1],
  ] as const)
    await d.collection('c').doc(id).set({ data: { w, n } })
  const { list } = await d
    .collection('c')
    .aggregate()
    .match({ w: 'a' })
    .group({ _id: '$w', total: d.command.aggregate.sum('$n') })
    .limit(10)
    .end()
  expect(list).toEqual([{ _id: 'a', total: 5 }])
})

it('takes the configured latency on every call', async () => {
  const d = await db(20)
  const t = Date.now()
  await d.collection('c').get()
  await d.collection('c').count()
  expect(Date.now() - t).toBeGreaterThanOrEqual(38)
})
