// While a citizen types a consult, the hall's published answers that match (core/faq.ts) appear under
// the text: one may already answer it. 已解决 is counted; the citizen can still ask.
import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { matchFaqs, type FaqView } from '../../core/faq'
import { call, newRequestId } from '../api/client'
import { tappable } from '../lib/a11y'

export function FaqSuggestions(props: { hallId: string; faqs: FaqView[]; text: string; matterId: string | null }) {
  const [open, setOpen] = useState<string | null>(null)
  const [resolved, setResolved] = useState<Set<string>>(new Set())
  const shown = useMemo(
    () => (props.text.trim().length >= 4 || /^[a-z]{3,}$/i.test(props.text.trim()) ? matchFaqs(props.faqs, props.text, props.matterId) : []),
    [props.faqs, props.text, props.matterId],
  )
  if (shown.length === 0) return null

  async function solved(id: string) {
    setResolved((s) => new Set(s).add(id))
    await call('resolveFaq', { hallId: props.hallId, faqId: id, requestId: newRequestId() })
  }

  return (
    <View className='faq'>
      <View className='faq__title'>这些常见问答也许能解答您的问题</View>
      {shown.map((f) => (
        <View className='faq__item' key={f.id}>
          <Text className='faq__question' {...tappable('button')} onClick={() => setOpen(open === f.id ? null : f.id)}>
            {f.question}
          </Text>
          {open === f.id ? (
            <View>
              <View className='faq__answer'>{f.answer}</View>
              {resolved.has(f.id) ? (
                <View className='faq__thanks'>很高兴帮到您。如仍有疑问，可以继续提交咨询。</View>
              ) : (
                <Text className='faq__solved' {...tappable('button')} onClick={() => solved(f.id)}>
                  已解决，不用提问了
                </Text>
              )}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
