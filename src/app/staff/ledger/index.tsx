// 台帐 (附件3 窗口首问负责制情况统计表, 000 §8): the closed cases of a period counted in every column,
// per window and for the hall; tap a count for its cases; export the sheets as xlsx.
import type { CaseChannel } from '../../../core/registration'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { shanghaiDate } from '../../../core/calendar'
import type { LedgerColumn } from '../../../core/events'
import type { CaseSummary, LedgerView } from '../../../core/views'
import { callChecked } from '../../api/checked'
import { call } from '../../api/client'
import { CaseListItem, Message } from '../../components/CaseParts'
import { useStaffView } from '../../lib/useStaffView'
import { saveFile } from '../../lib/files'

type Period = 'month' | 'lastMonth' | 'quarter' | 'year'
const PERIODS: Array<[Period, string]> = [
  ['month', '本月'],
  ['lastMonth', '上月'],
  ['quarter', '本季度'],
  ['year', '本年'],
]

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
const pad = (n: number) => String(n).padStart(2, '0')
/** the period's first and last day, in the hall's time */
function periodOf(p: Period, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number]
  if (p === 'month') return { from: `${y}-${pad(m)}-01`, to: today }
  if (p === 'lastMonth') {
    const [ly, lm] = m === 1 ? [y - 1, 12] : [y, m - 1]
    return { from: `${ly}-${pad(lm)}-01`, to: `${ly}-${pad(lm)}-${pad(lastDay(ly, lm))}` }
  }
  if (p === 'quarter') return { from: `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`, to: today }
  return { from: `${y}-01-01`, to: today }
}

