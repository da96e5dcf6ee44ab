// The permission matrix, derived from the declarations (src/core/caseActions.ts): for every case
// action with a button, in every state of a case the workflow reaches, for every kind of caller, the
// button the case page shows agrees with what the call does — shown exactly when the call would
// succeed — and a refused call leaves the case as it was.
import { CASE_ACTIONS, CASE_ACTION_NAMES, type CaseActionSpec, type CaseRules } from '../../src/core/caseActions'
import { createCalendar } from '../../src/core/calendar'
import { effectivePolicy } from '../../src/core/policy'
import type { CaseState } from '../../src/core/caseState'
import type { ActionName } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'
import { seedDemoHall } from '../../src/server/demoHall'
import { createCloudbaseStore } from '../../src/server/store/cloudbase'
import type { Store } from '../../src/server/store/port'
import type { z } from 'zod'
import { FakeCloudDb } from '../support/fakeCloudDb'
import { anonymous, citizen, rid, staffMember, testApi } from '../support/api'

const NOW = new Date('2026-11-23T10:00:00+08:00')
let store: Store
let api: ReturnType<typeof testApi>

beforeAll(async () => {
  store = createCloudbaseStore(new FakeCloudDb())
  await store.migrate()
  await seedDemoHall(store)
  api = testApi({ store, now: () => NOW })
})

const li = staffMember('bdc-li')
const wang = staffMember('bdc-wang')
const lead = staffMember('bdc-lead')
const office = staffMember('office-xu')
const otherWindow = staffMember('gjj-zhao')

interface Fixture {
  caseId: string
  owner: Identity
}

async function submit(kind: 'consult' | 'application'): Promise<Fixture> {
  const owner = citizen()
  const { caseId } = await api.ok(owner, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind,
    contact: { name: '张三', phone: '13912345678' },
    text: kind === 'consult' ? '请问过户要带什么材料？' : '申请办理不动产转移登记',
    attachments: [],
    requestId: rid(),
  })
  return { caseId, owner }
}
const held = async (kind: 'consult' | 'application') => {
  const f = await submit(kind)
  await api.ok(li, 'claimCase', { caseId: f.caseId, requestId: rid() })
  return f
}

/** the states the workflow reaches, each built fresh */
const FIXTURES: Record<string, () => Promise<Fixture>> = {
  'open consult': () => submit('consult'),
  'consult in hand': () => held('consult'),
  'application in hand': () => held('application'),
  'hand-over pending': async () => {
    const f = await held('consult')
    await api.ok(li, 'createHandover', { caseId: f.caseId, toStaffId: 'bdc-wang', reason: '外出培训', remarks: '', requestId: rid() })
    return f
  },
  'waiting for materials': async () => {
    const f = await held('application')
    await api.ok(li, 'issueSupplementNotice', { caseId: f.caseId, items: ['完税证明'], requestId: rid() })
    return f
  },
  'joint reported': async () => {
    const f = await held('application')
    await api.ok(li, 'reportJoint', { caseId: f.caseId, coWindowIds: ['sw'], note: '需要税务窗口核税', requestId: rid() })
    return f
  },
  'forwarding outside': async () => {
    const f = await held('application')
    await api.ok(li, 'outsideHall', { caseId: f.caseId, mode: 'written', explanation: '由出入境部门办理', department: '出入境管理大队', requestId: rid() })
    return f
  },
  replied: async () => {
    const f = await held('consult')
    await api.ok(li, 'replyCase', { caseId: f.caseId, text: '请携带身份证和不动产权证书。', mode: 'timed', requestId: rid() })
    return f
  },
  'rated badly': async () => {
    const f = await held('consult')
    await api.ok(li, 'replyCase', { caseId: f.caseId, text: '请携带身份证和不动产权证书。', mode: 'timed', requestId: rid() })
    await api.ok(f.owner, 'rateCase', { caseId: f.caseId, level: 1, tags: ['attitude'], text: '态度不太好，答复很慢', requestId: rid() })
    return f
  },
}

/** the sample input of the declaration, with real people and windows in place of its stand-ins */
function realInput(spec: CaseActionSpec<z.ZodType>, state: CaseState, rules: CaseRules): Record<string, unknown> | null {
  const sample = spec.sample?.(state, rules) as Record<string, unknown> | null
  if (!sample) return null
  const colleague = state.handlerId === 'bdc-wang' ? 'bdc-li' : 'bdc-wang'
  const input: Record<string, unknown> = { ...sample, caseId: state.id, requestId: rid() }
  if ('toStaffId' in input) input.toStaffId = colleague
  if ('staffId' in input) input.staffId = colleague
  if ('toWindowId' in input) input.toWindowId = 'gjj'
  if (Array.isArray(input.coWindowIds) && input.coWindowIds.includes('x-other')) input.coWindowIds = ['sw']
  for (const k of ['text', 'result', 'reason', 'legalBasis', 'note', 'measures', 'explanation', 'department', 'documentNo', 'plan']) {
    if (input[k] === '-' || input[k] === '--') input[k] = '按规定办理的说明文字'
  }
  if (Array.isArray(input.items)) input.items = ['完税证明']
  return input
}

const policy = effectivePolicy('000', {}, 1)
const rules: CaseRules = { policy: policy.ok ? policy.value : (undefined as never), calendar: createCalendar({}), now: NOW }

const callers = (f: Fixture): Record<string, Identity> => ({
  owner: f.owner,
  otherCitizen: citizen(),
  handler: li,
  colleague: wang,
  otherWindow,
  lead,
  office,
  anonymous,
})

describe.each(Object.keys(FIXTURES))('%s', (fixture) => {
  const actions = CASE_ACTION_NAMES.filter((n) => (CASE_ACTIONS[n] as CaseActionSpec<z.ZodType>).ability)
  it.each(actions)('%s: the button is shown exactly when the call succeeds', async (name) => {
    const spec = CASE_ACTIONS[name] as CaseActionSpec<z.ZodType>
    const disagreements: string[] = []
    for (const who of Object.keys(callers({ caseId: '', owner: anonymous }))) {
      const f = await FIXTURES[fixture]!()
      const identity = callers(f)[who]!
      const view = await api.call(identity, 'getCase', { caseId: f.caseId })
      const shown = view.ok ? view.data.can[spec.ability!] : false
      const before = (await store.getCaseState(f.caseId))!
      const input = realInput(spec, before, rules)
      const answer = input ? await api.raw.call(identity, { action: name as ActionName, ...input }) : null
      const succeeded = answer?.ok === true
      if (shown !== succeeded)
        disagreements.push(`${who}: button ${shown ? 'shown' : 'hidden'}, call ${answer ? (answer.ok ? 'ok' : answer.error.code) : 'not possible'}`)
      if (answer && !answer.ok) expect((await store.getCaseState(f.caseId))!.version).toBe(before.version)
    }
    expect(disagreements).toEqual([])
  })
})
