// 查进度 from any device (core/lookup.ts): the case number and the slip's query code, or the last four
// digits of the phone number given with the case. Opens the case page read only on a device that does
// not own it; an unopened slip's code makes it this citizen's.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { call } from '../../api/client'
import { CitizenPage } from '../../components/CitizenPage'
import { fieldName } from '../../lib/a11y'

type Field = 'no' | 'code' | 'form'

export default function LookupPage() {
  const [no, setNo] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [sending, setSending] = useState(false)

  async function look() {
    setSending(true)
    const a = await call('lookupCase', { no, code, bind: false })
    setSending(false)
    if (a.ok) {
      setErrors({})
      // the case page opens it by number and code, and an unopened slip's code binds it there
      const q = `no=${encodeURIComponent(a.data.no)}&code=${encodeURIComponent(code.trim())}`
      Taro.navigateTo({ url: a.data.lookedUp ? `/pages/case/index?${q}` : `/pages/case/index?id=${a.data.id}` })
      return
    }
    const field = a.error.details?.field as Field | undefined
    setErrors(field === 'no' || field === 'code' ? { [field]: a.error.message } : { form: a.error.message })
  }

  return (
    <CitizenPage>
      <View className='section form'>
        <View className='section__title'>查询办理进度</View>
        <View className='muted'>换了手机、清除了微信缓存，或工作人员为您登记的来访来电，都可以在这里查看。</View>
        <View className='field'>
          <View className='field__label'>案件编号</View>
          <Input
            className='field__input'
            {...fieldName('案件编号')}
            value={no}
            maxlength={40}
            placeholder='回执或短信上的编号，例如 SF-20261123-0007'
            onInput={(e) => {
              setNo(e.detail.value)
              if (errors.no || errors.form) setErrors({})
            }}
          />
          {errors.no ? <View className='field__error'>{errors.no}</View> : null}
        </View>
        <View className='field'>
          <View className='field__label'>查询码或联系电话后 4 位</View>
          <Input
            className='field__input'
            type='number'
            {...fieldName('查询码或联系电话后 4 位')}
            value={code}
            maxlength={6}
            placeholder='回执上的 6 位查询码，或手机号后 4 位'
            onInput={(e) => {
              setCode(e.detail.value)
              if (errors.code || errors.form) setErrors({})
            }}
          />
          {errors.code ? <View className='field__error'>{errors.code}</View> : null}
        </View>
        {errors.form ? <View className='field__error'>{errors.form}</View> : null}
        <Button className={`btn btn--primary ${sending ? 'btn--off' : ''}`} loading={sending} disabled={sending} onClick={look}>
          查询
        </Button>
        <Text className='muted'>为保护您的信息，连续输错多次后需等待 30 分钟再查。</Text>
      </View>
    </CitizenPage>
  )
}