export default function LedgerPage() {
  const [period, setPeriod] = useState<Period>('month')
  const [drill, setDrill] = useState<{ windowId: string; column?: LedgerColumn; label: string; cases: CaseSummary[] | null } | null>(null)
  const [exporting, setExporting] = useState<'sheet' | 'xlsx' | 'jsonl' | null>(null)
  const [isOffice, setIsOffice] = useState(false)
  // the sheet of one channel (窗口来访, 来电, 来信 …) or of all
  const [channel, setChannel] = useState<CaseChannel | undefined>(undefined)
  const range = { ...periodOf(period, shanghaiDate(new Date())), ...(channel ? { channel } : {}) }

  const { view, setView, error, load } = useStaffView(async (p: Period = period, ch: CaseChannel | undefined = channel) => {
    const [a, s] = await Promise.all([call('ledger', { ...periodOf(p, shanghaiDate(new Date())), ...(ch ? { channel: ch } : {}) }), call('session', {})])
    if (s.ok) setIsOffice(s.data.staff?.role === 'office')
    return a
  })

  const choose = (p: Period) => {
    setPeriod(p)
    setView(null)
    setDrill(null)
    void load(p, channel)
  }
  const chooseChannel = (ch: CaseChannel | undefined) => {
    setChannel(ch)
    setView(null)
    setDrill(null)
    void load(period, ch)
  }
  const open = async (windowId: string, label: string, column?: LedgerColumn) => {
    setDrill({ windowId, column, label, cases: null })
    const a = await call('ledgerCases', { ...range, windowId, column })
    setDrill({ windowId, column, label, cases: a.ok ? a.data.cases : [] })
  }
  const download = async (what: 'sheet' | 'xlsx' | 'jsonl') => {
    if (exporting) return
    setExporting(what)
    const a = what === 'sheet' ? await call('ledgerWorkbook', range) : await callChecked('exportArchive', { from: range.from, to: range.to, format: what })
    setExporting(null)
    if (!a.ok) return Taro.showModal({ title: '未能导出', content: a.error.message, showCancel: false, confirmText: '知道了' })
    try {
      await saveFile(a.data)
    } catch {
      Taro.showToast({ title: '文件保存失败，请重试', icon: 'none' })
    }
  }

  if (error)
    return (
      <View className='page'>
        <Message title='无法查看台帐' text={error} />
      </View>
    )
  return (
    <View className='page'>
      <View className='segmented ledger__periods'>
        {PERIODS.map(([p, label]) => (
          <Text key={p} className={`segmented__item ${period === p ? 'segmented__item--on' : ''}`} onClick={() => choose(p)}>
            {label}
          </Text>
        ))}
      </View>
      <View className='chips ledger__channels'>
        <Text className={`chip ${!channel ? 'chip--on' : ''}`} onClick={() => chooseChannel(undefined)}>
          全部来源
        </Text>
        {(view?.channelChoices ?? []).map((c) => (
          <Text key={c.id} className={`chip ${channel === c.id ? 'chip--on' : ''}`} onClick={() => chooseChannel(c.id)}>
            {c.label}
          </Text>
        ))}
      </View>
      <View className='muted ledger__range'>
        统计期间 {range.from} 至 {range.to} · 按结案日期{view?.channel ? ` · 仅${view.channel.label}` : ''}
      </View>
      {!view ? (
        <View className='loading'>正在统计…</View>
      ) : (
        <View>
          {view.windows.length > 1 ? (
            <View className='section ledger'>
              <View className='section__title'>
                全厅合计<Text className='section__aside'>{view.total.total} 件</Text>
              </View>
              <LedgerGrid view={view} sheet={view.total} />
            </View>
          ) : null}
          {view.windows.map((w) => (
            <View className='section ledger' key={w.windowId}>
              <View className='section__title'>
                {w.name}
                <Text className='section__aside' onClick={() => open(w.windowId, `${w.name} 全部`)}>
                  合计 {w.sheet.total} 件 ›
                </Text>
              </View>
              {w.sheet.total > 0 || view.windows.length === 1 ? (
                <LedgerGrid view={view} sheet={w.sheet} onOpen={(column, label) => open(w.windowId, `${w.name} · ${label}`, column)} />
              ) : (
                <View className='muted'>本期没有结案的事项</View>
              )}
              {drill?.windowId === w.windowId ? (
                <View className='ledger__drill'>
                  <View className='section__title section__title--sub'>{drill.label}</View>
                  {drill.cases === null ? <View className='muted'>正在加载…</View> : drill.cases.length === 0 ? <View className='muted'>没有案件</View> : null}
                  {drill.cases?.map((c) => (
                    <CaseListItem c={c} key={c.id} href={`/staff/case/index?id=${c.id}`} forStaff />
                  ))}
                </View>
              ) : null}
            </View>
          ))}
          <View className='section'>
            <Button
              className={`btn btn--primary ${exporting ? 'btn--off' : ''}`}
              loading={exporting === 'sheet'}
              disabled={exporting !== null}
              onClick={() => download('sheet')}
            >
              导出 Excel（附件3 统计表）
            </Button>
          </View>
          {isOffice ? (
            <View className='section'>
              <View className='section__title'>归档导出</View>
              <View className='muted ledger__archive'>
                导出 {range.from} 至 {range.to} 提交的全部案件及每一步办理过程，供大厅存档。文件含市民姓名和联系电话，导出会记入审计日志，请妥善保管。
              </View>
              <View className='matters__buttons'>
                <Button className='btn btn--plain' loading={exporting === 'xlsx'} disabled={exporting !== null} onClick={() => download('xlsx')}>
                  Excel 表格
                </Button>
                <Button className='btn btn--plain' loading={exporting === 'jsonl'} disabled={exporting !== null} onClick={() => download('jsonl')}>
                  逐件数据文件（供系统导入）
                </Button>
              </View>
            </View>
          ) : null}
        </View>
      )}
    </View>
  )
}

function LedgerGrid({ view, sheet, onOpen }: { view: LedgerView; sheet: LedgerView['total']; onOpen?: (column: LedgerColumn, label: string) => void }) {
  const group = (g: 'inScope' | 'outOfScope') => (
    <View className='ledger__group'>
      <View className='ledger__group-title'>{g === 'inScope' ? '职责范围内' : '职责范围外'}</View>
      <View className='ledger__cells'>
        {view.columns
          .filter((c) => c.group === g)
          .map((c) => (
            <View
              key={c.key}
              className={`ledger__cell ${onOpen && sheet[c.key] > 0 ? 'ledger__cell--link' : ''}`}
              onClick={() => onOpen && sheet[c.key] > 0 && onOpen(c.key, c.label)}
            >
              <Text className='ledger__count'>{sheet[c.key]}</Text>
              <Text className='ledger__label'>{c.label}</Text>
            </View>
          ))}
      </View>
    </View>
  )
  return (
    <View>
      {group('inScope')}
      {group('outOfScope')}
    </View>
  )
}
