// The demo hall's own history (src/server/demoHistory.ts: six months through the API with the sweep
// each evening) as the data the office's screens read: how long writing it takes, and each report on
// it against the same report on the empty hall, so a regression shows as a ratio.
import { writeDemoHistory } from '../src/server/demoHistory'
import { serverFiles } from '../src/server/files'
import { createApi } from '../src/server/api'
import type { ActionInput, ActionName } from '../src/core/api'
import type { Metric } from './run'
import { withBenchHall } from './hall'

const office = { citizenId: null, staffId: 'office-xu' }
const lead = { citizenId: null, staffId: 'bdc-lead' }

export async function benchLivedIn(): Promise<Metric[]> {
  return withBenchHall('livedin', 0, async (store) => {
    const until = new Date('2026-12-07T02:00:00Z')
    const api = createApi({ store, now: () => until, demo: true, mode: 'selfHosted', files: serverFiles(store), log: () => {} })
    const time = async <A extends ActionName>(who: typeof office, action: A, input: ActionInput<A>, n = 5) => {
      const t = performance.now()
      for (let i = 0; i < n; i++) {
        const a = await api.call(who, { action, ...input })
        if (!a.ok) throw new Error(`${action}: ${a.error.code} ${a.error.message}`)
      }
      return (performance.now() - t) / n
    }
    // one after another, so each time is its own
    const reports = async () => ({
      dashboard: await time(office, 'dashboard', { weeks: 12 }),
      ledger: await time(office, 'ledger', { from: '2026-06-01', to: '2026-11-30' }),
      assessment: await time(office, 'assessment', { month: '2026-11' }),
      queue: await time(lead, 'staffQueue', {}),
    })
    await reports() // warm: the first calls compile the queries
    const empty = await reports()
    const t = performance.now()
    const history = await writeDemoHistory(store, serverFiles(store), { until })
    const writing = performance.now() - t
    const full = await reports()
    return [
      { name: 'history written: cases', value: history.cases, unit: 'cases' },
      { name: 'history written: working days', value: history.days, unit: 'days' },
      { name: 'history written: time', value: writing, unit: 'ms' },
      { name: 'history written: per case', value: writing / history.cases, unit: 'ms' },
      { name: 'calls refused while writing it', value: Object.values(history.refused).reduce((a, b) => a + b, 0), unit: 'calls' },
      ...(['dashboard', 'ledger', 'assessment', 'queue'] as const).flatMap((k) => [
        { name: `${k} on six months: time`, value: full[k], unit: 'ms' },
        { name: `${k}: six months / empty hall`, value: full[k] / Math.max(empty[k], 0.01), unit: '×' },
      ]),
    ]
  })
}
