// Authorisation comes before any write, everywhere: every call refused to a caller (whatever the
// reason: not signed in, another window, another hall, the wrong role, a state that does not allow
// it) leaves every table exactly as it was. Walks the actions × callers over a few cases and a
// complaint, snapshotting every table around each refused call.
import { sql } from 'kysely'
import { ACTION_NAMES, type ActionInput, type ActionName } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'
import { demoDb } from '../support/pglite'
import { anonymous, citizen, rid, staffMember, testApi } from '../support/api'

const db = demoDb()
const now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })

/** tables that record attempts on purpose (sign-in failures, abuse counters): not part of the invariant */
const ATTEMPT_TABLES = new Set(['schema_migrations', 'sign_in_failures', 'rate_counters'])

async function snapshot(): Promise<Record<string, string>> {
  const tables = await sql<{
    name: string
  }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db.store.db)
  const out: Record<string, string> = {}
  for (const { name } of tables.rows) {
    if (ATTEMPT_TABLES.has(name)) continue
    const r = await sql<{
      n: number
      h: string | null
    }>`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h from ${sql.table(name)} t`.execute(db.store.db)
    out[name] = `${r.rows[0]!.n}:${r.rows[0]!.h}`
  }
  return out
}

it('every refused call, for every action and caller, leaves every table unchanged', async () => {
  const owner = citizen('owner')
  const submit = (windowId: string, kind: 'consult' | 'application') =>
    api().ok(owner, 'submitCase', {
      hallId: 'demo',
      windowId,
      kind,
      contact: { name: '张三', phone: '13912345678' },
      text: '办理二手房转移登记',
      requestId: rid(),
    })
  const { caseId: open } = await submit('bdc', 'consult')
  const { caseId: held } = await submit('bdc', 'application')
  await api().ok(staffMember('bdc-li'), 'claimCase', { caseId: held, requestId: rid() })
  const complaint = await api().ok(owner, 'fileComplaint', {
    hallId: 'demo',
    target: { kind: 'case', caseId: held },
    topic: 'attitude',
    text: '窗口工作人员态度生硬，没有说明原因',
    contact: { name: '张三', phone: '13912345678' },
    requestId: rid(),
  })
  const complaintId = complaint.id
  // a second hall and its office
  await db.store.putHall({
    id: 'other',
    prefix: 'OT',
    name: '另一个政务服务中心',
    address: '',
    supervisionPhone: '',
    complaintChannel: '',
    policyPreset: '000',
    policyVersion: 1,
  })
  await db.store.putStaff({
    id: 'ot-office',
    hallId: 'other',
    windowId: null,
    name: '钱一',
    title: '',
    post: '',
    role: 'office',
    rank: 1,
    phone: '',
    active: true,
  })

  const callers: Record<string, Identity> = {
    anonymous,
    stranger: citizen('stranger'),
    colleague: staffMember('bdc-wang'),
    lead: staffMember('bdc-lead'),
    office: staffMember('office-xu'),
    otherWindow: staffMember('gjj-zhao'),
    otherLead: staffMember('gjj-lead'),
    otherHall: staffMember('ot-office'),
    // the citizen's own calls go last, so staff meet the cases as they were set up
    owner,
  }
  // each action's input, valid in form; for the case actions both the open and the held case
  const inputs = (caseId: string): { [A in ActionName]?: ActionInput<A> } => ({
    claimCase: { caseId, requestId: rid() },
    replyCase: { caseId, text: '请携带身份证原件办理', mode: 'onTheSpot', requestId: rid() },
    issueSupplementNotice: { caseId, requestId: rid(), items: ['身份证复印件'] },
    materialsComplete: { caseId, requestId: rid() },
    acceptCase: { caseId, requestId: rid(), mode: 'promised', limitDays: 5 },
    completeCase: { caseId, requestId: rid(), result: '已办结' },
    refuseCase: { caseId, requestId: rid(), reason: '不符合条件', legalBasis: '《不动产登记暂行条例》' },
    createHandover: { caseId, requestId: rid(), toStaffId: 'bdc-wang', reason: '临时外出' },
    acknowledgeHandover: { caseId, requestId: rid(), slipNo: 'SF-JJ-2026-0001' },
    recordContact: { caseId, requestId: rid() },
    reportJoint: { caseId, requestId: rid(), coWindowIds: ['gjj'], note: '需要公积金窗口配合' },
    recordJointPlan: { caseId, requestId: rid(), plan: '两窗口共同办理', coWindowIds: ['gjj'] },
    urgeCase: { caseId, requestId: rid() },
    referCase: { caseId, requestId: rid(), toWindowId: 'gjj', note: '请到公积金窗口办理', openLinked: true },
    outsideHall: { caseId, requestId: rid(), mode: 'written', explanation: '属于住建局职责', department: '住建局' },
    forwardOutside: { caseId, requestId: rid(), department: '住建局', date: '2026-11-23', documentNo: '示政服〔2026〕1号' },
    extendClock: { caseId, requestId: rid(), clockKind: 'reply', days: 2, reason: '需要核实情况' },
    takeOver: { caseId, requestId: rid(), reason: '原负责人外出' },
    assignCase: { caseId, requestId: rid(), staffId: 'bdc-wang' },
    closeCase: { caseId, requestId: rid() },
    rateCase: { caseId, requestId: rid(), level: 5 },
    recordRectification: { caseId, requestId: rid(), finding: 'verified', measures: '已批评教育' },
    recordFollowUp: { caseId, requestId: rid(), result: '市民表示满意', satisfied: true },
    revealPhone: { caseId },
    getCase: { caseId },
    fileComplaint: {
      hallId: 'demo',
      target: { kind: 'case', caseId },
      topic: 'attitude',
      text: '窗口工作人员态度生硬，没有说明原因',
      contact: { name: '张三', phone: '13912345678' },
      requestId: rid(),
    },
  })
  const general: { [A in ActionName]?: ActionInput<A> } = {
    getComplaint: { complaintId },
    extendComplaint: { complaintId, days: 5, reason: '需要调取录像', approvedBy: '王副主任' },
    answerComplaint: { complaintId, finding: 'verified', answer: '经调查属实，已批评教育', responsibleStaffId: 'bdc-li' },
    rateComplaint: { complaintId, level: 5 },
    saveHall: { name: '改名的政务服务中心' },
    saveWindow: { id: 'bdc', name: '不动产登记窗口', active: false },
    savePolicy: { presetId: '001', note: '试一试', baseVersion: 1, requestId: rid() },
    saveCalendarDay: { date: '2026-12-01', kind: 'restday', note: '地方节日' },
    removeCalendarDay: { date: '2026-12-01' },
    saveMatter: { windowId: 'bdc', name: '新的事项', kind: 'instant', requestId: rid() },
    saveStaff: { id: 'bdc-li', name: '李晓梅', role: 'office' },
    setStaffPhoto: { staffId: 'bdc-li', photo: null },
    setStaffPassword: { staffId: 'bdc-li', password: 'a-new-password' },
    unlockSignIn: { staffId: 'bdc-li' },
    createInvite: { staffId: 'bdc-li' },
    unbindStaff: { staffId: 'bdc-li' },
    exportArchive: { from: '2026-11-01', to: '2026-11-30', format: 'jsonl' },
    revealPhone: { complaintId },
    markRead: { as: 'staff' },
    bindInvite: { code: 'ABCDEFGH' },
    demoLogin: { staffId: 'nobody' },
    addDeduction: { staffId: 'bdc-li', item: 'conduct', occurredOn: '2026-11-20', reason: '上班时间玩手机游戏', evidence: '监控截图', requestId: rid() },
    revokeDeduction: { deductionId: 'md_nosuch', reason: '登记有误', requestId: rid() },
  }

  let refused = 0
  const tried = new Set<string>()
  let before = await snapshot()
  const attempt = async (action: ActionName, input: unknown, who: string, identity: Identity) => {
    const answer = await api().raw.call(identity, { action, ...(input as object) })
    const after = await snapshot()
    if (!answer.ok) {
      tried.add(action)
      refused++
      expect({ action, who, error: answer.error.code, tables: after }).toEqual({ action, who, error: answer.error.code, tables: before })
    }
    before = after
  }
  for (const [who, identity] of Object.entries(callers)) {
    for (const caseId of [open, held]) {
      for (const [action, input] of Object.entries(inputs(caseId))) await attempt(action as ActionName, input, who, identity)
    }
    for (const [action, input] of Object.entries(general)) await attempt(action as ActionName, input, who, identity)
  }
  expect(refused).toBeGreaterThan(150)
  // the walk covers every action that writes
  const writes = ACTION_NAMES.filter((a) => a in inputs(open) || a in general)
  expect(writes.filter((a) => !tried.has(a))).toEqual([])
})
