// The sweep under a simulated clock, on both stores: reminders before the due time, the breach at it
// with its notices, overdue working days across the 2026 National Day holiday and its make-up day,
// and every effect once — after a crash half-way, and with two sweeps at once.
import { formatShanghai } from '../../src/core/calendar'
import type { CaseEvent } from '../../src/core/events'
import { seedDemoHall } from '../../src/server/demoHall'
import { deliverOutbox, MAX_ATTEMPTS, type Sender } from '../../src/server/notify/deliver'
import { createCloudbaseStore } from '../../src/server/store/cloudbase'
import type { Store } from '../../src/server/store/port'
import { runSweep } from '../../src/server/sweep'
import { webhookSender } from '../../src/server/notify/webhook'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FakeCloudDb } from '../support/fakeCloudDb'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, rid, staffMember, testApi } from '../support/api'

const at = (shanghai: string) => new Date(`${shanghai}+08:00`)
const li = staffMember('bdc-li')

interface Harness {
  store: Store
  reset(): Promise<void>
  close(): Promise<void>
}

const adapters: Array<[string, () => Promise<Harness>]> = [
  [
    'PostgreSQL (PGlite)',
    async () => {
      const db: TestDb = await openTestDb()
      return { store: db.store, reset: () => db.store.truncateAll(), close: () => db.close() }
    },
  ],
  [
    'CloudBase (stand-in)',
    async () => {
      const fake = new FakeCloudDb()
      const store = createCloudbaseStore(fake)
      await store.migrate()
      return {
        store,
        reset: async () => {
          fake.tables.clear()
          await store.migrate()
        },
        close: async () => {},
      }
    },
  ],
]

