// The hall office's complaint desk: open complaints nearest their limit first (002 限时办结 §7), then the
// latest answered ones.
import { Text, View } from '@tarojs/components'
import { call } from '../../api/client'
import { Message } from '../../components/CaseParts'
import { ComplaintItem } from '../../components/ComplaintParts'
import { useStaffView } from '../../lib/useStaffView'

export default function ComplaintDeskPage() {
  const { view: desk, error } = useStaffView(() => call('complaintDesk', {}))

  if (error)
    return (
      <View className='page'>
        <Message title='无法加载' text={error} />
      </View>
    )
  if (!desk) return <View className='page loading'>正在加载…</View>
  const overdue = desk.open.filter((c) => c.overdue).length
  return (
    <View className='page'>
      <View className='list-title'>
        待办理 {desk.open.length} 件{overdue > 0 ? <Text className='complaint__overdue'>，其中 {overdue} 件已超期</Text> : null}
      </View>
      {desk.open.length === 0 ? <View className='section muted'>暂无待办理的投诉</View> : null}
      {desk.open.map((c) => (
        <ComplaintItem c={c} key={c.id} href={`/staff/complaint/index?id=${c.id}`} />
      ))}
      {desk.answered.length > 0 ? <View className='list-title'>最近已答复</View> : null}
      {desk.answered.map((c) => (
        <ComplaintItem c={c} key={c.id} href={`/staff/complaint/index?id=${c.id}`} />
      ))}
    </View>
  )
}
