// Staff sign-in. Mini-program: bind the WeChat account once with the hall office's invite code.
// Self-hosted: hall, login and password. Demo mode: one tap on a demo staff member.
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { DemoStaffEntry } from '../../../core/views'
import { call } from '../../api/client'

const ROLE = { staff: '窗口人员', lead: '窗口负责人', office: '政务服务科' } as const

/** only a page of this app is a way back after signing in */
const backTo = (raw: string | undefined) => {
  const url = raw ? decodeURIComponent(raw) : ''
  return /^\/(staff|pages)\/[a-z-]+\/index(\?.*)?$/.test(url) && !url.startsWith('/staff/login') ? url : '/staff/queue/index'
}

export default function StaffLoginPage() {
  const { params } = useRouter()
  // a page whose session had ended sent the person here: say so, and go back there once signed in
  const expired = params.expired === '1'
  const back = backTo(params.back)
  const [demo, setDemo] = useState<DemoStaffEntry[] | null>(null)
  const [hallId, setHallId] = useState('')
  const [login, setLogin] = useState('')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [ready, setReady] = useState(false)

  useEffect(() => {
    call('session', {}).then(async (a) => {
      if (a.ok && a.data.staff) {
        Taro.redirectTo({ url: back })
        return
      }
      if (a.ok && a.data.demo) {
        const list = await call('demoStaff', {})
        if (list.ok) setDemo(list.data.staff)
      }
      setReady(true)
    })
  }, [back])

  const done = () => Taro.redirectTo({ url: back })

  async function signIn() {
    setBusy(true)
    const a = await call('login', { hallId: hallId.trim(), login: login.trim(), password })
    setBusy(false)
    if (a.ok) done()
    else setError(a.error.message)
  }

  async function bind() {
    setBusy(true)
    const a = await call('bindInvite', { code: code.trim() })
    setBusy(false)
    if (a.ok) {
      Taro.showToast({ title: `已绑定：${a.data.staff?.name ?? ''}`, icon: 'success' })
      done()
    } else setError(a.error.message)
  }

  async function demoSignIn(staffId: string) {
    const a = await call('demoLogin', { staffId })
    if (a.ok) done()
    else setError(a.error.message)
  }

  if (!ready) return <View className='page loading'>正在加载…</View>
  return (
    <View className='page'>
      {expired ? (
        <View className='notice' role='status'>
          登录已过期或已在别处退出，请重新登录；登录后回到刚才的页面。
        </View>
      ) : null}
      {process.env.TARO_ENV === 'weapp' ? (
        <View className='section form'>
          <View className='section__title'>绑定工作人员身份</View>
          <View className='muted'>请输入政务服务科发放的 8 位邀请码。绑定后，用本微信打开小程序即以工作人员身份登录；邀请码 7 天内有效，仅可使用一次。</View>
          <View className='field'>
            <View className='field__label'>邀请码</View>
            <Input
              className='field__input field__input--code'
              value={code}
              maxlength={12}
              placeholder='例如 K7PD-3XQM'
              onInput={(e) => setCode(e.detail.value.toUpperCase())}
            />
          </View>
          {error ? <View className='field__error'>{error}</View> : null}
          <Button
            className={`btn btn--primary ${busy || code.trim().length < 8 ? 'btn--off' : ''}`}
            loading={busy}
            disabled={busy || code.trim().length < 8}
            onClick={bind}
          >
            绑定并登录
          </Button>
        </View>
      ) : (
        <View className='section form'>
          <View className='section__title'>工作人员登录</View>
          <View className='field'>
            <View className='field__label'>大厅登录代码</View>
            <Input className='field__input' value={hallId} placeholder='由政务服务科告知，字母或数字' onInput={(e) => setHallId(e.detail.value)} />
          </View>
          <View className='field'>
            <View className='field__label'>登录名</View>
            <Input className='field__input' value={login} onInput={(e) => setLogin(e.detail.value)} />
          </View>
          <View className='field'>
            <View className='field__label'>密码</View>
            <Input className='field__input' value={password} password onInput={(e) => setPassword(e.detail.value)} />
          </View>
          {error ? <View className='field__error'>{error}</View> : null}
          <Button className={`btn btn--primary ${busy ? 'btn--off' : ''}`} loading={busy} disabled={busy} onClick={signIn}>
            登录
          </Button>
        </View>
      )}
      {demo ? (
        <View className='section'>
          <View className='section__title'>
            演示账号<Text className='section__aside'>仅演示模式可用，点击即登录</Text>
          </View>
          {demo.map((s) => (
            <View className='choice' key={s.id} onClick={() => demoSignIn(s.id)}>
              <View className='choice__name'>
                {s.name}
                <Text className='choice__number'>{ROLE[s.role]}</Text>
              </View>
              <View className='choice__scope'>
                {s.windowName} · {s.title}
              </View>
            </View>
          ))}
        </View>
      ) : null}
      <View className='footer'>
        <Text className='link' onClick={() => Taro.reLaunch({ url: '/pages/entry/index' })}>
          我是办事群众，返回首页
        </Text>
      </View>
    </View>
  )
}
