// How many store calls each request makes: every call to the store port counted while one request
// runs, through the API as the shells call it. On CloudBase each is a round trip to the database,
// so these numbers are what a citizen waits for. Used by tests/server/storeCalls.test.ts (the
// targets) and `npm run bench` (the numbers, for both adapters).
import type { ActionInput, ActionName } from '../../src/core/api'
import type { ActionOutputs } from '../../src/core/views'
import type { Identity } from '../../src/server/identity'
import type { Store } from '../../src/server/store/port'
import { seedDemoHall } from '../../src/server/demoHall'
import { testApi, rid } from './api'

/** a store that counts the calls made to it */
export function countingStore<S extends Store>(store: S): { store: S; count(): number; reset(): void; log(): string[] } {
  let calls: string[] = []
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== 'function' || prop === 'kind') return value
      return (...args: unknown[]) => {
        calls.push(String(prop))
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return { store: proxy, count: () => calls.length, reset: () => void (calls = []), log: () => [...calls] }
}

export interface CallCount {
  action: string
  calls: number
  /** the store methods called, in order */
  log: string[]
}

/** the targets of one load per request (issue: one path for a case action) */
export const TARGETS = { caseAction: 4, submitCase: 3, citizenCaseView: 2, staffQueue: 3 }

/**
 * Runs the first-responder workflow through every kind of case action on the demo hall and counts
 * the store calls of each request. `as` gives each person's identity in the store's mode.
 */
