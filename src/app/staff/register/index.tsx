// Staff register a visit at the counter, a call, a letter, a 12345 referral or a message left online, from
// the phone in a few taps (core/registration.ts): the registering person is the first responder at once,
// and a consult answered on the spot is closed as 当场答复 in the same step.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { CaseKind } from '../../../core/schemas'
import { CHANNEL_LABELS, type IntakeChannel } from '../../../core/registration'
import type { ActionOutputs, SessionView } from '../../../core/views'
import { call, newRequestId } from '../../api/client'
import { Message } from '../../components/CaseParts'
import { CaseTextField } from '../../components/CaseTextField'
import { useStaffView } from '../../lib/useStaffView'
import { searchMatters } from '../../../core/matter'
import { tappable } from '../../lib/a11y'
import { AssistedChoice, assistedInput, NO_ASSIST, type AssistedChoiceValue } from '../../components/AssistedParts'

const CHANNELS = Object.keys(CHANNEL_LABELS) as IntakeChannel[]
type Errors = Partial<
  Record<
    | 'contact'
    | 'contact.name'
    | 'contact.phone'
    | 'text'
    | 'receivedAt'
    | 'answer'
    | 'form'
    | 'matterId'
    | 'present'
    | 'assisted.homeVisit.address'
    | 'assisted.homeVisit.time',
    string
  >
>

