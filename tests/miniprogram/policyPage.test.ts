/**
 * @jest-environment jsdom
 */
// The built 规则设置 page in the mini-program: every value with its citation, and an adjustment saved
// as a new version with its note.
import { fieldId, formatPolicyValue, policyValue, POLICY_FIELDS, POLICY_GROUP_LABELS, PRESETS } from '../../src/core/policy'
import type { PolicySettingsView } from '../../src/core/views'
import { answer, calls, fire, renderPage, textOf } from './harness'

const preset = PRESETS['000']
const view = (version: number, reply: number): PolicySettingsView => ({
  version,
  presetId: '000',
  presetName: preset.name,
  presets: [{ id: '000', name: preset.name }],
  canEdit: true,
  fields: POLICY_FIELDS.map((f) => {
    const base = policyValue(preset, f)
    const value = fieldId(f) === 'limits.reply' ? reply : base.value
    return {
      id: fieldId(f),
      group: f.group,
      groupLabel: POLICY_GROUP_LABELS[f.group],
      key: f.key,
      label: f.label,
      unit: f.unit,
      hint: f.hint ?? null,
      value,
      text: formatPolicyValue(f, value),
      presetValue: base.value,
      cite: base.cite,
      overridden: value !== base.value,
    }
  }),
  forbiddenPhrases: { value: preset.forbiddenPhrases.value, presetValue: preset.forbiddenPhrases.value, cite: preset.forbiddenPhrases.cite, overridden: false },
  history: [{ version: 1, presetName: preset.name, note: '开通时的规则', by: '系统', at: '', changes: [] }],
})

it('shows each rule with its citation, and saves an adjustment as a new version', async () => {
  answer({
    policySettings: () => ({ ok: true, data: view(1, 2) }),
    savePolicy: () => ({ ok: true, data: view(2, 1) }),
  })
  const comp = await renderPage('staff/policy/index', {})
  const text = textOf(comp)
  expect(text).toContain('咨询答复时限')
  expect(text).toContain('2 个工作日')
  // the basis in words, its short code kept for the office
  expect(text).toContain('依据：《政务服务中心窗口首问负责制实施细则》第四条第二项〔000 §4.2〕')
  expect(text).toContain('「不知道」')

  await fire(comp, 'btn--plain', 'tap') // 调整规则
  await fire(comp, 'field__textarea', 'input', { value: '咨询答复时限缩短为 1 个工作日' })
  // checked in the phone with the server's schema: named at the field, nothing sent
  await fire(comp, 'policy__input', 'input', { value: '61' })
  await fire(comp, 'btn--primary', 'tap')
  expect(calls.filter((c) => c.action === 'savePolicy')).toHaveLength(0)
  expect(textOf(comp)).toContain('工作日数不超过 60')
  await fire(comp, 'policy__input', 'input', { value: '1' })
  await fire(comp, 'btn--primary', 'tap')
  const saved = calls.filter((c) => c.action === 'savePolicy').map((c) => c.input)
  expect(saved).toHaveLength(1)
  expect(saved[0]).toMatchObject({ presetId: '000', baseVersion: 1, note: '咨询答复时限缩短为 1 个工作日', overrides: { limits: { reply: 1, complaint: 15 } } })
  expect(textOf(comp)).toContain('已保存为第 2 版')
  expect(textOf(comp)).toContain('本厅调整 · 预设 2 个工作日')
})
