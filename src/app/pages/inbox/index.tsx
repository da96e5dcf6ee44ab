// Messages of the reader: a citizen's progress notices, or a staff member's reminders, breaches,
// urges and tasks (`?as=staff`). Opening one marks it read and goes to its case.
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { InboxView } from '../../../core/views'
import { call } from '../../api/client'
import { Message } from '../../components/CaseParts'
import { formatTime } from '../../lib/format'
import { useRefresh } from '../../lib/useRefresh'
import { CitizenPage } from '../../components/CitizenPage'
import { tappable } from '../../lib/a11y'

const KIND_LABEL = { reminder: '提醒', breach: '超时', urge: '催办', progress: '进度', task: '待办' } as const

export default function InboxPage() {
  const as = useRouter().params.as === 'staff' ? 'staff' : 'citizen'
  const [view, setView] = useState<InboxView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = async () => {
    const a = await call('inbox', { as })
    if (a.ok) setView(a.data)
    else setError(a.error.message)
  }
  useRefresh(load)

  async function open(key: string, caseId: string) {
    await call('markRead', { as, keys: [key] })
    // complaints (k_…) open on the complaint pages, cases on the case pages
    const complaint = caseId.startsWith('k_')
    const page = as === 'staff' ? (complaint ? '/staff/complaint/index' : '/staff/case/index') : complaint ? '/pages/complaint/index' : '/pages/case/index'
    Taro.navigateTo({ url: `${page}?id=${caseId}` })
  }
  /** mini-program: each allowance lets one WeChat message through, so staff may allow several */
  function subscribe(template: string) {
    Taro.requestSubscribeMessage({ tmplIds: [template] } as Parameters<typeof Taro.requestSubscribeMessage>[0])
      .then(async (r) => {
        if ((r as unknown as Record<string, string>)[template] !== 'accept') return
        const a = await call('subscribeGranted', { templateIds: [template] })
        if (a.ok) Taro.showToast({ title: '已开启一次微信提醒', icon: 'none' })
      })
      .catch(() => {})
  }
  const subscribeBar =
    process.env.TARO_ENV === 'weapp' && view?.template ? (
      <View className='nav-link' {...tappable('button')} onClick={() => subscribe(view.template!)}>
        <Text>接收微信消息提醒</Text>
        <Text className='link'>开启</Text>
      </View>
    ) : null

  async function readAll() {
    const a = await call('markRead', { as })
    if (a.ok) await load()
  }

  if (error)
    return (
      <CitizenPage>
        <Message title='无法加载消息' text={error} />
      </CitizenPage>
    )
  if (!view) return <CitizenPage className='loading'>正在加载…</CitizenPage>
  if (view.items.length === 0) {
    return (
      <CitizenPage>
        {subscribeBar}
        <Message title='暂无消息' text='办理进度、提醒和催办会显示在这里。' />
      </CitizenPage>
    )
  }
  return (
    <CitizenPage>
      {subscribeBar}
      <View className='inbox__bar'>
        <Text>{view.unread > 0 ? `${view.unread} 条未读` : '全部已读'}</Text>
        {view.unread > 0 ? (
          <Text className='link' {...tappable('button')} onClick={readAll}>
            全部标为已读
          </Text>
        ) : null}
      </View>
      {view.items.map((n) => (
        <View className={`item inbox__item ${n.read ? '' : 'inbox__item--unread'}`} key={n.key} {...tappable('link')} onClick={() => open(n.key, n.caseId)}>
          <View className='item__row'>
            <Text className='item__no'>
              <Text className={`tag inbox__tag inbox__tag--${n.kind}`}>{KIND_LABEL[n.kind]}</Text>
              {n.title}
            </Text>
            {n.read ? null : <Text className='inbox__dot' />}
          </View>
          <View className='item__text'>{n.body}</View>
          <View className='item__meta'>{formatTime(n.at)}</View>
        </View>
      ))}
    </CitizenPage>
  )
}
