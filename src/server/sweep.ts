// The sweep (docs/DESIGN.md "Clocks"): finds the cases whose next reminder or due time has come through
// the next-action index — never by reading all cases — and records what src/core/sweep.ts says is
// due as events of the system, with their notifications, in one transaction per case. Run it again,
// or twice at once: an event is appended only at the version it was decided on, and a clock's
// reminder or breach is refused by the state machine once recorded, so nothing happens twice.
import { formatShanghai } from '../core/calendar'
import { applyEvent } from '../core/caseMachine'
import type { CaseEvent } from '../core/events'
import { notificationsFor } from '../core/notification'
import { nextActionTime, sweepEvents } from '../core/sweep'
import { sweepComplaint, withNextAction } from '../core/complaintMachine'
import { loadDirectory, type Directory } from './directory'
import { loadHallContext, type HallContext } from './hallContext'
import type { Channel, Store } from './store/port'

export interface SweepReport {
  /** cases looked at */
  cases: number
  /** complaints looked at (their 15-working-day limit, 002 限时办结 §7) */
  complaints: number
  reminders: number
  breaches: number
  /** cases another writer changed meanwhile; they are looked at again next time */
  conflicts: number
  /** the time budget ran out: what is left is due still and the next run takes it */
  unfinished: boolean
}

export interface SweepOptions {
  now: Date
  channels?: Channel[]
  /** cases per query; the sweep pages through all that are due */
  batch?: number
  /** at most this many cases per run, so a run stays within a cloud function's time */
  maxCases?: number
  /** stop taking new cases after this many milliseconds of real time (the cloud function's timeout) */
  budgetMs?: number
}

export async function runSweep(store: Store, opts: SweepOptions): Promise<SweepReport> {
  const report: SweepReport = { cases: 0, complaints: 0, reminders: 0, breaches: 0, conflicts: 0, unfinished: false }
  const started = Date.now()
  // real time, whatever `now` says: the budget is the function's own running time
  const outOfTime = () => (opts.budgetMs !== undefined && Date.now() - started > opts.budgetMs ? (report.unfinished = true) : false)
  const until = formatShanghai(opts.now)
  const batch = opts.batch ?? 200
  const maxCases = opts.maxCases ?? 5000
  const halls = new Map<string, Promise<{ hall: HallContext; dir: Directory }>>()
  const hallOf = (hallId: string, version: number) => {
    const key = `${hallId}:${version}`
    let h = halls.get(key)
    if (!h) {
      h = Promise.all([loadHallContext(store, hallId, version), loadDirectory(store, hallId)]).then(([hall, dir]) => ({ hall, dir }))
      halls.set(key, h)
    }
    return h
  }
  const seen = new Set<string>()

  while (report.cases < maxCases) {
    const ids = (await store.listDueCases(until, batch)).filter((id) => !seen.has(id))
    if (ids.length === 0) break
    for (const id of ids) {
      if (outOfTime()) break
      seen.add(id)
      report.cases++
      const state = await store.getCaseState(id)
      if (!state) continue
      const { hall, dir } = await hallOf(state.hallId, state.policy.version)
      const bodies = sweepEvents(state.clocks, opts.now, hall.policy, hall.calendar, { staffId: state.handlerId, windowId: state.windowId })
      if (bodies.length === 0) {
        // nothing due after all (e.g. the hall changed its calendar): move the case to its real next time
        const next = nextActionTime(state.clocks, hall.policy, hall.calendar)
        await store.setNextAction(state.id, state.version, next ? formatShanghai(next) : null)
        continue
      }
      const at = formatShanghai(opts.now)
      let current = state
      const events: CaseEvent[] = []
      for (const body of bodies) {
        const event = { ...body, caseId: state.id, seq: current.version + 1, at, actor: { kind: 'system', id: 'sweep' } } as CaseEvent
        const next = applyEvent(current, event, { policy: hall.policy, calendar: hall.calendar })
        if (!next.ok) continue
        events.push(event)
        current = next.value
      }
      if (events.length === 0) continue
      const result = await store.appendEvents({
        before: state,
        channels: opts.channels,
        build: () => ({ events, state: current, notifications: notificationsFor(events, current, dir) }),
      })
      if (result.status === 'conflict') {
        report.conflicts++
        continue
      }
      for (const e of events) {
        if (e.type === 'reminded') report.reminders++
        if (e.type === 'clockBreached') report.breaches++
      }
    }
    if (ids.length < batch || report.unfinished) break
  }
  if (!outOfTime()) await sweepComplaints(store, opts, report, until, batch, maxCases, outOfTime)
  return report
}

/** the complaints whose reminder or due time has come; saved at the version decided on, like cases */
async function sweepComplaints(store: Store, opts: SweepOptions, report: SweepReport, until: string, batch: number, max: number, outOfTime: () => boolean) {
  const halls = new Map<string, Promise<{ hall: HallContext; dir: Directory }>>()
  const seen = new Set<string>()
  while (report.complaints < max) {
    const due = (await store.listDueComplaints(until, batch)).filter((c) => !seen.has(c.id))
    if (due.length === 0) break
    for (const c of due) {
      if (outOfTime()) break
      seen.add(c.id)
      report.complaints++
      let h = halls.get(c.hallId)
      if (!h) {
        h = Promise.all([loadHallContext(store, c.hallId, 'current'), loadDirectory(store, c.hallId)]).then(([hall, dir]) => ({ hall, dir }))
        halls.set(c.hallId, h)
      }
      const { hall, dir } = await h
      const swept = sweepComplaint(c, opts.now, dir, hall)
      // nothing due after all (e.g. the hall changed its calendar): move it to its real next time
      const next = swept ?? { complaint: { ...withNextAction(c, hall), version: c.version + 1 }, notifications: [] }
      if (!(await store.saveComplaint(next.complaint, c.version, next.notifications, opts.channels))) {
        report.conflicts++
        continue
      }
      if (swept && next.complaint.clock.breachedAt && !c.clock.breachedAt) report.breaches++
      else if (swept) report.reminders++
    }
    if (due.length < batch || report.unfinished) break
  }
}