export async function measureStoreCalls(
  raw: Store,
  mode: 'cloud' | 'selfHosted',
  as: { citizen: Identity; staff(id: string): Identity },
): Promise<CallCount[]> {
  await seedDemoHall(raw)
  if (mode === 'cloud') {
    // cloud staff are known by the WeChat account bound to them
    for (const id of ['bdc-li', 'bdc-wang', 'bdc-lead', 'office-xu']) {
      const s = (await raw.getStaff(id))!
      await raw.putStaff(s, { openid: as.staff(id).openid! })
    }
  }
  const counter = countingStore(raw)
  const api = testApi({ store: counter.store, now: () => new Date('2026-11-23T10:00:00+08:00'), mode })
  const out: CallCount[] = []
  async function measure<A extends ActionName>(who: Identity, action: A, input: ActionInput<A>, label: string = action): Promise<ActionOutputs[A]> {
    counter.reset()
    const data = await api.ok(who, action, input)
    out.push({ action: label, calls: counter.count(), log: counter.log() })
    return data
  }
  const li = as.staff('bdc-li')
  const wang = as.staff('bdc-wang')
  const lead = as.staff('bdc-lead')
  const office = as.staff('office-xu')
  const consult = {
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'consult' as const,
    contact: { name: '张三', phone: '13912345678' },
    text: '请问二手房过户需要哪些材料？',
    attachments: [],
  }

  // a consult: submitted, seen, claimed, handed over and back, replied, rated, rectified
  const { caseId } = await measure(as.citizen, 'submitCase', { ...consult, requestId: rid() })
  await measure(as.citizen, 'getCase', { caseId }, 'getCase (citizen)')
  await measure(li, 'staffQueue', {}, 'staffQueue (staff)')
  await measure(lead, 'staffQueue', {}, 'staffQueue (lead)')
  await measure(li, 'claimCase', { caseId, requestId: rid() })
  await measure(li, 'getCase', { caseId }, 'getCase (staff)')
  const slip = await measure(li, 'createHandover', { caseId, toStaffId: 'bdc-wang', reason: '本人外出培训', requestId: rid() })
  await measure(wang, 'acknowledgeHandover', { caseId, slipNo: slip.handovers[0]!.slipNo, requestId: rid() })
  await measure(wang, 'recordContact', { caseId, note: '已电话联系', requestId: rid() })
  await measure(wang, 'replyCase', { caseId, text: '请携带身份证、不动产权证书和买卖合同。', mode: 'timed', requestId: rid() })
  await measure(as.citizen, 'rateCase', { caseId, level: 1, tags: ['attitude'], text: '答复太慢，等了两天', requestId: rid() })
  await measure(lead, 'recordRectification', { caseId, finding: 'verified', measures: '已提醒窗口人员及时答复', requestId: rid() })
  await measure(lead, 'recordFollowUp', { caseId, result: '市民表示满意', satisfied: true, requestId: rid() })
  await measure(wang, 'closeCase', { caseId, note: '', requestId: rid() })

  // an application: the one-time notice (a numbered form), materials, acceptance, completion
  const app = await api.ok(as.citizen, 'submitCase', { ...consult, kind: 'application', text: '申请办理不动产转移登记', requestId: rid() })
  await measure(lead, 'assignCase', { caseId: app.caseId, staffId: 'bdc-li', requestId: rid() })
  await measure(li, 'issueSupplementNotice', { caseId: app.caseId, items: ['完税证明'], requestId: rid() })
  await measure(as.citizen, 'materialsComplete', { caseId: app.caseId, note: '', requestId: rid() })
  await measure(li, 'acceptCase', { caseId: app.caseId, mode: 'promised', limitDays: 5, requestId: rid() })
  await measure(lead, 'takeOver', { caseId: app.caseId, reason: '情况复杂，由负责人办理', requestId: rid() })
  await measure(lead, 'reportJoint', { caseId: app.caseId, coWindowIds: ['sw'], note: '需税务窗口核定税款', requestId: rid() })
  await measure(lead, 'recordJointPlan', { caseId: app.caseId, plan: '税务窗口当日核税，本窗口办理登记', coWindowIds: ['sw'], requestId: rid() })
  await measure(lead, 'urgeCase', { caseId: app.caseId, note: '请尽快核税', targetWindowId: 'sw', requestId: rid() })
  await measure(office, 'urgeCase', { caseId: app.caseId, note: '请加快办理', requestId: rid() }, 'urgeCase (office)')

  // referred to another window with a case opened there, in the same write
  const other = await api.ok(as.citizen, 'submitCase', { ...consult, requestId: rid() })
  await api.ok(li, 'claimCase', { caseId: other.caseId, requestId: rid() })
  await measure(li, 'referCase', { caseId: other.caseId, toWindowId: 'gjj', note: '请到 2 号公积金窗口办理', openLinked: true, requestId: rid() })

  // outside the hall, forwarded by the hall office
  const outside = await api.ok(as.citizen, 'submitCase', { ...consult, kind: 'application', text: '申请办理出入境证件', requestId: rid() })
  await api.ok(li, 'claimCase', { caseId: outside.caseId, requestId: rid() })
  await measure(li, 'outsideHall', {
    caseId: outside.caseId,
    mode: 'written',
    explanation: '由公安出入境部门办理',
    department: '公安局出入境管理大队',
    requestId: rid(),
  })
  await measure(office, 'forwardOutside', {
    caseId: outside.caseId,
    department: '公安局出入境管理大队',
    date: '2026-11-23',
    documentNo: '政服转〔2026〕12号',
    requestId: rid(),
  })

  // refused
  const refused = await api.ok(as.citizen, 'submitCase', { ...consult, kind: 'application', text: '申请办理不动产首次登记', requestId: rid() })
  await api.ok(li, 'claimCase', { caseId: refused.caseId, requestId: rid() })
  await measure(li, 'refuseCase', { caseId: refused.caseId, reason: '不属于本窗口受理范围', legalBasis: '《不动产登记暂行条例》第十四条', requestId: rid() })
  const done = await api.ok(as.citizen, 'submitCase', { ...consult, kind: 'application', text: '申请查询不动产登记信息', requestId: rid() })
  await api.ok(li, 'claimCase', { caseId: done.caseId, requestId: rid() })
  await api.ok(li, 'acceptCase', { caseId: done.caseId, mode: 'promised', limitDays: 3, requestId: rid() })
  await measure(li, 'completeCase', { caseId: done.caseId, result: '已出具查询结果', requestId: rid() })

  // 004 限时办结 §5: after the hall moves to the 004 preset, a new case's handler extends its promised limit
  const hall = (await raw.getHall('demo'))!
  await raw.putPolicyVersion('demo', {
    version: hall.policyVersion + 1,
    presetId: '004',
    overrides: {},
    note: '改用二坪镇制度',
    by: 'office-xu',
    at: '2026-11-23T09:00:00+08:00',
  })
  await raw.putHall({ ...hall, policyPreset: '004', policyVersion: hall.policyVersion + 1 })
  const late = await api.ok(as.citizen, 'submitCase', { ...consult, kind: 'application', text: '申请办理不动产抵押登记', requestId: rid() })
  await api.ok(li, 'claimCase', { caseId: late.caseId, requestId: rid() })
  await api.ok(li, 'acceptCase', { caseId: late.caseId, mode: 'promised', limitDays: 3, requestId: rid() })
  await measure(li, 'extendClock', { caseId: late.caseId, clockKind: 'promised', days: 2, reason: '需现场核查抵押物', requestId: rid() })
  return out
}
