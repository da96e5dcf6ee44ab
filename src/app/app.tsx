import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { listenForPrivacyRequests } from './lib/privacy'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // every call goes through the `api` cloud function of this environment
      Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true })
      listenForPrivacyRequests()
    }
  })
  return children
}

export default App
