// 帮办代办 (002 帮办代办制度): the 帮办代办工作登记台账 of a month (三(二)), exported as xlsx; for the hall
// office the month's 随机回访 sample and 不定期抽查 (四), each call's outcome recorded, a finding entered as
// the agent's 效能纪律 deduction.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { shanghaiDate } from '../../../core/calendar'
import type { AssistedReviewRow, AssistedSupervisionView } from '../../../core/views'
import { call, newRequestId } from '../../api/client'
import { ActionForm, type FormValues } from '../../components/ActionForm'
import { Message } from '../../components/CaseParts'
import { formatTime } from '../../lib/format'
import { saveFile } from '../../lib/files'
import { useStaffView } from '../../lib/useStaffView'

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`
}
const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + by, 1))
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`
}

const OUTCOMES = [
  { value: 'satisfied', label: '满意' },
  { value: 'dissatisfied', label: '不满意' },
  { value: 'unreachable', label: '未接通' },
]

export default function AssistedPage() {
  const [month, setMonth] = useState(shanghaiDate(new Date()).slice(0, 7))
  const [isOffice, setIsOffice] = useState(false)
  const [sup, setSup] = useState<AssistedSupervisionView | null>(null)
  const [size, setSize] = useState('')
  const [drawError, setDrawError] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const range = (m: string) => ({ from: `${m}-01`, to: lastDay(m) })

  const { view, setView, error, load } = useStaffView(async (m: string = month) => {
    const [a, s] = await Promise.all([call('assistedLedger', range(m)), call('session', {})])
    const office = s.ok && s.data.staff?.role === 'office'
    setIsOffice(office)
    if (office) {
      const v = await call('assistedSupervision', { month: m })
      setSup(v.ok ? v.data : null)
    }
    return a
  })

  const choose = (m: string) => {
    setMonth(m)
    setView(null)
    setSup(null)
    void load(m)
  }
  async function draw() {
    const a = await call('drawAssistedSample', { month, size: Number(size), requestId: newRequestId() })
    setDrawError(a.ok ? null : a.error.message)
    if (a.ok) setSup(a.data)
  }
  async function review(row: AssistedReviewRow, kind: 'callBack' | 'spotCheck', v: FormValues) {
    const finding = String(v.finding ?? '').trim()
    const a = await call('recordAssistedReview', {
      caseId: row.caseId,
      kind,
      outcome: String(v.outcome) as 'satisfied',
      note: String(v.note),
      ...(finding ? { finding: { item: 'serviceRules', reason: finding } } : {}),
      requestId: newRequestId(),
    })
    if (!a.ok) return a.error
    void load(month)
    return null
  }
  async function download() {
    if (exporting) return
    setExporting(true)
    const a = await call('assistedLedgerWorkbook', range(month))
    setExporting(false)
    if (!a.ok) return Taro.showModal({ title: '未能导出', content: a.error.message, showCancel: false, confirmText: '知道了' })
    await saveFile(a.data).catch(() => Taro.showToast({ title: '文件保存失败，请重试', icon: 'none' }))
  }

  if (error)
    return (
      <View className='page'>
        <Message title='无法查看帮办代办台账' text={error} />
      </View>
    )
  return (
    <View className='page'>
      <View className='segmented ledger__periods'>
        <Text className='segmented__item' onClick={() => choose(shift(month, -1))}>
          ‹ 上月
        </Text>
        <Text className='segmented__item segmented__item--on'>{month}</Text>
        <Text className='segmented__item' onClick={() => choose(shift(month, 1))}>
          下月 ›
        </Text>
      </View>
      {!view ? (
        <View className='loading'>正在加载…</View>
      ) : (
        <View>
          <View className='section'>
            <View className='section__title'>
              {view.windowName}
              <Text className='section__aside'>受理 {view.totals.received} 件</Text>
            </View>
            <View className='muted'>
              办结 {view.totals.finished} 件；帮办 {view.totals.help} 件，代办 {view.totals.agent} 件，其中上门办 {view.totals.homeVisit} 件；已评价{' '}
              {view.totals.rated} 件
            </View>
            {view.rows.length === 0 ? <View className='muted'>本月没有受理帮办代办申请</View> : null}
            {view.rows.map((r) => (
              <View className='choice' key={r.caseId} onClick={() => Taro.navigateTo({ url: `/staff/case/index?id=${r.caseId}` })}>
                <View className='choice__name'>
                  {r.matter}
                  <Text className='choice__number'>{r.outcome}</Text>
                </View>
                <View className='choice__scope'>
                  {r.no} · {r.kind} · {r.channel} · 申请人 {r.applicant}
                </View>
                <View className='choice__scope'>
                  受理 {formatTime(r.receivedAt)}
                  {r.finishedAt ? ` · 办结 ${formatTime(r.finishedAt)}` : ''} · 帮办代办员 {r.agent || '待指派'}
                  {r.rating ? ` · 评价 ${r.rating}` : ''}
                </View>
              </View>
            ))}
            <Button className={`btn btn--primary ${exporting ? 'btn--off' : ''}`} loading={exporting} disabled={exporting} onClick={download}>
              导出 Excel（帮办代办工作登记台账）
            </Button>
          </View>
          {isOffice && sup ? (
            <View className='section'>
              <View className='section__title'>
                随机回访<Text className='section__aside'>本月办结 {sup.finished} 件</Text>
              </View>
              {sup.sample.length === 0 ? (
                <View>
                  <View className='muted'>从本月办结的帮办代办申请中随机抽取回访，每月抽取一次（《帮办代办制度》第四条）。</View>
                  <View className='field'>
                    <View className='field__label'>抽取数量</View>
                    <Input className='field__input' type='number' value={size} placeholder={`1 至 ${sup.finished}`} onInput={(e) => setSize(e.detail.value)} />
                    {drawError ? <View className='field__error'>{drawError}</View> : null}
                  </View>
                  <Button className='btn btn--primary' onClick={draw}>
                    随机抽取
                  </Button>
                </View>
              ) : null}
              {sup.sample.map((r) => (
                <ReviewRow key={r.caseId} row={r} kind='callBack' onSubmit={(v) => review(r, 'callBack', v)} />
              ))}
              {sup.spotChecks.length > 0 ? <View className='section__title section__title--sub'>不定期抽查</View> : null}
              {sup.spotChecks.map((r, i) => (
                <ReviewRow key={`${r.caseId}-${i}`} row={r} kind='spotCheck' />
              ))}
            </View>
          ) : null}
          {isOffice && view.rows.length > 0 ? (
            <View className='section'>
              <View className='section__title'>登记不定期抽查</View>
              {view.rows.map((r) => (
                <ReviewRow
                  key={r.caseId}
                  row={{
                    caseId: r.caseId,
                    no: r.no,
                    matter: r.matter,
                    agent: r.agent,
                    applicant: r.applicant,
                    phone: r.phone,
                    finishedAt: r.finishedAt,
                    review: null,
                  }}
                  kind='spotCheck'
                  onSubmit={(v) => review({ caseId: r.caseId } as AssistedReviewRow, 'spotCheck', v)}
                />
              ))}
            </View>
          ) : null}
        </View>
      )}
    </View>
  )
}

