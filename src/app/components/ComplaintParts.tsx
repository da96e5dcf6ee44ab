// The pieces of a complaint shared by the citizen's page and the hall office's desk.
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ComplaintSummary, ComplaintView } from '../../core/views'
import { formatTime } from '../lib/format'
import { PhotoList } from './Photos'
import { PhoneReveal } from './PhoneReveal'
import { tappable } from '../lib/a11y'

const tone = (c: { status: string; overdue: boolean }) => (c.overdue ? 'stop' : c.status === 'open' ? 'active' : 'done')

/** one complaint in a list: number, state, what it is about, and its limit while open */
export function ComplaintItem({ c, href }: { c: ComplaintSummary; href: string }) {
  return (
    <View className='item complaint-item' {...tappable('link')} onClick={() => Taro.navigateTo({ url: href })}>
      <View className='item__row'>
        <Text className='item__no'>{c.no}</Text>
        <Text className={`tag tag--${tone(c)}`}>{c.overdue ? '已超期' : c.statusLabel}</Text>
      </View>
      <View className='item__text'>
        {c.topic} · {c.about}
      </View>
      <View className='item__meta'>
        {formatTime(c.filedAt)} 提交
        {c.status === 'open' ? (
          <Text className='item__due'>
            {' '}
            · {formatTime(c.dueAt)} 前答复（{c.countdown}）
          </Text>
        ) : null}
      </View>
    </View>
  )
}

/** the complaint as filed, its limit, and its outcome */
export function ComplaintBody({ view }: { view: ComplaintView }) {
  // the hall office sees the complainant's number masked until it asks for it
  const office = view.concerns !== null
  return (
    <View>
      <View className='case-head'>
        <View className='case-head__row'>
          <Text className='case-head__no'>{view.no}</Text>
          <Text className={`tag tag--${tone(view)}`}>{view.overdue ? '已超期' : view.statusLabel}</Text>
        </View>
        <View className='case-head__meta'>
          投诉 · {view.about} · {formatTime(view.filedAt)} 提交
        </View>
      </View>
      <View className='section'>
        <View className='section__title'>办理时限</View>
        <View className='clock'>
          <View className='clock__main'>
            <Text className='clock__label'>投诉办理时限</Text>
            <Text className={`clock__state clock__state--${view.status === 'answered' ? 'met' : view.overdue ? 'breached' : 'running'}`}>
              {view.status === 'answered' ? '已答复' : view.overdue ? '已超时' : '进行中'}
            </Text>
          </View>
          <View className='clock__due'>
            {formatTime(view.dueAt)} 前{view.status === 'open' ? <Text className='clock__left'>（{view.countdown}）</Text> : null}
          </View>
          {view.extension ? (
            <View className='muted'>
              经{view.extension.approvedBy}批准延期 {view.extension.days} 个工作日：{view.extension.reason}
            </View>
          ) : null}
        </View>
      </View>
      {view.answer ? (
        <View className='section'>
          <View className='section__title'>
            处理结果<Text className='section__aside'>{view.answeredAt ? formatTime(view.answeredAt) : ''}</Text>
          </View>
          <View className='complaint__finding'>{view.finding}</View>
          <View className='reply'>{view.answer}</View>
          {view.reopenedCase ? <View className='muted'>相关案件已重新办理，首问负责人会再与您联系。</View> : null}
          {view.satisfaction ? (
            <View className='muted'>
              您对处理情况的评价：{view.satisfaction.label}
              {view.satisfaction.text ? `（${view.satisfaction.text}）` : ''}
            </View>
          ) : null}
        </View>
      ) : null}
      <View className='section'>
        <View className='section__title'>
          投诉内容<Text className='section__aside'>{view.topic}</Text>
        </View>
        <View className='mine-text'>{view.text}</View>
        <PhotoList photos={view.attachments} />
        <View className='muted'>
          {view.contact.name} · {office ? <PhoneReveal masked={view.contact.phone} target={{ complaintId: view.id }} /> : view.contact.phone}
        </View>
      </View>
      <View className='section'>
        <View className='section__title'>办理进程</View>
        <View className='timeline'>
          {[...view.steps].reverse().map((s, i) => (
            <View className={`timeline__item ${i === 0 ? 'timeline__item--latest' : ''}`} key={`${s.at}-${i}`}>
              <View className='timeline__dot' />
              <View className='timeline__body'>
                <View className='timeline__meta'>{formatTime(s.at)}</View>
                <View className='timeline__text'>{s.text}</View>
              </View>
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}
