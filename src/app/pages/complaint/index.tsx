// The citizen's complaint: the form (about one of their cases, or a window of the hall), then the
// complaint itself with its limit, the hall office's answer and the rating of how it was handled.
import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { COMPLAINT_TEXT_MAX, COMPLAINT_TOPIC_LABELS, type ComplaintTopic } from '../../../core/complaint'
import type { ErrorBody } from '../../../core/errors'
import type { ComplaintView, PublicHall } from '../../../core/views'
import { call, newRequestId } from '../../api/client'
import { Message } from '../../components/CaseParts'
import { ComplaintBody } from '../../components/ComplaintParts'
import { PhotoPicker, type PhotoState } from '../../components/Photos'
import { RatingSheet } from '../../components/RatingParts'
import { useRefresh } from '../../lib/useRefresh'
import { formatTime } from '../../lib/format'
import { CitizenPage } from '../../components/CitizenPage'
import { fieldName, phoneField, showFirstError, tappable } from '../../lib/a11y'

const TOPICS = Object.keys(COMPLAINT_TOPIC_LABELS) as ComplaintTopic[]

interface Subject {
  hall: PublicHall
  /** the hall policy's working days to answer a complaint (002 §7) */
  complaintDays: number
  target: { kind: 'case'; caseId: string } | { kind: 'window'; windowId: string }
  about: string
  contact: { name: string; phone: string }
}

function ComplaintForm({ subject }: { subject: Subject }) {
  const [topic, setTopic] = useState<ComplaintTopic | null>(null)
  const [text, setText] = useState('')
  const [name, setName] = useState(subject.contact.name)
  const [phone, setPhone] = useState(subject.contact.phone)
  const [photos, setPhotos] = useState<PhotoState>({ ids: [], uploading: false })
  const [error, setError] = useState<ErrorBody | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId] = useState(newRequestId)

  async function submit() {
    if (busy) return
    if (!topic) {
      setError({ code: 'INVALID_INPUT', message: '请选择投诉事由', details: { field: 'topic' } })
      return showFirstError()
    }
    if (photos.uploading) return setError({ code: 'INVALID_INPUT', message: '照片还在上传，请稍候再提交' })
    setBusy(true)
    const a = await call('fileComplaint', {
      hallId: subject.hall.id,
      target: subject.target,
      topic,
      text,
      contact: { name, phone },
      attachments: photos.ids,
      requestId,
    })
    setBusy(false)
    if (a.ok) Taro.redirectTo({ url: `/pages/complaint/index?id=${a.data.id}` })
    else {
      setError(a.error)
      showFirstError()
    }
  }
  /** a field's error goes as soon as the citizen changes that field */
  const edit =
    <T,>(f: string, set: (v: T) => void) =>
    (v: T) => {
      set(v)
      if (String(error?.details?.field ?? '').startsWith(f)) setError(null)
    }
  const fieldError = (f: string) => {
    const field = String(error?.details?.field ?? '')
    return field === f || field.startsWith(`${f}.`) ? <View className='field__error'>{error!.message}</View> : null
  }
  const known = ['topic', 'text', 'contact', 'attachments']
  const general = error && !known.some((k) => String(error.details?.field ?? '').startsWith(k)) ? error.message : null

  return (
    <CitizenPage>
      <View className='section form'>
        <View className='section__title'>我要投诉</View>
        <View className='muted complaint__intro'>
          投诉对象：{subject.about}。{subject.hall.name}政务服务科受理投诉，一般在 {subject.complaintDays} 个工作日内调查核实并答复您
          {subject.hall.supervisionPhone ? `；情况紧急请拨打监督电话 ${subject.hall.supervisionPhone}` : ''}。
        </View>
        <View className='field'>
          <View className='field__label'>投诉事由</View>
          <View className='chips'>
            {TOPICS.map((t) => (
              <Text
                key={t}
                className={`chip ${topic === t ? 'chip--on' : ''}`}
                {...tappable('radio', undefined, topic === t)}
                onClick={() => edit('topic', setTopic)(t)}
              >
                {COMPLAINT_TOPIC_LABELS[t]}
              </Text>
            ))}
          </View>
          {fieldError('topic')}
        </View>
        <View className='field'>
          <View className='field__label'>
            具体情况
            {/* nothing is cut off: the count says how much to shorten, the server's check refuses it */}
            <Text className={`field__count ${text.trim().length > COMPLAINT_TEXT_MAX ? 'field__count--over' : ''}`} aria-live='polite'>
              {text.trim().length > COMPLAINT_TEXT_MAX
                ? `超出 ${text.trim().length - COMPLAINT_TEXT_MAX} 字，请删减`
                : `${text.trim().length}/${COMPLAINT_TEXT_MAX}`}
            </Text>
          </View>
          <Textarea
            className='field__textarea'
            value={text}
            maxlength={-1}
            {...fieldName('具体情况')}
            placeholder='请写明时间、窗口和经过，至少 10 个字'
            onInput={(e) => edit('text', setText)(e.detail.value)}
          />
          {fieldError('text')}
        </View>
        <View className='field'>
          <View className='field__label'>照片（选填）</View>
          <PhotoPicker hallId={subject.hall.id} onChange={setPhotos} what='现场照片、收到的告知单或聊天截图等能说明情况的图片' />
          {fieldError('attachments')}
        </View>
        <View className='field'>
          <View className='field__label'>您的称呼</View>
          <Input
            className='field__input'
            value={name}
            maxlength={60}
            {...fieldName('您的称呼')}
            onInput={(e) => edit('contact.name', setName)(e.detail.value)}
          />
          {fieldError('contact.name')}
        </View>
        <View className='field'>
          <View className='field__label'>联系电话</View>
          <Input
            className='field__input'
            value={phone}
            maxlength={20}
            {...phoneField('联系电话')}
            placeholder='方便我们核实情况后回复您'
            onInput={(e) => edit('contact.phone', setPhone)(e.detail.value)}
          />
          {fieldError('contact.phone')}
        </View>
        {general ? <View className='field__error'>{general}</View> : null}
        <Button className={`btn btn--primary ${busy ? 'btn--off' : ''}`} loading={busy} disabled={busy} onClick={submit}>
          提交投诉
        </Button>
      </View>
    </CitizenPage>
  )
}

