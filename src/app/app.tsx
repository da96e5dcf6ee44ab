import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { mergeInternalComponents } from '@tarojs/shared'
import { listenForPrivacyRequests } from './lib/privacy'
import { ARIA_COMPONENTS } from './lib/ariaAttributes'
import './app.scss'

// the runtime learns the aria attributes the template was built with (config/aria.ts), in the same order
if (process.env.TARO_ENV === 'weapp') mergeInternalComponents(ARIA_COMPONENTS)

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
