// jest globalSetup: the mini-program and cloud-function tests run against the BUILT outputs, so
// `npm test` on a fresh clone builds them first (and again when the sources are newer).
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(__dirname, '../..')

function newest(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs)
}

function stale(output: string, sources: string[]): boolean {
  const out = join(ROOT, output)
  if (!existsSync(out)) return true
  return Math.max(...sources.map((s) => newest(join(ROOT, s)))) > statSync(out).mtimeMs
}

export default function ensureBuilds() {
  if (stale('dist/weapp/app.js', ['src/app', 'src/core', 'config'])) {
    console.log('\nbuilding the mini-program (dist/weapp) for its tests…')
    execFileSync(join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: '' } })
  }
  if (stale('cloudfunctions/api/index.js', ['src/server', 'src/core'])) {
    console.log('building the cloud functions for their tests…')
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-functions.mjs')], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: '' } })
  }
}
