// 效能纪律扣分 for the hall office (004 考核制度 三(二), and 三(一)(1)(4) where no case records it): the
// month's entries with their evidence, a form to enter one (item, its grade, the person, the day, the
// reason, the evidence and photos), and revocation with a reason. The server checks and audits each.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ErrorBody } from '../../../core/errors'
import type { DisciplineDeskView } from '../../../core/views'
import { callChecked } from '../../api/checked'
import { call, newRequestId } from '../../api/client'
import { ActionForm, type FormValues } from '../../components/ActionForm'
import { Message } from '../../components/CaseParts'
import { PhotoList, PhotoPicker, type PhotoState } from '../../components/Photos'
import { formatTime } from '../../lib/format'
import { useStaffView } from '../../lib/useStaffView'
import { shanghaiDate } from '../../../core/calendar'

const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const i = y * 12 + (m - 1) + by
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}
const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`

export default function DisciplinePage() {
  const [month, setMonth] = useState(() => shanghaiDate(new Date()).slice(0, 7))
  const { view, setView, error, load } = useStaffView((m: string = month) => call('disciplineDesk', { month: m }))
  const [itemId, setItemId] = useState<string | null>(null)
  const [photos, setPhotos] = useState<PhotoState>({ ids: [], uploading: false })
  const [done, setDone] = useState<string | null>(null)
  // a photo picker per new entry, so a saved entry's photos are not offered again
  const [round, setRound] = useState(0)

  const go = (by: number) => {
    const m = shift(month, by)
    setMonth(m)
    setView(null)
    void load(m)
  }

  if (error)
    return (
      <View className='page'>
        <Message title='无法打开效能纪律扣分' text={error} />
      </View>
    )
  if (!view) return <View className='page loading'>正在加载…</View>
  const item = view.items.find((i) => i.id === itemId) ?? null

  async function add(v: FormValues): Promise<ErrorBody | null> {
    if (!item) return null
    if (photos.uploading) return { code: 'INVALID_INPUT', message: '照片还在上传，请稍候再保存' }
    const a = await callChecked('addDeduction', {
      staffId: String(v.staffId),
      item: item.id as 'conduct',
      grade: item.grades.length > 1 ? String(v.grade) : undefined,
      occurredOn: String(v.occurredOn).trim(),
      reason: String(v.reason),
      evidence: String(v.evidence),
      photos: photos.ids,
      extendedService: v.extendedService === true,
      sameIncidentAs: v.sameIncidentAs ? String(v.sameIncidentAs) : undefined,
      requestId: newRequestId(),
    })
    if (!a.ok) return a.error
    setView(a.data)
    setMonth(a.data.month)
    setItemId(null)
    setRound((r) => r + 1)
    setDone('已登记，扣分计入当月考核')
    return null
  }

  async function revoke(id: string, v: FormValues): Promise<ErrorBody | null> {
    const a = await callChecked('revokeDeduction', { deductionId: id, reason: String(v.reason), requestId: newRequestId() })
    if (!a.ok) return a.error
    setView(a.data as DisciplineDeskView)
    setDone('已撤销，扣分已从当月考核中退回')
    return null
  }

  const earlier = view.entries.filter((e) => e.item === 'inspection' && !e.revoked)
  const live = view.entries.filter((e) => !e.revoked)
  return (
    <View className='page'>
      <View className='month-bar'>
        <Text className='link' onClick={() => go(-1)}>
          ‹ 上月
        </Text>
        <Text className='month-bar__title'>{monthLabel(view.month)}</Text>
        <Text className='link' onClick={() => go(1)}>
          下月 ›
        </Text>
      </View>
      {done ? <View className='notice'>{done}</View> : null}
      <View className='section'>
        <View className='section__title'>
          登记扣分<Text className='section__aside'>考核制度 三(二) 效能纪律</Text>
        </View>
        <View className='muted'>系统按案件自动扣分之外的情形，由政务服务科核实后登记，写明事由和证据；计入发生当月的个人考核。</View>
        <View className='chips discipline__items'>
          {view.items.map((i) => (
            <Text key={i.id} className={`chip ${i.id === itemId ? 'chip--on' : ''}`} onClick={() => setItemId(i.id === itemId ? null : i.id)}>
              {i.label}
            </Text>
          ))}
        </View>
        {item ? (
          <View key={`${item.id}-${round}`}>
            <View className='muted'>
              {item.grades.map((g) => `${g.label} ${g.points} 分`).join('；')}（{item.cite}）{item.hint ? `。${item.hint}` : ''}
            </View>
            <View className='field__label'>证据照片（选填）</View>
            <PhotoPicker hallId={view.hallId} onChange={setPhotos} />
            <ActionForm
              title={`登记：${item.label}`}
              fields={[
                {
                  name: 'staffId',
                  label: '工作人员',
                  kind: 'choice',
                  options: view.people.map((p) => ({ value: p.id, label: `${p.name}（${p.windowName}）` })),
                },
                ...(item.grades.length > 1
                  ? [
                      {
                        name: 'grade',
                        label: '情形',
                        kind: 'choice' as const,
                        options: item.grades.map((g) => ({ value: g.id, label: `${g.label}（${g.points} 分）` })),
                      },
                    ]
                  : []),
                { name: 'occurredOn', label: '发生日期（如 2026-11-20）', kind: 'text', initial: shanghaiDate(new Date()) },
                { name: 'reason', label: '扣分事由', kind: 'textarea', placeholder: '例如：11 月 20 日上午迟到 40 分钟，未请假' },
                { name: 'evidence', label: '证据', kind: 'textarea', placeholder: '例如：考勤机记录、监控截图、通报文号' },
                { name: 'extendedService', label: '发生在午间或周末延时服务期间（三(二)(10)）', kind: 'toggle' },
                ...(item.id === 'inspection' && earlier.length > 0
                  ? [
                      {
                        name: 'sameIncidentAs',
                        label: '与已登记的同一违纪行为（多级通报只按最高一级扣分）',
                        kind: 'choice' as const,
                        options: earlier.map((e) => ({ value: e.id, label: `${e.name} ${e.occurredOn.slice(5)} ${e.gradeLabel}` })),
                      },
                    ]
                  : []),
              ]}
              submitLabel='核实无误，登记扣分'
              tone='danger'
              onSubmit={add}
            />
          </View>
        ) : null}
      </View>
      <View className='section'>
        <View className='section__title'>
          本月登记
          <Text className='section__aside'>
            {live.length} 项 · 合计 {live.reduce((s, e) => s + e.counted, 0)} 分
          </Text>
        </View>
        {view.entries.length === 0 ? <View className='muted'>本月没有登记扣分</View> : null}
        {view.entries.map((e) => (
          <View className={`score ${e.revoked ? 'score--revoked' : ''}`} key={e.id}>
            <View className='score-row'>
              <Text className='score-row__name'>
                {e.name}
                <Text className='muted'> {e.windowName}</Text>
              </Text>
              <Text className={`score-row__total ${e.counted < 0 ? 'score-row__total--down' : ''}`}>{e.revoked ? '已撤销' : `${e.counted} 分`}</Text>
            </View>
            <View className='list-line'>
              {e.label}
              {e.gradeLabel ? `（${e.gradeLabel}）` : ''} · {e.occurredOn}
              {e.extendedService ? ' · 延时服务期间' : ''}
            </View>
            <View className='muted'>事由：{e.reason}</View>
            <View className='muted'>证据：{e.evidence}</View>
            <PhotoList photos={e.photos} />
            {!e.revoked && e.counted === 0 && e.points < 0 ? <View className='muted'>同一违纪行为已按最高一级扣分，本条不重复扣分</View> : null}
            <View className='muted score__cite'>
              依据：{e.cite} · {e.by} 于 {formatTime(e.at)} 登记
            </View>
            {e.revoked ? (
              <View className='muted'>
                {e.revoked.by} 于 {formatTime(e.revoked.at)} 撤销：{e.revoked.reason}
              </View>
            ) : (
              <ActionForm
                title='撤销这条扣分'
                fields={[{ name: 'reason', label: '撤销理由', kind: 'text', placeholder: '例如：已补办请假手续，系误登' }]}
                submitLabel='撤销'
                tone='plain'
                onSubmit={(v) => revoke(e.id, v)}
              />
            )}
          </View>
        ))}
      </View>
    </View>
  )
}
