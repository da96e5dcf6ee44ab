import { requireCitizen } from '../authorize'
import { caseSummary } from '../caseView'
import { loadDirectory } from '../directory'
import type { Handler } from '../context'

/** the citizen's own cases, newest first, across the halls they have used */
export const myCases: Handler<'myCases'> = async (ctx) => {
  const citizenId = requireCitizen(ctx)
  const halls = await ctx.store.listHalls()
  const cases = []
  for (const hall of halls) {
    const states = await ctx.store.listCases({ hallId: hall.id, citizenId, limit: 50 })
    if (states.length === 0) continue
    const dir = await loadDirectory(ctx.store, hall.id)
    cases.push(...states.map((s) => caseSummary(s, dir)))
  }
  cases.sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt))
  return { cases }
}
