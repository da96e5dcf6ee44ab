// The mini-program's privacy guide (用户隐私保护指引): before the first photo is taken or chosen,
// WeChat asks the app to get the user's agreement (wx.onNeedPrivacyAuthorization). The app shows its
// own prompt (components/PrivacyPrompt) and answers WeChat with the user's choice. H5 has no such step.
import Taro from '@tarojs/taro'

type Answer = (result: { event: 'agree'; buttonId: string } | { event: 'disagree' }) => void
type Listener = (pending: boolean) => void

let pending: Answer | null = null
const listeners = new Set<Listener>()
const notify = () => listeners.forEach((l) => l(pending !== null))

/** once, at launch: WeChat's request for agreement waits until the user answers the prompt */
export function listenForPrivacyRequests() {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve as Answer
    notify()
  })
}

/** a prompt on the page hears whether WeChat is waiting for the user's answer */
export function onPrivacyRequest(listener: Listener): () => void {
  listeners.add(listener)
  listener(pending !== null)
  return () => listeners.delete(listener)
}

export const PRIVACY_AGREE_BUTTON = 'privacy-agree'

export function answerPrivacy(agree: boolean) {
  pending?.(agree ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON } : { event: 'disagree' })
  pending = null
  notify()
}
