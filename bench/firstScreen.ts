// The citizen's first screen after a scan, as a phone on a poor mobile link sees it: Debian's Chromium
// (through playwright-core) with the network throttled through CDP to 1.6 Mbit/s and 300 ms latency,
// opening a window's QR link on the self-hosted server (dist/h5, the demo hall). Reported: the bytes
// that came over the wire before the first contentful paint, the time until the hall's name shows,
// and the time until the consult form can be typed into (its textarea there and enabled); then the
// same link again with the browser's cache, as a second scan by the same phone.
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core'
import { seedDemoHall } from '../src/server/demoHall'
import { createHttpServer } from '../src/server/http'
import { openPostgresStore } from '../src/server/store/postgres'
import type { Metric } from './run'

const ROOT = resolve(__dirname, '..')
const H5 = join(ROOT, 'dist/h5')
/** a poor 3G-like link: 1.6 Mbit/s down (and up), 300 ms added to every response */
export const SLOW_LINK = { offline: false, latency: 300, downloadThroughput: 1_600_000 / 8, uploadThroughput: 1_600_000 / 8 }
const RUNS = Number(process.env.BENCH_FIRST_SCREEN_RUNS ?? 3)

interface Visit {
  /** bytes received (encoded, as on the wire) before the first contentful paint */
  bytesToFcp: number
  /** every byte received until the form was usable */
  bytesToForm: number
  fcpMs: number
  /** the hall's name on the screen (the splash's or the page's) */
  hallNameMs: number
  /** the consult textarea there, visible and enabled */
  formMs: number
  requests: number
}

/** wire bytes per CDP timestamp, to add up what came before a moment of the page's clock */
async function recordBytes(cdp: CDPSession) {
  const chunks: Array<{ t: number; bytes: number }> = []
  const finished = new Map<string, number>()
  const partial = new Map<string, number>()
  let offset: number | null = null // wall seconds − CDP monotonic seconds
  cdp.on('Network.requestWillBeSent', (e) => {
    offset ??= e.wallTime - e.timestamp
  })
  cdp.on('Network.dataReceived', (e) => {
    chunks.push({ t: e.timestamp, bytes: e.encodedDataLength })
    partial.set(e.requestId, (partial.get(e.requestId) ?? 0) + e.encodedDataLength)
  })
  cdp.on('Network.loadingFinished', (e) => {
    // headers and whatever dataReceived did not itemise arrive with the end of the response
    const rest = Math.max(0, e.encodedDataLength - (partial.get(e.requestId) ?? 0))
    chunks.push({ t: e.timestamp, bytes: rest })
    finished.set(e.requestId, e.encodedDataLength)
  })
  await cdp.send('Network.enable')
  return {
    /** bytes received up to a wall-clock time in ms */
    until(wallMs: number) {
      if (offset === null) return 0
      const t = wallMs / 1000 - offset
      return chunks.filter((c) => c.t <= t).reduce((n, c) => n + c.bytes, 0)
    },
    requests: () => finished.size,
  }
}

async function visit(page: Page, cdp: CDPSession, url: string): Promise<Visit> {
  const bytes = await recordBytes(cdp)
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINK)
  await page.goto(url, { waitUntil: 'commit' })
  // the page's own clock: ms since navigation started
  const hallNameMs = await page.waitForFunction(
    () => {
      const el = document.querySelector('.hero__hall, .splash__hall')
      return el && el.textContent && el.textContent.trim().length > 0 ? performance.now() : false
    },
    undefined,
    { timeout: 60_000, polling: 'raf' },
  )
  const formMs = await page.waitForFunction(
    () => {
      const t = document.querySelector('textarea')
      return t && !t.disabled && t.getClientRects().length > 0 ? performance.now() : false
    },
    undefined,
    { timeout: 60_000, polling: 'raf' },
  )
  const at = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]
    return { origin: performance.timeOrigin, fcp: fcp ? fcp.startTime : NaN, now: performance.now() }
  })
  const form = Number(await formMs.jsonValue())
  return {
    bytesToFcp: bytes.until(at.origin + at.fcp),
    bytesToForm: bytes.until(at.origin + form),
    fcpMs: at.fcp,
    hallNameMs: Number(await hallNameMs.jsonValue()),
    formMs: form,
    requests: bytes.requests(),
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function measureFirstScreen(base: string, browser: Browser, runs = RUNS): Promise<{ cold: Visit[]; warm: Visit[] }> {
  const url = `${base}/#/pages/entry/index?scene=${encodeURIComponent('h=demo&w=bdc')}`
  const cold: Visit[] = []
  const warm: Visit[] = []
  for (let i = 0; i < runs; i++) {
    // a phone that never opened the hall's page: a fresh profile, nothing cached
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN', isMobile: true, hasTouch: true })
    try {
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      cold.push(await visit(page, cdp, url))
      // the same phone scanning again: a new tab, the browser's cache kept
      const again = await context.newPage()
      warm.push(await visit(again, await context.newCDPSession(again), url))
    } finally {
      await context.close()
    }
  }
  return { cold, warm }
}

export async function benchFirstScreen(): Promise<Metric[]> {
  if (!existsSync(join(H5, 'index.html'))) return [{ name: 'first screen: no H5 build (npm run build:h5)', value: 0, unit: '' }]
  const dir = mkdtempSync(join(tmpdir(), 'shouwen-bench-first-'))
  const store = await openPostgresStore({ dataDir: dir })
  await store.migrate()
  await seedDemoHall(store)
  const app = await createHttpServer({ store, demo: true, secret: 'bench-secret-bench-secret-bench-0000', h5Dir: H5 })
  const base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '')
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
  })
  try {
    const { cold, warm } = await measureFirstScreen(base, browser)
    const m = (xs: Visit[], k: keyof Visit) => median(xs.map((x) => x[k]))
    const link = '1.6 Mbit/s, 300 ms'
    return [
      { name: `first screen (${link}): bytes before first contentful paint`, value: m(cold, 'bytesToFcp') / 1024, unit: 'KB' },
      { name: `first screen (${link}): first contentful paint`, value: m(cold, 'fcpMs'), unit: 'ms' },
      { name: `first screen (${link}): hall's name on screen`, value: m(cold, 'hallNameMs'), unit: 'ms' },
      { name: `first screen (${link}): consult form usable`, value: m(cold, 'formMs'), unit: 'ms' },
      { name: `first screen (${link}): bytes until the form is usable`, value: m(cold, 'bytesToForm') / 1024, unit: 'KB' },
      { name: `first screen (${link}): requests until the form is usable`, value: m(cold, 'requests'), unit: '' },
      { name: `second scan, cached (${link}): bytes until the form is usable`, value: m(warm, 'bytesToForm') / 1024, unit: 'KB' },
      { name: `second scan, cached (${link}): consult form usable`, value: m(warm, 'formMs'), unit: 'ms' },
    ]
  } finally {
    await browser.close()
    await app.close()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
