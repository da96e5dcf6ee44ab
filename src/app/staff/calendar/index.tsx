// 工作日历 for the hall office: the year's holidays and make-up working days (调休) from the State
// Council's notice, and the hall's own days, which every time limit counts by.
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ErrorBody } from '../../../core/errors'
import type { ApiAnswer } from '../../../core/api'
import type { CalendarView } from '../../../core/views'
import { callChecked } from '../../api/checked'
import { call } from '../../api/client'
import { ActionForm, type FormValues } from '../../components/ActionForm'
import { Message } from '../../components/CaseParts'
import { useStaffView } from '../../lib/useStaffView'

const day = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`

export default function CalendarPage() {
  // a refresh stays on the year shown
  const { view, setView, error, load } = useStaffView((year: number | undefined = view?.year): Promise<ApiAnswer<CalendarView>> =>
    call('calendarSettings', year ? { year } : {}),
  )

  async function add(v: FormValues): Promise<ErrorBody | null> {
    const a = await callChecked('saveCalendarDay', { date: String(v.date).trim(), kind: v.kind as 'workday' | 'restday', note: String(v.note) })
    if (!a.ok) return a.error
    setView(a.data)
    return null
  }
  async function remove(date: string) {
    const a = await call('removeCalendarDay', { date })
    if (a.ok) setView(a.data)
    else Taro.showToast({ title: a.error.message, icon: 'none' })
  }

  if (error)
    return (
      <View className='page'>
        <Message title='无法加载' text={error} />
      </View>
    )
  if (!view) return <View className='page loading'>正在加载…</View>
  return (
    <View className='page'>
      {view.warning ? <View className='notice'>{view.warning}</View> : null}
      <View className='month-bar'>
        <Text className='link' onClick={() => load(view.year - 1)}>
          ‹ {view.year - 1}
        </Text>
        <Text className='month-bar__title'>{view.year} 年</Text>
        <Text className='link' onClick={() => load(view.year + 1)}>
          {view.year + 1} ›
        </Text>
      </View>
      <View className='section'>
        <View className='section__title'>本厅调整</View>
        {view.overrides.length === 0 ? <View className='muted'>本年没有本厅自行调整的日期</View> : null}
        {view.overrides.map((o) => (
          <View className='score-row' key={o.date}>
            <Text>
              {day(o.date)} · {o.kind === 'restday' ? '休息' : '上班'} · {o.note}
            </Text>
            <Text className='link' onClick={() => remove(o.date)}>
              删除
            </Text>
          </View>
        ))}
        <ActionForm
          title='添加调整'
          hint='例如地方节日休息、周末延时服务上班，或国务院通知发布而数据尚未更新时的放假安排。'
          fields={[
            { name: 'date', label: '日期（如 2027-01-01）', kind: 'text' },
            {
              name: 'kind',
              label: '这一天',
              kind: 'choice',
              options: [
                { value: 'restday', label: '休息' },
                { value: 'workday', label: '上班' },
              ],
              initial: 'restday',
            },
            { name: 'note', label: '原因', kind: 'text', placeholder: '例如 元旦、延时服务' },
          ]}
          submitLabel='保存'
          onSubmit={add}
        />
      </View>
      <View className='section'>
        <View className='section__title'>
          法定节假日<Text className='section__aside'>{view.hasOfficialData ? '国务院办公厅通知' : '尚无数据'}</Text>
        </View>
        <View className='muted calendar__days'>{view.holidays.map((h) => `${day(h.date)} ${h.name}`).join('　') || '无'}</View>
        <View className='section__title section__title--sub'>调休上班日</View>
        <View className='muted calendar__days'>{view.makeupWorkdays.map((h) => `${day(h.date)} ${h.name}`).join('　') || '无'}</View>
      </View>
    </View>
  )
}
