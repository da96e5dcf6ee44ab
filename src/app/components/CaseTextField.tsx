// What the citizen asks or wants done, as the citizen types it on the entry page and as staff write it
// down when they register a visit or a call: one field, with the count in sight instead of a silent cut.
// Nothing is cut off: a pasted text longer than the limit stays whole, the count turns red and says
// how much to shorten, and the form's check refuses it with the same words.
import { Text, Textarea, View } from '@tarojs/components'
import type { CaseKind } from '../../core/schemas'
import { fieldName } from '../lib/a11y'

export const CASE_TEXT_MAX = 1000

export function CaseTextField(props: { kind: CaseKind; value: string; placeholder: string; error?: string; onInput: (value: string) => void }) {
  const over = props.value.trim().length - CASE_TEXT_MAX
  return (
    <View className='field'>
      <View className='field__label'>
        {props.kind === 'consult' ? '咨询内容' : '要办理的事项'}
        <Text className={`field__count ${over > 0 ? 'field__count--over' : ''}`} aria-live='polite'>
          {over > 0 ? `超出 ${over} 字，请删减` : `${props.value.trim().length}/${CASE_TEXT_MAX}`}
        </Text>
      </View>
      <Textarea
        className='field__textarea'
        value={props.value}
        maxlength={-1}
        {...fieldName(props.kind === 'consult' ? '咨询内容' : '要办理的事项')}
        placeholder={props.placeholder}
        onInput={(e) => props.onInput(e.detail.value)}
      />
      {props.error ? <View className='field__error'>{props.error}</View> : null}
    </View>
  )
}
