// The hall office's complaint desk: open complaints nearest their limit first (002 限时办结 §7), then the
// latest answered ones.
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { RegisterComplaint } from './RegisterComplaint'
import { call } from '../../api/client'
import { Message } from '../../components/CaseParts'
import { ComplaintItem } from '../../components/ComplaintParts'
import { useStaffView } from '../../lib/useStaffView'

export default function ComplaintDeskPage() {
  const { view: desk, error } = useStaffView(async () => {
    const [d, s, o] = await Promise.all([call('complaintDesk', {}), call('session', {}), call('registerOptions', {})])
    if (!d.ok) return d
    return { ok: true as const, data: { ...d.data, hallId: s.ok ? (s.data.staff?.hallId ?? null) : null, options: o.ok ? o.data : null } }
  })
  const [registering, setRegistering] = useState(false)

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
      {desk.hallId && desk.options ? (
        registering ? (
          <RegisterComplaint hallId={desk.hallId} options={desk.options} />
        ) : (
          <Button className='btn' onClick={() => setRegistering(true)}>
            登记来电、来信、来访投诉
          </Button>
        )
      ) : null}
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
