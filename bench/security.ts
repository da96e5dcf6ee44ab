// The sign-in throttle and the abuse limits, measured through the real HTTP server on the embedded
// database: what an attacker guessing a password, or flooding submits from one address, gets.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { createHttpServer } from '../src/server/http'
import { hashPassword } from '../src/server/password'
import { withBenchHall } from './hall'
import type { Metric } from './run'

export async function benchSecurity(): Promise<Metric[]> {
  return withBenchHall('security', 0, async (store) => {
    const li = (await store.getStaff('bdc-li'))!
    await store.putStaff(li, { login: 'lixm', passwordHash: await hashPassword('right-password') })
    const app = await createHttpServer({ store, demo: true, secret: randomBytes(32).toString('hex'), h5Dir: mkdtempSync(join(tmpdir(), 'shouwen-h5-')) })
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    let cookie = ''
    const post = async (action: string, body: unknown, keep = false) => {
      const res = await fetch(`${base}/api/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(keep && cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      })
      if (keep) cookie ||= res.headers.get('set-cookie')?.split(';')[0] ?? ''
      return res.status
    }
    try {
      // 60 wrong passwords for one account, as fast as they can be sent
      const guesses: number[] = []
      const t0 = performance.now()
      // one browser session guessing (a cookie-less guesser is held by the same account lock)
      for (let i = 0; i < 60; i++) guesses.push(await post('login', { hallId: 'demo', login: 'lixm', password: `guess-${i}` }, true))
      const guessMs = performance.now() - t0
      const tried = guesses.filter((s) => s === 401).length
      const lockedAfter = guesses.indexOf(429)
      const rightWhileLocked = await post('login', { hallId: 'demo', login: 'lixm', password: 'right-password' }, true)

      // 100 submits from one address, each without a cookie (a fresh citizen every time)
      const submits: number[] = []
      for (let i = 0; i < 100; i++) {
        submits.push(
          await post('submitCase', {
            hallId: 'demo',
            windowId: 'bdc',
            kind: 'consult',
            contact: { name: '张三', phone: '13912345678' },
            text: '请问二手房过户要带什么材料？',
            requestId: randomBytes(8).toString('hex'),
          }),
        )
      }
      const accepted = submits.filter((s) => s === 200).length
      const limited = submits.filter((s) => s === 429).length
      console.log(`60 wrong passwords: ${tried} accepted attempts, then locked (the right password is refused too: HTTP ${rightWhileLocked})`)
      console.log(`100 submits from one address: ${accepted} accepted, rest RATE_LIMITED (${limited})`)
      return [
        { name: '60 wrong passwords: attempts checked before the lock', value: tried, unit: 'attempts' },
        { name: '60 wrong passwords: first refused as locked (attempt no.)', value: lockedAfter + 1, unit: '' },
        { name: '60 wrong passwords: total time', value: guessMs, unit: 'ms' },
        { name: '100 submits from one address without cookies: accepted', value: accepted, unit: 'cases' },
        { name: '100 submits from one address without cookies: RATE_LIMITED', value: limited, unit: 'calls' },
      ]
    } finally {
      await app.close()
    }
  })
}
