// 规则设置 for the hall office: the preset the hall follows (one of the five regulations) and its own
// adjustments, each value shown with its citation. Every save records a new version that is never
// changed; a case keeps the version it was opened under, so a change applies to new cases only.
// Every save is audited, with what changed in words.
import { formatShanghai } from '../../core/calendar'
import { CLOCK_LABELS } from '../../core/clock'
import { DomainError } from '../../core/errors'
import {
  effectivePolicy,
  fieldHint,
  fieldId,
  formatPolicyValue,
  normalizeOverrides,
  policyChanges,
  policyValue,
  POLICY_FIELDS,
  POLICY_GROUP_LABELS,
  PRESET_IDS,
  PRESETS,
  type Policy,
} from '../../core/policy'
import type { Hall } from '../../core/schemas'
import type { PolicySettingsView } from '../../core/views'
import { audit, staffActor } from '../audit'
import { requireOffice, requireStaff } from '../authorize'
import { loadHall } from '../hallContext'
import type { PolicyVersion } from '../store/port'
import type { Handler, HandlerContext } from '../context'

const OFFICE_ONLY = '只有政务服务科可以调整规则'

function policyOf(v: Pick<PolicyVersion, 'presetId' | 'overrides' | 'version'>): Policy {
  const p = effectivePolicy(v.presetId, v.overrides, v.version)
  if (!p.ok) throw p.error
  return p.value
}

/** the hall's versions, with the first one as its preset when the hall never changed its rules */
async function versionsOf(ctx: HandlerContext, hall: Hall): Promise<{ current: PolicyVersion; currentStored: boolean; all: PolicyVersion[] }> {
  const stored = await ctx.store.listPolicyVersions(hall.id)
  const found = stored.find((v) => v.version === hall.policyVersion)
  const current =
    found ?? ({ version: hall.policyVersion, presetId: hall.policyPreset, overrides: {}, note: '开通时的规则', by: '', at: '' } satisfies PolicyVersion)
  return { current, currentStored: found !== undefined, all: found ? stored : [...stored, current] }
}

async function view(ctx: HandlerContext, hall: Hall, canEdit: boolean): Promise<PolicySettingsView> {
  const hallId = hall.id
  const { current, all } = await versionsOf(ctx, hall)
  const policy = policyOf(current)
  const preset = PRESETS[current.presetId]
  const people = new Map((await ctx.store.listStaff(hallId)).map((s) => [s.id, s.name]))
  const ordered = [...all].sort((a, b) => a.version - b.version)
  return {
    version: current.version,
    presetId: current.presetId,
    presetName: preset.name,
    presets: PRESET_IDS.map((id) => ({ id, name: PRESETS[id].name })),
    canEdit,
    fields: POLICY_FIELDS.map((f) => {
      const mine = policyValue(policy, f)
      const base = policyValue(preset, f)
      return {
        id: fieldId(f),
        group: f.group,
        groupLabel: POLICY_GROUP_LABELS[f.group],
        key: f.key,
        label: f.label,
        unit: f.unit,
        hint: fieldHint(policy, f, CLOCK_LABELS),
        value: mine.value,
        text: formatPolicyValue(f, mine.value),
        presetValue: base.value,
        cite: mine.cite,
        overridden: mine.value !== base.value,
      }
    }),
    forbiddenPhrases: {
      value: policy.forbiddenPhrases.value,
      presetValue: preset.forbiddenPhrases.value,
      cite: policy.forbiddenPhrases.cite,
      overridden: current.overrides.forbiddenPhrases !== undefined,
    },
    history: ordered
      .map((v, i) => ({
        version: v.version,
        presetName: PRESETS[v.presetId].name,
        note: v.note,
        by: people.get(v.by) ?? (v.by === 'system' || !v.by ? '系统' : v.by),
        at: v.at,
        changes: i === 0 ? [] : policyChanges(policyOf(ordered[i - 1]!), policyOf(v)),
      }))
      .reverse(),
  }
}

export const policySettings: Handler<'policySettings'> = async (ctx) => {
  const me = requireStaff(ctx)
  return view(ctx, await loadHall(ctx.store, me.hallId), me.role === 'office')
}

export const savePolicy: Handler<'savePolicy'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const hall = await loadHall(ctx.store, me.hallId)
  const { current, currentStored, all } = await versionsOf(ctx, hall)
  // a repeated save answers with the version it recorded
  if (all.some((v) => v.requestId === input.requestId && v.by === me.id)) return view(ctx, hall, true)
  if (input.baseVersion !== current.version) {
    throw new DomainError('CONFLICT', `规则已被调整为第 ${current.version} 版，请刷新后再修改`, { version: current.version })
  }
  const overrides = normalizeOverrides(input.presetId, input.overrides)
  const next = policyOf({ presetId: input.presetId, overrides, version: current.version + 1 })
  const changes = policyChanges(policyOf(current), next)
  if (changes.length === 0) throw new DomainError('INVALID_INPUT', '规则没有变化', { field: 'overrides' })
  // the version cases were opened under so far is kept before it stops being the current one
  if (!currentStored) {
    await ctx.store.putPolicyVersion(me.hallId, { ...current, by: current.by || 'system', at: current.at || formatShanghai(ctx.now) })
  }
  const version = Math.max(...all.map((v) => v.version)) + 1
  const recorded = await ctx.store.putPolicyVersion(me.hallId, {
    version,
    presetId: input.presetId,
    overrides,
    note: input.note,
    by: me.id,
    at: formatShanghai(ctx.now),
    requestId: input.requestId,
  })
  if (!recorded) throw new DomainError('CONFLICT', '规则正在被他人调整，请刷新后再修改', { version })
  const saved = { ...hall, policyPreset: input.presetId, policyVersion: version }
  await ctx.store.putHall(saved)
  await audit(
    ctx.store,
    {
      hallId: me.hallId,
      actor: staffActor(me),
      action: 'policy.update',
      target: `policy:${version}`,
      detail: { presetId: input.presetId, changes: changes.join('；'), note: input.note },
    },
    ctx.now,
  )
  return view(ctx, saved, true)
}
