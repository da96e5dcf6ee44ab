// jest globalSetup: the mini-program and cloud-function tests run against the BUILT outputs, so
// `npm test` on a fresh clone builds them first (and again when the sources are newer).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(__dirname, '../..')
const APP_SOURCES = ['src/app', 'src/core', 'config', 'babel.config.js']

function newest(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs)
}

function stale(output: string, sources: string[]): boolean {
  const out = join(ROOT, output)
  if (!existsSync(out)) return true
  return Math.max(...sources.filter((s) => existsSync(join(ROOT, s))).map((s) => newest(join(ROOT, s)))) > statSync(out).mtimeMs
}

/** the environment of a build started from jest: jest sets NODE_ENV=test, and babel-preset-taro then
 * emits CommonJS for node (no tree shaking: zod alone grows the main package past 1 MB), so the
 * build gets the environment of `npm run build:*` instead */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' }
  delete env.NODE_ENV
  delete env.BABEL_ENV
  return env
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** one build of a target at a time: a second jest run waits for the first instead of emptying
 * dist/<type> under its feet (Taro cleans the output directory when it starts) */
function withBuildLock(name: string, build: () => void) {
  const lock = join(ROOT, 'dist', `.${name}.lock`)
  mkdirSync(join(ROOT, 'dist'), { recursive: true })
  const deadline = Date.now() + 10 * 60_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // a lock older than ten minutes was left by a build that died
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true })
      if (Date.now() > deadline) throw new Error(`waited too long for another build of ${name} (${lock})`)
      sleep(500)
    }
  }
  try {
    build()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** builds the Taro app for one platform when dist/<type> is missing or older than its sources */
export function ensureAppBuild(type: 'weapp' | 'h5') {
  const marker = type === 'weapp' ? 'dist/weapp/app.js' : 'dist/h5/index.html'
  if (!stale(marker, APP_SOURCES)) return
  withBuildLock(type, () => {
    if (!stale(marker, APP_SOURCES)) return // built by the run we waited for
    console.log(`\nbuilding the ${type === 'weapp' ? 'mini-program' : 'H5 app'} (dist/${type}) for its tests…`)
    execFileSync(join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', type], { cwd: ROOT, stdio: 'ignore', env: buildEnv() })
  })
}

export default function ensureBuilds() {
  ensureAppBuild('weapp')
  const functionsStale = () => ['api', 'sweep', 'setup'].some((f) => stale(`cloudfunctions/${f}/index.js`, ['src/server', 'src/core']))
  if (functionsStale()) {
    withBuildLock('functions', () => {
      if (!functionsStale()) return
      console.log('building the cloud functions for their tests…')
      execFileSync(process.execPath, [join(ROOT, 'scripts/build-functions.mjs')], { cwd: ROOT, stdio: 'ignore', env: buildEnv() })
    })
  }
}
