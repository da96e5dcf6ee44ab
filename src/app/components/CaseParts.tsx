// The pieces of a case page shared by the citizen's and the staff's views.
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { CaseSummary, CaseView, ClockView, TimelineEntry } from '../../core/views'
import type { ResponderCard as Card } from '../../core/schemas'
import { CLOCK_STATE_LABEL, REPLY_MODE_LABEL, formatTime } from '../lib/format'
import { tappable } from '../lib/a11y'

const STATUS_TONE: Record<string, string> = {
  open: 'wait',
  inProgress: 'active',
  replied: 'done',
  completed: 'done',
  closed: 'done',
  refused: 'stop',
}

export function StatusTag({ status, label }: { status: string; label: string }) {
  return <Text className={`tag tag--${STATUS_TONE[status] ?? 'active'}`}>{label}</Text>
}

export function ResponderCard({ card }: { card: Card }) {
  return (
    <View className='responder'>
      {card.photo ? (
        <Image
          className='responder__avatar responder__avatar--photo'
          src={card.photo}
          mode='aspectFill'
          ariaLabel={`${card.name}的照片`}
          nativeProps={{ alt: `${card.name}的照片` }}
        />
      ) : (
        <View className='responder__avatar'>{card.name.slice(0, 1)}</View>
      )}
      <View className='responder__body'>
        <View className='responder__name'>
          <Text>{card.name}</Text>
          <Text className='responder__title'>{card.title}</Text>
        </View>
        <View className='responder__line'>
          {card.windowName}
          {card.windowNumber ? `（${card.windowNumber}）` : ''} · {card.post}
        </View>
        <View className='responder__scope'>业务范围：{card.scope}</View>
      </View>
    </View>
  )
}

export function ClockList({ clocks }: { clocks: ClockView[] }) {
  if (clocks.length === 0) return null
  return (
    <View className='section'>
      <View className='section__title'>办理时限</View>
      {clocks.map((c, i) => (
        <View className='clock' key={`${c.kind}-${i}`}>
          <View className='clock__main'>
            <Text className='clock__label'>{c.label}</Text>
            <Text className={`clock__state clock__state--${c.state}`}>{CLOCK_STATE_LABEL[c.state]}</Text>
          </View>
          <View className='clock__due'>
            {formatTime(c.dueAt)} 前{c.state === 'running' || c.state === 'breached' ? <Text className='clock__left'>（{c.countdown}）</Text> : null}
            {c.metAt ? <Text className='clock__left'>（{formatTime(c.metAt)} 完成）</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <View className='section'>
      <View className='section__title'>办理进程</View>
      <View className='timeline'>
        {[...entries].reverse().map((e, i) => (
          <View className={`timeline__item ${i === 0 ? 'timeline__item--latest' : ''}`} key={e.seq}>
            <View className='timeline__dot' />
            <View className='timeline__body'>
              <View className='timeline__meta'>
                {formatTime(e.at)} · {e.who}
              </View>
              <View className='timeline__text'>{e.text}</View>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}

export function ReplyBlock({ reply }: { reply: NonNullable<CaseView['reply']> }) {
  return (
    <View className='section'>
      <View className='section__title'>
        答复
        <Text className='section__aside'>
          {REPLY_MODE_LABEL[reply.mode]} · {formatTime(reply.at)}
        </Text>
      </View>
      <View className='reply'>{reply.text}</View>
    </View>
  )
}

export function CaseHeader({ view }: { view: CaseView }) {
  return (
    <View className='case-head'>
      <View className='case-head__row'>
        <Text className='case-head__no'>{view.no}</Text>
        <StatusTag status={view.status} label={view.statusLabel} />
      </View>
      <View className='case-head__meta'>
        {view.kind === 'consult' ? '咨询' : '办事申请'} · {view.window.name} · {formatTime(view.submittedAt)} 提交
      </View>
    </View>
  )
}

export function Message({ title, text, children }: { title: string; text?: string; children?: React.ReactNode }) {
  return (
    <View className='message'>
      <View className='message__title'>{title}</View>
      {text ? <View className='message__text'>{text}</View> : null}
      {children}
    </View>
  )
}

/** one case in a list; staff see who asked and the nearest deadline, citizens the window and responder */
export function CaseListItem({ c, href, forStaff }: { c: CaseSummary; href: string; forStaff?: boolean }) {
  return (
    <View className='item' {...tappable('link')} onClick={() => Taro.navigateTo({ url: href })}>
      <View className='item__row'>
        <Text className='item__no'>{c.no}</Text>
        <StatusTag status={c.status} label={c.statusLabel} />
      </View>
      <View className='item__text'>{c.text}</View>
      <View className='item__meta'>
        {forStaff ? c.contactName : c.windowName} · {formatTime(c.submittedAt)}
        {!forStaff && c.responderName ? ` · 负责人 ${c.responderName}` : ''}
        {forStaff && c.dueText ? <Text className={`item__due ${/超时|到期/.test(c.dueText) ? 'item__due--late' : ''}`}> · {c.dueText}</Text> : null}
      </View>
    </View>
  )
}
