// The embedded database (PGlite) is one process's database: a second process opening the same data
// directory reads pages the first is still writing and corrupts it. So whoever opens DATA_DIR takes
// a lock file there first (pid, and for `serve` its port and a token for the local control
// endpoint); a second opener is refused with the name of the holder. A lock left by a process that
// died (kill -9, power loss) is taken over: its pid no longer runs.
import { randomBytes } from 'node:crypto'
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export const LOCK_FILE = 'shouwen.lock'

export interface LockInfo {
  pid: number
  /** what holds it: `serve`, `sweep`, `migrate` … */
  command: string
  startedAt: string
  /** `serve` only: where it listens, and the token its local control endpoint asks for */
  host?: string
  port?: number
  token?: string
}

export class DataDirBusy extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
  ) {
    super(busyMessage(dir, holder))
  }
}

function busyMessage(dir: string, h: LockInfo): string {
  const who = h.command === 'serve' && h.port ? `首问通服务（进程 ${h.pid}，端口 ${h.port}）` : `命令 ${h.command}（进程 ${h.pid}）`
  return `数据目录 ${dir} 正被${who}使用。内置数据库同一时间只能由一个进程打开：请先停止它，或改用 DATABASE_URL 连接 PostgreSQL 服务器。`
}

const alive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
  } catch (e) {
    // EPERM: it runs, under another user
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  // after a reboot the pid may belong to something else: on Linux, a holder is a Node process
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node')
  } catch {
    return true
  }
}

export function readLock(dir: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockInfo
    return typeof info.pid === 'number' ? info : null
  } catch {
    return null
  }
}

/** the lock's holder if it still runs, else null */
export function liveHolder(dir: string): LockInfo | null {
  const info = readLock(dir)
  return info && alive(info.pid) ? info : null
}

export interface DataDirLock {
  readonly info: LockInfo
  /** records where `serve` listens (and its control token) for `sweep --once` */
  update(patch: Partial<Pick<LockInfo, 'host' | 'port' | 'token'>>): void
  release(): void
}

/** takes the data directory's lock or throws DataDirBusy naming the process that holds it */
export function lockDataDir(dir: string, command: string): DataDirLock {
  const file = join(dir, LOCK_FILE)
  let info: LockInfo = { pid: process.pid, command, startedAt: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      // 'wx' creates the file only if it does not exist: of two openers exactly one succeeds
      const fd = openSync(file, 'wx', 0o600)
      writeSync(fd, JSON.stringify(info))
      closeSync(fd)
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw e
      const holder = readLock(dir)
      if (holder && holder.pid !== process.pid && alive(holder.pid)) throw new DataDirBusy(dir, holder)
      if (!holder) {
        // being written this instant, or garbage: look again shortly, then take it over
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)
        if (attempt < 2 && readLock(dir)) continue
      }
      // stale: its process is gone. Moved aside first, so two takers cannot both remove and create.
      const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`
      try {
        renameSync(file, aside)
        rmSync(aside, { force: true })
      } catch {
        /* another taker moved it first; try again */
      }
    }
  }
  let released = false
  const release = () => {
    if (released) return
    released = true
    process.removeListener('exit', release)
    const current = readLock(dir)
    if (current?.pid === process.pid) rmSync(file, { force: true })
  }
  process.on('exit', release)
  return {
    get info() {
      return info
    },
    update(patch) {
      info = { ...info, ...patch }
      const tmp = `${file}.${process.pid}.tmp`
      writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 })
      renameSync(tmp, file)
    },
    release,
  }
}

/** a fresh token for the local control endpoint */
export const controlToken = () => randomBytes(32).toString('base64url')
