// 运行看板 over a large hall: 1,000,000 cases of 2026 in 20 windows (a reply clock and a rating on
// each, 1,000 still open). The dashboard reads the open cases and the weekly counters kept with every
// write, never the closed cases; this measures the whole answer for the hall and for one window.
import { sql } from 'kysely'
import { createApi } from '../src/server/api'
import { serverFiles } from '../src/server/files'
import { MIGRATIONS } from '../src/server/store/migrations'
import { withBenchHall } from './hall'
import type { Metric } from './run'

const WINDOWS = 20
const OPEN = 1000

export async function benchDashboard(cases = 1_000_000): Promise<Metric[]> {
  return withBenchHall('dashboard', WINDOWS, async (store) => {
    const load = performance.now()
    // one case every ~30 s of 2026; the last OPEN still open with a running reply clock
    await sql`insert into cases (id, hall_id, no, citizen_id, request_id, window_id, status, submitted_at, updated_at, next_due_at, version, state)
      select 'c_' || lpad(g::text, 16, '0'), 'demo', 'SF-D-' || g, 'dev:d' || g, 'r' || g, 'w' || (g % ${WINDOWS}),
             case when g > ${cases - OPEN} then 'inProgress' else 'closed' end, t, t + interval '1 day', null, 4,
             jsonb_build_object(
               'id', 'c_' || lpad(g::text, 16, '0'), 'no', 'SF-D-' || g, 'hallId', 'demo', 'windowId', 'w' || (g % ${WINDOWS}), 'kind', 'consult',
               'status', case when g > ${cases - OPEN} then 'inProgress' else 'closed' end, 'text', '请问办理需要哪些材料？', 'contact', jsonb_build_object('name', '市民', 'phone', '13900000000'),
               'submittedAt', to_char(t at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"'),
               'closedAt', case when g > ${cases - OPEN} then null else to_char((t + interval '1 day') at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') end,
               'firstResponderId', null, 'handlerId', null, 'attachments', '[]'::jsonb, 'round', 1,
               'clocks', jsonb_build_array(jsonb_build_object('kind', 'reply', 'startedAt', to_char(t at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"'),
                  'limitDays', 2, 'dueAt', to_char((t + interval '2 days') at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"'), 'pausedAt', null, 'pausedSpans', '[]'::jsonb, 'extensions', '[]'::jsonb,
                  'metAt', case when g > ${cases - OPEN} then null else to_char((t + interval '20 hours') at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') end,
                  'breachedAt', null)),
               'ratings', case when g > ${cases - OPEN} then '[]'::jsonb else jsonb_build_array(jsonb_build_object('round', 1, 'level', 1 + g % 5, 'at', to_char((t + interval '1 day') at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"'), 'windowId', 'w' || (g % ${WINDOWS}))) end)
      from (select g, timestamptz '2026-01-01 09:00:00+08' + (g * interval '30 seconds') as t from generate_series(1, ${cases}) g) s`.execute(store.db)
    // the counters the store keeps with every write, built once for the loaded cases (as the migration does)
    await sql.raw(MIGRATIONS.find((m) => m.version === 14)!.statements[1]!).execute(store.db)
    await sql`analyze`.execute(store.db)
    const loadMs = performance.now() - load

    const last = await sql<{ t: Date }>`select max(updated_at) as t from cases`.execute(store.db)
    const now = new Date(last.rows[0]!.t)
    const api = createApi({ store, now: () => now, demo: true, mode: 'selfHosted', log: () => {}, files: serverFiles(store) })
    const office = { citizenId: null, staffId: 'office-xu' }
    const time = async (input: Record<string, unknown>) => {
      const t = performance.now()
      const a = await api.call(office, { action: 'dashboard', ...input })
      if (!a.ok) throw new Error(a.error.message)
      const d = a.data as { open: { total: number }; weeks: Array<{ submitted: number }> }
      return { ms: performance.now() - t, open: d.open.total, submitted: d.weeks.reduce((n, w) => n + w.submitted, 0) }
    }
    await time({ weeks: 4 }) // a warm server
    const hall = await time({})
    if (hall.open !== OPEN) throw new Error(`the dashboard counts ${hall.open} open cases, expected ${OPEN}`)
    const window = await time({ windowId: 'w3' })
    return [
      { name: `dashboard: loading ${cases.toLocaleString('en')} cases (setup)`, value: loadMs, unit: 'ms' },
      { name: `dashboard: whole hall, 12 weeks (${hall.submitted.toLocaleString('en')} cases)`, value: hall.ms, unit: 'ms' },
      { name: `dashboard: one window, 12 weeks (${window.submitted.toLocaleString('en')} cases)`, value: window.ms, unit: 'ms' },
    ]
  })
}