export default function ComplaintPage() {
  const { params } = useRouter()
  const [view, setView] = useState<ComplaintView | null>(null)
  const [subject, setSubject] = useState<Subject | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    if (!params.id) return
    const a = await call('getComplaint', { complaintId: params.id })
    if (a.ok) setView(a.data)
    else setError(a.error.message)
  }, [params.id])
  useRefresh(load)

  // a new complaint: about one of the citizen's cases, or a window of the hall
  useEffect(() => {
    if (params.id) return
    if (params.case) {
      void call('getCase', { caseId: params.case }).then(async (a) => {
        if (!a.ok) return setError(a.error.message)
        const v = a.data
        const e = await call('entry', { scene: `h=${v.hall.id}` })
        if (!e.ok) return setError(e.error.message)
        const who = v.responder ? `，首问负责人 ${v.responder.name}` : ''
        setSubject({
          hall: v.hall,
          complaintDays: e.data.limits.complaint,
          target: { kind: 'case', caseId: v.id },
          about: `案件 ${v.no}（${v.window.name}${who}）`,
          contact: v.contact,
        })
      })
    } else if (params.hall && params.window) {
      void call('entry', { scene: `h=${params.hall}&w=${params.window}` }).then((a) => {
        if (!a.ok || !a.data.window) return setError(a.ok ? '找不到这个窗口' : a.error.message)
        setSubject({
          hall: a.data.hall,
          complaintDays: a.data.limits.complaint,
          target: { kind: 'window', windowId: a.data.window.id },
          about: a.data.window.name,
          contact: { name: '', phone: '' },
        })
      })
    } else setError('请从案件页面或窗口页面进入投诉')
  }, [params.id, params.case, params.hall, params.window])

  async function rate(r: { level: number; text: string }): Promise<ErrorBody | null> {
    const a = await call('rateComplaint', { complaintId: params.id ?? '', level: r.level, text: r.text })
    if (!a.ok) return a.error
    setView(a.data)
    return null
  }

  if (error)
    return (
      <CitizenPage>
        <Message title='无法投诉' text={error} />
      </CitizenPage>
    )
  if (!params.id) return subject ? <ComplaintForm subject={subject} /> : <CitizenPage className='loading'>正在加载…</CitizenPage>
  if (!view) return <CitizenPage className='loading'>正在加载…</CitizenPage>
  return (
    <CitizenPage>
      {view.status === 'open' ? <View className='notice'>您的投诉已受理，政务服务科将在 {formatTime(view.dueAt)} 前调查核实并答复您。</View> : null}
      {view.can.rate ? <RatingSheet title='请评价投诉的处理情况' reasons={false} onSubmit={rate} /> : null}
      <ComplaintBody view={view} />
      {view.caseId ? (
        <View className='footer'>
          <Text className='link' {...tappable('link')} onClick={() => Taro.navigateTo({ url: `/pages/case/index?id=${view.caseId}` })}>
            查看相关案件
          </Text>
        </View>
      ) : null}
    </CitizenPage>
  )
}
