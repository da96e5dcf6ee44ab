// 台帐 (附件3) over a large hall: 1,000,000 closed cases of 2026 in 20 windows. A sheet adds up the
// counters kept per window, day and column, so one window's month and the whole hall's year should
// both take well under a second.
import { sql } from 'kysely'
import { createApi } from '../src/server/api'
import { serverFiles } from '../src/server/files'
import { withBenchHall } from './hall'
import type { Metric } from './run'

const WINDOWS = 20
const COLUMNS = ['instant', 'promised', 'consultOnTheSpot', 'consultTimed', 'handedOver', 'joint', 'otherWindow', 'outsideConsult', 'outsideWritten']

export async function benchLedger(cases = 1_000_000): Promise<Metric[]> {
  return withBenchHall('ledger', WINDOWS, async (store) => {
    const load = performance.now()
    // closed cases spread over the days of 2026, the windows and the columns
    await sql`insert into cases (id, hall_id, no, citizen_id, request_id, window_id, status, submitted_at, updated_at, next_due_at, version, ledger_column, ledger_day, state)
      select 'c_' || lpad(g::text, 16, '0'), 'demo', 'SF-L-' || g, 'dev:l' || g, 'r' || g, 'w' || (g % ${WINDOWS}), 'closed',
             d, d, null, 4, (${sql.raw(`array[${COLUMNS.map((c) => `'${c}'`).join(',')}]`)})[1 + g % 9], d::date,
             jsonb_build_object('status', 'closed')
      from (select g, date '2026-01-01' + (g % 365) as d from generate_series(1, ${cases}) g) s`.execute(store.db)
    // the counters the store keeps with every change, built once for the loaded cases
    await sql`insert into ledger_counts (hall_id, window_id, day, col, n)
      select hall_id, window_id, ledger_day, ledger_column, count(*) from cases where ledger_column is not null group by 1, 2, 3, 4`.execute(store.db)
    await sql`analyze`.execute(store.db)
    const loadMs = performance.now() - load

    const api = createApi({ store, now: () => new Date('2026-12-31T18:00:00+08:00'), demo: true, mode: 'selfHosted', log: () => {}, files: serverFiles(store) })
    const office = { citizenId: null, staffId: 'office-xu' }
    const time = async (input: Record<string, unknown>) => {
      const t = performance.now()
      const a = await api.call(office, { action: 'ledger', ...input })
      if (!a.ok) throw new Error(a.error.message)
      return { ms: performance.now() - t, total: (a.data as { total: { total: number } }).total.total }
    }
    await time({ from: '2026-01-01', to: '2026-01-31' }) // a warm server
    const month = await time({ from: '2026-06-01', to: '2026-06-30', windowId: 'w3' })
    const year = await time({ from: '2026-01-01', to: '2026-12-31' })
    if (year.total !== cases) throw new Error(`the year's sheet counts ${year.total}, expected ${cases}`)
    const t = performance.now()
    const book = await api.call(office, { action: 'ledgerWorkbook', from: '2026-01-01', to: '2026-12-31' })
    if (!book.ok) throw new Error(book.error.message)
    const xlsxMs = performance.now() - t
    return [
      { name: `ledger: loading ${cases.toLocaleString('en')} closed cases (setup)`, value: loadMs, unit: 'ms' },
      { name: `ledger: one window, one month (${month.total.toLocaleString('en')} cases)`, value: month.ms, unit: 'ms' },
      { name: `ledger: whole hall, one year (${year.total.toLocaleString('en')} cases)`, value: year.ms, unit: 'ms' },
      { name: 'ledger: the year as xlsx (every window\u2019s sheet)', value: xlsxMs, unit: 'ms' },
    ]
  })
}
