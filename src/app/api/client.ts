// The one API client of the app, with two transports: the `api` cloud function in the mini-program,
// `POST /api/<action>` on the hall's own server in H5. Identity is never sent: the cloud takes the
// caller's OPENID, the server its signed session cookie.
import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ApiAnswer } from '../../core/api'
import type { ActionOutputs } from '../../core/views'

const NETWORK = { code: 'INTERNAL', message: '网络不通，请稍后再试' } as const

export async function call<A extends ActionName>(action: A, input: ActionInput<A>): Promise<ApiAnswer<ActionOutputs[A]>> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.cloud.callFunction({ name: 'api', data: { action, ...input } })
      return res.result as ApiAnswer<ActionOutputs[A]>
    }
    const res = await fetch(`/api/${action}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    })
    return (await res.json()) as ApiAnswer<ActionOutputs[A]>
  } catch {
    return { ok: false, error: { ...NETWORK } }
  }
}

/**
 * A staff page's answer: shown when it came, the sign-in page when the staff session is gone, else the
 * message where the page would be.
 */
export function settle<T>(a: ApiAnswer<T>, show: (data: T) => void, fail: (message: string) => void): void {
  if (a.ok) show(a.data)
  else if (a.error.code === 'UNAUTHENTICATED') Taro.redirectTo({ url: signInAgainUrl() })
  else fail(a.error.message)
}

/** the sign-in page saying why it is shown, and returning to the page the person was on once signed in */
export function signInAgainUrl(): string {
  const router = Taro.getCurrentInstance().router
  const path = (router?.path ?? '').split('?')[0]!.replace(/^\/?/, '/')
  const query = Object.entries(router?.params ?? {})
    .filter(([k, v]) => typeof v === 'string' && !k.startsWith('$') && k !== 'stamp')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&')
  const back = path.length > 1 && !path.startsWith('/staff/login') ? `${path}${query ? `?${query}` : ''}` : ''
  return `/staff/login/index?expired=1${back ? `&back=${encodeURIComponent(back)}` : ''}`
}

/** a request id for one user intent: a double tap sends the same id, so the server acts once */
export function newRequestId(): string {
  let id = Date.now().toString(36)
  while (id.length < 24) id += Math.floor(Math.random() * 36).toString(36)
  return id
}
