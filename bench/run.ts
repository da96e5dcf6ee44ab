// `npm run bench`: every performance number of the product in one run, with the ratios that matter.
import { benchAssessment } from './assessment'
import { benchCloudPeak } from './cloudPeak'
import { benchDashboard } from './dashboard'
import { benchDueAt } from './dueAt'
import { benchFirstScreen } from './firstScreen'
import { benchHandlers } from './handlers'
import { benchLedger } from './ledger'
import { benchLivedIn } from './livedIn'
import { benchSizes } from './sizes'
import { benchStoreCalls } from './storeCalls'
import { benchSweep } from './sweep'
import { benchSecurity } from './security'

export interface Metric {
  name: string
  value: number
  unit: string
}

async function main() {
  const only = process.argv[2]
  const suites: Array<[string, () => Promise<Metric[]>]> = [
    ['calendar', benchDueAt],
    ['store calls', benchStoreCalls],
    ['handlers', () => benchHandlers(Number(process.env.BENCH_CALLS ?? 1000))],
    ['sweep', benchSweep],
    ['assessment', () => benchAssessment(Number(process.env.BENCH_ASSESSMENT_CASES ?? 100_000))],
    ['ledger', () => benchLedger(Number(process.env.BENCH_LEDGER_CASES ?? 1_000_000))],
    ['dashboard', () => benchDashboard(Number(process.env.BENCH_DASHBOARD_CASES ?? 1_000_000))],
    ['sizes', benchSizes],
    ['lived-in hall', benchLivedIn],
    ['first screen', benchFirstScreen],
    ['security', benchSecurity],
    [
      'cloud peak',
      () =>
        benchCloudPeak(
          Number(process.env.BENCH_PEAK_CITIZENS ?? 50),
          Number(process.env.BENCH_PEAK_STAFF ?? 10),
          Number(process.env.BENCH_PEAK_LATENCY_MS ?? 20),
        ),
    ],
  ]
  for (const [name, run] of suites) {
    if (only && only !== name) continue
    console.log(`\n## ${name}`)
    for (const m of await run()) {
      const v = Math.abs(m.value) >= 100 ? m.value.toFixed(0) : m.value.toFixed(2)
      console.log(`${m.name.padEnd(56)} ${v.padStart(12)} ${m.unit}`)
    }
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
