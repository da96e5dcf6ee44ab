// The embedded database belongs to one process: beside a running `shouwen serve`, any other command
// on the same DATA_DIR is refused with the server named, and `sweep --once` asks that server to sweep
// instead of opening the database itself. Real processes, as an operator's cron would run them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const BIN = resolve(__dirname, '../../bin/shouwen.js')
const dataDir = mkdtempSync(join(tmpdir(), 'shouwen-lock-'))
const env = {
  ...process.env,
  NODE_OPTIONS: '',
  DATA_DIR: dataDir,
  SHOUWEN_DEMO: '1',
  SWEEP_INTERVAL_SECONDS: '0',
  H5_DIR: join(dataDir, 'no-h5'),
  DATABASE_URL: '',
  NODE_ENV: 'test',
}

const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 })

function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((done, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error(`serve did not start: ${out}`)), 60_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /首问通已启动：(http:\/\/[^\s]+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        done({ child, base: m[1]! })
      }
    })
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out}`)))
  })
}

const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)))

afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

jest.setTimeout(180_000)

it('refuses a second opener beside serve, sweeps through the server, and takes over a dead holder’s lock', async () => {
  const { child, base } = await startServer()
  try {
    const port = new URL(base).port
    const lock = JSON.parse(readFileSync(join(dataDir, 'shouwen.lock'), 'utf8'))
    expect(lock).toMatchObject({ pid: child.pid, command: 'serve', port: Number(port) })

    // a citizen's case, acknowledged by the server
    const submitted = await fetch(`${base}/api/submitCase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        hallId: 'demo',
        windowId: 'zxzx',
        kind: 'consult',
        text: '请问办理居住证需要什么材料？',
        requestId: 'lock-test-1',
        contact: { name: '张三', phone: '13912345678' },
      }),
    })
    const cookie = submitted.headers.get('set-cookie')!.split(';')[0]!
    const answer = (await submitted.json()) as { ok: boolean; data: { caseId: string } }
    expect(answer).toMatchObject({ ok: true })
    const caseId = answer.data.caseId

    // any other command on the same DATA_DIR is refused, naming the server
    const migrate = run('migrate')
    expect(migrate.status).toBe(3)
    expect(migrate.stderr).toContain(`进程 ${child.pid}`)
    expect(migrate.stderr).toContain(`端口 ${port}`)

    // sweep --once asks the server: it never opens the database itself
    const sweep = run('sweep', '--once')
    expect(sweep.stderr).toBe('')
    expect(sweep.status).toBe(0)
    expect(sweep.stdout).toContain(`由正在运行的服务完成，进程 ${child.pid}`)

    // the control endpoint wants the token
    const forged = await fetch(`${base}/internal/sweep`, { method: 'POST', headers: { 'x-shouwen-control': 'guess' } })
    expect(forged.status).toBe(403)

    // the case is still there and the server still answers
    const read = await fetch(`${base}/api/getCase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ caseId }),
    })
    expect(read.status).toBe(200)
  } finally {
    // a crash leaves its lock behind
    child.kill('SIGKILL')
    await exited(child)
  }
  expect(existsSync(join(dataDir, 'shouwen.lock'))).toBe(true)
  const after = run('sweep', '--once')
  expect(after.stderr).toBe('')
  expect(after.status).toBe(0)
  expect(after.stdout).toMatch(/^巡检完成：/)
  expect(existsSync(join(dataDir, 'shouwen.lock'))).toBe(false)
})

it('takes over a lock whose process is gone', () => {
  writeFileSync(join(dataDir, 'shouwen.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, command: 'serve', port: 1, startedAt: 'x' }))
  const r = run('migrate')
  expect(r.status).toBe(0)
  expect(r.stdout).toContain('数据库已是最新结构')
})
