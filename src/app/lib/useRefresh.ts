// Pages load on show (coming back from another page refreshes them) and on pull-down.
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'

export function useRefresh(load: () => Promise<unknown>) {
  useDidShow(() => {
    load()
  })
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh())
  })
}
