// Sizes that WeChat limits: the mini-program main package (2 MB hard limit; we hold it under 600 KB)
// and each bundled cloud function.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Metric } from './run'

const ROOT = resolve(__dirname, '..')

function bytes(path: string, skip: (p: string) => boolean = () => false): number {
  if (!existsSync(path) || skip(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.size
  return readdirSync(path).reduce((sum, name) => sum + bytes(join(path, name), skip), 0)
}

export async function benchSizes(): Promise<Metric[]> {
  const out: Metric[] = []
  const weapp = join(ROOT, 'dist/weapp')
  if (existsSync(weapp)) {
    const sub = join(weapp, 'staff')
    out.push({ name: 'mini-program main package', value: bytes(weapp, (p) => p === sub) / 1024, unit: 'KB' })
    out.push({ name: 'mini-program staff subpackage', value: bytes(sub) / 1024, unit: 'KB' })
  }
  for (const fn of ['api', 'sweep']) {
    const file = join(ROOT, 'cloudfunctions', fn, 'index.js')
    if (existsSync(file)) out.push({ name: `cloud function ${fn} bundle`, value: statSync(file).size / 1024, unit: 'KB' })
  }
  if (out.length === 0) out.push({ name: 'no builds found (npm run build)', value: 0, unit: '' })
  return out
}
