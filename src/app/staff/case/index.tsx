// A case as staff handle it: claim it (becoming first responder), then reply on the spot or as a
// timed reply. Forbidden phrases are refused by the server with a polite alternative (000 §5.3).
import { useCallback, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { CaseView } from '../../../core/views'
import { useRefresh } from '../../lib/useRefresh'
import { call, newRequestId } from '../../api/client'
import { CaseHeader, ClockList, Message, ReplyBlock, ResponderCard, Timeline } from '../../components/CaseParts'

export default function StaffCasePage() {
  const { params } = useRouter()
  const [view, setView] = useState<CaseView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [mode, setMode] = useState<'onTheSpot' | 'timed'>('timed')
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)

  const load = useCallback(async () => {
    const a = await call('getCase', { caseId: params.id ?? '' })
    if (a.ok) setView(a.data)
    else setError(a.error.message)
  }, [params.id])
  useRefresh(load)

  async function claim() {
    if (!view) return
    setBusy(true)
    const a = await call('claimCase', { caseId: view.id, requestId })
    setBusy(false)
    setRequestId(newRequestId())
    if (a.ok) {
      setView(a.data)
      setNotice('已接待，您是本案的首问负责人')
    } else {
      setNotice(a.error.message)
      load()
    }
  }

  async function reply() {
    if (!view) return
    setBusy(true)
    const a = await call('replyCase', { caseId: view.id, text, mode, requestId })
    setBusy(false)
    if (a.ok) {
      setRequestId(newRequestId())
      setView(a.data)
      setNotice('答复已送达市民')
      setText('')
    } else setNotice(a.error.message)
  }

  if (error) return <View className='page'><Message title='无法查看' text={error} /></View>
  if (!view) return <View className='page loading'>正在加载…</View>
  return (
    <View className='page'>
      <CaseHeader view={view} />
      <View className='section'>
        <View className='section__title'>市民咨询</View>
        <View className='mine-text'>{view.text}</View>
        <View className='muted'>
          {view.contact.name} · {view.contact.phone}
        </View>
      </View>
      {notice ? <View className='notice'>{notice}</View> : null}
      {view.can.claim ? (
        <View className='section'>
          <Button className={`btn btn--primary ${busy ? 'btn--off' : ''}`} loading={busy} disabled={busy} onClick={claim}>
            接待此咨询（成为首问负责人）
          </Button>
        </View>
      ) : null}
      {view.responder ? (
        <View className='section'>
          <View className='section__title'>首问负责人</View>
          <ResponderCard card={view.responder} />
        </View>
      ) : null}
      {view.can.reply ? (
        <View className='section form'>
          <View className='section__title'>答复市民</View>
          <View className='segmented'>
            {(['onTheSpot', 'timed'] as const).map((m) => (
              <Text key={m} className={`segmented__item ${mode === m ? 'segmented__item--on' : ''}`} onClick={() => setMode(m)}>
                {m === 'onTheSpot' ? '当场答复' : '限时答复'}
              </Text>
            ))}
          </View>
          <Textarea className='field__textarea' value={text} maxlength={2000} placeholder='请耐心、完整地答复，一次性告知所需材料和办理方式' onInput={(e) => setText(e.detail.value)} />
          <Button className={`btn btn--primary ${busy || text.trim().length < 2 ? 'btn--off' : ''}`} loading={busy} disabled={busy || text.trim().length < 2} onClick={reply}>
            发送答复
          </Button>
        </View>
      ) : null}
      {view.reply ? <ReplyBlock reply={view.reply} /> : null}
      <ClockList clocks={view.clocks} />
      <Timeline entries={view.timeline} />
    </View>
  )
}
