// The hall's and each window's QR code as A4 posters (000 §10: the window's name, its business scope
// and the first-responder promise shown to the public), printed from the browser or saved from the
// mini-program by a long press.
import { Button, Image, View } from '@tarojs/components'
import { call } from '../../api/client'
import { Message } from '../../components/CaseParts'
import { useStaffView } from '../../lib/useStaffView'

export default function PostersPage() {
  const { view, error } = useStaffView(
    () => {
      const origin = process.env.TARO_ENV === 'h5' ? window.location.origin + window.location.pathname.replace(/\/$/, '') : undefined
      return call('entryCodes', origin ? { origin } : {})
    },
    { once: true },
  )

  if (error)
    return (
      <View className='page'>
        <Message title='无法生成二维码' text={error} />
      </View>
    )
  if (!view) return <View className='page loading'>正在生成二维码…</View>
  return (
    <View className='posters'>
      {view.addressWarning ? (
        <View className='notice notice--alert no-print' role='alert'>
          {view.addressWarning}
        </View>
      ) : null}
      {process.env.TARO_ENV === 'h5' ? (
        <View className='no-print posters__bar'>
          <Button className='btn btn--primary' onClick={() => window.print()}>
            打印全部海报（每张一页 A4）
          </Button>
        </View>
      ) : (
        <View className='no-print notice'>长按二维码可保存图片，交由印刷或张贴。</View>
      )}
      {view.codes.map((c) => (
        <View className='poster' key={c.windowId ?? 'hall'}>
          <View className='poster__hall'>{view.hallName}</View>
          <View className='poster__window'>
            {c.windowId ? c.name : '扫码咨询 · 办事'}
            {c.number ? <View className='poster__number'>{c.number}</View> : null}
          </View>
          {c.image ? (
            <Image className='poster__code' src={c.image} mode='scaleToFill' showMenuByLongpress />
          ) : (
            <View className='poster__problem'>{c.problem}</View>
          )}
          <View className='poster__scope'>{c.windowId ? `业务范围：${c.scope}` : '扫码后可选择窗口，或搜索要办的事项'}</View>
          <View className='poster__promise'>
            <View className='poster__promise-title'>首问负责制</View>
            第一位接待您的工作人员负责到底：能当场答复的当场答复；不能当场答复的，在 {view.replyDays} 个工作日内答复您；不属于本窗口的，为您指明办理窗口。
          </View>
          {view.hours.length ? <View className='poster__phone'>办公时间：{view.hours.join('；')}</View> : null}
          {view.supervisionPhone ? <View className='poster__phone'>监督电话：{view.supervisionPhone}</View> : null}
        </View>
      ))}
    </View>
  )
}
