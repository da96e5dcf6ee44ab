// The store contract: one behaviour for every adapter of the port (PostgreSQL on PGlite or a server,
// CloudBase). Each adapter's test file runs this suite.
import { createCalendar } from '../../src/core/calendar'
import { applyEvent } from '../../src/core/caseMachine'
import type { CaseState } from '../../src/core/caseState'
import type { CaseEvent, EventBody } from '../../src/core/events'
import { PRESETS } from '../../src/core/policy'
import { answerComplaint, fileComplaint, withNextAction } from '../../src/core/complaintMachine'
import type { Hall, Matter, Staff, Window } from '../../src/core/schemas'
import type { ManualDeduction } from '../../src/core/discipline'
import type { Store } from '../../src/server/store/port'
import { audit, verifyChain } from '../../src/server/audit'

export interface OpenedStore {
  store: Store
  reset: () => Promise<void>
  close: () => Promise<void>
}

const ctx = { policy: PRESETS['000'], calendar: createCalendar() }
const hall: Hall = {
  id: 'tl',
  prefix: 'TL',
  name: '铜陵市政务服务中心',
  address: '',
  supervisionPhone: '0562-1',
  complaintChannel: '',
  generalWindowId: 'zx',
  policyPreset: '000',
  policyVersion: 1,
}
const win = (id: string, number: string): Window => ({ id, hallId: 'tl', name: `${id}窗口`, number, scope: '', active: true })
const person = (id: string, windowId: string | null, role: Staff['role'] = 'staff'): Staff => ({
  id,
  hallId: 'tl',
  windowId,
  name: id,
  title: '',
  post: '',
  role,
  rank: 1,
  phone: '',
  active: true,
})

let counter = 0
function newCase(citizenId: string, requestId: string, windowId = 'bdc', at = '2026-11-23T10:00:00+08:00') {
  const id = `c_${String(++counter).padStart(16, '0')}`
  return {
    citizenId,
    requestId,
    numberScope: 'case:tl:20261123',
    build: (seq: number) => {
      const event: CaseEvent = {
        type: 'submitted',
        caseId: id,
        seq: 1,
        at,
        actor: { kind: 'citizen', id: citizenId },
        requestId,
        payload: {
          no: `TL-20261123-${String(seq).padStart(4, '0')}`,
          hallId: 'tl',
          kind: 'consult',
          windowId,
          routedBy: 'windowQr',
          contact: { name: '张三', phone: '13912345678' },
          text: '请问如何办理？',
          attachments: [],
          policy: { presetId: '000', version: 1 },
        },
      }
      const s = applyEvent(null, event, ctx)
      if (!s.ok) throw s.error
      return { state: s.value, event }
    },
  }
}

function next(state: CaseState, body: EventBody, staffId = 'li', requestId?: string): { event: CaseEvent; state: CaseState } {
  const event = {
    ...body,
    caseId: state.id,
    seq: state.version + 1,
    at: '2026-11-23T11:00:00+08:00',
    actor: { kind: 'staff', id: staffId, name: staffId, role: 'staff', windowId: 'bdc' },
    ...(requestId ? { requestId } : {}),
  } as CaseEvent
  const s = applyEvent(state, event, ctx)
  if (!s.ok) throw s.error
  return { event, state: s.value }
}

const staff = { kind: 'staff', id: 'li', name: 'li', role: 'staff', windowId: 'bdc' } as const

/** appends one event by this actor at this time, as the handlers do, and answers the new state */
const stepOn = (store: Store) => async (state: CaseState, body: EventBody, actor: CaseEvent['actor'], at: string) => {
  const event = { ...body, caseId: state.id, seq: state.version + 1, at, actor } as CaseEvent
  const s = applyEvent(state, event, ctx)
  if (!s.ok) throw s.error
  expect((await store.appendEvents({ before: state, build: () => ({ events: [event], state: s.value }) })).status).toBe('ok')
  return s.value
}

