// A citizen's phone number as staff see it: masked, with the whole number on request (the server logs
// each look), then a call button in the mini-program.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { ActionInput } from '../../core/api'
import { call } from '../api/client'
import { tappable } from '../lib/a11y'

export function PhoneReveal({ masked, target }: { masked: string; target: ActionInput<'revealPhone'> }) {
  const [phone, setPhone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function reveal() {
    if (busy) return
    setBusy(true)
    const a = await call('revealPhone', target)
    setBusy(false)
    if (a.ok) setPhone(a.data.phone)
    else Taro.showToast({ title: a.error.message, icon: 'none' })
  }
  if (!phone) {
    return (
      <Text>
        {masked}
        <Text className='link phone-reveal' {...tappable('button')} onClick={reveal}>
          {busy ? '正在获取…' : '查看完整号码'}
        </Text>
      </Text>
    )
  }
  return (
    <Text>
      {phone}
      {process.env.TARO_ENV === 'weapp' ? (
        <Text className='link phone-reveal' {...tappable('button')} onClick={() => Taro.makePhoneCall({ phoneNumber: phone })}>
          拨打
        </Text>
      ) : null}
    </Text>
  )
}
