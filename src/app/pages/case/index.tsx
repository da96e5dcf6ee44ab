// The citizen's case page: who is responsible (000 §10), the reply, each deadline and every step.
import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { CaseView } from '../../../core/views'
import { useRefresh } from '../../lib/useRefresh'
import type { ErrorBody } from '../../../core/errors'
import { call, newRequestId } from '../../api/client'
import type { BadReason } from '../../../core/rating'
import { RatingList, RatingSheet } from '../../components/RatingParts'
import { ActionForm } from '../../components/ActionForm'
import { CaseDetails } from '../../components/CaseDetails'
import { AssistedCard } from '../../components/AssistedParts'
import { CaseHeader, ClockList, Message, ReplyBlock, ResponderCard, Timeline } from '../../components/CaseParts'
import { PhotoList } from '../../components/Photos'
import { CitizenPage } from '../../components/CitizenPage'
import { tappable } from '../../lib/a11y'
import { parseSlipScene } from '../../../core/lookup'

const CASE_POLL_MS = 20_000

export default function CasePage() {
  const { params } = useRouter()
  const [view, setView] = useState<CaseView | null>(null)
  const [error, setError] = useState<string | null>(null)

  // a slip scanned (its scene) or 查进度 (number and code) opens the case by code; the slip binds it to this citizen once
  const slip = parseSlipScene(params.scene)
  const byCode = slip ?? (params.no && params.code ? { no: params.no, code: params.code } : null)
  const [taken, setTaken] = useState<string | null>(null)

  const load = useCallback(async () => {
    if (!params.id && !byCode) {
      setError('缺少案件编号')
      return
    }
    let a = byCode ? await call('lookupCase', { ...byCode, bind: !!slip && !taken }) : await call('getCase', { caseId: params.id! })
    if (!a.ok && a.error.code === 'CONFLICT' && a.error.details?.readOnly && byCode) {
      setTaken(a.error.message)
      a = await call('lookupCase', { ...byCode, bind: false })
    }
    if (a.ok) {
      setView(a.data)
      setError(null)
    } else setError(a.error.message)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params.id, params.scene, params.no, params.code, taken])

  useRefresh(load)
  // a citizen waiting at the window sees the reply arrive: in H5 the open page looks again every 20 s
  // while it is in sight (the mini-program reloads on show and on pull-down)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load()
    }, CASE_POLL_MS)
    return () => clearInterval(timer)
  }, [load])

  async function act(action: 'materialsComplete' | 'urgeCase', input: { note: string }): Promise<ErrorBody | null> {
    const a = await call(action, { ...input, caseId: view?.id ?? '', requestId: newRequestId() })
    if (!a.ok) return a.error
    setView(a.data)
    return null
  }

  async function rate(r: { level: number; tags: BadReason[]; text: string }): Promise<ErrorBody | null> {
    const a = await call('rateCase', { ...r, caseId: view?.id ?? '', requestId: newRequestId() })
    if (!a.ok) return a.error
    setView(a.data)
    return null
  }

  if (error)
    return (
      <CitizenPage>
        <Message title='无法查看' text={error}>
          {/* a link from someone else, an old link or a case from another WeChat: the ways to one's own case */}
          <View className='message__text'>
            如果这是别人转给您的链接，或您是用其他微信、其他手机提交的，可以用案件编号和查询码（或登记手机号后四位）查进度。
          </View>
          <Button className='btn btn--primary message__action' onClick={() => Taro.redirectTo({ url: '/pages/lookup/index' })}>
            查进度
          </Button>
          <Button className='btn btn--plain' onClick={() => Taro.redirectTo({ url: '/pages/mine/index' })}>
            我的咨询
          </Button>
        </Message>
      </CitizenPage>
    )
  if (!view) return <CitizenPage className='loading'>正在加载…</CitizenPage>

  return (
    <CitizenPage>
      <CaseHeader view={view} />
      {view.lookedUp ? (
        <View className='notice' role='status'>
          {taken ?? '您正在用案件编号和查询码查看办理进度（只读）。补充材料、评价和催办请在提交或关联本案的微信或浏览器中进行。'}
        </View>
      ) : null}
      {view.supervision ? (
        <View className='apology'>
          <View>{view.supervision.apology}</View>
          <View className='apology__who'>{view.supervision.supervisors}</View>
        </View>
      ) : null}
      <View className='section'>
        <View className='section__title'>{view.assisted ? '帮办代办员' : '首问负责人'}</View>
        {view.responder ? (
          <ResponderCard card={view.responder} />
        ) : (
          <View className='waiting'>
            您的{view.assisted ? '帮办代办申请' : view.kind === 'consult' ? '咨询' : '申请'}已送达{view.window.name}
            {view.window.number ? `（${view.window.number}）` : ''}，工作人员接待后会在这里显示负责人的姓名和岗位。
          </View>
        )}
      </View>
      {view.reply ? <ReplyBlock reply={view.reply} /> : null}
      {view.can.rate ? <RatingSheet onSubmit={rate} /> : null}
      <RatingList ratings={view.ratings} />
      <AssistedCard view={view} />
      <CaseDetails view={view} />
      {view.can.materialsComplete ? (
        <View className='section'>
          <ActionForm
            title='材料已备齐'
            hint='补齐上面告知单中的全部材料后，请点下面的按钮，办理时限将继续计算。'
            fields={[]}
            submitLabel='材料已备齐'
            onSubmit={(v) => act('materialsComplete', { note: String(v.note ?? '') })}
          />
        </View>
      ) : null}
      {view.can.urge ? (
        <View className='section'>
          <ActionForm
            title='催办'
            hint='办理时限已过半，您可以催办，首问负责人会收到提醒。'
            fields={[{ name: 'note', label: '想对工作人员说的话（可不填）', kind: 'text' }]}
            submitLabel='催办'
            tone='plain'
            onSubmit={(v) => act('urgeCase', { note: String(v.note) })}
          />
        </View>
      ) : null}
      <ClockList clocks={view.clocks} />
      <Timeline entries={view.timeline} />
      <View className='section'>
        <View className='section__title'>{view.kind === 'consult' ? '我的咨询内容' : '我的办事申请'}</View>
        {view.matter ? <View className='muted'>事项：{view.matter.name}</View> : null}
        <View className='mine-text'>{view.text}</View>
        <PhotoList photos={view.attachments} />
        <View className='muted'>
          {view.contact.name} · {view.contact.phone}
        </View>
      </View>
      <View className='footer'>
        {view.lookedUp ? null : (
          <Text className='link' {...tappable('link')} onClick={() => Taro.navigateTo({ url: `/pages/complaint/index?case=${view.id}` })}>
            对服务不满意？我要投诉
          </Text>
        )}
        <View>
          {view.hall.name}
          {view.hall.supervisionPhone ? <Text>　监督电话 {view.hall.supervisionPhone}</Text> : null}
        </View>
        {view.hall.complaintChannel ? <View>投诉渠道：{view.hall.complaintChannel}</View> : null}
      </View>
    </CitizenPage>
  )
}
