// 规则设置: the hall office picks a preset and adjusts values, each shown with its citation; every
// save is a new version, cases keep the version they were opened under, and every save is audited.
import type { ActionInput, ActionName } from '../../src/core/api'
import type { Identity } from '../../src/server/identity'
import { demoDb } from '../support/pglite'
import { citizen, outcome, rid, staffMember, testApi } from '../support/api'

const db = demoDb()
const api = () => testApi({ store: db.store, now: () => new Date('2026-11-23T02:00:00Z') })
const office = staffMember('office-xu')
const code = <A extends ActionName>(who: Identity, action: A, input: ActionInput<A>) => outcome(api(), who, action, input)
const consult = async (who: Identity) => {
  const { caseId } = await api().ok(who, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'consult',
    contact: { name: '张三', phone: '13912345678' },
    text: '请问如何办理？',
    requestId: rid(),
  })
  return { caseId, dueAt: (await api().ok(who, 'getCase', { caseId })).clocks[0]!.dueAt }
}

it('shows every value with its citation, and a save applies to new cases only', async () => {
  const first = await api().ok(office, 'policySettings', {})
  expect(first).toMatchObject({ version: 1, presetId: '000', canEdit: true })
  expect(first.fields.find((f) => f.id === 'limits.reply')).toMatchObject({ value: 2, text: '2 个工作日', cite: '000 §4.2', overridden: false })
  expect(first.fields.every((f) => f.cite.length > 0)).toBe(true)

  const me = citizen()
  // received Mon 23 Nov 10:00: two working days end Wed 25 Nov
  const earlier = await consult(me)
  expect(earlier.dueAt).toBe('2026-11-25T17:30:00+08:00')

  const requestId = rid()
  const saved = await api().ok(office, 'savePolicy', {
    presetId: '000',
    overrides: { limits: { reply: 1 }, assessment: { badRating: -2 } },
    note: '本厅承诺提速',
    baseVersion: 1,
    requestId,
  })
  expect(saved.version).toBe(2)
  expect(saved.fields.find((f) => f.id === 'limits.reply')).toMatchObject({
    value: 1,
    text: '1 个工作日',
    presetValue: 2,
    cite: '000 §4.2（本厅调整）',
    overridden: true,
  })
  expect(saved.history[0]).toMatchObject({
    version: 2,
    by: '徐文',
    note: '本厅承诺提速',
    changes: ['咨询答复时限：2 个工作日 → 1 个工作日', '差评（每件）：-1 分 → -2 分'],
  })
  expect(saved.history.map((h) => h.version)).toEqual([2, 1])
  // a repeated save records nothing more
  expect(
    (
      await api().ok(office, 'savePolicy', {
        presetId: '000',
        overrides: { limits: { reply: 1 }, assessment: { badRating: -2 } },
        note: '本厅承诺提速',
        baseVersion: 1,
        requestId,
      })
    ).version,
  ).toBe(2)
  expect((await db.store.listPolicyVersions('demo')).map((v) => v.version)).toEqual([1, 2])

  // a new case runs on one working day; the one opened before keeps two
  expect((await consult(citizen())).dueAt).toBe('2026-11-24T17:30:00+08:00')
  expect((await api().ok(me, 'getCase', { caseId: earlier.caseId })).clocks[0]!.dueAt).toBe('2026-11-25T17:30:00+08:00')

  // switching presets drops adjustments equal to the new preset's values
  const p002 = await api().ok(office, 'savePolicy', {
    presetId: '002',
    overrides: { limits: { reply: 1 } },
    note: '改用铜川中心制度',
    baseVersion: 2,
    requestId: rid(),
  })
  expect(p002).toMatchObject({ version: 3, presetId: '002' })
  expect(p002.fields.find((f) => f.id === 'limits.reply')).toMatchObject({ value: 1, cite: '002 一次性告知 §5(3)', overridden: false })
  expect((await db.store.getPolicyVersion('demo', 3))?.overrides).toEqual({})
  const audits = (await db.store.listAudit('demo', 0, 10)).filter((e) => e.action === 'policy.update')
  expect(audits.map((e) => e.target)).toEqual(['policy:2', 'policy:3'])
  expect(audits[0]!.detail.changes).toBe('咨询答复时限：2 个工作日 → 1 个工作日；差评（每件）：-1 分 → -2 分')
})

