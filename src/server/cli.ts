// `shouwen <command>`: the operator's command line (see README "Configuration").
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { formatScene } from '../core/schemas'
import { calendarCommand } from './commands/calendar'
import { cloudCommand } from './commands/cloudDeploy'
import { importHall, setStaffPassword } from './commands/hall'
import { verifyHall } from './audit'
import { DEMO_HALL_ID, demoWindows, seedDemoHall } from './demoHall'
import { writeDemoHistory } from './demoHistory'
import { serverFiles } from './files'
import { createHttpServer } from './http'
import { notifyConfig } from './notify/config'
import { serialized, startScheduler, sweeper, type RunOnce } from './scheduler'
import { dataDirOf, openStoreFromEnv, type OpenedStore } from './store/open'
import { controlToken, DataDirBusy, liveHolder, type LockInfo } from './dataLock'

const ROOT = resolve(__dirname, '../..')
const H5_DIR = resolve(process.env.H5_DIR || join(ROOT, 'dist/h5'))
const production = process.env.NODE_ENV === 'production'

const USAGE = `用法：shouwen <命令>

  start                  演示模式：按需构建 H5，迁移内置数据库，首次运行时写入示范大厅，然后启动服务
  serve [--port N] [--host H]
                         启动自托管服务（H5 页面与 /api），启动时自动迁移数据库
  sweep --once           巡检一次：发出到期提醒、记录超时并通知，发送待发消息（serve 会每分钟自动巡检）；
                         使用内置数据库且服务正在运行时，由该服务在本机完成巡检
  migrate                执行数据库迁移
  seed-demo              写入示范大厅（仅限非生产环境）
  hall import <文件.json> 导入大厅、窗口和工作人员（整份校验通过才写入）
  staff password <编号>  为工作人员设置登录密码（从标准输入读取）
  audit verify [--hall <id>]
                         校验审计日志的哈希链：被修改、删除或插入的记录会被指出（有问题时退出码为 1）
  calendar due <时间> <n> [--hall <id>]
                         计算 n 个工作日后的到期时间（ISO 8601，+08:00）
  calendar year <yyyy> [--hall <id>]
                         列出该年节假日与调休上班日，缺少官方数据时提醒
  cloud deploy --env <环境 ID> [--dry-run] [--prune-indexes]
                         按 src/server/cloud/environment.ts 部署云开发环境：集合及其权限、索引、云存储规则、
                         三个云函数及其配置与定时触发器（先 npm run build:functions；--dry-run 只列计划，不联网）

环境变量：DATA_DIR（内置数据库目录，默认 ./data）、DATABASE_URL（PostgreSQL 服务器）、
PORT、HOST、SESSION_SECRET、PUBLIC_URL、SHOUWEN_DEMO=1（演示模式）、NODE_ENV=production、
SWEEP_INTERVAL_SECONDS（巡检间隔，默认 60，0 为关闭）、NOTIFY_WEBHOOK_URL / NOTIFY_WEBHOOK_SECRET（大厅短信或政务微信网关）、
TRUSTED_PROXY（可信反向代理的地址，逗号分隔，按其 X-Forwarded-For 识别市民地址）、STAFF_SESSION_HOURS（工作人员登录有效小时数，默认 12）、
TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY（cloud deploy 使用的腾讯云 API 密钥）、WX_TEMPLATE_CITIZEN / WX_TEMPLATE_STAFF（cloud deploy 写入云函数的订阅消息模板）`

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

