// The citizen's case page: who is responsible (000 §10), the reply, each deadline and every step.
import { useCallback, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CaseView } from '../../../core/views'
import { useRefresh } from '../../lib/useRefresh'
import { call } from '../../api/client'
import { CaseHeader, ClockList, Message, ReplyBlock, ResponderCard, Timeline } from '../../components/CaseParts'

export default function CasePage() {
  const { params } = useRouter()
  const [view, setView] = useState<CaseView | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    if (!params.id) {
      setError('缺少案件编号')
      return
    }
    const a = await call('getCase', { caseId: params.id })
    if (a.ok) {
      setView(a.data)
      setError(null)
    } else setError(a.error.message)
  }, [params.id])

  useRefresh(load)

  if (error) return <View className='page'><Message title='无法查看' text={error} /></View>
  if (!view) return <View className='page loading'>正在加载…</View>

  return (
    <View className='page'>
      <CaseHeader view={view} />
      <View className='section'>
        <View className='section__title'>首问负责人</View>
        {view.responder ? (
          <ResponderCard card={view.responder} />
        ) : (
          <View className='waiting'>
            您的咨询已送达{view.window.name}
            {view.window.number ? `（${view.window.number}）` : ''}，工作人员接待后会在这里显示负责人的姓名和岗位。
          </View>
        )}
      </View>
      {view.reply ? <ReplyBlock reply={view.reply} /> : null}
      <ClockList clocks={view.clocks} />
      <Timeline entries={view.timeline} />
      <View className='section'>
        <View className='section__title'>我的咨询内容</View>
        <View className='mine-text'>{view.text}</View>
        <View className='muted'>
          {view.contact.name} · {view.contact.phone}
        </View>
      </View>
      <View className='footer'>
        {view.hall.name}
        {view.hall.supervisionPhone ? <Text>　监督电话 {view.hall.supervisionPhone}</Text> : null}
        {view.hall.complaintChannel ? <View>投诉渠道：{view.hall.complaintChannel}</View> : null}
      </View>
    </View>
  )
}