it('refuses a stale or empty change, bad values and anyone but the hall office', async () => {
  expect(await code(office, 'savePolicy', { presetId: '000', overrides: {}, note: '无变化', baseVersion: 1, requestId: rid() })).toBe('INVALID_INPUT:overrides')
  expect(await code(office, 'savePolicy', { presetId: '000', overrides: { limits: { reply: 2 } }, note: '与预设相同', baseVersion: 1, requestId: rid() })).toBe(
    'INVALID_INPUT:overrides',
  )
  expect(await code(office, 'savePolicy', { presetId: '000', overrides: { limits: { reply: 61 } }, note: '过长', baseVersion: 1, requestId: rid() })).toBe(
    'INVALID_INPUT:overrides.limits.reply',
  )
  expect(
    await code(office, 'savePolicy', { presetId: '000', overrides: { assessment: { badRating: 1 } }, note: '加分', baseVersion: 1, requestId: rid() }),
  ).toBe('INVALID_INPUT:overrides.assessment.badRating')
  expect(await code(office, 'savePolicy', { presetId: '009' as '000', overrides: {}, note: '不存在', baseVersion: 1, requestId: rid() })).toBe(
    'INVALID_INPUT:presetId',
  )
  expect(await code(office, 'savePolicy', { presetId: '000', overrides: { limits: { reply: 1 } }, note: '', baseVersion: 1, requestId: rid() })).toBe(
    'INVALID_INPUT:note',
  )
  expect(
    await code(staffMember('bdc-lead'), 'savePolicy', { presetId: '000', overrides: { limits: { reply: 1 } }, note: '越权', baseVersion: 1, requestId: rid() }),
  ).toBe('FORBIDDEN')
  // staff read the rules, without the right to change them
  expect((await api().ok(staffMember('bdc-li'), 'policySettings', {})).canEdit).toBe(false)
  expect(await code(citizen(), 'policySettings', {})).toBe('UNAUTHENTICATED')

  // two offices save at once from version 1: exactly one version 2, the other is told to refresh
  const results = await Promise.all(
    [1, 3].map((reply) =>
      code(office, 'savePolicy', { presetId: '000', overrides: { limits: { reply } }, note: '同时调整', baseVersion: 1, requestId: rid() }),
    ),
  )
  expect(results.sort()).toEqual(['CONFLICT', 'ok'])
  expect((await db.store.listPolicyVersions('demo')).map((v) => v.version)).toEqual([1, 2])
  expect(await code(office, 'savePolicy', { presetId: '000', overrides: { limits: { reply: 4 } }, note: '旧页面', baseVersion: 1, requestId: rid() })).toBe(
    'CONFLICT',
  )
})

it('a reply is checked against the forbidden phrases of the version the case was opened under', async () => {
  const me = citizen()
  const li = staffMember('bdc-li')
  const before = await consult(me)
  // the hall adds a phrase of its own after that case was opened
  await api().ok(office, 'savePolicy', {
    presetId: '000',
    overrides: { forbiddenPhrases: [{ phrase: '下班了', suggestion: '请您明天上午再来，我们为您优先办理' }] },
    note: '本厅补充禁语',
    baseVersion: 1,
    requestId: rid(),
  })
  const after = await consult(citizen())
  for (const { caseId } of [before, after]) await api().ok(li, 'claimCase', { caseId, requestId: rid() })
  const reply = { text: '已经下班了，请明天再来办理。', mode: 'timed' as const }
  // the new case runs under version 2, which forbids it; the earlier one under version 1, which does not
  expect(await code(li, 'replyCase', { caseId: after.caseId, ...reply, requestId: rid() })).toBe('INVALID_INPUT:text')
  expect(await code(li, 'replyCase', { caseId: before.caseId, ...reply, requestId: rid() })).toBe('ok')
})
