// 考核与评价 (004): the month's score sheets with every deduction and its case, and for the hall office
// and leads each window's rating distribution and six-month trend.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Axis, Chart as F2Chart, Legend, Line, Point } from '@antv/f2'
import { citeCode, citeInWords } from '../../../core/regulation'
import type { AssessmentView, AssessmentYearView } from '../../../core/views'
import { call } from '../../api/client'
import { Chart, el, label, legendText, LEVEL_COLORS, LEVEL_NAMES, stackedBars } from '../../components/Chart'
import { Message } from '../../components/CaseParts'
import { PhotoList } from '../../components/Photos'
import { formatTime } from '../../lib/format'
import { useStaffView } from '../../lib/useStaffView'
import { shanghaiDate } from '../../../core/calendar'

const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const i = y * 12 + (m - 1) + by
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}
const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`

function distribution(view: AssessmentView) {
  return stackedBars(
    view.windows.flatMap((w) =>
      ['5', '4', '3', '2', '1'].map((l) => ({ window: w.name.replace(/窗口.*$/, ''), part: LEVEL_NAMES[l]!, count: w.ratings[l as '5'] })),
    ),
    LEVEL_COLORS,
  )
}

function trend(view: AssessmentView) {
  const data = view.windows.flatMap((w) =>
    w.trend
      .filter((t) => t.goodShare !== null)
      .map((t) => ({ window: w.name.replace(/窗口.*$/, ''), month: `${Number(t.month.slice(5))}月`, share: Math.round(t.goodShare! * 100) })),
  )
  return el(F2Chart, {
    data,
    scale: { share: { min: 0, max: 100, tickCount: 5 } },
    children: [
      el(Axis, { field: 'month', style: label }),
      el(Axis, { field: 'share', formatter: (v: number) => `${v}%`, style: label }),
      el(Line, { x: 'month', y: 'share', color: 'window' }),
      el(Point, { x: 'month', y: 'share', color: 'window' }),
      el(Legend, { position: 'top', ...legendText }),
    ],
  })
}

export default function AssessmentPage() {
  const [month, setMonth] = useState(() => shanghaiDate(new Date()).slice(0, 7))
  const { view, setView, error, setError, load } = useStaffView((m: string = month) => call('assessment', { month: m }))
  const [open, setOpen] = useState<string | null>(null)
  const [year, setYear] = useState<AssessmentYearView | null>(null)
  const showYear = async () => {
    const a = await call('assessmentYear', { year: Number(month.slice(0, 4)) })
    if (a.ok) setYear(a.data)
    else setError(a.error.message)
  }
  const go = (by: number) => {
    const m = shift(month, by)
    setMonth(m)
    setView(null)
    setYear(null)
    void load(m)
  }

  if (error)
    return (
      <View className='page'>
        <Message title='无法查看考核情况' text={error} />
      </View>
    )
  const rated = view ? view.windows.reduce((s, w) => s + Object.values(w.ratings).reduce((a, b) => a + b, 0), 0) : 0
  return (
    <View className='page'>
      <View className='month-bar'>
        <Text className='link' onClick={() => go(-1)}>
          ‹ 上月
        </Text>
        <Text className='month-bar__title'>{monthLabel(month)}考核</Text>
        <Text className='link' onClick={() => go(1)}>
          下月 ›
        </Text>
      </View>
      <View className='segmented assessment__modes'>
        <Text className={`segmented__item ${year ? '' : 'segmented__item--on'}`} onClick={() => setYear(null)}>
          月度
        </Text>
        <Text className={`segmented__item ${year ? 'segmented__item--on' : ''}`} onClick={showYear}>
          {month.slice(0, 4)} 年度
        </Text>
      </View>
      {year ? (
        <View className='section'>
          <View className='section__title'>
            {year.year} 年度考核<Text className='section__aside'>1–{year.months.length} 月</Text>
          </View>
          {year.windows.map((w) => (
            <View className='score-row' key={w.windowId}>
              <Text className='score-row__name'>{w.name}</Text>
              <Text className='muted'>年平均 {w.average ?? '—'} 分</Text>
            </View>
          ))}
          {year.staff.map((p) => (
            <View className='score' key={p.staffId}>
              <View className='score-row'>
                <Text className='score-row__name'>
                  {p.name}
                  <Text className='muted'> {p.windowName}</Text>
                </Text>
                <Text className='score-row__total'>年均 {p.average ?? '—'} 分</Text>
              </View>
              <View className='muted'>{p.months.map((t, i) => `${i + 1}月 ${t}`).join(' · ')}</View>
            </View>
          ))}
        </View>
      ) : !view ? (
        <View className='loading'>正在计算…</View>
      ) : (
        <View>
          {view.windows.length > 0 ? (
            <View className='section'>
              <View className='section__title'>
                各窗口好差评<Text className='section__aside'>本月 {rated} 条</Text>
              </View>
              {rated > 0 ? (
                <Chart height={Math.max(180, view.windows.length * 44 + 60)} draw={() => distribution(view)} deps={[view]} />
              ) : (
                <View className='muted'>本月暂无评价</View>
              )}
              <View className='section__title section__title--sub'>近六个月满意率（满意、非常满意占比）</View>
              <Chart height={220} draw={() => trend(view)} deps={[view]} />
              {view.windows.map((w) => (
                <View className='score-row' key={w.windowId}>
                  <Text className='score-row__name'>{w.name}</Text>
                  <Text className='muted'>
                    平均 {w.averageScore} 分 · 扣分 {w.deductions} 项{w.unrated > 0 ? ` · 未评价 ${w.unrated} 次` : ''}
                  </Text>
                </View>
              ))}
            </View>
          ) : null}
          <View className='section'>
            <View className='section__title'>
              个人考核<Text className='section__aside'>{view.policyName.slice(0, 14)}…</Text>
            </View>
            {view.sheets.map((s) => (
              <View key={s.staffId} className='score' onClick={() => setOpen(open === s.staffId ? null : s.staffId)}>
                <View className='score-row'>
                  <Text className='score-row__name'>
                    {s.name}
                    <Text className='muted'> {s.windowName}</Text>
                  </Text>
                  <Text className={`score-row__total ${s.total < s.start ? 'score-row__total--down' : ''}`}>{s.total} 分</Text>
                </View>
                {open === s.staffId ? (
                  <View className='score__items'>
                    {s.items.length === 0 ? <View className='muted'>本月无扣分</View> : null}
                    {s.items.map((d, i) => (
                      <View
                        className='score__item'
                        key={`${d.caseId}-${i}`}
                        onClick={() => d.caseId && Taro.navigateTo({ url: `/staff/case/index?id=${d.caseId}` })}
                      >
                        <View className='score-row'>
                          <Text>{d.label}</Text>
                          <Text className='score-row__total score-row__total--down'>{d.points}</Text>
                        </View>
                        <View className='muted'>{d.manual ? `${d.note} · 发生于 ${d.at.slice(0, 10)}` : `${d.caseNo} · ${d.note} · ${formatTime(d.at)}`}</View>
                        {d.manual ? <View className='muted'>证据：{d.manual.evidence}</View> : null}
                        {d.manual ? <PhotoList photos={d.manual.photos} /> : null}
                        <View className='muted score__cite'>
                          依据：{citeInWords(d.cite)}
                          {citeCode(d.cite) ? `〔${citeCode(d.cite)}〕` : ''}
                        </View>
                      </View>
                    ))}
                    {s.capRelief > 0 ? <View className='muted'>差评、投诉本月合计扣分已达上限，返还 {s.capRelief} 分</View> : null}
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
