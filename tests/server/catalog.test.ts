// The matter catalog through the handlers: what the entry page lists, routing by matter, and the
// matter's materials and promised limit following the case.
import { searchMatters } from '../../src/core/matter'
import { seedDemoHall } from '../../src/server/demoHall'
import { openTestDb, type TestDb } from '../support/pglite'
import { anonymous, citizen, rid, staffMember, testApi } from '../support/api'

let db: TestDb
const now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const zhao = staffMember('gjj-zhao')

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db.close())
beforeEach(async () => {
  await db.store.truncateAll()
  await seedDemoHall(db.store)
})

const submit = (over: Record<string, unknown>) =>
  api().call(citizen(), 'submitCase', {
    hallId: 'demo',
    kind: 'application',
    contact: { name: '张三', phone: '13912345678' },
    text: '提取公积金用于购买首套住房',
    requestId: rid(),
    ...over,
  })

describe('the matter catalog (003)', () => {
  it('the entry lists each active matter with its basis, materials, limit, window and pinyin initials', async () => {
    const { matters } = await api().ok(anonymous, 'entry', { scene: 'h=demo' })
    const tq = matters.find((m) => m.id === 'gjj-tq')!
    expect(tq).toMatchObject({ windowId: 'gjj', kind: 'promised', promisedDays: 3, initials: 'zfgjjtqgmzzzf' })
    expect(tq.basis).toContain('住房公积金管理条例')
    expect(tq.materials).toContain('购房合同')
    expect(searchMatters(matters, 'gjj').map((m) => m.windowId)).toEqual(['gjj', 'gjj', 'gjj'])
  })

  it('a deactivated matter, or one of a closed window, is not offered', async () => {
    const m = (await db.store.getMatter('demo', 'gjj-tq'))!
    await db.store.putMatter({ ...m, active: false })
    const w = (await db.store.getWindow('demo', 'sw'))!
    await db.store.putWindow({ ...w, active: false })
    const { matters } = await api().ok(anonymous, 'entry', { scene: 'h=demo' })
    expect(matters.map((x) => x.id)).not.toContain('gjj-tq')
    expect(matters.some((x) => x.windowId === 'sw')).toBe(false)
    const answer = await submit({ matterId: 'gjj-tq' })
    expect(answer.ok || [answer.error.code, answer.error.details?.field]).toEqual(['NOT_FOUND', 'matterId'])
  })

  it("a case for a matter goes to the matter's window, even from another window's code", async () => {
    const answer = await submit({ matterId: 'gjj-tq', windowId: 'zxzx' })
    if (!answer.ok) throw new Error(answer.error.message)
    const state = (await db.store.getCaseState(answer.data.caseId))!
    expect(state.windowId).toBe('gjj')
    expect(state.matter).toMatchObject({ id: 'gjj-tq', name: '住房公积金提取（购买自住住房）', promisedDays: 3 })
    const events = (await db.store.getCase(state.id))!.events
    expect(events[0]).toMatchObject({ type: 'submitted', payload: { routedBy: 'matter', matterId: 'gjj-tq' } })
  })

  it('an unknown matter is refused with the field, and nothing is created', async () => {
    const answer = await submit({ matterId: 'nosuch' })
    expect(answer.ok || [answer.error.code, answer.error.details?.field]).toEqual(['NOT_FOUND', 'matterId'])
    const bad = await submit({ matterId: 'NOT VALID' })
    expect(bad.ok || bad.error.code).toBe('INVALID_INPUT')
    expect(await db.store.listCases({ hallId: 'demo' })).toEqual([])
  })

  it("staff see the matter's materials; a promised acceptance takes the published limit unless staff set one", async () => {
    const answer = await submit({ matterId: 'gjj-tq' })
    if (!answer.ok) throw new Error(answer.error.message)
    const { caseId } = answer.data
    const claimed = await api().ok(zhao, 'claimCase', { caseId, requestId: rid() })
    expect(claimed.matter?.materials).toEqual(['本人身份证', '购房合同', '购房发票或契税完税凭证', '本人银行卡'])
    const accepted = await api().ok(zhao, 'acceptCase', { caseId, requestId: rid(), mode: 'promised' })
    // Mon 2026-11-23 + 3 working days → Thu 2026-11-26 close of business
    expect(accepted.clocks.find((c) => c.kind === 'promised')?.dueAt).toBe('2026-11-26T17:30:00+08:00')
    expect(accepted.timeline.at(-1)?.text).toContain('3个工作日')
  })

  it('editing the catalog later does not rewrite a submitted case', async () => {
    const answer = await submit({ matterId: 'gjj-tq' })
    if (!answer.ok) throw new Error(answer.error.message)
    const m = (await db.store.getMatter('demo', 'gjj-tq'))!
    await db.store.putMatter({ ...m, promisedDays: 10, materials: ['本人身份证'] })
    const state = (await db.store.getCaseState(answer.data.caseId))!
    expect(state.matter).toMatchObject({ promisedDays: 3, materials: ['本人身份证', '购房合同', '购房发票或契税完税凭证', '本人银行卡'] })
  })
})
