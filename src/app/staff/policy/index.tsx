// 规则设置: the preset the hall follows and its own adjustments, each value with its citation. The hall
// office edits and saves a new version with a note; other staff read the rules they work under.
// The server normalises and checks everything again; the page shows its refusal at the field.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { ErrorBody } from '../../../core/errors'
import { fieldId, formatPolicyValue, policyValue, POLICY_FIELDS, PRESETS, type ForbiddenPhrase, type PolicyField, type PresetId } from '../../../core/policy'
import { citeCode, citeInWords } from '../../../core/regulation'
import type { PolicySettingsView } from '../../../core/views'
import { callChecked } from '../../api/checked'
import { call, newRequestId } from '../../api/client'
import { Message } from '../../components/CaseParts'
import { formatDateTime } from '../../lib/format'
import { useStaffView } from '../../lib/useStaffView'

type Draft = { presetId: PresetId; values: Record<string, string | boolean>; phrases: ForbiddenPhrase[]; note: string }

/** what the input shows: percentages for fractions, numbers as typed */
const shown = (f: Pick<PolicyField, 'unit'>, v: number | boolean): string | boolean =>
  typeof v === 'boolean' ? v : f.unit === 'fraction' ? String(Math.round(v * 100)) : String(v)

function draftOf(presetId: PresetId, view: PolicySettingsView | null): Draft {
  const mine = view && view.presetId === presetId
  const values: Draft['values'] = {}
  for (const f of POLICY_FIELDS) {
    const v = mine ? view.fields.find((x) => x.id === fieldId(f))!.value : policyValue(PRESETS[presetId], f).value
    values[fieldId(f)] = shown(f, v)
  }
  const phrases = mine ? view.forbiddenPhrases.value : PRESETS[presetId].forbiddenPhrases.value
  return { presetId, values, phrases: phrases.map((p) => ({ ...p })), note: '' }
}

/** the adjustments as the API takes them; the server keeps only what differs from the preset */
function overridesOf(d: Draft) {
  const out: Record<string, Record<string, number | boolean>> = {}
  for (const f of POLICY_FIELDS) {
    const raw = d.values[fieldId(f)]!
    const value = typeof raw === 'boolean' ? raw : raw.trim() === '' ? Number.NaN : f.unit === 'fraction' ? Number(raw) / 100 : Number(raw)
    ;(out[f.group] ??= {})[f.key] = value
  }
  return { ...out, forbiddenPhrases: d.phrases.filter((p) => p.phrase.trim() || p.suggestion.trim()) }
}

const UNIT_SUFFIX: Record<PolicyField['unit'], string> = {
  workdays: '个工作日',
  points: '分',
  score: '分',
  hours: '小时',
  fraction: '%',
  stars: '星',
  yesNo: '',
}