export function describeStoreContract(label: string, open: () => Promise<OpenedStore>) {
  describe(`store contract: ${label}`, () => {
    let opened: OpenedStore
    let store: Store
    beforeAll(async () => {
      opened = await open()
      store = opened.store
    })
    afterAll(async () => {
      await opened?.close()
    })
    beforeEach(async () => {
      await opened.reset()
      await store.putHall(hall)
      await store.putWindow(win('bdc', 'A01'))
      await store.putWindow(win('zx', 'D01'))
    })

    it('migrate can run again', async () => {
      await store.migrate()
      expect(await store.getHall('tl')).toEqual(hall)
    })

    it('keeps halls, windows and staff; secrets change only when given', async () => {
      expect(await store.listHalls()).toEqual([hall])
      expect(await store.getHall('nohall')).toBeNull()
      expect((await store.listWindows('tl')).map((w) => w.id)).toEqual(['bdc', 'zx'])
      expect(await store.getWindow('tl', 'nosuch')).toBeNull()
      await store.putStaff(person('li', 'bdc'), { login: 'li', passwordHash: 'scrypt$hash', openid: 'o-li' })
      await store.putStaff(person('wang', 'bdc'))
      await store.putStaff(person('xu', null, 'office'))
      await store.putStaff({ ...person('li', 'bdc'), name: '李晓梅' })
      expect(await store.findStaffByLogin('tl', 'li')).toEqual({ staff: { ...person('li', 'bdc'), name: '李晓梅' }, passwordHash: 'scrypt$hash' })
      expect(await store.findStaffByLogin('tl', 'nobody')).toBeNull()
      expect((await store.findStaffByOpenid('o-li'))?.id).toBe('li')
      expect(await store.findStaffByOpenid('o-none')).toBeNull()
      expect((await store.listStaff('tl', 'bdc')).map((s) => s.id)).toEqual(['li', 'wang'])
      expect((await store.listStaff('tl')).map((s) => s.id)).toEqual(['li', 'wang', 'xu'])
      await expect(store.putStaff(person('zhao', 'bdc'), { login: 'li' })).rejects.toThrow()
      expect(await store.listStaffAccounts('tl')).toEqual([
        { staffId: 'li', login: 'li', bound: true },
        { staffId: 'wang', login: null, bound: false },
        { staffId: 'xu', login: null, bound: false },
      ])
    })

    it('reads a hall with its rules, windows, the staff asked for and a matter in one call', async () => {
      await store.putStaff(person('li', 'bdc'))
      await store.putStaff(person('wang', 'bdc', 'lead'))
      await store.putStaff(person('zhou', 'zx'))
      await store.putStaff(person('xu', null, 'office'))
      await store.putCalendarOverride('tl', { date: '2026-12-01', kind: 'restday', note: '地方节日' })
      const v2 = { version: 2, presetId: '002' as const, overrides: {}, note: '改用 002', by: 'xu', at: '2026-11-20T09:00:00+08:00' }
      expect(await store.putPolicyVersion('tl', v2)).toBe(true)
      await store.putHall({ ...hall, policyVersion: 2 })
      await store.putMatter({
        id: 'm1',
        hallId: 'tl',
        windowId: 'bdc',
        name: '转移登记',
        kind: 'promised',
        promisedDays: 5,
        basis: '',
        materials: [],
        keywords: [],
        active: true,
      })

      // a case opened under version 1 (never stored: the preset), by the staff its record names and its window
      const b = (await store.hallBundle({ hallId: 'tl', policyVersion: 1, staffIds: ['zhou'], windowIds: ['bdc'], matterId: 'm1' }))!
      expect(b.hall.policyVersion).toBe(2)
      expect(b.policy).toBeNull()
      expect(b.currentPolicy).toEqual(v2)
      expect(b.overrides).toEqual([{ date: '2026-12-01', kind: 'restday', note: '地方节日' }])
      expect(b.windows.map((w) => w.id)).toEqual(['bdc', 'zx'])
      expect(b.staff.map((s) => s.id)).toEqual(['li', 'wang', 'zhou'])
      expect(b.matter?.id).toBe('m1')
      // the current version, the hall office, no matter
      const c = (await store.hallBundle({ hallId: 'tl', office: true }))!
      expect(c.policy).toEqual(v2)
      expect(c.staff.map((s) => s.id)).toEqual(['xu'])
      expect(c.matter).toBeNull()
      expect(await store.hallBundle({ hallId: 'nohall' })).toBeNull()
    })

    it('answers several case lists in one call, each as listCases would', async () => {
      const a = (await store.createCase(newCase('dev:a', 'r-a'))).state
      const z = (await store.createCase(newCase('dev:z', 'r-z', 'zx'))).state
      const sets = await store.listCaseSets([
        { hallId: 'tl', windowId: 'bdc' },
        { hallId: 'tl', windowId: 'zx' },
        { hallId: 'tl', citizenId: 'dev:none' },
      ])
      expect(sets.map((list) => list.map((c) => c.id))).toEqual([[a.id], [z.id], []])
    })

    it('opens a linked case in the same write as the event that names it, or neither', async () => {
      const first = (await store.createCase(newCase('dev:a', 'r-a'))).state
      const claimed = next(first, { type: 'claimed', payload: { staffId: 'li' } })
      const linked = newCase('dev:a', `referral-${first.id}:2`, 'zx')
      // a build that refuses writes nothing: the linked case is not opened
      await expect(
        store.appendEvents({
          before: first,
          opens: linked,
          build: () => {
            throw new Error('refused')
          },
        }),
      ).rejects.toThrow('refused')
      expect(await store.listCases({ hallId: 'tl', windowId: 'zx' })).toEqual([])
      expect((await store.appendEvents({ before: first, opens: linked, build: () => ({ events: [claimed.event], state: claimed.state }) })).status).toBe('ok')
      expect((await store.listCases({ hallId: 'tl', windowId: 'zx' })).map((c) => c.citizenId)).toEqual(['dev:a'])
      expect((await store.getCaseState(first.id))?.version).toBe(2)
    })

    it('keeps the matter catalog per hall in window and name order; an update replaces the matter', async () => {
      const matter = (id: string, windowId: string, name: string): Matter => ({
        id,
        hallId: 'tl',
        windowId,
        name,
        kind: 'promised',
        promisedDays: 5,
        basis: '',
        materials: ['身份证'],
        keywords: [],
        active: true,
      })
      await store.putMatter(matter('m2', 'zx', '综合咨询事项'))
      await store.putMatter(matter('m1', 'bdc', '转移登记'))
      await store.putMatter(matter('m3', 'bdc', '抵押登记'))
      await store.putMatter({ ...matter('m1', 'bdc', '转移登记'), materials: ['身份证', '合同'], active: false })
      expect((await store.listMatters('tl')).map((m) => m.id)).toEqual(['m3', 'm1', 'm2'])
      expect(await store.getMatter('tl', 'm1')).toMatchObject({ materials: ['身份证', '合同'], active: false })
      expect(await store.getMatter('tl', 'nosuch')).toBeNull()
      expect(await store.listMatters('other')).toEqual([])
    })

    it('creates a case with its number and first event; a repeated request returns it and draws nothing', async () => {
      const first = await store.createCase(newCase('dev:a', 'req-0001'))
      expect(first.created).toBe(true)
      expect(first.state.no).toBe('TL-20261123-0001')
      const again = await store.createCase(newCase('dev:a', 'req-0001'))
      expect(again).toEqual({ state: first.state, created: false })
      const other = await store.createCase(newCase('dev:b', 'req-0001'))
      expect(other.state.no).toBe('TL-20261123-0002')
      const loaded = await store.getCase(first.state.id)
      expect(loaded?.state).toEqual(first.state)
      expect(loaded?.events.map((e) => e.type)).toEqual(['submitted'])
      expect(await store.getCase('c_nonexistent00000')).toBeNull()
    })

    it('finds a case by its number; notices given with a new case are written with it', async () => {
      const made = newCase('dev:n', 'req-no')
      const note = (no: string, caseId: string) => ({
        key: `${caseId}:1:slip`,
        hallId: 'tl',
        caseId,
        caseNo: no,
        recipient: { kind: 'citizen' as const, id: 'dev:n' },
        kind: 'progress' as const,
        title: '来电已登记',
        body: `案件编号 ${no}`,
        at: '2026-11-23T10:00:00+08:00',
        phone: '13912345678',
      })
      const { state } = await store.createCase({ ...made, notices: (s) => [note(s.no, s.id)], channels: ['webhook'] })
      expect(await store.caseIdOfNo(state.no)).toBe(state.id)
      expect(await store.caseIdOfNo('TL-20261123-9999')).toBeNull()
      expect((await store.listNotifications('dev:n', 10)).map((n) => n.body)).toEqual([`案件编号 ${state.no}`])
      const out = await store.claimOutbox('2026-11-23T11:00:00+08:00', 10, '2026-11-23T11:05:00+08:00')
      expect(out.map((o) => [o.channel, o.notification.phone])).toEqual([['webhook', '13912345678']])
    })

    it('10 identical concurrent submits make one case', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => store.createCase(newCase('dev:c', 'req-same'))))
      expect(new Set(results.map((r) => r.state.id)).size).toBe(1)
      expect(results.filter((r) => r.created)).toHaveLength(1)
      expect(await store.listCases({ hallId: 'tl', citizenId: 'dev:c' })).toHaveLength(1)
      expect((await store.createCase(newCase('dev:c', 'req-next'))).state.no).toBe('TL-20261123-0002')
    })

    it('appends at the expected version only; 20 concurrent appends from one version give one ok', async () => {
      const { state } = await store.createCase(newCase('dev:a', 'req-1'))
      const stale = await store.appendEvents({ before: { ...state, version: 5 }, build: () => ({ events: [], state }) })
      expect(stale.status).toBe('conflict')
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.appendEvents({
            before: state,
            build: () => {
              const { event, state: s } = next(state, { type: 'claimed', payload: { staffId: `s${i}` } }, `s${i}`, `claim-${i}`)
              return { events: [event], state: s }
            },
          }),
        ),
      )
      expect(results.filter((r) => r.status === 'ok')).toHaveLength(1)
      const loaded = await store.getCase(state.id)
      expect(loaded?.events.map((e) => e.seq)).toEqual([1, 2])
      expect(loaded?.state.version).toBe(2)
      const winner = loaded!.events[1]!
      expect(await store.hasRequest(state.id, winner.actor.id, winner.requestId!)).toBe(true)
      expect(await store.hasRequest(state.id, winner.actor.id, 'other')).toBe(false)
      expect(await store.getCaseState(state.id)).toEqual(loaded?.state)
    })

    it('draws a number in the same append when asked', async () => {
      const { state } = await store.createCase(newCase('dev:a', 'req-1'))
      const r = await store.appendEvents({
        before: state,
        numberScope: 'slip:tl:2026',
        build: (seq) => {
          expect(seq).toBe(1)
          const { event, state: s } = next(state, { type: 'claimed', payload: { staffId: 'li' } })
          return { events: [event], state: s }
        },
      })
      expect(r.status).toBe('ok')
      expect(await store.nextNumber('slip:tl:2026')).toBe(2)
    })

    it('lists cases by hall, window, citizen, handler, status and unclaimed, newest first', async () => {
      const a = await store.createCase(newCase('dev:a', 'r1', 'bdc', '2026-11-23T09:00:00+08:00'))
      const b = await store.createCase(newCase('dev:b', 'r2', 'bdc', '2026-11-23T10:00:00+08:00'))
      const c = await store.createCase(newCase('dev:a', 'r3', 'zx', '2026-11-23T11:00:00+08:00'))
      const claimed = next(b.state, { type: 'claimed', payload: { staffId: 'li' } })
      await store.appendEvents({ before: b.state, build: () => ({ events: [claimed.event], state: claimed.state }) })
      const ids = (q: Parameters<Store['listCases']>[0]) => store.listCases(q).then((l) => l.map((s) => s.id))
      expect(await ids({ hallId: 'tl' })).toEqual([c.state.id, b.state.id, a.state.id])
      expect(await ids({ hallId: 'tl', windowId: 'bdc' })).toEqual([b.state.id, a.state.id])
      expect(await ids({ hallId: 'tl', citizenId: 'dev:a' })).toEqual([c.state.id, a.state.id])
      expect(await ids({ hallId: 'tl', handlerId: 'li' })).toEqual([b.state.id])
      expect(await ids({ hallId: 'tl', statuses: ['inProgress'] })).toEqual([b.state.id])
      expect(await ids({ hallId: 'tl', windowId: 'bdc', unclaimed: true })).toEqual([a.state.id])
      expect(await ids({ hallId: 'tl', limit: 1 })).toEqual([c.state.id])
      expect(await ids({ hallId: 'other' })).toEqual([])
      // joint handling led by bdc with sw and gjj: the co-windows find it, the lead window's own query does not change
      const joint = next(claimed.state, { type: 'jointReported', payload: { coWindowIds: ['sw', 'gjj'], note: '涉及契税' } })
      await store.appendEvents({ before: claimed.state, build: () => ({ events: [joint.event], state: joint.state }) })
      expect(await ids({ hallId: 'tl', coWindowId: 'sw' })).toEqual([b.state.id])
      expect(await ids({ hallId: 'tl', coWindowId: 'gjj', statuses: ['joint'] })).toEqual([b.state.id])
      expect(await ids({ hallId: 'tl', coWindowId: 'bdc' })).toEqual([])
      expect(await ids({ hallId: 'tl', coWindowId: 'zx' })).toEqual([])
      // changed since 10:30: c (submitted 11:00) and b (claimed 11:00), not a
      expect(await ids({ hallId: 'tl', updatedSince: '2026-11-23T10:30:00+08:00' })).toEqual([c.state.id, b.state.id])
      // submitted in [10:00, 11:00): b only
      expect(await ids({ hallId: 'tl', submittedFrom: '2026-11-23T10:00:00+08:00', submittedTo: '2026-11-23T11:00:00+08:00' })).toEqual([b.state.id])
      expect(await ids({ hallId: 'tl', submittedFrom: '2026-11-23T10:00:00+08:00' })).toEqual([c.state.id, b.state.id])

      // the events of several cases at once, each in order
      const events = await store.listEvents([b.state.id, a.state.id, 'c_missing'])
      expect(events[b.state.id]!.map((e) => e.type)).toEqual(['submitted', 'claimed', 'jointReported'])
      expect(events[a.state.id]!.map((e) => e.seq)).toEqual([1])
      expect(events.c_missing).toEqual([])

      // the dashboard's weekly trend: the three receipts of the week of 23 Nov, none the week before
      const empty = { submitted: 0, closed: 0, repliedOnTime: 0, repliedLate: 0, ratings: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } }
      expect(await store.weeklyTrends({ hallId: 'tl', weeks: ['2026-11-16', '2026-11-23'] })).toEqual([
        { week: '2026-11-16', ...empty },
        { week: '2026-11-23', ...empty, submitted: 3 },
      ])
      expect((await store.weeklyTrends({ hallId: 'tl', windowId: 'zx', weeks: ['2026-11-23'] }))[0]!.submitted).toBe(1)
    })

    it('adds up the weekly trend: receipts, closures, replies on time and ratings, each in its week', async () => {
      const step = stepOn(store)
      const at = '2026-11-23T11:00:00+08:00'
      let s = (await store.createCase(newCase('dev:a', 'w1', 'bdc', '2026-11-20T10:00:00+08:00'))).state
      s = await step(s, { type: 'claimed', payload: { staffId: 'li' } }, staff, at)
      s = await step(s, { type: 'replied', payload: { text: '您好，需要身份证。', mode: 'timed' } }, staff, at)
      s = await step(s, { type: 'rated', payload: { level: 4, tags: [], text: '', staffId: 'li', windowId: 'bdc' } }, { kind: 'citizen', id: 'dev:a' }, at)
      await step(s, { type: 'closed', payload: { note: '' } }, staff, at)
      await store.createCase(newCase('dev:b', 'w2', 'zx', '2026-11-23T09:30:00+08:00'))
      const empty = { submitted: 0, closed: 0, repliedOnTime: 0, repliedLate: 0, ratings: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } }
      // submitted on Friday the 20th, answered, rated and closed on Monday the 23rd (11:00)
      expect(await store.weeklyTrends({ hallId: 'tl', weeks: ['2026-11-09', '2026-11-16', '2026-11-23'] })).toEqual([
        { week: '2026-11-09', ...empty },
        { week: '2026-11-16', ...empty, submitted: 1 },
        { week: '2026-11-23', ...empty, submitted: 1, closed: 1, repliedOnTime: 1, ratings: { ...empty.ratings, '4': 1 } },
      ])
      expect(await store.weeklyTrends({ hallId: 'tl', windowId: 'bdc', weeks: ['2026-11-23'] })).toEqual([
        { week: '2026-11-23', ...empty, closed: 1, repliedOnTime: 1, ratings: { ...empty.ratings, '4': 1 } },
      ])
      expect(await store.weeklyTrends({ hallId: 'other', weeks: ['2026-11-23'] })).toEqual([{ week: '2026-11-23', ...empty }])
    })

    it('50 concurrent counter draws give 1..50 without gaps or repeats', async () => {
      const values = await Promise.all(Array.from({ length: 50 }, () => store.nextNumber('slip:tl:2027')))
      expect([...values].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    })

    it('keeps every policy version, and never overwrites one', async () => {
      const v2 = {
        version: 2,
        presetId: '003' as const,
        overrides: { limits: { reply: 1 } },
        note: '按公积金中心细则',
        by: 'xu',
        at: '2026-11-23T10:00:00+08:00',
      }
      const v3 = { ...v2, version: 3, presetId: '000' as const, overrides: {}, note: '改回' }
      expect(await store.putPolicyVersion('tl', v3)).toBe(true)
      expect(await store.putPolicyVersion('tl', v2)).toBe(true)
      expect(await store.getPolicyVersion('tl', 2)).toEqual(v2)
      expect(await store.getPolicyVersion('tl', 4)).toBeNull()
      expect(await store.putPolicyVersion('tl', { ...v2, note: '改写' })).toBe(false)
      expect((await store.getPolicyVersion('tl', 2))?.note).toBe('按公积金中心细则')
      expect(await store.listPolicyVersions('tl')).toEqual([v2, v3])
      expect(await store.listPolicyVersions('other')).toEqual([])
      // two saves of the same next version: exactly one is recorded
      const raced = await Promise.all([store.putPolicyVersion('tl', { ...v2, version: 4 }), store.putPolicyVersion('tl', { ...v2, version: 4, note: '同时' })])
      expect(raced.filter(Boolean)).toHaveLength(1)
    })

    it('keeps one published question per case, lists the active ones newest first and counts each citizen’s 已解决 once', async () => {
      const faq = (id: string, caseId: string, at: string) => ({
        id,
        hallId: 'tl',
        matterId: null,
        windowId: 'bdc',
        caseId,
        question: '二手房过户要带什么？',
        answer: '身份证和不动产权证书。',
        publishedBy: 'li',
        publishedAt: at,
        active: true,
      })
      const a = await store.putFaq(faq('q_aaaaaaaaaaaaaaaa', 'c_1', '2026-11-23T10:00:00+08:00'))
      expect(a.resolved).toBe(0)
      await store.putFaq(faq('q_bbbbbbbbbbbbbbbb', 'c_2', '2026-11-24T10:00:00+08:00'))
      // publishing the same case again replaces the text and keeps the first id
      const again = await store.putFaq({ ...faq('q_cccccccccccccccc', 'c_1', '2026-11-23T11:00:00+08:00'), answer: '身份证、不动产权证书和合同。' })
      expect(again).toMatchObject({ id: 'q_aaaaaaaaaaaaaaaa', answer: '身份证、不动产权证书和合同。' })
      expect((await store.listFaqs('tl')).map((f) => f.id)).toEqual(['q_bbbbbbbbbbbbbbbb', 'q_aaaaaaaaaaaaaaaa'])

      const taps = await Promise.all([...Array(5)].map(() => store.markFaqResolved('tl', 'q_aaaaaaaaaaaaaaaa', 'dev:x')))
      expect(taps.filter(Boolean)).toHaveLength(1)
      expect(await store.markFaqResolved('tl', 'q_aaaaaaaaaaaaaaaa', 'dev:y')).toBe(true)
      expect(await store.markFaqResolved('tl', 'q_zzzzzzzzzzzzzzzz', 'dev:y')).toBe(false)
      expect((await store.getFaq('tl', 'q_aaaaaaaaaaaaaaaa'))!.resolved).toBe(2)

      expect((await store.setFaqActive('tl', 'q_bbbbbbbbbbbbbbbb', false))!.active).toBe(false)
      expect((await store.listFaqs('tl')).map((f) => f.id)).toEqual(['q_aaaaaaaaaaaaaaaa'])
      expect(await store.listFaqs('tl', { includeWithdrawn: true })).toHaveLength(2)
      expect(await store.listFaqs('other')).toEqual([])
      expect(await store.setFaqActive('tl', 'q_zzzzzzzzzzzzzzzz', false)).toBeNull()
    })

    describe('manual deductions (004 效能纪律)', () => {
      const md = (id: string, over: Partial<ManualDeduction> = {}): ManualDeduction => ({
        id,
        hallId: 'tl',
        staffId: 'li',
        windowId: 'bdc',
        item: 'lateOrEarly',
        grade: 'over30',
        label: '迟到、早退',
        points: -2,
        cite: '004 考核制度 三(二)(1)',
        occurredOn: '2026-11-10',
        reason: '上午迟到 40 分钟',
        evidence: '考勤记录',
        photos: [],
        extendedService: false,
        sameIncidentAs: null,
        by: { id: 'xu', name: '徐主任' },
        at: '2026-11-10T10:00:00+08:00',
        requestId: `req-${id}`,
        revoked: null,
        ...over,
      })
      const revocation = (requestId: string) => ({ by: { id: 'xu', name: '徐主任' }, at: '2026-11-12T10:00:00+08:00', reason: '系误登', requestId })

      it('keeps one record per request, also when the same request races; lists by day and person', async () => {
        expect(await store.addManualDeduction(md('md_a'))).toEqual({ deduction: md('md_a'), created: true })
        // the same request again under another id answers the first
        expect(await store.addManualDeduction(md('md_a2', { requestId: 'req-md_a' }))).toEqual({ deduction: md('md_a'), created: false })
        const raced = await Promise.all(
          Array.from({ length: 5 }, (_, i) => store.addManualDeduction(md(`md_r${i}`, { requestId: 'req-race', occurredOn: '2026-11-20' }))),
        )
        expect(raced.filter((r) => r.created)).toHaveLength(1)
        expect(new Set(raced.map((r) => r.deduction.id)).size).toBe(1)
        await store.addManualDeduction(md('md_b', { staffId: 'wang', occurredOn: '2026-11-30' }))
        await store.addManualDeduction(md('md_c', { occurredOn: '2026-12-01' }))
        // another hall's request id is its own
        expect((await store.addManualDeduction(md('md_o', { hallId: 'other', requestId: 'req-md_a' }))).created).toBe(true)
        const nov = await store.listManualDeductions({ hallId: 'tl', from: '2026-11-01', to: '2026-11-30' })
        expect(nov.map((d) => d.occurredOn)).toEqual(['2026-11-10', '2026-11-20', '2026-11-30'])
        expect((await store.listManualDeductions({ hallId: 'tl', from: '2026-11-01', to: '2026-12-31', staffId: 'wang' })).map((d) => d.id)).toEqual(['md_b'])
        expect(await store.getManualDeduction('tl', 'md_a')).toEqual(md('md_a'))
        expect(await store.getManualDeduction('other', 'md_a')).toBeNull()
      })

      it('revokes once: a second revocation, also a concurrent one, finds it revoked and changes nothing', async () => {
        await store.addManualDeduction(md('md_a'))
        expect(await store.revokeManualDeduction('tl', 'nosuch', revocation('r1'))).toBeNull()
        expect(await store.revokeManualDeduction('other', 'md_a', revocation('r1'))).toBeNull()
        const both = await Promise.all([
          store.revokeManualDeduction('tl', 'md_a', revocation('r1')),
          store.revokeManualDeduction('tl', 'md_a', revocation('r2')),
        ])
        expect(both.filter((r) => r?.revoked)).toHaveLength(1)
        const kept = (await store.getManualDeduction('tl', 'md_a'))!
        expect(kept).toEqual({ ...md('md_a'), revoked: revocation(kept.revoked!.requestId) })
        expect(await store.revokeManualDeduction('tl', 'md_a', revocation('r3'))).toEqual({ deduction: kept, revoked: false })
        // revoked, not removed: it is still listed
        expect((await store.listManualDeductions({ hallId: 'tl', from: '2026-11-01', to: '2026-11-30' })).map((d) => d.revoked?.reason)).toEqual(['系误登'])
      })
    })

    describe('invites', () => {
      const invite = (codeHash: string, staffId = 'li', expiresAt = '2026-11-30T10:00:00+08:00') => ({
        codeHash,
        hallId: 'tl',
        staffId,
        createdBy: 'xu',
        createdAt: '2026-11-23T10:00:00+08:00',
        expiresAt,
      })
      const at = '2026-11-24T09:00:00+08:00'
      beforeEach(async () => {
        await store.putStaff(person('li', 'bdc'))
        await store.putStaff(person('wang', 'bdc'))
      })

      it('binds the openid to the staff record once; 10 concurrent redemptions give one winner', async () => {
        await store.createInvite(invite('h1'))
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.redeemInvite('h1', `o-${i}`, at)))
        const won = results.filter((r) => r.status === 'ok')
        expect(won).toEqual([{ status: 'ok', staffId: 'li' }])
        expect(results.filter((r) => r.status === 'used')).toHaveLength(9)
        const winner = results.findIndex((r) => r.status === 'ok')
        expect((await store.findStaffByOpenid(`o-${winner}`))?.id).toBe('li')
        expect(await store.staffOpenid('li')).toBe(`o-${winner}`)
        expect(await store.redeemInvite('h1', `o-${winner}`, at)).toEqual({ status: 'used' })
      })

      it('refuses unknown, expired and revoked codes, and an openid already bound to someone else', async () => {
        expect(await store.redeemInvite('nosuch', 'o-1', at)).toEqual({ status: 'unknown' })
        await store.createInvite(invite('old', 'li', '2026-11-24T09:00:00+08:00'))
        expect(await store.redeemInvite('old', 'o-1', at)).toEqual({ status: 'expired' })
        await store.createInvite(invite('first'))
        await store.createInvite(invite('second'))
        expect(await store.redeemInvite('first', 'o-1', at)).toEqual({ status: 'revoked' })
        expect(await store.redeemInvite('second', 'o-1', at)).toEqual({ status: 'ok', staffId: 'li' })
        await store.createInvite(invite('wangs', 'wang'))
        expect(await store.redeemInvite('wangs', 'o-1', at)).toEqual({ status: 'taken' })
        expect(await store.staffOpenid('wang')).toBeNull()
        // the same person binding again (a new phone) is fine
        await store.createInvite(invite('again'))
        expect(await store.redeemInvite('again', 'o-2', at)).toEqual({ status: 'ok', staffId: 'li' })
        expect(await store.findStaffByOpenid('o-1')).toBeNull()
      })
    })

    describe('complaints', () => {
      const filed =
        (id: string, citizenId: string, requestId: string, at = '2026-11-23T10:00:00+08:00') =>
        (seq: number) => {
          const complaint = withNextAction(
            fileComplaint(
              {
                id,
                no: `TL-TS-2026-${String(seq).padStart(4, '0')}`,
                hallId: 'tl',
                citizenId,
                requestId,
                target: { kind: 'window', windowId: 'bdc' },
                topic: 'attitude',
                text: '工作人员态度很不耐烦。',
                contact: { name: '张三', phone: '13912345678' },
                attachments: [],
              },
              { windowId: 'bdc', staffId: null, caseNo: null },
              new Date(at),
              ctx,
            ),
            ctx,
          )
          return { complaint, notifications: [] }
        }

      it('files once per request with gapless numbers; saves only at the version decided on', async () => {
        const twins = await Promise.all(
          Array.from({ length: 5 }, () =>
            store.createComplaint({
              citizenId: 'wx:a',
              requestId: 'req-000001',
              numberScope: 'TS:tl:2026',
              build: filed('k_aaaaaaaaaaaaaaaa', 'wx:a', 'req-000001'),
            }),
          ),
        )
        expect(twins.filter((t) => t.created)).toHaveLength(1)
        expect(new Set(twins.map((t) => t.complaint.no))).toEqual(new Set(['TL-TS-2026-0001']))
        const second = await store.createComplaint({
          citizenId: 'wx:b',
          requestId: 'req-000001',
          numberScope: 'TS:tl:2026',
          build: filed('k_bbbbbbbbbbbbbbbb', 'wx:b', 'req-000001', '2026-11-24T10:00:00+08:00'),
        })
        expect(second.complaint.no).toBe('TL-TS-2026-0002')

        const c = (await store.getComplaint('k_aaaaaaaaaaaaaaaa'))!
        const answered = answerComplaint(
          c,
          { finding: 'verified', answer: '经核实情况属实，已批评教育。', responsibleStaffId: 'li', reopenedCase: false },
          'xu',
          new Date('2026-11-25T10:00:00+08:00'),
        )
        if (!answered.ok) throw answered.error
        expect((await store.listDueComplaints('2027-01-01T00:00:00+08:00', 10)).map((x) => x.id)).toEqual(['k_aaaaaaaaaaaaaaaa', 'k_bbbbbbbbbbbbbbbb'])
        expect(await store.listDueComplaints('2026-11-24T00:00:00+08:00', 10)).toEqual([])
        const done = withNextAction(answered.value, ctx)
        const saves = await Promise.all([store.saveComplaint(done, c.version, []), store.saveComplaint(done, c.version, [])])
        expect(saves.sort()).toEqual([false, true])
        expect((await store.getComplaint(c.id))!.status).toBe('answered')
        expect(await store.getComplaint('k_nosuchnosuchnosu')).toBeNull()

        expect((await store.listComplaints({ hallId: 'tl' })).map((x) => x.id)).toEqual(['k_bbbbbbbbbbbbbbbb', 'k_aaaaaaaaaaaaaaaa'])
        expect((await store.listComplaints({ hallId: 'tl', status: 'open' })).map((x) => x.id)).toEqual(['k_bbbbbbbbbbbbbbbb'])
        expect((await store.listComplaints({ hallId: 'tl', citizenId: 'wx:a' })).map((x) => x.id)).toEqual(['k_aaaaaaaaaaaaaaaa'])
        expect(
          (await store.listComplaints({ hallId: 'tl', answeredFrom: '2026-11-01T00:00:00+08:00', answeredTo: '2026-12-01T00:00:00+08:00' })).map((x) => x.id),
        ).toEqual(['k_aaaaaaaaaaaaaaaa'])
        expect(await store.listComplaints({ hallId: 'tl', answeredFrom: '2026-12-01T00:00:00+08:00' })).toEqual([])
        expect(await store.listComplaints({ hallId: 'other' })).toEqual([])
        expect((await store.listDueComplaints('2027-01-01T00:00:00+08:00', 10)).map((x) => x.id)).toEqual(['k_bbbbbbbbbbbbbbbb'])
        expect(await store.countComplaints('wx:a', '2026-11-23T00:00:00+08:00')).toBe(1)
        expect(await store.countComplaints('wx:a', '2026-11-24T00:00:00+08:00')).toBe(0)
      })
    })

    it('gives the assessment its facts: cases that may cost points, ratings by window and month, unrated rounds', async () => {
      const step = stepOn(store)
      const replied = async (citizenId: string, requestId: string) => {
        let { state } = await store.createCase(newCase(citizenId, requestId))
        state = await step(state, { type: 'claimed', payload: { staffId: 'li' } }, staff, '2026-11-23T10:30:00+08:00')
        return step(state, { type: 'replied', payload: { text: '您好，已为您查询。', mode: 'timed' } }, staff, '2026-11-23T11:00:00+08:00')
      }
      await replied('dev:a', 'f1')
      let bad = await replied('dev:b', 'f2')
      bad = await step(
        bad,
        { type: 'rated', payload: { level: 1, tags: ['attitude'], text: '态度很不耐烦', staffId: 'li', windowId: 'bdc' } },
        { kind: 'citizen', id: 'dev:b' },
        '2026-11-23T12:00:00+08:00',
      )
      await store.createCase(newCase('dev:c', 'f3'))
      const span = { since: '2026-11-01T00:00:00+08:00', decidedFrom: '2026-11-01T00:00:00+08:00', decidedTo: '2026-12-01T00:00:00+08:00' }
      const facts = await store.assessmentFacts({ hallId: 'tl', ...span })
      expect(facts.cases.map((c) => c.id)).toEqual([bad.id])
      expect(facts.cases[0]).toMatchObject({
        no: bad.no,
        windowId: 'bdc',
        handlerId: 'li',
        round: 1,
        reply: { at: '2026-11-23T11:00:00+08:00', by: 'li' },
        completion: null,
      })
      expect(facts.ratings).toEqual([{ windowId: 'bdc', month: '2026-11', level: 1, count: 1 }])
      expect(facts.unrated).toEqual([{ windowId: 'bdc', count: 1 }])
      expect(await store.assessmentFacts({ hallId: 'tl', windowId: 'zx', ...span })).toEqual({ cases: [], ratings: [], unrated: [] })
      expect((await store.assessmentFacts({ hallId: 'tl', ...span, decidedTo: '2026-11-23T10:59:00+08:00' })).unrated).toEqual([])
      expect((await store.assessmentFacts({ hallId: 'tl', ...span, since: '2026-12-01T00:00:00+08:00' })).ratings).toEqual([])
    })

    it('counts closed cases in the ledger per window, day and column, and follows a reopen', async () => {
      const step = (state: CaseState, body: EventBody, at: string) => stepOn(store)(state, body, staff, at)
      const closed = async (requestId: string, mode: 'onTheSpot' | 'timed', closedAt: string) => {
        let { state } = await store.createCase(newCase(`dev:${requestId}`, requestId))
        state = await step(state, { type: 'claimed', payload: { staffId: 'li' } }, '2026-11-23T10:30:00+08:00')
        state = await step(state, { type: 'replied', payload: { text: '您好，已为您查询。', mode } }, '2026-11-23T11:00:00+08:00')
        return step(state, { type: 'closed', payload: { note: '' } }, closedAt)
      }
      await closed('l1', 'onTheSpot', '2026-11-23T11:30:00+08:00')
      const b = await closed('l2', 'timed', '2026-11-24T09:00:00+08:00')
      const c = await closed('l3', 'timed', '2026-11-24T10:00:00+08:00')
      await step(c, { type: 'reopened', payload: { reason: '投诉经核实属实' } }, '2026-11-25T10:00:00+08:00')
      const sorted = (l: Array<{ windowId: string; column: string; count: number }>) => [...l].sort((x, y) => x.column.localeCompare(y.column))
      expect(sorted(await store.ledgerCounts({ hallId: 'tl', from: '2026-11-01', to: '2026-11-30' }))).toEqual([
        { windowId: 'bdc', column: 'consultOnTheSpot', count: 1 },
        { windowId: 'bdc', column: 'consultTimed', count: 1 },
      ])
      expect(await store.ledgerCounts({ hallId: 'tl', from: '2026-11-24', to: '2026-11-24' })).toEqual([{ windowId: 'bdc', column: 'consultTimed', count: 1 }])
      expect(await store.ledgerCounts({ hallId: 'tl', windowId: 'zx', from: '2026-11-01', to: '2026-11-30' })).toEqual([])
      expect(await store.ledgerCounts({ hallId: 'tl', from: '2026-12-01', to: '2026-12-31' })).toEqual([])
      expect(
        (await store.ledgerCases({ hallId: 'tl', windowId: 'bdc', column: 'consultTimed', from: '2026-11-01', to: '2026-11-30', limit: 10 })).map((x) => x.id),
      ).toEqual([b.id])
      expect(await store.ledgerCases({ hallId: 'tl', windowId: 'bdc', from: '2026-11-01', to: '2026-11-30', limit: 10 })).toHaveLength(2)
      // split by channel: these were submitted in the app
      const month = { hallId: 'tl', from: '2026-11-01', to: '2026-11-30' }
      expect(sorted(await store.ledgerCounts({ ...month, channel: 'app' }))).toEqual(sorted(await store.ledgerCounts(month)))
      expect(await store.ledgerCounts({ ...month, channel: 'phone' })).toEqual([])
      expect(await store.ledgerCases({ ...month, windowId: 'bdc', channel: 'app', limit: 10 })).toHaveLength(2)
      expect(await store.ledgerCases({ ...month, windowId: 'bdc', channel: 'counter', limit: 10 })).toEqual([])
    })

    it('appends the audit chain one entry at a time per hall: 10 at once give 1..10, each linked to the one before', async () => {
      const actor = { kind: 'staff', id: 'xu', name: '徐文' } as const
      const at = new Date('2026-11-23T10:00:00+08:00')
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => audit(store, { hallId: 'tl', actor, action: 'window.update', target: `window:w${i}`, detail: { i } }, at)),
      )
      await audit(store, { hallId: 'other', actor, action: 'hall.import', target: 'hall:other', detail: {} }, at)
      const entries = await store.listAudit('tl', 0, 100)
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      expect(verifyChain(entries)).toEqual({ ok: true, entries: 10 })
      expect((await store.listAudit('tl', 8, 100)).map((e) => e.seq)).toEqual([9, 10])
      expect((await store.listAudit('other', 0, 100)).map((e) => e.seq)).toEqual([1])
    })

    it('finds audit entries by kind or action, person and day, newest first, page by page', async () => {
      const xu = { kind: 'staff', id: 'xu', name: '徐文' } as const
      const li = { kind: 'staff', id: 'li', name: '李晓梅' } as const
      const guard = { kind: 'operator', id: 'sign-in', name: '登录保护' } as const
      const written: Array<[typeof xu | typeof li | typeof guard, string, string]> = [
        [xu, 'invite.create', '2026-11-20T09:00:00+08:00'],
        [li, 'phone.reveal', '2026-11-20T23:59:59+08:00'],
        [xu, 'phone.reveal', '2026-11-21T00:00:00+08:00'],
        [guard, 'signIn.lock', '2026-11-22T10:00:00+08:00'],
        [xu, 'staff.unbind', '2026-11-23T10:00:00+08:00'],
        [li, 'phone.reveal', '2026-11-23T11:00:00+08:00'],
        // a kind's name that begins like another's is not of it
        [xu, 'phoneBook.export', '2026-11-23T12:00:00+08:00'],
      ]
      for (const [actor, action, at] of written) await audit(store, { hallId: 'tl', actor, action, target: 'hall:tl', detail: {} }, new Date(at))
      await audit(store, { hallId: 'other', actor: xu, action: 'phone.reveal', target: 'case:x', detail: {} }, new Date('2026-11-23T10:00:00+08:00'))
      const seqs = async (q: Parameters<typeof store.queryAudit>[1], page: Parameters<typeof store.queryAudit>[2] = { limit: 50 }) =>
        (await store.queryAudit('tl', q, page)).map((e) => e.seq)

      expect(await seqs({})).toEqual([7, 6, 5, 4, 3, 2, 1])
      expect(await seqs({ action: 'phone' })).toEqual([6, 3, 2])
      expect(await seqs({ action: 'phone.reveal' })).toEqual([6, 3, 2])
      expect(await seqs({ action: 'phone.rev' })).toEqual([])
      expect(await seqs({ action: 'staff' })).toEqual([5])
      expect(await seqs({ actorId: 'li' })).toEqual([6, 2])
      expect(await seqs({ actorId: 'sign-in' })).toEqual([4])
      expect(await seqs({ action: 'phone', actorId: 'xu' })).toEqual([3])
      // the days include their first and last second, in Beijing time
      expect(await seqs({ from: '2026-11-20', to: '2026-11-20' })).toEqual([2, 1])
      expect(await seqs({ from: '2026-11-21' })).toEqual([7, 6, 5, 4, 3])
      expect(await seqs({ to: '2026-11-21' })).toEqual([3, 2, 1])
      expect(await seqs({ action: 'phone', from: '2026-11-21', to: '2026-11-23' })).toEqual([6, 3])
      // paging: before the last one seen
      expect(await seqs({}, { limit: 3 })).toEqual([7, 6, 5])
      expect(await seqs({}, { beforeSeq: 5, limit: 3 })).toEqual([4, 3, 2])
      expect(await seqs({}, { beforeSeq: 2, limit: 3 })).toEqual([1])
      expect(await seqs({ action: 'phone' }, { beforeSeq: 6, limit: 1 })).toEqual([3])
      // the whole entry, as written
      const [latest] = await store.queryAudit('other', {}, { limit: 1 })
      expect(latest).toMatchObject({ hallId: 'other', seq: 1, action: 'phone.reveal', actor: xu, target: 'case:x' })
    })

    it('keeps the hall calendar overrides', async () => {
      await store.putCalendarOverride('tl', { date: '2027-01-01', kind: 'restday', note: '元旦' })
      await store.putCalendarOverride('tl', { date: '2026-12-26', kind: 'workday', note: '延时服务' })
      await store.putCalendarOverride('tl', { date: '2027-01-01', kind: 'restday', note: '元旦（已录入）' })
      expect(await store.listCalendarOverrides('tl')).toEqual([
        { date: '2026-12-26', kind: 'workday', note: '延时服务' },
        { date: '2027-01-01', kind: 'restday', note: '元旦（已录入）' },
      ])
      await store.removeCalendarOverride('tl', '2026-12-26')
      await store.removeCalendarOverride('tl', '2026-12-27')
      expect(await store.listCalendarOverrides('tl')).toHaveLength(1)
      expect(await store.listCalendarOverrides('other')).toEqual([])
    })
    it('leases an outbox item to one deliverer: no second claim before the lease ends, and a lost lease settles nothing', async () => {
      const { state } = await store.createCase(newCase('wx:o1', 'req-outbox-1'))
      const notice = (recipient: string) => ({
        key: `${state.id}:2:${recipient}`,
        hallId: 'tl',
        caseId: state.id,
        caseNo: state.no,
        recipient: { kind: 'staff' as const, id: recipient },
        kind: 'task' as const,
        title: '新案件',
        body: '请认领',
        at: '2026-11-23T10:00:00+08:00',
      })
      const claimed = next(state, { type: 'claimed', payload: { staffId: 'li' } })
      expect(
        (
          await store.appendEvents({
            before: state,
            channels: ['webhook'],
            build: () => ({ events: [claimed.event], state: claimed.state, notifications: [notice('li'), notice('wang')] }),
          })
        ).status,
      ).toBe('ok')
      // two deliverers at once: each item goes to one of them
      const [a, b] = await Promise.all([
        store.claimOutbox('2026-11-23T10:00:00+08:00', 10, '2026-11-23T10:05:00+08:00'),
        store.claimOutbox('2026-11-23T10:00:00+08:00', 10, '2026-11-23T10:05:00+08:00'),
      ])
      expect([...a, ...b].map((i) => i.key).sort()).toEqual([notice('li').key, notice('wang').key].sort())
      // a later deliverer within the lease takes nothing
      expect(await store.claimOutbox('2026-11-23T10:04:00+08:00', 10, '2026-11-23T10:09:00+08:00')).toEqual([])
      // the lease ran out (its holder stalled): another claims it, and the first holder's late settle is refused
      const again = await store.claimOutbox('2026-11-23T10:06:00+08:00', 10, '2026-11-23T10:11:00+08:00')
      expect(again).toHaveLength(2)
      const first = [...a, ...b][0]!
      expect(await store.settleOutbox(first, { status: 'sent' }, 1)).toBe(false)
      const mine = again.find((i) => i.key === first.key)!
      expect(await store.settleOutbox(mine, { status: 'sent' }, 1)).toBe(true)
      expect(await store.settleOutbox(mine, { status: 'sent' }, 1)).toBe(false)
      expect(await store.outboxStats()).toMatchObject({ sent: 1, pending: 1 })
    })
    it('keeps staff sessions until they expire or are revoked, one or all of a person', async () => {
      const session = (tokenHash: string, staffId: string, expiresAt = '2026-11-23T22:00:00+08:00') => ({
        tokenHash,
        staffId,
        createdAt: '2026-11-23T10:00:00+08:00',
        expiresAt,
      })
      await store.createStaffSession(session('t1', 'li'))
      await store.createStaffSession(session('t2', 'li'))
      await store.createStaffSession(session('t3', 'wang'))
      await store.createStaffSession(session('t4', 'li', '2026-11-23T11:00:00+08:00'))
      expect(await store.findStaffSession('t1', '2026-11-23T12:00:00+08:00')).toEqual({ staffId: 'li', expiresAt: '2026-11-23T22:00:00+08:00' })
      expect(await store.findStaffSession('t1', '2026-11-23T22:00:00+08:00')).toBeNull()
      expect(await store.findStaffSession('t4', '2026-11-23T12:00:00+08:00')).toBeNull()
      expect(await store.findStaffSession('nope', '2026-11-23T12:00:00+08:00')).toBeNull()
      await store.revokeStaffSession('t1', '2026-11-23T12:00:00+08:00')
      expect(await store.findStaffSession('t1', '2026-11-23T12:01:00+08:00')).toBeNull()
      expect(await store.findStaffSession('t2', '2026-11-23T12:01:00+08:00')).not.toBeNull()
      expect(await store.revokeStaffSessions('li', '2026-11-23T12:02:00+08:00')).toBe(2)
      expect(await store.findStaffSession('t2', '2026-11-23T12:03:00+08:00')).toBeNull()
      expect(await store.findStaffSession('t3', '2026-11-23T12:03:00+08:00')).not.toBeNull()
      expect(await store.purgeSecurity('2026-11-24T00:00:00+08:00')).toBeGreaterThanOrEqual(4)
    })

    it('records failed sign-ins per key atomically, and clears them', async () => {
      const bump = (prev: { failures: number; firstAt: string; lockedUntil: string | null } | null) => ({
        failures: (prev?.failures ?? 0) + 1,
        firstAt: prev?.firstAt ?? '2026-11-23T10:00:00+08:00',
        lockedUntil: (prev?.failures ?? 0) + 1 >= 5 ? '2026-11-23T10:15:00+08:00' : null,
      })
      await Promise.all(Array.from({ length: 6 }, () => store.recordSignInFailure('acct:tl:li', bump)))
      expect(await store.signInFailures('acct:tl:li')).toEqual({ failures: 6, firstAt: '2026-11-23T10:00:00+08:00', lockedUntil: '2026-11-23T10:15:00+08:00' })
      expect(await store.signInFailures('acct:tl:wang')).toBeNull()
      expect(await store.clearSignInFailures('acct:tl:li')).toBe(true)
      expect(await store.clearSignInFailures('acct:tl:li')).toBe(false)
      expect(await store.signInFailures('acct:tl:li')).toBeNull()
    })

    it('counts rate-limited uses per key and window: of concurrent callers exactly the limit pass', async () => {
      const w = '2026-11-23T10:00:00+08:00'
      const taken = await Promise.all(Array.from({ length: 12 }, () => store.takeRate('submit:addr:10.0.0.1', w, 5)))
      expect(taken.filter(Boolean)).toHaveLength(5)
      expect(await store.takeRate('submit:addr:10.0.0.2', w, 5)).toBe(true)
      expect(await store.takeRate('submit:addr:10.0.0.1', '2026-11-23T11:00:00+08:00', 5)).toBe(true)
    })
  })
}
