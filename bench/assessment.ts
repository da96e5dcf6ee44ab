// A month's assessment (004) for a large hall: 200 staff in 20 windows and 100,000 cases stored, each
// a real state of the case machine (replied on time or late, rated, some bad ratings verified), timed
// through the whole API path as the hall office opens 考核与评价.
import { sql } from 'kysely'
import { createCalendar, formatShanghai } from '../src/core/calendar'
import { applyEvent } from '../src/core/caseMachine'
import type { CaseState } from '../src/core/caseState'
import type { CaseEvent, EventBody } from '../src/core/events'
import { PRESETS } from '../src/core/policy'
import { createApi } from '../src/server/api'
import { serverFiles } from '../src/server/files'
import { caseRow } from '../src/server/store/postgres'
import { withBenchHall } from './hall'
import type { Metric } from './run'

const ctx = { policy: PRESETS['000'], calendar: createCalendar() }
const WINDOWS = 20
const STAFF = 200

/** one case through the machine: submitted, claimed, replied (late when asked), maybe rated */
function story(i: number, windowId: string, staffId: string): CaseState {
  const id = `c_${String(i).padStart(16, '0')}`
  const day = 2 + (i % 27) // 2 … 28 November
  const at = (d: number, h: number) => `2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+08:00`
  let state: CaseState | null = null
  let seq = 0
  const staff = { kind: 'staff', id: staffId, name: staffId, role: 'staff', windowId } as const
  const step = (body: EventBody, when: string, actor: CaseEvent['actor']) => {
    const next = applyEvent(state, { ...body, caseId: id, seq: ++seq, at: when, actor } as CaseEvent, ctx)
    if (!next.ok) throw next.error
    state = next.value
  }
  step(
    {
      type: 'submitted',
      payload: {
        no: `SF-202611${String(day).padStart(2, '0')}-${String(i).padStart(6, '0')}`,
        hallId: 'demo',
        kind: 'consult',
        windowId,
        routedBy: 'windowQr',
        contact: { name: '张三', phone: '13912345678' },
        text: '请问如何办理？',
        attachments: [],
        policy: { presetId: '000', version: 1 },
      },
    } as EventBody,
    at(day, 9),
    { kind: 'citizen', id: `dev:${i}` },
  )
  step({ type: 'claimed', payload: { staffId } } as EventBody, at(day, 10), staff)
  // one in ten replied late: the sweep recorded the breach against the first responder first
  let replyAt = new Date(at(day, 11))
  if (i % 10 === 0) {
    const breach = new Date(ctx.calendar.dueAt(new Date(at(day, 9)), 2).getTime() + 60_000)
    step({ type: 'clockBreached', payload: { clockKind: 'reply', staffId, windowId } } as EventBody, formatShanghai(breach), { kind: 'system', id: 'sweep' })
    replyAt = new Date(breach.getTime() + 3_600_000)
  }
  step({ type: 'replied', payload: { text: '您好，已为您查询并答复。', mode: 'timed' } } as EventBody, formatShanghai(replyAt), staff)
  if (i % 3 === 0) {
    const bad = i % 30 === 0
    const rateAt = new Date(replyAt.getTime() + 3_600_000)
    step(
      { type: 'rated', payload: { level: bad ? 1 : 5, tags: bad ? ['attitude'] : [], text: bad ? '态度不好，很不耐烦' : '', staffId, windowId } } as EventBody,
      formatShanghai(rateAt),
      { kind: 'citizen', id: `dev:${i}` },
    )
    if (bad)
      step(
        { type: 'rectified', payload: { finding: 'verified', measures: '已批评教育' } } as EventBody,
        formatShanghai(new Date(rateAt.getTime() + 3_600_000)),
        { kind: 'staff', id: 'office-xu', name: '徐文', role: 'office', windowId: null },
      )
  }
  return state!
}

export async function benchAssessment(cases = 100_000): Promise<Metric[]> {
  return withBenchHall('assessment', WINDOWS, async (store) => {
    for (let s = 0; s < STAFF; s++) {
      await store.putStaff({
        id: `s${s}`,
        hallId: 'demo',
        windowId: `w${s % WINDOWS}`,
        name: `工作人员${s}`,
        title: '科员',
        post: '受理岗',
        role: 'staff',
        rank: 1,
        phone: '',
        active: true,
      })
    }
    const loadStart = performance.now()
    for (let from = 0; from < cases; from += 1000) {
      const rows = []
      for (let i = from; i < Math.min(cases, from + 1000); i++) {
        const staffId = `s${i % STAFF}`
        const state = story(i, `w${(i % STAFF) % WINDOWS}`, staffId)
        rows.push(caseRow(state, `r${i}`))
      }
      await store.db
        .insertInto('cases')
        .values(rows as never)
        .execute()
    }
    await sql`analyze cases`.execute(store.db)
    const loadMs = performance.now() - loadStart

    const api = createApi({ store, now: () => new Date('2026-12-21T10:00:00+08:00'), demo: true, mode: 'selfHosted', log: () => {}, files: serverFiles(store) })
    const office = { citizenId: null, staffId: 'office-xu' }
    const lead = { citizenId: null, staffId: 's0' }
    const time = async (who: typeof office, windowId?: string) => {
      const t = performance.now()
      const a = await api.call(who, { action: 'assessment', month: '2026-11', ...(windowId ? { windowId } : {}) })
      if (!a.ok) throw new Error(a.error.message)
      return { ms: performance.now() - t, data: a.data as { sheets: Array<{ items: unknown[] }> } }
    }
    await time(office) // warm the cache once, as a hall's server is warm
    const hall = await time(office)
    const one = await time(lead)
    if (hall.data.sheets.length < STAFF) throw new Error(`expected ${STAFF} sheets, got ${hall.data.sheets.length}`)
    const deductions = hall.data.sheets.reduce((n, s) => n + s.items.length, 0)
    return [
      { name: `assessment: loading ${cases.toLocaleString('en')} cases (setup, not the product)`, value: loadMs, unit: 'ms' },
      { name: `assessment: month for ${STAFF} staff, ${cases.toLocaleString('en')} cases (${deductions} deductions)`, value: hall.ms, unit: 'ms' },
      { name: 'assessment: one staff member’s own sheet', value: one.ms, unit: 'ms' },
    ]
  })
}
