// 好差评 on the case page: the citizen's rating sheet (five levels; a bad one asks for the reason and
// what happened) and each rating with the rectification and follow-up that came of it.
import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { BAD_REASON_LABELS, RATING_LABELS, type BadReason } from '../../core/rating'
import type { ErrorBody } from '../../core/errors'
import type { CaseView } from '../../core/views'
import { formatTime } from '../lib/format'
import { fieldName, tappable } from '../lib/a11y'
import { confirmFirst } from '../lib/confirm'

const LEVELS = [5, 4, 3, 2, 1] as const
const REASONS = Object.keys(BAD_REASON_LABELS) as BadReason[]

export function RatingSheet(props: {
  onSubmit: (r: { level: number; tags: BadReason[]; text: string }) => Promise<ErrorBody | null>
  title?: string
  /** ask a bad rating's reasons (a case's service); off for rating how a complaint was handled */
  reasons?: boolean
}) {
  const [level, setLevel] = useState<(typeof LEVELS)[number] | null>(null)
  const [tags, setTags] = useState<BadReason[]>([])
  const [text, setText] = useState('')
  const [error, setError] = useState<ErrorBody | null>(null)
  const [busy, setBusy] = useState(false)
  const bad = level !== null && level <= 2 && props.reasons !== false
  const toggle = (t: BadReason) => setTags((x) => (x.includes(t) ? x.filter((y) => y !== t) : [...x, t]))

  async function submit() {
    if (level === null || busy) return
    // a rating is given once per round (core/caseMachine.ts 'rated') and cannot be changed: say so before it is sent
    const sure = await confirmFirst({
      title: '确认提交评价',
      content: `您的评价是「${RATING_LABELS[level]}」。每件事只能评价一次，提交后不能修改。`,
      confirmText: '确认提交',
    })
    if (!sure) return
    setBusy(true)
    setError(await props.onSubmit({ level, tags: bad ? tags : [], text }))
    setBusy(false)
  }
  const fieldError = (f: string) => (error?.details?.field === f ? <View className='field__error'>{error.message}</View> : null)

  return (
    <View className='section rating'>
      <View className='section__title'>{props.title ?? '请您评价本次服务'}</View>
      <View className='rating__levels'>
        {LEVELS.map((l) => (
          <Text
            key={l}
            className={`rating__level ${level === l ? 'rating__level--on' : ''} ${l <= 2 ? 'rating__level--bad' : ''}`}
            {...tappable('radio', undefined, level === l)}
            onClick={() => setLevel(l)}
          >
            {RATING_LABELS[l]}
          </Text>
        ))}
      </View>
      {bad ? (
        <View className='field'>
          <View className='field__label'>不满意的原因（可多选）</View>
          <View className='chips'>
            {REASONS.map((t) => (
              <Text
                key={t}
                className={`chip ${tags.includes(t) ? 'chip--on' : ''}`}
                {...tappable('checkbox', undefined, tags.includes(t))}
                onClick={() => toggle(t)}
              >
                {BAD_REASON_LABELS[t]}
              </Text>
            ))}
          </View>
          {fieldError('tags')}
        </View>
      ) : null}
      {level !== null ? (
        <View className='field'>
          <View className='field__label'>{bad ? '请说说遇到的情况，我们会核查整改' : '想对我们说的话（可不填）'}</View>
          <Textarea
            className='field__textarea field__textarea--short'
            value={text}
            maxlength={500}
            {...fieldName('评价的话')}
            onInput={(e) => setText(e.detail.value)}
          />
          {fieldError('text')}
        </View>
      ) : null}
      {error && !['tags', 'text'].includes(String(error.details?.field)) ? <View className='field__error'>{error.message}</View> : null}
      <Button className={`btn btn--primary ${level === null || busy ? 'btn--off' : ''}`} disabled={level === null || busy} onClick={submit}>
        提交评价
      </Button>
    </View>
  )
}

export function RatingList({ ratings }: { ratings: CaseView['ratings'] }) {
  if (ratings.length === 0) return null
  return (
    <View className='section'>
      <View className='section__title'>服务评价</View>
      {ratings.map((r) => (
        <View className='rating__item' key={r.round}>
          <View>
            <Text className={`tag ${r.bad ? 'tag--stop' : 'tag--done'}`}>{r.label}</Text>
            <Text className='muted'> {formatTime(r.at)}</Text>
          </View>
          {r.tags.length ? <View className='muted'>原因：{r.tags.join('、')}</View> : null}
          {r.text ? <View className='mine-text'>{r.text}</View> : null}
          {r.rectification ? (
            <View className='rating__outcome'>
              {r.rectification.at ? (
                <View>
                  核查整改（{r.rectification.finding}）：{r.rectification.measures}
                </View>
              ) : (
                <View>窗口负责人正在核查，会尽快给您答复。</View>
              )}
              {r.rectification.followUp ? (
                <View>
                  回访：{r.rectification.followUp.result}（{r.rectification.followUp.satisfied ? '满意' : '不满意'}）
                </View>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