/** a letter's or a work order's date, as YYYY-MM-DD HH:mm in the hall's time */
const toIso = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:\s+(\d{2}):(\d{2}))?$/.exec(s.trim())
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '09'}:${m[5] ?? '00'}:00+08:00` : s.trim()
}

export default function RegisterPage() {
  const { view: loaded, error } = useStaffView(async () => {
    const [s, o] = await Promise.all([call('session', {}), call('registerOptions', {})])
    if (!s.ok) return s
    if (!o.ok) return o
    return { ok: true as const, data: { me: s.data.staff as NonNullable<SessionView['staff']>, options: o.data } }
  })
  const me = loaded?.me
  const [matterId, setMatterId] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [present, setPresent] = useState<string[]>([])
  const [channel, setChannel] = useState<IntakeChannel>('counter')
  const [kind, setKind] = useState<CaseKind>('consult')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [text, setText] = useState('')
  const [receivedAt, setReceivedAt] = useState('')
  const [answer, setAnswer] = useState('')
  const [onTheSpot, setOnTheSpot] = useState(false)
  const [errors, setErrors] = useState<Errors>({})
  const [sending, setSending] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)
  const [done, setDone] = useState<ActionOutputs['registerCase'] | null>(null)
  // 002 帮办代办: a walk-in or a caller asking for 帮办 or 代办 of a matter, for the 帮办代办 window
  const [assisted, setAssisted] = useState(false)
  const [assist, setAssist] = useState<AssistedChoiceValue>({ ...NO_ASSIST, mode: 'help' })

  if (error)
    return (
      <View className='page'>
        <Message title='无法加载' text={error} />
      </View>
    )
  if (!me) return <View className='page loading'>正在加载…</View>

  const dated = channel === 'letter' || channel === 'hotline12345' || channel === 'online'
  const anonymousAllowed = channel === 'phone' && kind === 'consult' && !assisted

  function chooseAssisted() {
    setAssisted(true)
    setKind('application')
  }

  const matters = loaded?.options.matters ?? []
  const matter = matters.find((m) => m.id === matterId)
  // the clerk's own window's matters come first (registerOptions); typing narrows by name, initials or keyword
  const found = query.trim() ? searchMatters(matters, query).slice(0, 8) : []
  const colleagues = loaded?.options.colleagues ?? []
  const toggle = (id: string) => setPresent((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))

  async function submit() {
    if (!me) return
    // the request's clock is its matter's promise: the form asks for the matter
    if (assisted && !matter) return setErrors({ matterId: '请选择要帮办代办的事项' })
    const given = name.trim() || phone.trim()
    setSending(true)
    const r = await call('registerCase', {
      hallId: me.hallId,
      channel,
      kind,
      ...(given ? { contact: { name: name.trim(), phone: phone.trim() } } : {}),
      ...(matter ? { matterId: matter.id } : {}),
      present,
      text,
      ...(dated && receivedAt.trim() ? { receivedAt: toIso(receivedAt) } : {}),
      ...(kind === 'consult' && onTheSpot && !assisted ? { answer } : {}),
      ...(assisted ? { kind: 'application' as const, assisted: assistedInput(assist) } : {}),
      requestId,
    })
    setSending(false)
    if (r.ok) {
      setErrors({})
      setDone(r.data)
      return
    }
    const field = r.error.details?.field as keyof Errors | undefined
    setErrors(field && field !== 'form' ? { [field]: r.error.message } : { form: r.error.message })
  }

  function again() {
    setDone(null)
    setRequestId(newRequestId())
    setName('')
    setPhone('')
    setText('')
    setAnswer('')
    setReceivedAt('')
    setOnTheSpot(false)
    setMatterId(null)
    setQuery('')
    setPresent([])
  }

  if (done)
    return (
      <View className='page'>
        <View className='section'>
          <View className='section__title'>{done.status === 'closed' ? '已登记并当场答复' : '已登记'}</View>
          <View className='notice'>
            <View>
              案件编号 <Text className='case-head'>{done.no}</Text>
            </View>
            <View>
              查询码 <Text className='case-head'>{done.queryCode}</Text>
            </View>
            {assisted ? <View>已送帮办代办窗口，由窗口负责人指派帮办代办员。</View> : <View>首问负责人：{done.firstResponderName}</View>}
            <View className='muted'>{done.status === 'closed' ? '已按当场答复办结，计入台帐。' : '时限自收到之时起计算，请在案件页答复或受理。'}</View>
            <View className='muted'>
              {done.texted
                ? '案件编号和查询码已通过短信发给服务对象。'
                : channel === 'phone'
                  ? '请向来电人念出案件编号和查询码，对方可在「查进度」中查看办理情况。'
                  : '请服务对象扫描回执上的码，或记下案件编号和查询码，随时查看办理进度。'}
            </View>
          </View>
          <Button className='btn btn--primary' onClick={() => Taro.navigateTo({ url: `/staff/slip/index?id=${done.caseId}` })}>
            出示 / 打印回执
          </Button>
          <Button className='btn' onClick={() => Taro.redirectTo({ url: `/staff/case/index?id=${done.caseId}` })}>
            打开案件
          </Button>
          <Button className='btn' onClick={again}>
            继续登记
          </Button>
        </View>
      </View>
    )

  return (
    <View className='page'>
      <View className='section form'>
        <View className='field'>
          <View className='field__label'>来源渠道</View>
          <View className='segmented'>
            {CHANNELS.map((c) => (
              <Text key={c} className={`segmented__item ${channel === c ? 'segmented__item--on' : ''}`} onClick={() => setChannel(c)}>
                {CHANNEL_LABELS[c]}
              </Text>
            ))}
          </View>
        </View>
        <View className='segmented'>
          {(['consult', 'application'] as const).map((k) => (
            <Text
              key={k}
              className={`segmented__item ${kind === k && !assisted ? 'segmented__item--on' : ''}`}
              onClick={() => {
                setAssisted(false)
                setKind(k)
              }}
            >
              {k === 'consult' ? '咨询' : '办事申请'}
            </Text>
          ))}
          <Text className={`segmented__item ${assisted ? 'segmented__item--on' : ''}`} onClick={chooseAssisted}>
            帮办代办
          </Text>
        </View>
        {assisted ? <AssistedChoice value={assist} onChange={setAssist} errors={errors} forStaff /> : null}
        <View className='field'>
          <View className='field__label'>服务对象姓名{anonymousAllowed ? '（匿名来电可不填）' : ''}</View>
          <Input className='field__input' value={name} maxlength={60} placeholder='例如：张三 / 某某有限公司' onInput={(e) => setName(e.detail.value)} />
          {errors['contact.name'] ? <View className='field__error'>{errors['contact.name']}</View> : null}
        </View>
        <View className='field'>
          <View className='field__label'>联系电话</View>
          <Input className='field__input' type='text' value={phone} maxlength={20} placeholder='手机或座机号码' onInput={(e) => setPhone(e.detail.value)} />
          {errors['contact.phone'] ? <View className='field__error'>{errors['contact.phone']}</View> : null}
          {errors.contact ? <View className='field__error'>{errors.contact}</View> : null}
        </View>
        {matters.length > 0 ? (
          <View className='field'>
            <View className='field__label'>{assisted ? '要帮办代办的事项' : '事项（可不选）'}</View>
            {matter ? (
              <View className='matter-card'>
                <View className='matter-card__head'>
                  <Text className='matter-card__name'>{matter.name}</Text>
                  <Text className='link matter-card__drop' {...tappable('button')} onClick={() => setMatterId(null)}>
                    {assisted ? '更换事项' : '不选事项'}
                  </Text>
                </View>
                <View className='muted'>{matter.window}</View>
              </View>
            ) : (
              <View>
                <Input
                  className='field__input search__input'
                  value={query}
                  placeholder='输入事项名称、拼音首字母或关键词'
                  onInput={(e) => setQuery(e.detail.value)}
                />
                {found.length > 0 ? (
                  <View className='matters'>
                    {found.map((m) => (
                      <View
                        key={m.id}
                        className='matters__item'
                        {...tappable('button')}
                        onClick={() => {
                          setMatterId(m.id)
                          setErrors((e) => ({ ...e, matterId: undefined }))
                        }}
                      >
                        <View className='matters__name'>{m.name}</View>
                        <View className='matters__meta'>{m.window}</View>
                      </View>
                    ))}
                  </View>
                ) : query.trim() ? (
                  <View className='muted'>没有找到这个事项，换个说法试试，或不选事项直接登记。</View>
                ) : null}
              </View>
            )}
            {errors.matterId ? <View className='field__error'>{errors.matterId}</View> : null}
          </View>
        ) : null}
        <CaseTextField kind={kind} value={text} placeholder='记下服务对象所问所办的事情' error={errors.text} onInput={setText} />
        {dated ? (
          <View className='field'>
            <View className='field__label'>收到时间（不填为现在）</View>
            <Input className='field__input' value={receivedAt} placeholder='例如：2026-11-19 09:00' onInput={(e) => setReceivedAt(e.detail.value)} />
            {errors.receivedAt ? <View className='field__error'>{errors.receivedAt}</View> : null}
          </View>
        ) : null}
        {kind === 'consult' && !assisted ? (
          <View className='segmented'>
            <Text className={`segmented__item ${!onTheSpot ? 'segmented__item--on' : ''}`} onClick={() => setOnTheSpot(false)}>
              登记后答复
            </Text>
            <Text className={`segmented__item ${onTheSpot ? 'segmented__item--on' : ''}`} onClick={() => setOnTheSpot(true)}>
              已当场答复
            </Text>
          </View>
        ) : null}
        {kind === 'consult' && onTheSpot && !assisted ? (
          <View className='field'>
            <View className='field__label'>当场答复的内容</View>
            <Textarea
              className='field__textarea'
              value={answer}
              maxlength={2000}
              placeholder='记下给服务对象的答复'
              onInput={(e) => setAnswer(e.detail.value)}
            />
            {errors.answer ? <View className='field__error'>{errors.answer}</View> : null}
          </View>
        ) : null}
        {colleagues.length > 0 ? (
          <View className='field'>
            <View className='field__label'>一同接待的同事（可多选；职级最高者为首问负责人）</View>
            <View className='chips'>
              {colleagues.map((c) => (
                <Text key={c.id} className={`chip ${present.includes(c.id) ? 'chip--on' : ''}`} onClick={() => toggle(c.id)}>
                  {c.name}
                  {c.title ? ` · ${c.title}` : ''}
                </Text>
              ))}
            </View>
            {errors.present ? <View className='field__error'>{errors.present}</View> : null}
          </View>
        ) : null}
        {errors.form ? <View className='field__error'>{errors.form}</View> : null}
        <Button className={`btn btn--primary ${sending ? 'btn--off' : ''}`} loading={sending} disabled={sending} onClick={submit}>
          {onTheSpot && kind === 'consult' ? '登记并办结' : '登记'}
        </Button>
        <View className='muted'>
          {assisted
            ? '帮办代办申请送帮办代办窗口指派帮办代办员，服务免费；时限自收到之时起计算。'
            : `登记人${me.name}即为首问负责人（有职级更高的同事一同接待时，由其负责）；时限自收到之时起计算。`}
        </View>
      </View>
    </View>
  )
}
