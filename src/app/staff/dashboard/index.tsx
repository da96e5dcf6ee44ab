// 运行看板 for the hall office and window leads: open cases by window and where they stand against
// their clocks, the overdue list to chase, and twelve weeks of receipts, closures, replies on time and
// ratings.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Axis, Chart as F2Chart, Interval } from '@antv/f2'
import type { DashboardView } from '../../../core/views'
import { call } from '../../api/client'
import { Chart, countScale, el, label, LEVEL_COLORS, LEVEL_NAMES, seriesChart, stackedBars } from '../../components/Chart'
import { Message } from '../../components/CaseParts'
import { formatTime } from '../../lib/format'
import { useStaffView } from '../../lib/useStaffView'

const STATE_COLORS = { overdue: '#d93026', dueToday: '#f0a04b', onTime: '#1659c7', waiting: '#c7cdd6' }
const weekLabel = (week: string) => `${Number(week.slice(5, 7))}/${Number(week.slice(8))}`
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`)
const short = (name: string) => name.replace(/窗口.*$/, '')

function openChart(view: DashboardView) {
  return stackedBars(
    view.open.windows.flatMap((w) => view.states.map((s) => ({ window: short(w.name), part: s.label, count: w.byState[s.key] }))),
    view.states.map((s) => STATE_COLORS[s.key]),
  )
}

const flowChart = (view: DashboardView) =>
  seriesChart(
    view.weeks.flatMap((w) => [
      { at: weekLabel(w.week), what: '受理', count: w.submitted },
      { at: weekLabel(w.week), what: '结案', count: w.closed },
    ]),
    ['#1659c7', '#1f9d55'],
    'lines',
  )

const replyChart = (view: DashboardView) =>
  seriesChart(
    view.weeks.flatMap((w) => [
      { at: weekLabel(w.week), what: '按时答复', count: w.repliedOnTime },
      { at: weekLabel(w.week), what: '超时答复', count: w.repliedLate },
    ]),
    ['#1f9d55', '#d93026'],
    'columns',
  )

function ratingChart(view: DashboardView) {
  const data = ['5', '4', '3', '2', '1'].map((l) => ({ level: LEVEL_NAMES[l], count: view.ratings.counts[l as '5'] }))
  return el(F2Chart, {
    data,
    coord: { transposed: true },
    scale: {
      count: countScale(
        data,
        (d) => d.level,
        (d) => d.count,
        false,
      ),
    },
    children: [
      el(Axis, { field: 'level', style: label }),
      el(Axis, { field: 'count', style: label, formatter: (v: number) => (Number.isInteger(v) ? String(v) : '') }),
      el(Interval, { x: 'level', y: 'count', color: { field: 'level', range: LEVEL_COLORS } }),
    ],
  })
}

export default function DashboardPage() {
  const [windowId, setWindowId] = useState<string | undefined>(undefined)
  const { view, setView, error, load } = useStaffView((w: string | undefined = windowId) => call('dashboard', w ? { windowId: w } : {}))
  const choose = (w: string | undefined) => {
    setWindowId(w)
    setView(null)
    load(w)
  }

  if (error)
    return (
      <View className='page'>
        <Message title='无法加载' text={error} />
      </View>
    )
  if (!view) return <View className='page loading'>正在统计…</View>
  const first = view.weeks[0]!.week
  return (
    <View className='page dashboard'>
      {view.windowChoices.length > 0 ? (
        <View className='chips dashboard__scope'>
          <Text className={`chip ${!windowId ? 'chip--on' : ''}`} onClick={() => choose(undefined)}>
            全厅
          </Text>
          {view.windowChoices.map((w) => (
            <Text key={w.id} className={`chip dashboard__window ${windowId === w.id ? 'chip--on' : ''}`} onClick={() => choose(w.id)}>
              {short(w.name)}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='dashboard__tiles'>
        <View className='dashboard__tile'>
          <Text className='dashboard__number'>{view.open.total}</Text>
          <Text className='dashboard__label'>未结案件</Text>
        </View>
        <View className='dashboard__tile'>
          <Text className={`dashboard__number ${view.open.byState.overdue > 0 ? 'dashboard__number--bad' : ''}`}>{view.open.byState.overdue}</Text>
          <Text className='dashboard__label'>已超时</Text>
        </View>
        <View className='dashboard__tile'>
          <Text className={`dashboard__number ${view.open.byState.dueToday > 0 ? 'dashboard__number--warn' : ''}`}>{view.open.byState.dueToday}</Text>
          <Text className='dashboard__label'>今日到期</Text>
        </View>
        <View className='dashboard__tile'>
          <Text className='dashboard__number'>{percent(view.replies.share)}</Text>
          <Text className='dashboard__label'>答复及时率</Text>
        </View>
        <View className='dashboard__tile'>
          <Text className='dashboard__number'>{percent(view.ratings.goodShare)}</Text>
          <Text className='dashboard__label'>好评率</Text>
        </View>
        <View className='dashboard__tile'>
          <Text className='dashboard__number'>{view.ratings.total}</Text>
          <Text className='dashboard__label'>收到评价</Text>
        </View>
      </View>
      <View className='muted dashboard__as-of'>
        {view.scope} · 统计至 {formatTime(view.at)} · 趋势自 {weekLabel(first)} 起 {view.weeks.length} 周
      </View>

      <View className='section'>
        <View className='section__title'>
          未结案件时限状态<Text className='section__aside'>{view.open.total} 件</Text>
        </View>
        {view.open.total > 0 ? (
          <Chart height={Math.max(160, view.open.windows.length * 40 + 70)} draw={() => openChart(view)} deps={[view]} />
        ) : (
          <View className='muted'>目前没有未结案件</View>
        )}
      </View>

      <View className='section'>
        <View className='section__title'>
          超时案件<Text className='section__aside'>{view.overdueCount} 件</Text>
        </View>
        {view.overdue.length === 0 ? <View className='muted'>没有超时案件</View> : null}
        {view.overdue.map((c) => (
          <View className='item dashboard__overdue-open' key={c.id} onClick={() => Taro.navigateTo({ url: `/staff/case/index?id=${c.id}` })}>
            <View className='item__row'>
              <Text className='item__no'>{c.no}</Text>
              <Text className='tag tag--stop'>{c.overdueText}</Text>
            </View>
            <View className='item__text'>{c.text}</View>
            <View className='item__meta'>
              {c.windowName} · {c.responderName ? `负责人 ${c.responderName}` : '尚未认领'} · {c.clockLabel}
              {c.dueAt ? ` ${formatTime(c.dueAt)} 到期` : ''}
            </View>
          </View>
        ))}
        {view.overdueCount > view.overdue.length ? <View className='muted'>另有 {view.overdueCount - view.overdue.length} 件，请按窗口查看</View> : null}
      </View>

      <View className='section'>
        <View className='section__title'>每周受理与结案</View>
        <Chart height={220} draw={() => flowChart(view)} deps={[view]} />
      </View>

      <View className='section'>
        <View className='section__title'>来源渠道</View>
        <View className='muted dashboard__note'>窗口来访、来电、来信和 12345 转办由工作人员登记，与扫码提交的一样计入台帐和考核。</View>
        <View className='dashboard__note'>
          常见问答 {view.faqs.published} 条，市民提问前已用它解决 {view.faqs.resolved} 次
        </View>
        <View className='channel-table'>
          <View className='channel-table__row channel-table__row--head'>
            <Text className='channel-table__name'>渠道</Text>
            <Text className='channel-table__n'>在办</Text>
            <Text className='channel-table__n'>近 {view.weeks.length} 周受理</Text>
          </View>
          {view.channels.map((c) => (
            <View className='channel-table__row' key={c.id}>
              <Text className='channel-table__name'>{c.label}</Text>
              <Text className='channel-table__n'>{c.open}</Text>
              <Text className='channel-table__n'>{c.received}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='section'>
        <View className='section__title'>
          咨询答复及时情况
          <Text className='section__aside'>
            按时 {view.replies.onTime} · 超时 {view.replies.late}
          </Text>
        </View>
        <View className='muted dashboard__note'>不能当场答复的咨询须在时限内答复（000 第四条第二款），按答复或超时所在周统计。</View>
        {view.replies.onTime + view.replies.late > 0 ? (
          <Chart height={220} draw={() => replyChart(view)} deps={[view]} />
        ) : (
          <View className='muted'>这段时间没有到期或已答复的限时咨询</View>
        )}
      </View>

      <View className='section'>
        <View className='section__title'>
          好差评分布<Text className='section__aside'>{view.ratings.total} 条</Text>
        </View>
        {view.ratings.total > 0 ? <Chart height={200} draw={() => ratingChart(view)} deps={[view]} /> : <View className='muted'>这段时间还没有收到评价</View>}
      </View>
    </View>
  )
}
