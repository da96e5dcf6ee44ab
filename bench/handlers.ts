// Latency of the submit and claim handlers on the embedded database, through the whole API path.
import { randomBytes } from 'node:crypto'
import { createApi } from '../src/server/api'
import { serverFiles } from '../src/server/files'
import { withBenchHall } from './hall'
import type { Metric } from './run'

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

export async function benchHandlers(calls = 1000): Promise<Metric[]> {
  return withBenchHall('handlers', 0, async (store) => {
    const api = createApi({ store, now: () => new Date(), demo: true, mode: 'selfHosted', log: () => {}, files: serverFiles(store) })
    const submit: number[] = []
    const claim: number[] = []
    const ids: string[] = []
    for (let i = 0; i < calls; i++) {
      const citizen = { citizenId: `dev:${randomBytes(12).toString('hex')}`, staffId: null }
      const t = performance.now()
      const a = await api.call(citizen, {
        action: 'submitCase',
        hallId: 'demo',
        windowId: 'bdc',
        kind: 'consult',
        contact: { name: '张三', phone: '13912345678' },
        text: '请问二手房过户需要带哪些材料？',
        requestId: randomBytes(8).toString('hex'),
      })
      submit.push(performance.now() - t)
      if (!a.ok) throw new Error(a.error.message)
      ids.push((a.data as { caseId: string }).caseId)
    }
    const staff = { citizenId: null, staffId: 'bdc-li' }
    for (const caseId of ids) {
      const t = performance.now()
      const a = await api.call(staff, { action: 'claimCase', caseId, requestId: randomBytes(8).toString('hex') })
      claim.push(performance.now() - t)
      if (!a.ok) throw new Error(a.error.message)
    }
    submit.sort((a, b) => a - b)
    claim.sort((a, b) => a - b)
    return [
      { name: `submitCase p50 (${calls} calls, PGlite)`, value: quantile(submit, 0.5), unit: 'ms' },
      { name: `submitCase p95 (${calls} calls, PGlite)`, value: quantile(submit, 0.95), unit: 'ms' },
      { name: `claimCase p50 (${calls} calls, PGlite)`, value: quantile(claim, 0.5), unit: 'ms' },
      { name: `claimCase p95 (${calls} calls, PGlite)`, value: quantile(claim, 0.95), unit: 'ms' },
    ]
  })
}
