// One small form per case action: fields, one button, the server's refusal shown where it belongs.
import { useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { ErrorBody } from '../../core/errors'
import { PhotoPicker } from './Photos'
import { fieldName, showFirstError, tappable } from '../lib/a11y'
import { confirmFirst, type Confirmation } from '../lib/confirm'

export type FieldSpec =
  | { name: string; label: string; kind: 'text' | 'textarea' | 'number'; placeholder?: string; initial?: string }
  /** one entry per line, sent as a list */
  | { name: string; label: string; kind: 'lines'; placeholder?: string }
  | { name: string; label: string; kind: 'choice' | 'multi'; options: Array<{ value: string; label: string }>; initial?: string }
  | { name: string; label: string; kind: 'toggle'; initial?: boolean }
  /** photos uploaded as they are chosen, sent as their ids */
  | { name: string; label: string; kind: 'photos'; hallId: string }

export type FormValues = Record<string, string | number | boolean | string[]>

function initialValues(fields: FieldSpec[]): FormValues {
  const v: FormValues = {}
  for (const f of fields) {
    if (f.kind === 'toggle') v[f.name] = f.initial ?? false
    else if (f.kind === 'multi') v[f.name] = f.initial ? [f.initial] : []
    else if (f.kind === 'lines') v[f.name] = ''
    else if (f.kind === 'photos') v[f.name] = []
    else v[f.name] = f.initial ?? ''
  }
  return v
}

export function ActionForm(props: {
  title: string
  hint?: string
  fields: FieldSpec[]
  submitLabel: string
  tone?: 'primary' | 'plain' | 'danger'
  /** an action that cannot be undone asks first and says what will happen */
  confirm?: Confirmation
  onSubmit: (values: FormValues) => Promise<ErrorBody | null>
}) {
  const [open, setOpen] = useState(props.fields.length === 0)
  const [values, setValues] = useState<FormValues>(() => initialValues(props.fields))
  const [error, setError] = useState<ErrorBody | null>(null)
  const [busy, setBusy] = useState(false)
  // a sent form starts again with no photos picked
  const [resets, setResets] = useState(0)
  const set = (name: string, value: FormValues[string]) => setValues((v) => ({ ...v, [name]: value }))

  async function submit() {
    if (busy) return
    if (props.confirm && !(await confirmFirst(props.confirm))) return
    setBusy(true)
    const out: FormValues = {}
    for (const f of props.fields) {
      const v = values[f.name]
      if (f.kind === 'lines')
        out[f.name] = String(v)
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean)
      else if (f.kind === 'number') out[f.name] = v === '' ? '' : Number(v)
      else out[f.name] = v
    }
    const refusal = await props.onSubmit(out)
    setBusy(false)
    setError(refusal)
    if (refusal) showFirstError()
    if (!refusal) {
      setValues(initialValues(props.fields))
      setResets((n) => n + 1)
    }
  }

  const fieldError = (name: string) => (error?.details?.field === name ? error.message : null)
  const general = error && !props.fields.some((f) => f.name === error.details?.field) ? error.message : null

  if (!open) {
    return (
      <View className='action' key='closed' {...tappable('button')} onClick={() => setOpen(true)}>
        <Text className='action__title'>{props.title}</Text>
        <Text className='action__more'>填写</Text>
      </View>
    )
  }
  return (
    <View className='action action--open' key='open'>
      <View className='action__title'>{props.title}</View>
      {props.hint ? <View className='action__hint'>{props.hint}</View> : null}
      {props.fields.map((f) => (
        <View className='field' key={f.name}>
          <View className='field__label'>{f.label}</View>
          {f.kind === 'text' || f.kind === 'number' ? (
            <Input
              className='field__input'
              type={f.kind === 'number' ? 'number' : 'text'}
              {...fieldName(f.label)}
              value={String(values[f.name])}
              placeholder={f.placeholder}
              onInput={(e) => set(f.name, e.detail.value)}
            />
          ) : f.kind === 'textarea' || f.kind === 'lines' ? (
            <Textarea
              className='field__textarea field__textarea--short'
              value={String(values[f.name])}
              maxlength={1000}
              {...fieldName(f.label)}
              placeholder={f.placeholder}
              onInput={(e) => set(f.name, e.detail.value)}
            />
          ) : f.kind === 'toggle' ? (
            <View className='chips'>
              {[true, false].map((on) => (
                <Text
                  key={String(on)}
                  className={`chip ${values[f.name] === on ? 'chip--on' : ''}`}
                  {...tappable('radio', undefined, values[f.name] === on)}
                  onClick={() => set(f.name, on)}
                >
                  {on ? '是' : '否'}
                </Text>
              ))}
            </View>
          ) : f.kind === 'photos' ? (
            <PhotoPicker key={resets} hallId={f.hallId} onChange={(p) => set(f.name, p.ids)} />
          ) : f.kind === 'choice' || f.kind === 'multi' ? (
            <View className='chips'>
              {f.options.map((o) => {
                const v = values[f.name]
                const on = Array.isArray(v) ? v.includes(o.value) : v === o.value
                const toggle = () =>
                  f.kind === 'multi' ? set(f.name, on ? (v as string[]).filter((x) => x !== o.value) : [...(v as string[]), o.value]) : set(f.name, o.value)
                return (
                  <Text
                    key={o.value}
                    className={`chip ${on ? 'chip--on' : ''}`}
                    {...tappable(f.kind === 'multi' ? 'checkbox' : 'radio', undefined, on)}
                    onClick={toggle}
                  >
                    {o.label}
                  </Text>
                )
              })}
            </View>
          ) : null}
          {fieldError(f.name) ? <View className='field__error'>{fieldError(f.name)}</View> : null}
        </View>
      ))}
      {general ? <View className='field__error'>{general}</View> : null}
      <Button className={`btn btn--${props.tone ?? 'primary'} ${busy ? 'btn--off' : ''}`} loading={busy} disabled={busy} onClick={submit}>
        {props.submitLabel}
      </Button>
    </View>
  )
}
