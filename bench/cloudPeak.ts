// The morning peak on CloudBase: 50 citizens submitting and 10 staff of one window claiming and
// replying, all at once, on the faithful stand-in (tests/support/fakeCloudDb.ts) with a fixed latency
// on every database call. What it shows: no INTERNAL error, every acknowledged write there afterwards,
// how long each action took and how many transaction retries the write conflicts cost.
import type { ActionInput, ActionName, ApiAnswer } from '../src/core/api'
import type { ActionOutputs } from '../src/core/views'
import { seedDemoHall } from '../src/server/demoHall'
import type { Identity } from '../src/server/identity'
import { createCloudbaseStore } from '../src/server/store/cloudbase'
import { transactionStats } from '../src/server/store/cloudbase/db'
import { rid, testApi } from '../tests/support/api'
import { FakeCloudDb } from '../tests/support/fakeCloudDb'
import type { Metric } from './run'

const wx = (openid: string): Identity => ({ citizenId: `wx:${openid}`, staffId: null, openid })
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0
}

export async function benchCloudPeak(citizens = 50, staffCount = 10, latencyMs = 20): Promise<Metric[]> {
  const db = new FakeCloudDb()
  const store = createCloudbaseStore(db)
  await store.migrate()
  await seedDemoHall(store)
  const template = (await store.getStaff('bdc-li'))!
  const staffIds = Array.from({ length: staffCount }, (_, i) => `bdc-peak-${i}`)
  for (const id of staffIds) await store.putStaff({ ...template, id, name: `窗口人员${id.slice(-1)}` }, { openid: `openid-${id}` })
  db.latencyMs = latencyMs
  const api = testApi({ store, mode: 'cloud', now: () => new Date('2026-11-23T09:00:00+08:00') })

  const times = new Map<string, number[]>()
  const errors = new Map<string, number>()
  async function call<A extends ActionName>(who: Identity, action: A, input: ActionInput<A>): Promise<ApiAnswer<ActionOutputs[A]>> {
    const t = performance.now()
    const answer = (await api.call(who, action, input)) as ApiAnswer<ActionOutputs[A]>
    times.set(action, [...(times.get(action) ?? []), performance.now() - t])
    if (!answer.ok) errors.set(`${action} ${answer.error.code}`, (errors.get(`${action} ${answer.error.code}`) ?? 0) + 1)
    return answer
  }

  const before = { ...transactionStats }
  const conflictsBefore = db.stats.conflicts
  const submitted: string[] = []
  const claimed = new Map<string, string>()
  const replied = new Map<string, string>()
  let submitting = citizens
  const started = performance.now()

  const citizen = async (i: number) => {
    const a = await call(wx(`peak-citizen-${i}`), 'submitCase', {
      hallId: 'demo',
      windowId: 'bdc',
      kind: 'consult',
      contact: { name: '张三', phone: '13912345678' },
      text: `请问二手房过户需要哪些材料？（第 ${i + 1} 位）`,
      attachments: [],
      requestId: rid(),
    })
    if (a.ok) submitted.push(a.data.caseId)
    submitting--
  }
  const staff = async (id: string) => {
    const me = wx(`openid-${id}`)
    for (let idle = 0; idle < 50;) {
      const queue = await call(me, 'staffQueue', {})
      if (!queue.ok) break
      const open = queue.data.unclaimed
      if (open.length === 0) {
        if (submitting === 0) break
        idle++
        await new Promise((r) => setTimeout(r, latencyMs))
        continue
      }
      // staff pick different cases, as people looking at one list do, and sometimes the same one
      const pick = open[Math.floor(Math.random() * Math.min(open.length, 3))]!
      const claim = await call(me, 'claimCase', { caseId: pick.id, requestId: rid() })
      if (!claim.ok) continue // someone else was quicker: CONFLICT, and the next case
      claimed.set(pick.id, me.staffId ?? id)
      const reply = await call(me, 'replyCase', { caseId: pick.id, text: '请携带身份证、不动产权证书和买卖合同。', mode: 'timed', requestId: rid() })
      if (reply.ok) replied.set(pick.id, id)
    }
  }
  await Promise.all([...Array.from({ length: citizens }, (_, i) => citizen(i)), ...staffIds.map((id) => staff(id))])
  const wall = performance.now() - started
  db.latencyMs = 0

  // every acknowledged write is there
  let missing = 0
  for (const caseId of submitted) {
    const state = await store.getCaseState(caseId)
    if (!state) missing++
    else if (replied.has(caseId) && (state.status !== 'replied' || !state.handlerId)) missing++
  }
  const internal = [...errors].filter(([k]) => k.endsWith(' INTERNAL')).reduce((n, [, v]) => n + v, 0)
  if (internal > 0) console.error('INTERNAL errors at the peak:', Object.fromEntries(errors))
  if (internal > 0 || missing > 0 || submitted.length !== citizens) process.exitCode = 1

  const out: Metric[] = [
    { name: `${citizens} citizens + ${staffCount} staff at once, ${latencyMs} ms a call: wall time`, value: wall, unit: 'ms' },
    { name: 'INTERNAL errors', value: internal, unit: 'errors' },
    { name: 'cases acknowledged / submitted', value: submitted.length, unit: `of ${citizens}` },
    { name: 'cases claimed and replied', value: replied.size, unit: `of ${submitted.length}` },
    { name: 'acknowledged writes missing afterwards', value: missing, unit: 'writes' },
    { name: 'claims lost to a quicker colleague (CONFLICT, expected)', value: errors.get('claimCase CONFLICT') ?? 0, unit: 'answers' },
    { name: 'transactions run', value: transactionStats.runs - before.runs, unit: 'transactions' },
    { name: 'retries after a write conflict', value: transactionStats.retries - before.retries, unit: 'retries' },
    { name: 'transactions given up after the last retry', value: transactionStats.gaveUp - before.gaveUp, unit: 'transactions' },
    { name: 'write conflicts the stand-in raised', value: db.stats.conflicts - conflictsBefore, unit: 'conflicts' },
  ]
  for (const action of ['submitCase', 'staffQueue', 'claimCase', 'replyCase']) {
    const xs = times.get(action) ?? []
    out.push(
      { name: `${action}: p50`, value: percentile(xs, 50), unit: 'ms' },
      { name: `${action}: p95 (of ${xs.length})`, value: percentile(xs, 95), unit: 'ms' },
    )
  }
  for (const [name, n] of db.stats.conflictsBy) out.push({ name: `  of them on ${name}`, value: n, unit: 'conflicts' })
  for (const [k, v] of errors) if (k !== 'claimCase CONFLICT') out.push({ name: `other answers: ${k}`, value: v, unit: 'answers' })
  return out
}
