// Store calls per request, on both adapters (each one a database round trip on CloudBase): the
// workflow of tests/support/storeCalls.ts, every kind of case action counted.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCloudbaseStore } from '../src/server/store/cloudbase'
import { openPostgresStore } from '../src/server/store/postgres'
import { FakeCloudDb } from '../tests/support/fakeCloudDb'
import { measureStoreCalls, type CallCount } from '../tests/support/storeCalls'
import type { Metric } from './run'

const summary = (label: string, counts: CallCount[]): Metric[] => {
  const caseActions = counts.filter((c) => !/^(submitCase|getCase|staffQueue)/.test(c.action))
  const of = (prefix: string) => Math.max(...counts.filter((c) => c.action.startsWith(prefix)).map((c) => c.calls))
  return [
    {
      name: `${label}: most store calls of a case action (${new Set(caseActions.map((c) => c.action.split(' ')[0])).size} kinds)`,
      value: Math.max(...caseActions.map((c) => c.calls)),
      unit: 'calls',
    },
    ...caseActions.map((c) => ({ name: `${label}:   ${c.action}`, value: c.calls, unit: 'calls' })),
    { name: `${label}: submitCase`, value: of('submitCase'), unit: 'calls' },
    { name: `${label}: a citizen's case page (getCase)`, value: of('getCase (citizen)'), unit: 'calls' },
    { name: `${label}: a staff member's case page (getCase)`, value: of('getCase (staff)'), unit: 'calls' },
    { name: `${label}: staffQueue`, value: of('staffQueue'), unit: 'calls' },
  ]
}

export async function benchStoreCalls(): Promise<Metric[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwen-bench-calls-'))
  const pg = await openPostgresStore({ dataDir: dir })
  try {
    await pg.migrate()
    const pgCounts = await measureStoreCalls(pg, 'selfHosted', {
      citizen: { citizenId: 'dev:benchcitizen000000000', staffId: null },
      staff: (id) => ({ citizenId: null, staffId: id }),
    })
    const cloud = createCloudbaseStore(new FakeCloudDb())
    await cloud.migrate()
    const wx = (openid: string) => ({ citizenId: `wx:${openid}`, staffId: null, openid })
    const cloudCounts = await measureStoreCalls(cloud, 'cloud', { citizen: wx('bench-citizen'), staff: (id) => wx(`openid-${id}`) })
    return [...summary('PostgreSQL', pgCounts), ...summary('CloudBase', cloudCounts)]
  } finally {
    await pg.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
