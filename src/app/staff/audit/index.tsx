// 审计日志 for the hall office: who did what, when and to what — newest first, by kind, person and day,
// a page at a time — and whether the chain of entries is whole (完整) or where it breaks (断裂).
import { useState } from 'react'
import { Button, Picker, Text, View } from '@tarojs/components'
import type { AuditLogView } from '../../../core/views'
import { call } from '../../api/client'
import { Message } from '../../components/CaseParts'
import { tappable } from '../../lib/a11y'
import { formatDateTime } from '../../lib/format'
import { useStaffView } from '../../lib/useStaffView'

interface Filters {
  kind?: string
  actorId?: string
  from?: string
  to?: string
}

type Entry = AuditLogView['entries'][number]

function ChainBanner(props: { chain: NonNullable<AuditLogView['chain']> }) {
  const c = props.chain
  if (c.ok)
    return (
      <View className='audit__chain audit__chain--ok' role='status'>
        <Text className='audit__chain-title'>链条完整</Text>
        <Text> · 共 {c.entries} 条记录，逐条校验无误</Text>
      </View>
    )
  return (
    <View className='audit__chain audit__chain--broken' role='alert'>
      <View className='audit__chain-title'>链条断裂：第 {c.seq} 条记录有问题</View>
      <View>{c.reason}。自这条起的记录可能被改动、删除或插入过，请保留现状并及时报告分管领导。</View>
    </View>
  )
}

function EntryCard(props: { e: Entry; broken: boolean }) {
  const e = props.e
  return (
    <View className='audit__entry'>
      <View className='audit__head'>
        <Text className='audit__time'>{formatDateTime(e.at)}</Text>
        <Text className='audit__seq'>
          {props.broken ? <Text className='tag tag--stop'>校验未通过</Text> : null} 第 {e.seq} 条
        </Text>
      </View>
      <View className='audit__what'>
        <Text className='audit__who'>{e.actor.name}</Text>
        {e.actor.kind === 'operator' ? <Text className='muted'>（系统）</Text> : null}
        <Text> {e.label}</Text>
      </View>
      <View className='list-line'>对象：{e.target}</View>
      {e.details.length ? <View className='muted'>{e.details.join('；')}</View> : null}
    </View>
  )
}