/** the cookie secret: required in production, else kept in the data directory across restarts */
function sessionSecret(): string {
  const given = process.env.SESSION_SECRET
  if (given) {
    if (given.length < 32) fail('SESSION_SECRET 至少需要 32 个字符')
    return given
  }
  if (production) fail('生产环境必须设置 SESSION_SECRET（至少 32 个字符）')
  const dir = dataDirOf(process.env)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'session-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

/** STAFF_SESSION_HOURS: how long a staff sign-in lasts (default 12 hours, at most 30 days) */
function staffSessionHours(): number {
  const hours = Number(process.env.STAFF_SESSION_HOURS ?? 12)
  if (!Number.isFinite(hours) || hours <= 0 || hours > 720) fail(`STAFF_SESSION_HOURS 无效：${process.env.STAFF_SESSION_HOURS}（1 到 720 小时）`)
  return hours
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

/** builds the H5 app when it is missing or older than its sources */
function ensureH5Build() {
  const index = join(H5_DIR, 'index.html')
  const sources = Math.max(...['src/app', 'src/core', 'config'].map((d) => newestMtime(join(ROOT, d))))
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return
  console.log('正在构建 H5 页面（首次约需一两分钟）…')
  const r = spawnSync(join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (r.status !== 0) fail('H5 构建失败')
}

/** the demo hall's months before today, written once when the hall is new (`npm start`, `seed-demo`) */
async function demoHistory(store: OpenedStore) {
  if (process.env.SHOUWEN_DEMO_HISTORY === '0') return
  console.log('正在写入示范大厅近 6 个月的办件记录（仅首次，约半分钟）…')
  const r = await writeDemoHistory(store, serverFiles(store), { until: new Date() })
  console.log(`已写入 ${r.days} 个工作日的 ${r.cases} 件办件、${r.complaints} 件投诉，其中 ${r.breaches} 次超时由巡检记录`)
}

async function serve(args: string[], demo: boolean, history = false) {
  if (production && demo) fail('生产环境不能使用演示模式：请去掉 SHOUWEN_DEMO，并为工作人员设置真实账号')
  const port = Number(flag(args, '--port') ?? process.env.PORT ?? 3000)
  const host = flag(args, '--host') ?? process.env.HOST ?? '127.0.0.1'
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`端口无效：${port}`)
  const every = Number(process.env.SWEEP_INTERVAL_SECONDS ?? 60)
  if (!Number.isFinite(every) || every < 0) fail(`SWEEP_INTERVAL_SECONDS 无效：${process.env.SWEEP_INTERVAL_SECONDS}`)
  const store = await openStoreFromEnv(process.env, 'serve')
  await store.migrate()
  if (demo && (await seedDemoHall(store))) {
    console.log('已写入示范大厅「示范市政务服务中心」')
    if (history) await demoHistory(store)
  }
  const runOnce = serialized(sweeper(store, process.env))
  const token = controlToken()
  const app = await createHttpServer({
    store,
    demo,
    secret: sessionSecret(),
    h5Dir: H5_DIR,
    secureCookies: process.env.COOKIE_SECURE === '1',
    channels: notifyConfig(process.env, 'selfHosted').channels,
    publicUrl: process.env.PUBLIC_URL || undefined,
    trustProxy: (process.env.TRUSTED_PROXY ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    staffSessionHours: staffSessionHours(),
    // the embedded database is this process's alone: `sweep --once` asks here instead of opening it
    control: store.lock ? { token, sweep: runOnce } : undefined,
  })
  const address = await app.listen({ port, host })
  const listening = app.server.address()
  if (store.lock && listening && typeof listening === 'object') store.lock.update({ host: listening.address, port: listening.port, token })
  const base = (process.env.PUBLIC_URL || address.replace('[::1]', 'localhost')).replace(/\/$/, '')
  console.log(`首问通已启动：${base}`)
  if (demo) {
    console.log('\n市民扫码入口（每个窗口一个二维码链接）：')
    for (const w of demoWindows()) {
      const scene = encodeURIComponent(formatScene({ hallId: DEMO_HALL_ID, windowId: w.id }))
      console.log(`  ${w.name}：${base}/#/pages/entry/index?scene=${scene}`)
    }
    console.log(`\n工作人员演示登录：${base}/#/staff/login/index`)
  } else {
    console.log(`工作人员登录：${base}/#/staff/login/index（二维码和海报在政务服务科的「二维码与海报」中生成）`)
  }
  const stopSweeps = every > 0 ? startScheduler(runOnce, every * 1000, (m, e) => console.log(m, e ?? '')) : () => {}
  const stop = async () => {
    stopSweeps()
    await app.close()
    await store.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

type SweepResult = Awaited<ReturnType<RunOnce>>

/** asks the running server (which holds the embedded database) to sweep, over its local control endpoint */
async function askServer(holder: LockInfo): Promise<SweepResult> {
  if (!holder.port || !holder.token) throw new DataDirBusy(dataDirOf(process.env), holder)
  const host = !holder.host || holder.host === '0.0.0.0' || holder.host === '::' ? '127.0.0.1' : holder.host
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${holder.port}/internal/sweep`
  const res = await fetch(url, { method: 'POST', headers: { 'x-shouwen-control': holder.token }, signal: AbortSignal.timeout(10 * 60_000) })
  const body = (await res.json().catch(() => null)) as { ok: boolean; data?: SweepResult; error?: { message: string } } | null
  if (!res.ok || !body?.ok || !body.data) throw new Error(`正在运行的服务（进程 ${holder.pid}）没有完成巡检：${body?.error?.message ?? `HTTP ${res.status}`}`)
  return body.data
}

/**
 * One sweep by hand. With DATABASE_URL it runs here (the sweep is safe beside running servers). On
 * the embedded database it runs here only when no other process has DATA_DIR open; beside
 * `shouwen serve` it asks that server to sweep.
 */
async function sweepOnce(): Promise<{ report: SweepResult; via: string }> {
  if (!process.env.DATABASE_URL) {
    const holder = liveHolder(dataDirOf(process.env))
    if (holder?.command === 'serve') return { report: await askServer(holder), via: `（由正在运行的服务完成，进程 ${holder.pid}）` }
  }
  let store: OpenedStore
  try {
    store = await openStoreFromEnv(process.env, 'sweep')
  } catch (e) {
    // the server started between the look and the open
    if (e instanceof DataDirBusy && e.holder.command === 'serve')
      return { report: await askServer(e.holder), via: `（由正在运行的服务完成，进程 ${e.holder.pid}）` }
    throw e
  }
  try {
    await store.migrate()
    return { report: await sweeper(store, process.env)(), via: '' }
  } finally {
    await store.close()
  }
}

async function main(argv: string[]) {
  const [command, ...args] = argv
  switch (command) {
    case 'start':
      if (production) fail('npm start 运行的是示范大厅；生产环境请使用 shouwen serve')
      ensureH5Build()
      return serve(args, true, true)
    case 'serve':
      return serve(args, process.env.SHOUWEN_DEMO === '1')
    case 'sweep': {
      if (args[0] !== '--once') fail('用法：shouwen sweep --once')
      const result = await sweepOnce()
      const { sweep, delivery } = result.report
      console.log(
        `巡检完成${result.via}：查看 ${sweep.cases} 件，提醒 ${sweep.reminders}，超时 ${sweep.breaches}；消息发送 ${delivery.sent}，跳过 ${delivery.skipped}，待重试 ${delivery.retried}，失败 ${delivery.failed}`,
      )
      return
    }
    case 'migrate': {
      const store = await openStoreFromEnv(process.env, 'migrate')
      await store.migrate()
      await store.close()
      console.log('数据库已是最新结构')
      return
    }
    case 'seed-demo': {
      if (production) fail('生产环境不能写入示范大厅')
      const store = await openStoreFromEnv(process.env, 'seed-demo')
      await store.migrate()
      const seeded = await seedDemoHall(store)
      if (seeded) await demoHistory(store)
      await store.close()
      console.log(seeded ? '已写入示范大厅' : '示范大厅已存在，未做改动')
      return
    }
    case 'hall': {
      if (args[0] !== 'import' || !args[1]) fail('用法：shouwen hall import <文件.json>')
      const store = await openStoreFromEnv(process.env, 'hall import')
      await store.migrate()
      process.exitCode = await importHall(store, args[1], { out: console.log, err: console.error })
      await store.close()
      return
    }
    case 'staff': {
      if (args[0] !== 'password' || !args[1]) fail('用法：echo <密码> | shouwen staff password <工作人员编号>')
      const password = readFileSync(0, 'utf8').replace(/\r?\n$/, '')
      const store = await openStoreFromEnv(process.env, 'staff password')
      await store.migrate()
      process.exitCode = await setStaffPassword(store, args[1], password, { out: console.log, err: console.error })
      await store.close()
      return
    }
    case 'audit': {
      if (args[0] !== 'verify') fail('用法：shouwen audit verify [--hall <大厅编号>]')
      const store = await openStoreFromEnv(process.env, 'audit verify')
      await store.migrate()
      const only = flag(args, '--hall')
      const halls = only ? [only] : (await store.listHalls()).map((h) => h.id)
      let broken = false
      for (const hallId of halls) {
        const v = await verifyHall(store, hallId)
        if (v.ok) console.log(`${hallId}：审计日志完整，共 ${v.entries} 条`)
        else {
          broken = true
          console.error(`${hallId}：审计日志第 ${v.seq} 条有问题：${v.reason}`)
        }
      }
      await store.close()
      process.exitCode = broken ? 1 : 0
      return
    }
    case 'calendar': {
      let store: Awaited<ReturnType<typeof openStoreFromEnv>> | null = null
      const code = await calendarCommand(args, {
        out: (line) => console.log(line),
        err: (line) => console.error(line),
        loadOverrides: async (hallId) => {
          store ??= await openStoreFromEnv(process.env, 'calendar')
          await store.migrate()
          if (!(await store.getHall(hallId))) throw new Error(`找不到大厅：${hallId}`)
          return store.listCalendarOverrides(hallId)
        },
      })
      if (store) await (store as { close(): Promise<void> }).close()
      process.exitCode = code
      return
    }
    case 'cloud':
      process.exitCode = await cloudCommand(args, { root: ROOT, env: process.env, out: (line) => console.log(line), err: (line) => console.error(line) })
      return
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE)
      return
    default:
      console.error(`未知命令：${command}\n`)
      console.error(USAGE)
      process.exit(2)
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  // a data directory in use is the operator's to sort out, like a bad argument
  process.exit(e instanceof DataDirBusy ? 3 : 1)
})
