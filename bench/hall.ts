// The demo hall on a fresh embedded database for one bench, with `windows` more windows w0, w1 …,
// removed afterwards whatever happens.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedDemoHall } from '../src/server/demoHall'
import { openPostgresStore, type PostgresStore } from '../src/server/store/postgres'

export async function withBenchHall<T>(name: string, windows: number, run: (store: PostgresStore) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `shouwen-bench-${name}-`))
  const store = await openPostgresStore({ dataDir: dir })
  try {
    await store.migrate()
    await seedDemoHall(store)
    for (let w = 0; w < windows; w++)
      await store.putWindow({ id: `w${w}`, hallId: 'demo', name: `第${w + 1}窗口`, number: `B${w + 1}`, scope: '', active: true })
    return await run(store)
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
