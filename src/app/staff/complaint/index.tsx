// One complaint for the hall office: what was filed and about whom, then the extension (approved by the
// leader in charge, 002 限时办结 §7) and the answer with its finding; a verified one names the person
// responsible (004 三(一)(5)).
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ErrorBody } from '../../../core/errors'
import type { ComplaintView } from '../../../core/views'
import { call } from '../../api/client'
import { ActionForm, type FormValues } from '../../components/ActionForm'
import { Message } from '../../components/CaseParts'
import { ComplaintBody } from '../../components/ComplaintParts'
import { useStaffView } from '../../lib/useStaffView'

export default function ComplaintDeskItemPage() {
  const { params } = useRouter()
  const { view, setView, error } = useStaffView(() => call('getComplaint', { complaintId: params.id ?? '' }))
  const [notice, setNotice] = useState<string | null>(null)

  const done = (a: { ok: true; data: ComplaintView } | { ok: false; error: ErrorBody }, message: string): ErrorBody | null => {
    if (!a.ok) return a.error
    setView(a.data)
    setNotice(message)
    return null
  }
  const extend = async (v: FormValues) =>
    done(
      await call('extendComplaint', { complaintId: params.id ?? '', days: Number(v.days), reason: String(v.reason), approvedBy: String(v.approvedBy) }),
      '已延期，并告知投诉人',
    )
  const answer = async (v: FormValues) =>
    done(
      await call('answerComplaint', {
        complaintId: params.id ?? '',
        finding: v.finding as 'verified' | 'unfounded',
        answer: String(v.answer),
        responsibleStaffId: v.finding === 'verified' && v.responsibleStaffId ? String(v.responsibleStaffId) : undefined,
      }),
      '已答复投诉人',
    )

  if (error)
    return (
      <View className='page'>
        <Message title='无法查看' text={error} />
      </View>
    )
  if (!view) return <View className='page loading'>正在加载…</View>
  return (
    <View className='page'>
      {notice ? <View className='notice'>{notice}</View> : null}
      {view.intake ? (
        <View className='notice'>
          {view.intake.channel}登记 · 收到于 {view.intake.receivedAt.slice(0, 16).replace('T', ' ')}。{view.intake.tell}
        </View>
      ) : null}
      {/* what the complaint is and its clock first; the answer below it, as on the case page */}
      <ComplaintBody view={view} />
      {view.concerns ? (
        <View className='section'>
          <View className='section__title'>涉及</View>
          <View>
            {view.concerns.windowName ?? '—'}
            {view.concerns.staffName ? ` · ${view.concerns.staffName}` : ''}
          </View>
          {view.concerns.responsibleName ? <View className='muted'>经核实的责任人：{view.concerns.responsibleName}</View> : null}
          {view.caseId ? (
            <Text className='link' onClick={() => Taro.navigateTo({ url: `/staff/case/index?id=${view.caseId}` })}>
              查看相关案件 ›
            </Text>
          ) : null}
        </View>
      ) : null}
      {view.can.answer ? (
        <View className='section'>
          <ActionForm
            title='答复投诉'
            hint='写明调查核实的情况和处理结果。投诉属实的，请选择负有责任的工作人员（计入当月考核，004）；涉及的案件已办结的，将重新办理。'
            fields={[
              {
                name: 'finding',
                label: '核实结论',
                kind: 'choice',
                options: [
                  { value: 'verified', label: '投诉属实' },
                  { value: 'unfounded', label: '投诉不属实' },
                ],
              },
              {
                name: 'responsibleStaffId',
                label: '责任人（投诉属实时）',
                kind: 'choice',
                options: view.staffChoices.slice(0, 12).map((s) => ({ value: s.id, label: `${s.name}（${s.windowName}）` })),
              },
              { name: 'answer', label: '调查核实情况和处理结果', kind: 'textarea' },
            ]}
            submitLabel='答复投诉人'
            confirm={{
              title: '确认答复投诉人',
              content: '答复后投诉办结，投诉人会收到答复并可以评价；核实属实的计入责任人当月考核。答复后不能修改。',
              confirmText: '确认答复',
            }}
            onSubmit={answer}
          />
        </View>
      ) : null}
      {view.can.extend ? (
        <View className='section'>
          <ActionForm
            title='延期办理'
            hint='情况复杂的，经分管领导批准，可以延期一次（002 限时办结第七条）；延期理由会告知投诉人。'
            fields={[
              { name: 'days', label: '延期工作日数', kind: 'number', placeholder: '例如 5' },
              { name: 'reason', label: '延期理由', kind: 'textarea' },
              { name: 'approvedBy', label: '批准的分管领导', kind: 'text', placeholder: '例如 王副主任' },
            ]}
            submitLabel='延期'
            tone='plain'
            onSubmit={extend}
          />
        </View>
      ) : null}
    </View>
  )
}