describe.each(adapters)('the sweep on %s', (_name, open) => {
  let h: Harness
  let now = at('2026-09-30T15:00:00')
  const api = () => testApi({ store: h.store, now: () => now, channels: ['webhook'] })

  beforeAll(async () => {
    h = await open()
  })
  afterAll(() => h.close())
  beforeEach(async () => {
    await h.reset()
    await seedDemoHall(h.store)
    now = at('2026-09-30T15:00:00')
  })

  async function consult(claim = true) {
    const me = citizen()
    const { caseId } = await api().ok(me, 'submitCase', {
      hallId: 'demo',
      windowId: 'bdc',
      kind: 'consult',
      contact: { name: '张三', phone: '13912345678' },
      text: '不动产证遗失了怎么补办？',
      requestId: rid(),
    })
    if (claim) await api().ok(li, 'claimCase', { caseId, requestId: rid() })
    return { me, caseId }
  }
  const sweepEvents = async (caseId: string) => ((await h.store.getCase(caseId))!.events as CaseEvent[]).filter((e) => e.actor.kind === 'system')

  it('reminds at half time and 2 working hours before, breaches at the due time, across the holiday', async () => {
    const { me, caseId } = await consult()
    // every 30 minutes from Wed 30 Sep to Mon 12 Oct, as the timer would
    for (let t = now.getTime(); t <= at('2026-10-12T18:00:00').getTime(); t += 30 * 60_000) {
      now = new Date(t)
      await runSweep(h.store, { now, channels: ['webhook'] })
    }
    const events = await sweepEvents(caseId)
    expect(events.map((e) => [e.type, 'level' in e.payload ? e.payload.level : null])).toEqual([
      ['reminded', 'half'],
      ['reminded', 'soon'],
      ['clockBreached', null],
    ])
    // the holiday is not working time: half time falls on the first working day after it
    expect(events[0]!.at.slice(0, 10)).toBe('2026-10-08')
    expect(events[1]!.at).toBe('2026-10-09T15:30:00+08:00')
    expect(events[2]!.at).toBe('2026-10-09T17:30:00+08:00')
    expect(events[2]).toMatchObject({ payload: { clockKind: 'reply', staffId: 'bdc-li', windowId: 'bdc' } })

    // the lead, the hall office and the first responder are told; the citizen gets the apology
    const titles = async (id: string) => (await h.store.listNotifications(id, 50)).map((n) => n.title)
    expect(await titles('bdc-li')).toEqual(['案件超时', '答复时限即将到期', '答复时限已过半'])
    expect(await titles('bdc-lead')).toEqual(['案件超时'])
    expect(await titles('office-xu')).toEqual(['案件超时'])
    expect(await titles(me.citizenId!)).toEqual(['办理超时，深表歉意'])

    // 004: overdue per working day — Sat 10 Oct is a make-up working day, Sun 11 Oct is not
    now = at('2026-10-10T18:00:00')
    let view = await api().ok(me, 'getCase', { caseId })
    expect(view.clocks[0]!.countdown).toBe('已超时 1 个工作日')
    now = at('2026-10-12T18:00:00')
    view = await api().ok(me, 'getCase', { caseId })
    expect(view.clocks[0]!.countdown).toBe('已超时 2 个工作日')
    expect(view.supervision?.apology).toContain('很抱歉')
    expect(view.supervision?.supervisors).toContain('周建国')

    // a late reply meets the clock: the overdue count stops there, and the sweep has nothing left to do
    now = at('2026-10-13T10:00:00')
    await api().ok(li, 'replyCase', { caseId, requestId: rid(), text: '您好，补办需要身份证和登报遗失声明。', mode: 'timed' })
    now = at('2026-10-20T10:00:00')
    view = await api().ok(me, 'getCase', { caseId })
    expect(view.clocks[0]).toMatchObject({ state: 'met', countdown: '已完成（超时 3 个工作日）' })
    expect(view.clocks[0]!.breachedAt).toBe('2026-10-09T17:30:00+08:00')
    expect(await h.store.listDueCases(formatShanghai(now), 10)).toEqual([])
  })

  it('a clock met in time gets no breach, and nothing is sent after it is met', async () => {
    const { caseId } = await consult()
    now = at('2026-10-08T10:00:00')
    await api().ok(li, 'replyCase', { caseId, requestId: rid(), text: '您好，补办需要身份证和登报遗失声明。', mode: 'timed' })
    now = at('2026-10-12T18:00:00')
    const report = await runSweep(h.store, { now })
    expect(report).toMatchObject({ cases: 0, breaches: 0, reminders: 0 })
    expect(await sweepEvents(caseId)).toEqual([])
  })

  it('an unclaimed case reminds the window lead; a missed half-time reminder is not sent late', async () => {
    const { caseId } = await consult(false)
    now = at('2026-10-09T16:00:00')
    await runSweep(h.store, { now })
    const events = await sweepEvents(caseId)
    expect(events.map((e) => e.type === 'reminded' && e.payload.level)).toEqual(['soon'])
    expect((await h.store.listNotifications('bdc-lead', 10)).map((n) => n.title)).toEqual(['答复时限即将到期'])
  })

  it('reads only the due cases through the index', async () => {
    await Promise.all(Array.from({ length: 6 }, () => consult(false)))
    now = at('2026-10-12T09:00:00')
    await Promise.all(Array.from({ length: 4 }, () => consult(false)))
    const report = await runSweep(h.store, { now: at('2026-10-12T09:30:00') })
    expect(report.cases).toBe(6)
    expect(report.breaches).toBe(6)
  })

  it('a sweep that crashes half-way and runs again records and notifies each breach once', async () => {
    const cases = await Promise.all(Array.from({ length: 8 }, () => consult()))
    now = at('2026-10-09T17:45:00')
    let appends = 0
    const crashing: Store = Object.create(h.store, {
      appendEvents: {
        value: async (input: Parameters<Store['appendEvents']>[0]) => {
          if (++appends > 3) throw new Error('the function instance was stopped')
          return h.store.appendEvents(input)
        },
      },
    })
    await expect(runSweep(crashing, { now, channels: ['webhook'] })).rejects.toThrow('stopped')
    const again = await runSweep(h.store, { now, channels: ['webhook'] })
    expect(again.breaches).toBe(5)
    await runSweep(h.store, { now, channels: ['webhook'] })
    for (const { caseId } of cases) {
      expect((await sweepEvents(caseId)).filter((e) => e.type === 'clockBreached')).toHaveLength(1)
    }
    expect((await h.store.listNotifications('bdc-lead', 100)).filter((n) => n.kind === 'breach')).toHaveLength(8)
    expect(await h.store.outboxStats()).toMatchObject({ pending: 8 * 4 })
  })

  it('two sweeps at once: one breach per case between them, each notice once', async () => {
    const cases = await Promise.all(Array.from({ length: 10 }, () => consult()))
    now = at('2026-10-09T17:45:00')
    const [a, b] = await Promise.all([runSweep(h.store, { now }), runSweep(h.store, { now })])
    expect(a.breaches + b.breaches).toBe(10)
    for (const { caseId } of cases) expect((await sweepEvents(caseId)).filter((e) => e.type === 'clockBreached')).toHaveLength(1)
    expect((await h.store.listNotifications('office-xu', 100)).length).toBe(10)
  })

  it('the outbox retries a failing channel with backoff and gives up in the end; the case and the inbox are unaffected', async () => {
    const { caseId } = await consult()
    now = at('2026-10-09T17:45:00')
    await runSweep(h.store, { now, channels: ['webhook'] })
    let calls = 0
    const failing: Sender = async () => {
      calls++
      throw new Error('gateway timeout')
    }
    // four notices (first responder, lead, office, citizen); the first attempt fails for all
    let report = await deliverOutbox(h.store, { webhook: failing }, { now })
    expect(report).toMatchObject({ retried: 4, sent: 0 })
    // nothing is due again before the backoff has passed
    expect(await deliverOutbox(h.store, { webhook: failing }, { now: new Date(now.getTime() + 30_000) })).toMatchObject({ retried: 0 })
    let t = now.getTime()
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      t += 24 * 3_600_000
      report = await deliverOutbox(h.store, { webhook: failing }, { now: new Date(t) })
    }
    expect(report).toMatchObject({ failed: 4 })
    expect(calls).toBe(4 * MAX_ATTEMPTS)
    expect(await h.store.outboxStats()).toMatchObject({ failed: 4, pending: 0 })
    expect((await h.store.getCaseState(caseId))!.clocks[0]!.breachedAt).not.toBeNull()
    expect(await h.store.countUnread('bdc-lead')).toBe(1)
  })

  it('a working channel sends each notice once, even with two deliverers at once', async () => {
    await consult()
    now = at('2026-10-09T17:45:00')
    await runSweep(h.store, { now, channels: ['webhook'] })
    const sent: string[] = []
    const ok: Sender = async (item) => {
      sent.push(item.key)
      return 'sent'
    }
    await Promise.all([deliverOutbox(h.store, { webhook: ok }, { now }), deliverOutbox(h.store, { webhook: ok }, { now })])
    expect(sent).toHaveLength(4)
    expect(new Set(sent).size).toBe(4)
    expect(await h.store.outboxStats()).toMatchObject({ sent: 4, pending: 0 })
  })
  it('two sweeps at once, one begun minutes before, send each webhook message once and report what they recorded', async () => {
    // the hall's gateway, counting what it receives; it answers a little slowly, as a real one does
    const received = new Map<string, number>()
    let firstArrived!: () => void
    const arrived = new Promise<void>((r) => (firstArrived = r))
    const gateway = createServer((req, res) => {
      let body = ''
      req.on('data', (d) => (body += d))
      req.on('end', () => {
        const key = (JSON.parse(body) as { key: string }).key
        received.set(key, (received.get(key) ?? 0) + 1)
        firstArrived()
        setTimeout(() => res.end('ok'), 50)
      })
    })
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r))
    try {
      const send = webhookSender(`http://127.0.0.1:${(gateway.address() as AddressInfo).port}/`, 'secret')
      await Promise.all(Array.from({ length: 5 }, () => consult()))
      const began = at('2026-10-09T17:45:00')
      const run = async (start: Date) => {
        const sweep = await runSweep(h.store, { now: start, channels: ['webhook'] })
        return { sweep, delivery: await deliverOutbox(h.store, { webhook: send }, { now: start }) }
      }
      // the first run's sweep took minutes; while it sends, the next run (three minutes on) starts
      const first = await runSweep(h.store, { now: began, channels: ['webhook'] })
      const firstDelivery = deliverOutbox(h.store, { webhook: send }, { now: began })
      await arrived
      const [a, b] = await Promise.all([firstDelivery, run(new Date(began.getTime() + 3 * 60_000))])
      const recorded = (await h.store.listNotifications('office-xu', 100)).filter((n) => n.kind === 'breach').length
      expect(recorded).toBe(5)
      expect(first.breaches + b.sweep.breaches).toBe(recorded)
      // 5 breaches × (first responder, lead, office, citizen) and the 5 earlier task notices to the window
      expect([...received.values()].every((n) => n === 1)).toBe(true)
      const stats = await h.store.outboxStats()
      expect(a.sent + b.delivery.sent).toBe(received.size)
      expect(stats.sent).toBe(received.size)
      expect(stats.pending).toBe(0)
    } finally {
      await new Promise((r) => gateway.close(r))
    }
  })
})
