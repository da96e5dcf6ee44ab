// 长辈版 (care mode): larger text, larger targets and a simpler first screen, chosen once and
// remembered on this phone. In the mini-program it starts on when the phone's text size is set
// larger than standard, so the system setting is followed (适老化 guidance; GB/T 37668 §6).
import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'

const KEY = 'shouwen.care'
const LAST_SCENE = 'shouwen.lastScene'
/** WeChat's standard text size in px; larger means the citizen asked for bigger text */
const STANDARD_FONT = 17

export function careModeOn(): boolean {
  try {
    const saved: unknown = Taro.getStorageSync(KEY)
    if (saved === 'on') return true
    if (saved === 'off') return false
    if (process.env.TARO_ENV === 'weapp') {
      const size = (Taro.getSystemInfoSync() as { fontSizeSetting?: number }).fontSizeSetting
      return typeof size === 'number' && size > STANDARD_FONT
    }
  } catch {
    // storage unavailable (private browsing): the standard layout
  }
  return false
}

export function setCareMode(on: boolean) {
  try {
    Taro.setStorageSync(KEY, on ? 'on' : 'off')
  } catch {
    // not remembered, but the page still switches
  }
}

/** the mode, re-read when a page shows again so a switch on one page holds on the next */
export function useCareMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(careModeOn)
  useDidShow(() => setOn(careModeOn()))
  return [
    on,
    (next: boolean) => {
      setCareMode(next)
      setOn(next)
    },
  ]
}

/** the code a citizen last scanned, so 首页 on any page leads back to that hall */
export function rememberScene(scene: string) {
  try {
    Taro.setStorageSync(LAST_SCENE, scene)
  } catch {
    // the home link then falls back to 我的
  }
}

export function lastScene(): string | null {
  try {
    const s: unknown = Taro.getStorageSync(LAST_SCENE)
    return typeof s === 'string' && s ? s : null
  } catch {
    return null
  }
}
