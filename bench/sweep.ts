// The sweep's cost with the same 1,000 due clocks among few and among very many stored cases: it reads
// through the next-action index, so the two times should be close. Then the outbox's throughput.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { createApi } from '../src/server/api'
import { serverFiles } from '../src/server/files'
import { seedDemoHall } from '../src/server/demoHall'
import { deliverOutbox } from '../src/server/notify/deliver'
import { openPostgresStore } from '../src/server/store/postgres'
import { runSweep } from '../src/server/sweep'
import type { Metric } from './run'

const T0 = new Date('2026-11-23T10:00:00+08:00')

async function sweepAmong(stored: number, due: number) {
  const dir = mkdtempSync(join(tmpdir(), 'shouwen-bench-sweep-'))
  const store = await openPostgresStore({ dataDir: dir })
  try {
    await store.migrate()
    await seedDemoHall(store)
    const api = createApi({ store, now: () => T0, demo: true, mode: 'selfHosted', log: () => {}, channels: ['webhook'], files: serverFiles(store) })
    for (let i = 0; i < due; i++) {
      const a = await api.call(
        { citizenId: `dev:${randomBytes(12).toString('hex')}`, staffId: null },
        {
          action: 'submitCase',
          hallId: 'demo',
          windowId: 'bdc',
          kind: 'consult',
          contact: { name: '张三', phone: '13912345678' },
          text: '请问二手房过户需要带哪些材料？',
          requestId: randomBytes(8).toString('hex'),
        },
      )
      if (!a.ok) throw new Error(a.error.message)
    }
    // the rest: closed cases, which the sweep must never read
    await sql`insert into cases (id, hall_id, no, citizen_id, request_id, window_id, status, submitted_at, updated_at, next_due_at, version, state)
      select 'c_f' || lpad(g::text, 15, '0'), 'demo', 'SF-F-' || g, 'dev:filler' || g, 'r' || g, 'bdc', 'closed', now(), now(), null, 3, '{"status":"closed"}'::jsonb
      from generate_series(1, ${stored - due}) g`.execute(store.db)
    await sql`analyze cases`.execute(store.db)
    const t = performance.now()
    const report = await runSweep(store, { now: new Date(T0.getTime() + 10 * 24 * 3_600_000), channels: ['webhook'] })
    const sweepMs = performance.now() - t
    if (report.breaches !== due) throw new Error(`expected ${due} breaches, got ${report.breaches}`)
    const t2 = performance.now()
    let sent = 0
    for (;;) {
      const r = await deliverOutbox(store, { webhook: async () => 'sent' }, { now: new Date(T0.getTime() + 11 * 24 * 3_600_000), limit: 500 })
      if (r.sent === 0) break
      sent += r.sent
    }
    const perSecond = sent / ((performance.now() - t2) / 1000)
    return { sweepMs, sent, perSecond }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchSweep(): Promise<Metric[]> {
  const due = 1000
  const big = Number(process.env.BENCH_SWEEP_STORED ?? 1_000_000)
  const small = await sweepAmong(10_000, due)
  const large = await sweepAmong(big, due)
  return [
    { name: `sweep: ${due} due clocks among 10,000 cases`, value: small.sweepMs, unit: 'ms' },
    { name: `sweep: ${due} due clocks among ${big.toLocaleString('en')} cases`, value: large.sweepMs, unit: 'ms' },
    { name: 'sweep: ratio large / small (≈1 when it reads only the index)', value: large.sweepMs / small.sweepMs, unit: '×' },
    { name: `outbox: notifications sent per second (${small.sent} queued)`, value: small.perSecond, unit: '/s' },
  ]
}
