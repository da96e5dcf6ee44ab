// Starts the self-hosted server on a free port with a fresh embedded database in demo mode, and
// opens headless Chromium (Debian's package) at phone size.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

const ROOT = resolve(__dirname, '../..')
export const SHOTS = join(ROOT, 'test-results')

export interface Running {
  base: string
  stop(): Promise<void>
}

/** `shouwen <args>` on the server's data directory, as an operator runs it; its output, or a thrown error */
export function operator(dataDir: string, args: string[], input?: string): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/shouwen.js'), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, SHOUWEN_DEMO: '', NODE_OPTIONS: '' },
    input,
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`shouwen ${args.join(' ')} exited with ${run.status}:\n${run.stdout}${run.stderr}`)
  return run.stdout
}

/**
 * The server on a fresh embedded database: the demo hall by default, or (demo: false) a real hall the
 * operator set up on the command line first with `prepare`.
 */
export async function startServer(opts: { demo?: boolean; prepare?: (dataDir: string) => void } = {}): Promise<Running> {
  if (!existsSync(join(ROOT, 'dist/h5/index.html'))) throw new Error('build the H5 app first: npm run build:h5')
  const dataDir = mkdtempSync(join(tmpdir(), 'shouwen-e2e-'))
  opts.prepare?.(dataDir)
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/shouwen.js'), 'serve', '--port', '0'], {
    env: { ...process.env, DATA_DIR: dataDir, SHOUWEN_DEMO: opts.demo === false ? '' : '1', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const base = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60_000)
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      const m = /首问通已启动：(http:\/\/\S+)/.exec(log)
      if (m) {
        clearTimeout(timer)
        resolveUrl(m[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)))
  })
  return {
    base,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/** a phone: 375×812 at 2× */
export const phone = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN', isMobile: true, hasTouch: true })

/** answers the confirmation an irreversible action asks first (src/app/lib/confirm.ts) with its button */
export async function confirmDialog(page: Page, button: string) {
  await page.locator('.taro-modal__foot').getByText(button, { exact: true }).click()
}

export async function shot(page: Page, name: string) {
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

/**
 * The server in this process on a fresh embedded database, so a test can run the sweep on the same
 * store at a later time, as the timer would.
 */
export async function startInProcess(): Promise<Running & { store: import('../../src/server/store/port').Store }> {
  const { openPostgresStore } = await import('../../src/server/store/postgres')
  const { seedDemoHall } = await import('../../src/server/demoHall')
  const { createHttpServer } = await import('../../src/server/http')
  const dataDir = mkdtempSync(join(tmpdir(), 'shouwen-e2e-'))
  const store = await openPostgresStore({ dataDir })
  await store.migrate()
  await seedDemoHall(store)
  const app = await createHttpServer({ store, demo: true, secret: 'e2e-secret-e2e-secret-e2e-secret-00', h5Dir: join(ROOT, 'dist/h5') })
  const base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '')
  return {
    base,
    store,
    async stop() {
      await app.close()
      await store.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface DemoHall<R extends Running = Running> {
  readonly server: R
  readonly browser: Browser
  /** a new phone signed in as the named demo staff member, on their queue */
  signIn(name: string): Promise<Page>
  /** a citizen's phone that scanned the window's code and sent a consult; with the case number */
  consult(windowId: string, contact: { name: string; phone: string }, text: string): Promise<{ page: Page; no: string }>
}

/**
 * The demo hall on its own server and a browser, for one test file. `start` starts another server:
 * `startInProcess` when the test runs the sweep on the hall's store, or a hall the operator set up.
 */
export function demoHall<R extends Running = Running>(start: () => Promise<R> = () => startServer() as Promise<R>): DemoHall<R> {
  let server: R | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await start()
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  const hall: DemoHall<R> = {
    get server() {
      return server!
    },
    get browser() {
      return browser!
    },
    async signIn(name) {
      const page = await (await phone(hall.browser)).newPage()
      await page.goto(`${hall.server.base}/#/staff/login/index`)
      await page.locator('.choice__name', { hasText: name }).click()
      await page.locator('.hero__window').waitFor()
      return page
    },
    async consult(windowId, contact, text) {
      const page = await (await phone(hall.browser)).newPage()
      await page.goto(`${hall.server.base}/#/pages/entry/index?scene=${encodeURIComponent(`h=demo&w=${windowId}`)}`)
      const inputs = page.locator('.field__input input, input.field__input')
      await inputs.nth(0).fill(contact.name)
      await inputs.nth(1).fill(contact.phone)
      await page.locator('textarea').fill(text)
      await page.getByText('提交咨询').click()
      return { page, no: (await page.locator('.case-head__no').textContent())! }
    },
  }
  return hall
}
