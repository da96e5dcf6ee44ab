// The citizen's own cases and complaints, newest first.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CaseSummary, ComplaintSummary } from '../../../core/views'
import { call } from '../../api/client'
import { CaseListItem, Message } from '../../components/CaseParts'
import { ComplaintItem } from '../../components/ComplaintParts'
import { InboxLink } from '../../components/InboxLink'
import { useRefresh } from '../../lib/useRefresh'
import { CitizenPage } from '../../components/CitizenPage'
import { tappable } from '../../lib/a11y'

export default function MinePage() {
  const [cases, setCases] = useState<CaseSummary[] | null>(null)
  const [complaints, setComplaints] = useState<ComplaintSummary[]>([])
  const [error, setError] = useState<string | null>(null)
  const load = async () => {
    const [a, k] = await Promise.all([call('myCases', {}), call('myComplaints', {})])
    if (a.ok) setCases(a.data.cases)
    else setError(a.error.message)
    if (k.ok) setComplaints(k.data.complaints)
  }
  useRefresh(load)

  if (error)
    return (
      <CitizenPage>
        <Message title='无法加载' text={error} />
      </CitizenPage>
    )
  if (!cases) return <CitizenPage className='loading'>正在加载…</CitizenPage>
  if (cases.length === 0)
    return (
      <CitizenPage>
        <Message title='还没有咨询记录' text='扫描大厅或窗口的二维码即可咨询。' />
        <LookupLink />
      </CitizenPage>
    )
  return (
    <CitizenPage>
      <InboxLink as='citizen' />
      {cases.map((c) => (
        <CaseListItem c={c} key={c.id} href={`/pages/case/index?id=${c.id}`} />
      ))}
      {complaints.length > 0 ? <View className='list-title'>我的投诉</View> : null}
      {complaints.map((c) => (
        <ComplaintItem c={c} key={c.id} href={`/pages/complaint/index?id=${c.id}`} />
      ))}
      <LookupLink />
    </CitizenPage>
  )
}

/** cases from another phone, after WeChat's cache was cleared, or registered by staff */
function LookupLink() {
  return (
    <View className='footer'>
      <Text className='link' {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/pages/lookup/index' })}>
        找不到？用案件编号和查询码查进度
      </Text>
    </View>
  )
}
