// The citizen's own cases, newest first.
import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CaseSummary } from '../../../core/views'
import { call } from '../../api/client'
import { Message, StatusTag } from '../../components/CaseParts'
import { formatTime } from '../../lib/format'

export default function MinePage() {
  const [cases, setCases] = useState<CaseSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = async () => {
    const a = await call('myCases', {})
    if (a.ok) setCases(a.data.cases)
    else setError(a.error.message)
  }
  useDidShow(() => {
    load()
  })
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh())
  })

  if (error) return <View className='page'><Message title='无法加载' text={error} /></View>
  if (!cases) return <View className='page loading'>正在加载…</View>
  if (cases.length === 0) return <View className='page'><Message title='还没有咨询记录' text='扫描大厅或窗口的二维码即可咨询。' /></View>
  return (
    <View className='page'>
      {cases.map((c) => (
        <View className='item' key={c.id} onClick={() => Taro.navigateTo({ url: `/pages/case/index?id=${c.id}` })}>
          <View className='item__row'>
            <Text className='item__no'>{c.no}</Text>
            <StatusTag status={c.status} label={c.statusLabel} />
          </View>
          <View className='item__text'>{c.text}</View>
          <View className='item__meta'>
            {c.windowName} · {formatTime(c.submittedAt)}
            {c.responderName ? ` · 负责人 ${c.responderName}` : ''}
          </View>
        </View>
      ))}
    </View>
  )
}
