// The frame of every citizen page: the 长辈版 switch at the top, and 首页 · 我的 at the bottom so no
// page is a dead end (a citizen who arrived by a scan has no Back to go to).
import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { lastScene, useCareMode } from '../lib/careMode'
import { tappable } from '../lib/a11y'

/** a page that changes its layout in care mode passes the mode from its own useCareMode() */
export function CitizenPage({ children, className = '', mode }: PropsWithChildren<{ className?: string; mode?: [boolean, (on: boolean) => void] }>) {
  const own = useCareMode()
  const [care, setCare] = mode ?? own
  const scene = lastScene()
  const go = (url: string) => Taro.reLaunch({ url })
  return (
    <View className={`page ${care ? 'care' : ''} ${className}`}>
      <View className='care-bar'>
        <View className={`care-switch ${care ? 'care-switch--on' : ''}`} {...tappable('switch', undefined, care)} onClick={() => setCare(!care)}>
          {care ? '长辈版 已开启' : '长辈版'}
        </View>
      </View>
      {children}
      <View className='citizen-nav' role='navigation' aria-label='页面导航'>
        <View
          className='citizen-nav__item'
          {...tappable('link', '首页')}
          onClick={() => go(scene ? `/pages/entry/index?scene=${encodeURIComponent(scene)}` : '/pages/mine/index')}
        >
          首页
        </View>
        <View className='citizen-nav__item' {...tappable('link', '我的咨询')} onClick={() => go('/pages/mine/index')}>
          我的
        </View>
      </View>
    </View>
  )
}

/** a phone number that dials when tapped */
export function PhoneLink({ phone, label }: { phone: string; label?: string }) {
  return (
    <Text
      className='link tel'
      {...tappable('link', `拨打${label ?? ''}电话 ${phone}`)}
      onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => {})}
    >
      {phone}
    </Text>
  )
}
