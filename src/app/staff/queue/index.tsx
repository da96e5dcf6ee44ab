// The window's queue of unclaimed cases and my open cases, nearest deadline first.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { SessionView } from '../../../core/views'
import { call } from '../../api/client'
import { CaseListItem, Message } from '../../components/CaseParts'
import { InboxLink } from '../../components/InboxLink'
import { useStaffView } from '../../lib/useStaffView'

type StaffRole = NonNullable<SessionView['staff']>['role']
/** the tools beyond the queue, by role */
const MENU: Array<{ url: string; title: string | ((role: StaffRole) => string); hint: string; roles: StaffRole[] }> = [
  { url: '/staff/register/index', title: '登记来访来电', hint: '窗口、电话、来信、12345', roles: ['staff', 'lead', 'office'] },
  { url: '/staff/assessment/index', title: (r) => (r === 'staff' ? '我的考核' : '考核与评价'), hint: '评分与扣分明细', roles: ['staff', 'lead', 'office'] },
  { url: '/staff/ledger/index', title: (r) => (r === 'office' ? '全厅台帐' : '本窗口台帐'), hint: '附件3 统计表', roles: ['staff', 'lead', 'office'] },
  { url: '/staff/assisted/index', title: '帮办代办台账', hint: '登记台账、随机回访与抽查', roles: ['staff', 'lead', 'office'] },
  { url: '/staff/dashboard/index', title: (r) => (r === 'office' ? '全厅运行看板' : '本窗口看板'), hint: '时限、超时与趋势', roles: ['lead', 'office'] },
  { url: '/staff/complaints/index', title: '投诉受理台', hint: '限时调查答复', roles: ['office'] },
  { url: '/staff/hall/index', title: '大厅设置', hint: '信息与窗口', roles: ['office'] },
  { url: '/staff/matters/index', title: '事项清单', hint: '维护与导入', roles: ['office'] },
  { url: '/staff/discipline/index', title: '效能纪律扣分', hint: '考勤、作风等登记与撤销', roles: ['office'] },
  { url: '/staff/calendar/index', title: '工作日历', hint: '节假日与调休', roles: ['office'] },
  { url: '/staff/policy/index', title: '规则设置', hint: '时限、扣分与依据', roles: ['staff', 'lead', 'office'] },
  { url: '/staff/people/index', title: '工作人员管理', hint: '账号与邀请码', roles: ['office'] },
  { url: '/staff/audit/index', title: '审计日志', hint: '谁在何时做了什么 · 链条校验', roles: ['office'] },
  { url: '/staff/posters/index', title: '二维码与海报', hint: '打印张贴', roles: ['office'] },
]

export default function QueuePage() {
  const [me, setMe] = useState<SessionView['staff']>(null)
  const { view: queue, error } = useStaffView(
    async () => {
      const [s, q] = await Promise.all([call('session', {}), call('staffQueue', {})])
      if (s.ok) setMe(s.data.staff)
      return q
    },
    {
      loaded: (data) => {
        if (process.env.TARO_ENV === 'weapp' && data.unclaimed.length > 0) {
          Taro.setNavigationBarTitle({ title: `窗口工作台（${data.unclaimed.length} 件待接待）` })
        }
      },
    },
  )

  async function signOut() {
    await call('logout', {})
    Taro.redirectTo({ url: '/staff/login/index' })
  }

  if (error)
    return (
      <View className='page'>
        <Message title='无法加载' text={error} />
      </View>
    )
  if (!queue) return <View className='page loading'>正在加载…</View>
  return (
    <View className='page'>
      <View className='hero hero--staff'>
        <View className='hero__hall'>{me ? `${me.name} · ${me.title}` : ''}</View>
        <View className='hero__window'>{queue.window?.name ?? '政务服务科'}</View>
        <Text className='link link--light' onClick={signOut}>
          退出登录
        </Text>
      </View>
      <InboxLink as='staff' />
      <View className='menu'>
        {MENU.filter((m) => me && m.roles.includes(me.role)).map((m) => (
          <View className='menu__item' key={m.url} onClick={() => Taro.navigateTo({ url: m.url })}>
            <Text className='menu__title'>{typeof m.title === 'string' ? m.title : m.title(me!.role)}</Text>
            <Text className='menu__hint'>{m.hint}</Text>
          </View>
        ))}
      </View>
      {queue.incoming.length > 0 ? (
        <View className='section'>
          <View className='section__title'>
            待阅知的交接单<Text className='badge'>{queue.incoming.length}</Text>
          </View>
          {queue.incoming.map((c) => (
            <CaseListItem c={c} key={c.id} href={`/staff/case/index?id=${c.id}`} forStaff />
          ))}
        </View>
      ) : null}
      <View className='section'>
        <View className='section__title'>
          待接待<Text className={`badge ${queue.unclaimed.length === 0 ? 'badge--grey' : ''}`}>{queue.unclaimed.length}</Text>
        </View>
        {queue.unclaimed.length === 0 ? (
          <View className='muted'>暂无待接待的咨询</View>
        ) : (
          queue.unclaimed.map((c) => <CaseListItem c={c} key={c.id} href={`/staff/case/index?id=${c.id}`} forStaff />)
        )}
      </View>
      {me && me.role !== 'staff' ? (
        <View className='section'>
          <View className='section__title'>
            {me.role === 'lead' ? '本窗口在办' : '全厅在办'}
            <Text className='badge badge--grey'>{queue.supervised.length}</Text>
          </View>
          {queue.supervised.length === 0 ? (
            <View className='muted'>暂无在办案件</View>
          ) : (
            queue.supervised.map((c) => <CaseListItem c={c} key={c.id} href={`/staff/case/index?id=${c.id}`} forStaff />)
          )}
        </View>
      ) : null}
      {queue.coHandled.length > 0 ? (
        <View className='section'>
          <View className='section__title'>
            其他窗口牵头的共同办理<Text className='badge badge--grey'>{queue.coHandled.length}</Text>
          </View>
          {queue.coHandled.map((c) => (
            <CaseListItem c={c} key={c.id} href={`/staff/case/index?id=${c.id}`} forStaff />
          ))}
        </View>
      ) : null}
      {queue.rectifications.length > 0 ? (
        <View className='section'>
          <View className='section__title'>
            差评待整改<Text className='badge'>{queue.rectifications.length}</Text>
          </View>
          {queue.rectifications.map((c) => (
            <CaseListItem c={c} key={c.id} href={`/staff/case/index?id=${c.id}`} forStaff />
          ))}
        </View>
      ) : null}
      <View className='section'>
        <View className='section__title'>
          我负责的<Text className='badge badge--grey'>{queue.mine.length}</Text>
        </View>
        {queue.mine.length === 0 ? (
          <View className='muted'>暂无在办案件</View>
        ) : (
          queue.mine.map((c) => <CaseListItem c={c} key={c.id} href={`/staff/case/index?id=${c.id}`} forStaff />)
        )}
      </View>
    </View>
  )
}