export default function AuditPage() {
  const [filters, setFilters] = useState<Filters>({})
  const [more, setMore] = useState<{ entries: Entry[]; next: number | null } | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [choosingPerson, setChoosingPerson] = useState(false)
  const { view, setView, error, load } = useStaffView((f: Filters = filters) => call('auditLog', f), { loaded: () => setMore(null) })

  if (error)
    return (
      <View className='page'>
        <Message title='无法查看审计日志' text={error} />
      </View>
    )

  const apply = (change: Filters) => {
    const next = { ...filters, ...change }
    for (const k of Object.keys(next) as Array<keyof Filters>) if (!next[k]) delete next[k]
    // a start after the end: the end moves to the start, so the range is never empty by mistake
    if (next.from && next.to && next.from > next.to) next.to = next.from
    setFilters(next)
    setView(null)
    setMore(null)
    void load(next)
  }
  const loadMore = async (before: number) => {
    if (loadingMore) return
    setLoadingMore(true)
    const a = await call('auditLog', { ...filters, beforeSeq: before })
    setLoadingMore(false)
    if (a.ok) setMore((m) => ({ entries: [...(m?.entries ?? []), ...a.data.entries], next: a.data.nextBeforeSeq }))
  }

  const entries = view ? [...view.entries, ...(more?.entries ?? [])] : []
  const next = more ? more.next : (view?.nextBeforeSeq ?? null)
  const person = view?.people.find((p) => p.id === filters.actorId)
  const filtered = Object.keys(filters).length > 0

  return (
    <View className='page'>
      {view?.chain ? <ChainBanner chain={view.chain} /> : null}
      <View className='section'>
        <View className='section__title'>
          筛选<Text className='section__aside'>仅政务服务科可见</Text>
        </View>
        <View className='field__label'>操作类别</View>
        <View className='chips audit__kinds'>
          <Text
            className={`chip ${!filters.kind ? 'chip--on' : ''}`}
            {...tappable('radio', '全部类别', !filters.kind)}
            onClick={() => apply({ kind: undefined })}
          >
            全部
          </Text>
          {(view?.kinds ?? []).map((k) => (
            <Text
              key={k.id}
              className={`chip ${filters.kind === k.id ? 'chip--on' : ''}`}
              {...tappable('radio', k.label, filters.kind === k.id)}
              onClick={() => apply({ kind: filters.kind === k.id ? undefined : k.id })}
            >
              {k.label}
            </Text>
          ))}
        </View>
        <View className='field__label'>操作人</View>
        <View className='chips'>
          <Text
            className={`chip ${person ? 'chip--on' : ''}`}
            {...tappable('button', `操作人：${person ? person.name : '全部人员'}，点按更换`)}
            onClick={() => setChoosingPerson(!choosingPerson)}
          >
            {person ? person.name : '全部人员'} {choosingPerson ? '▴' : '▾'}
          </Text>
          {person ? (
            <Text className='chip' {...tappable('button', '不限操作人')} onClick={() => apply({ actorId: undefined })}>
              不限
            </Text>
          ) : null}
        </View>
        {choosingPerson && view ? (
          <View className='chips audit__people'>
            {view.people.map((p) => (
              <Text
                key={p.id}
                className={`chip ${filters.actorId === p.id ? 'chip--on' : ''}`}
                {...tappable('radio', `${p.name}，${p.note}`, filters.actorId === p.id)}
                onClick={() => {
                  setChoosingPerson(false)
                  apply({ actorId: p.id })
                }}
              >
                {p.name}
                <Text className='audit__note'> {p.note}</Text>
              </Text>
            ))}
          </View>
        ) : null}
        <View className='field__label'>日期</View>
        <View className='chips'>
          <Picker mode='date' value={filters.from ?? ''} onChange={(e) => apply({ from: String(e.detail.value) })}>
            <Text className={`chip ${filters.from ? 'chip--on' : ''}`} {...tappable('button', `开始日期：${filters.from ?? '不限'}`)}>
              {filters.from ? `自 ${filters.from}` : '开始日期'}
            </Text>
          </Picker>
          <Picker mode='date' value={filters.to ?? ''} onChange={(e) => apply({ to: String(e.detail.value) })}>
            <Text className={`chip ${filters.to ? 'chip--on' : ''}`} {...tappable('button', `结束日期：${filters.to ?? '不限'}`)}>
              {filters.to ? `至 ${filters.to}` : '结束日期'}
            </Text>
          </Picker>
          {filters.from || filters.to ? (
            <Text className='chip' {...tappable('button', '不限日期')} onClick={() => apply({ from: undefined, to: undefined })}>
              不限日期
            </Text>
          ) : null}
        </View>
        {filtered ? (
          <Text
            className='link audit__clear'
            {...tappable('button')}
            onClick={() => apply({ kind: undefined, actorId: undefined, from: undefined, to: undefined })}
          >
            清除全部筛选
          </Text>
        ) : null}
      </View>
      <View className='section'>
        <View className='section__title'>
          记录<Text className='section__aside'>最新的在前</Text>
        </View>
        {!view ? <View className='loading'>正在查询…</View> : null}
        {view && entries.length === 0 ? <View className='muted'>{filtered ? '没有符合条件的记录，可以放宽筛选条件再看看' : '还没有审计记录'}</View> : null}
        {entries.map((e) => (
          <EntryCard key={e.seq} e={e} broken={view?.chain?.ok === false && view.chain.seq === e.seq} />
        ))}
        {next !== null ? (
          <Button className='btn btn--plain' loading={loadingMore} onClick={() => void loadMore(next)}>
            {loadingMore ? '正在加载…' : '加载更多'}
          </Button>
        ) : view && entries.length > 0 ? (
          <View className='muted audit__end'>以上是全部记录</View>
        ) : null}
      </View>
      <View className='footer'>审计日志记录管理操作和每一次查看完整手机号，只增不改；每条记录都带着上一条的校验值，任何改动都会在这里显示为链条断裂。</View>
    </View>
  )
}
