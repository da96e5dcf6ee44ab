// 大厅设置 for the hall office: the public profile citizens see (000 §10: supervision phone and
// complaint channel) and the windows with their counter number and business scope. A window with
// cases or staff still at it is not closed; the page says why.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ErrorBody } from '../../../core/errors'
import type { HallSettingsView } from '../../../core/views'
import { callChecked } from '../../api/checked'
import { call } from '../../api/client'
import { ActionForm, type FormValues } from '../../components/ActionForm'
import { Message } from '../../components/CaseParts'
import { useStaffView } from '../../lib/useStaffView'
import { describeHours, formatSpans, parseSpans, WEEKDAY_NAMES, type Span, type WeeklyHours } from '../../../core/hours'

type Win = HallSettingsView['windows'][number]

export default function HallSettingsPage() {
  const { view, setView, error } = useStaffView(() => call('hallSettings', {}))
  const [notice, setNotice] = useState<string | null>(null)

  const done = (a: { ok: true; data: HallSettingsView } | { ok: false; error: ErrorBody }, message: string): ErrorBody | null => {
    if (!a.ok) return a.error
    setView(a.data)
    setNotice(message)
    return null
  }
  const saveHall = async (v: FormValues) =>
    done(
      await callChecked('saveHall', {
        name: String(v.name),
        address: String(v.address),
        supervisionPhone: String(v.supervisionPhone),
        complaintChannel: String(v.complaintChannel),
        selfServicePhone: String(v.selfServicePhone ?? ''),
        generalWindowId: String(v.generalWindowId ?? '') || null,
      }),
      '大厅信息已保存',
    )
  const saveHours = async (v: FormValues) => {
    const hours: Record<string, Span[]> = {}
    for (const d of [0, 1, 2, 3, 4, 5, 6]) {
      const spans = parseSpans(String(v[`hours.${d}`] ?? ''))
      if (!spans)
        return {
          code: 'INVALID_INPUT',
          message: '请按「09:00-12:00、13:30-17:30」的格式填写，休息日留空',
          details: { field: `hours.${d}` },
        } satisfies ErrorBody
      hours[d] = spans
    }
    return done(
      await callChecked('saveHall', { ...view!.hall, generalWindowId: view!.hall.generalWindowId, hours: hours as unknown as WeeklyHours }),
      '办公时间已保存，此后开始计算的时限按新的办公时间',
    )
  }
  const saveWindow = async (v: FormValues, w?: Win, active = w?.active ?? true) =>
    done(
      await callChecked('saveWindow', {
        id: w?.id ?? String(v.id),
        isNew: !w,
        name: String(v.name ?? w?.name ?? ''),
        number: String(v.number ?? w?.number ?? ''),
        scope: String(v.scope ?? w?.scope ?? ''),
        active,
      }),
      w ? `已保存：${String(v.name ?? w.name)}` : `已开设：${String(v.name)}`,
    )
  const toggle = async (w: Win) => {
    const refusal = await saveWindow({}, w, !w.active)
    if (refusal) Taro.showModal({ title: '不能停用', content: refusal.message, showCancel: false, confirmText: '知道了' })
  }

  if (error)
    return (
      <View className='page'>
        <Message title='无法加载' text={error} />
      </View>
    )
  if (!view) return <View className='page loading'>正在加载…</View>
  const h = view.hall
  return (
    <View className='page'>
      {notice ? <View className='notice'>{notice}</View> : null}
      <View className='section'>
        <View className='section__title'>
          {h.name}
          <Text className='section__aside'>
            工作人员登录代码 {h.id} · 案件编号前缀 {h.prefix}
          </Text>
        </View>
        <View className='muted'>地址：{h.address || '未填写'}</View>
        <View className='muted'>
          监督电话：{h.supervisionPhone || '未填写'} · 投诉渠道：{h.complaintChannel || '未填写'}
        </View>
        <ActionForm
          title='修改大厅信息'
          hint='监督电话和投诉渠道会显示在市民的页面和窗口海报上（000 第十条）。'
          fields={[
            { name: 'name', label: '大厅名称', kind: 'text', initial: h.name },
            { name: 'address', label: '地址', kind: 'text', initial: h.address },
            { name: 'supervisionPhone', label: '监督电话', kind: 'text', initial: h.supervisionPhone },
            { name: 'complaintChannel', label: '投诉渠道', kind: 'text', initial: h.complaintChannel },
            { name: 'selfServicePhone', label: '自助服务区设备报修电话', kind: 'text', initial: h.selfServicePhone },
            {
              name: 'generalWindowId',
              label: '综合咨询窗口（扫大厅码未选窗口时由它接待）',
              kind: 'choice',
              options: view.windows.filter((w) => w.active).map((w) => ({ value: w.id, label: w.name })),
              initial: h.generalWindowId ?? undefined,
            },
          ]}
          submitLabel='保存'
          onSubmit={saveHall}
        />
      </View>
      <View className='section'>
        <View className='section__title'>办公时间</View>
        {describeHours(h.hours).map((line) => (
          <View className='muted' key={line}>
            {line}
          </View>
        ))}
        <ActionForm
          title='修改办公时间'
          hint='时限按办公时间计算：一个工作日在当天最后一个时段结束时截止。周末只在调休上班日或工作日历中设定的工作日使用，未填写时按周一的时间。'
          fields={[1, 2, 3, 4, 5, 6, 0].map((d) => ({
            name: `hours.${d}`,
            label: WEEKDAY_NAMES[d]!,
            kind: 'text' as const,
            initial: formatSpans(h.hours[d as 0]),
            placeholder: d === 0 || d === 6 ? '休息（留空）' : '09:00-12:00、13:30-17:30',
          }))}
          submitLabel='保存'
          onSubmit={saveHours}
        />
      </View>
      <View className='list-title'>窗口</View>
      {view.windows.map((w) => (
        <View className={`section person ${w.active ? '' : 'person--off'}`} key={w.id}>
          <View className='person__row'>
            <View>
              <Text className='person__name'>{w.name}</Text>
              <Text className='muted'> {w.number}</Text>
            </View>
            <Text className={`tag ${w.active ? 'tag--active' : 'tag--stop'}`}>{w.active ? `未结 ${w.openCases} 件` : '已停用'}</Text>
          </View>
          <View className='muted'>业务范围：{w.scope || '未填写'}</View>
          <View className='muted'>窗口负责人：{w.leads.length ? w.leads.join('、') : '未指定（在工作人员资料中把身份设为「窗口负责人」）'}</View>
          <ActionForm
            title='修改窗口'
            fields={[
              { name: 'name', label: '窗口名称', kind: 'text', initial: w.name },
              { name: 'number', label: '窗口号', kind: 'text', initial: w.number },
              { name: 'scope', label: '业务范围', kind: 'textarea', initial: w.scope },
            ]}
            submitLabel='保存'
            onSubmit={(v) => saveWindow(v, w)}
          />
          <Text className='link' onClick={() => toggle(w)}>
            {w.active ? '停用此窗口' : '重新启用'}
          </Text>
        </View>
      ))}
      <View className='section'>
        <ActionForm
          title='开设新窗口'
          fields={[
            { name: 'id', label: '窗口编号（小写字母开头，用于二维码，开设后不能修改）', kind: 'text', placeholder: '例如 hydj' },
            { name: 'name', label: '窗口名称', kind: 'text' },
            { name: 'number', label: '窗口号', kind: 'text', placeholder: '例如 C01' },
            { name: 'scope', label: '业务范围', kind: 'textarea' },
          ]}
          submitLabel='开设'
          onSubmit={(v) => saveWindow(v)}
        />
      </View>
    </View>
  )
}
