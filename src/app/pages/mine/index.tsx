// The citizen's own cases, newest first.
import { useState } from 'react'
import { View } from '@tarojs/components'
import type { CaseSummary } from '../../../core/views'
import { call } from '../../api/client'
import { CaseListItem, Message } from '../../components/CaseParts'
import { InboxLink } from '../../components/InboxLink'
import { useRefresh } from '../../lib/useRefresh'

export default function MinePage() {
  const [cases, setCases] = useState<CaseSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = async () => {
    const a = await call('myCases', {})
    if (a.ok) setCases(a.data.cases)
    else setError(a.error.message)
  }
  useRefresh(load)

  if (error) return <View className='page'><Message title='无法加载' text={error} /></View>
  if (!cases) return <View className='page loading'>正在加载…</View>
  if (cases.length === 0) return <View className='page'><Message title='还没有咨询记录' text='扫描大厅或窗口的二维码即可咨询。' /></View>
  return (
    <View className='page'>
      <InboxLink as='citizen' />
      {cases.map((c) => (
        <CaseListItem c={c} key={c.id} href={`/pages/case/index?id=${c.id}`} />
      ))}
    </View>
  )
}