export default function PolicyPage() {
  const [draft, setDraft] = useState<Draft | null>(null)
  const [editing, setEditing] = useState(false)
  const [refusal, setRefusal] = useState<ErrorBody | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)

  const { view, setView, error } = useStaffView(() => call('policySettings', {}), { loaded: (data) => setDraft(draftOf(data.presetId, data)) })

  if (error)
    return (
      <View className='page'>
        <Message title='无法加载' text={error} />
      </View>
    )
  if (!view || !draft) return <View className='page loading'>正在加载…</View>

  const setValue = (id: string, v: string | boolean) => setDraft({ ...draft, values: { ...draft.values, [id]: v } })
  const setPhrase = (i: number, part: keyof ForbiddenPhrase, v: string) =>
    setDraft({ ...draft, phrases: draft.phrases.map((p, j) => (j === i ? { ...p, [part]: v } : p)) })

  async function save() {
    if (busy || !view || !draft) return
    setBusy(true)
    const a = await callChecked('savePolicy', {
      presetId: draft.presetId,
      overrides: overridesOf(draft),
      note: draft.note,
      baseVersion: view.version,
      requestId,
    })
    setBusy(false)
    if (!a.ok) {
      setRefusal(a.error)
      return
    }
    setRefusal(null)
    setView(a.data)
    setDraft(draftOf(a.data.presetId, a.data))
    setEditing(false)
    setRequestId(newRequestId())
    setNotice(`已保存为第 ${a.data.version} 版，此后受理的案件按新规则计时`)
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  const errorAt = (path: string) => (refusal?.details?.field === path ? refusal.message : null)
  const fieldRefused =
    POLICY_FIELDS.some((f) => errorAt(`overrides.${fieldId(f)}`)) || String(refusal?.details?.field ?? '').startsWith('overrides.forbiddenPhrases')
  const general = refusal && !fieldRefused && refusal.details?.field !== 'note' ? refusal.message : null
  const groups = [...new Set(view.fields.map((f) => f.group))]

  return (
    <View className='page policy'>
      {notice ? <View className='notice'>{notice}</View> : null}
      <View className='section'>
        <View className='section__title'>
          现行规则<Text className='section__aside'>第 {view.version} 版</Text>
        </View>
        <View>{view.presetName}</View>
        <View className='muted policy__intro'>
          每项规则后注明依据的条款；标有「本厅调整」的是本厅在预设之上的调整。调整后新受理的案件按新规则计时，已受理的案件仍按受理时的规则。
        </View>
        {view.canEdit && !editing ? (
          <Button className='btn btn--plain' onClick={() => setEditing(true)}>
            调整规则
          </Button>
        ) : null}
      </View>

      {editing ? (
        <View className='section'>
          <View className='section__title'>规则预设</View>
          <View className='muted policy__intro'>选择本厅依据的制度，各项时限和扣分随之带出，可再逐项调整。</View>
          {view.presets.map((p) => (
            <View
              key={p.id}
              className={`choice ${draft.presetId === p.id ? 'choice--on' : ''}`}
              onClick={() => setDraft({ ...draftOf(p.id, view), note: draft.note })}
            >
              <Text className='choice__name'>{p.name}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {groups.map((g) => (
        <View className='section' key={g}>
          <View className='section__title'>{view.fields.find((f) => f.group === g)!.groupLabel}</View>
          {view.fields
            .filter((f) => f.group === g)
            .map((f) => {
              const preset = policyValue(PRESETS[draft.presetId], f)
              const value = draft.values[f.id]!
              return (
                <View className='policy__row' key={f.id}>
                  <View className='policy__head'>
                    <Text className='policy__label'>{f.label}</Text>
                    {editing ? null : <Text className='policy__value'>{f.text}</Text>}
                  </View>
                  {editing ? (
                    f.unit === 'yesNo' ? (
                      <View className='chips'>
                        {[true, false].map((on) => (
                          <Text key={String(on)} className={`chip ${value === on ? 'chip--on' : ''}`} onClick={() => setValue(f.id, on)}>
                            {on ? '是' : '否'}
                          </Text>
                        ))}
                      </View>
                    ) : (
                      <View className='policy__edit'>
                        <Input className='field__input policy__input' type='digit' value={String(value)} onInput={(e) => setValue(f.id, e.detail.value)} />
                        <Text className='policy__unit'>{UNIT_SUFFIX[f.unit]}</Text>
                      </View>
                    )
                  ) : null}
                  {f.hint ? <View className='muted policy__hint'>{f.hint}</View> : null}
                  <View className='policy__cite'>
                    <Basis cite={editing || f.overridden ? policyValue(PRESETS[editing ? draft.presetId : view.presetId], f).cite : f.cite} />
                    {editing ? `（预设 ${formatPolicyValue(f, preset.value)}）` : null}
                    {!editing && f.overridden ? <Text className='tag tag--wait policy__tag'>本厅调整 · 预设 {formatPolicyValue(f, f.presetValue)}</Text> : null}
                  </View>
                  {errorAt(`overrides.${f.id}`) ? <View className='field__error'>{errorAt(`overrides.${f.id}`)}</View> : null}
                </View>
              )
            })}
        </View>
      ))}

      <View className='section'>
        <View className='section__title'>
          服务禁语<Text className='section__aside'>{view.forbiddenPhrases.overridden && !editing ? '本厅调整' : ''}</Text>
        </View>
        <View className='muted policy__intro'>
          答复中出现这些说法时，系统会提示改用建议说法。
          <Basis cite={view.forbiddenPhrases.cite} />
        </View>
        {(editing ? draft.phrases : view.forbiddenPhrases.value).map((p, i) =>
          editing ? (
            <View className='policy__phrase' key={i}>
              <Input
                className='field__input policy__phrase-input'
                value={p.phrase}
                placeholder='禁语'
                onInput={(e) => setPhrase(i, 'phrase', e.detail.value)}
              />
              <Input className='field__input' value={p.suggestion} placeholder='建议说法' onInput={(e) => setPhrase(i, 'suggestion', e.detail.value)} />
              <Text className='link' onClick={() => setDraft({ ...draft, phrases: draft.phrases.filter((_, j) => j !== i) })}>
                删除
              </Text>
            </View>
          ) : (
            <View className='policy__row' key={i}>
              <Text className='policy__label'>「{p.phrase}」</Text>
              <View className='muted'>改说：{p.suggestion}</View>
            </View>
          ),
        )}
        {editing ? (
          <Text className='link' onClick={() => setDraft({ ...draft, phrases: [...draft.phrases, { phrase: '', suggestion: '' }] })}>
            添加一条禁语
          </Text>
        ) : null}
        {fieldRefused && String(refusal?.details?.field ?? '').startsWith('overrides.forbiddenPhrases') ? (
          <View className='field__error'>{refusal!.message}</View>
        ) : null}
      </View>

      {editing ? (
        <View className='section'>
          <View className='field'>
            <View className='field__label'>调整说明（记入版本记录和审计日志）</View>
            <Textarea
              className='field__textarea field__textarea--short'
              value={draft.note}
              maxlength={200}
              placeholder='例如：经中心主任办公会研究，咨询答复时限缩短为 1 个工作日'
              onInput={(e) => setDraft({ ...draft, note: e.detail.value })}
            />
            {errorAt('note') ? <View className='field__error'>{errorAt('note')}</View> : null}
          </View>
          {general ? <View className='field__error'>{general}</View> : null}
          <Button className={`btn btn--primary ${busy ? 'btn--off' : ''}`} loading={busy} disabled={busy} onClick={save}>
            保存为新版本
          </Button>
          <Button
            className='btn btn--plain'
            onClick={() => {
              setEditing(false)
              setRefusal(null)
              setDraft(draftOf(view.presetId, view))
            }}
          >
            取消
          </Button>
        </View>
      ) : null}

      <View className='list-title'>版本记录</View>
      {view.history.map((h) => (
        <View className='section' key={h.version}>
          <View className='section__title'>
            第 {h.version} 版<Text className='section__aside'>{h.at ? `${formatDateTime(h.at)} · ${h.by}` : h.by}</Text>
          </View>
          <View className='muted'>{h.presetName}</View>
          {h.note ? <View className='policy__note'>{h.note}</View> : null}
          {h.changes.map((c) => (
            <View className='list-line' key={c}>
              · {c}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

/** a rule's basis in words, its short code beside it for the office's reference (src/core/regulation.ts) */
function Basis({ cite }: { cite: string }) {
  const code = citeCode(cite)
  return (
    <Text>
      依据：{citeInWords(cite)}
      {code ? <Text className='policy__code'>〔{code}〕</Text> : null}
    </Text>
  )
}