function ReviewRow({
  row,
  kind,
  onSubmit,
}: {
  row: AssistedReviewRow
  kind: 'callBack' | 'spotCheck'
  onSubmit?: (v: FormValues) => ReturnType<ActionFormSubmit>
}) {
  return (
    <View className='list-line'>
      <View>
        {row.no} · {row.matter} · 帮办代办员 {row.agent || '待指派'} · {row.applicant} {row.phone}
      </View>
      {row.review ? (
        <View className='muted'>
          {row.review.kind}：{row.review.outcome}（{formatTime(row.review.at)}，{row.review.by}）{row.review.note}
          {row.review.deductionId ? '；已记入效能纪律扣分' : ''}
        </View>
      ) : onSubmit ? (
        <ActionForm
          title={kind === 'callBack' ? '登记回访结果' : '登记抽查情况'}
          fields={[
            { name: 'outcome', label: '结果', kind: 'choice', options: OUTCOMES, initial: 'satisfied' },
            { name: 'note', label: kind === 'callBack' ? '回访情况' : '抽查情况', kind: 'text' },
            { name: 'finding', label: '查实的问题（冷硬推拖等，填写则记入帮办代办员效能纪律扣分）', kind: 'text' },
          ]}
          submitLabel='登记'
          onSubmit={onSubmit}
        />
      ) : null}
    </View>
  )
}

type ActionFormSubmit = Parameters<typeof ActionForm>[0]['onSubmit']
