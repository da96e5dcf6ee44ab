// The way into the reader's messages, with the unread count as a badge.
import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { call } from '../api/client'
import { tappable } from '../lib/a11y'

export function InboxLink({ as }: { as: 'citizen' | 'staff' }) {
  const [unread, setUnread] = useState(0)
  const load = async () => {
    const a = await call('inbox', { as, limit: 1 })
    if (a.ok) setUnread(a.data.unread)
  }
  // a component does not always see its page's first show: load on mount, and again on each show
  useEffect(() => {
    void load()
  }, [])
  useDidShow(() => {
    void load()
  })
  return (
    <View className='nav-link inbox-link' {...tappable('link')} onClick={() => Taro.navigateTo({ url: `/pages/inbox/index?as=${as}` })}>
      <Text>消息</Text>
      {unread > 0 ? <Text className='badge'>{unread > 99 ? '99+' : unread}</Text> : <Text className='muted'>暂无未读</Text>}
    </View>
  )
}
