// The hall office registers a complaint made by phone, by letter, at the counter or from 12345 into the
// desk (002 限时办结 第七条): what it is about, what was said, who complained and how to tell them.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_TOPIC_LABELS, type ComplaintChannel, type ComplaintTopic } from '../../../core/complaint'
import type { ActionInput } from '../../../core/api'
import type { ActionOutputs } from '../../../core/views'
import { call, newRequestId } from '../../api/client'

const CHANNELS = Object.keys(COMPLAINT_CHANNEL_LABELS) as ComplaintChannel[]
const TOPICS = Object.keys(COMPLAINT_TOPIC_LABELS) as ComplaintTopic[]
type About = 'caseNo' | 'window' | 'staff'
type Field = 'about' | 'text' | 'contact.name' | 'contact.phone' | 'receivedAt' | 'form'

/** YYYY-MM-DD [HH:mm] in the hall's time */
const toIso = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:\s+(\d{2}):(\d{2}))?$/.exec(s.trim())
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '09'}:${m[5] ?? '00'}:00+08:00` : s.trim()
}

export function RegisterComplaint(props: { hallId: string; options: ActionOutputs['registerOptions'] }) {
  const { windows, colleagues } = props.options
  const [channel, setChannel] = useState<ComplaintChannel>('phone')
  const [about, setAbout] = useState<About>('window')
  const [caseNo, setCaseNo] = useState('')
  const [windowIndex, setWindowIndex] = useState(0)
  const [staffIndex, setStaffIndex] = useState(0)
  const [topic, setTopic] = useState<ComplaintTopic>('attitude')
  const [text, setText] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [receivedAt, setReceivedAt] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [sending, setSending] = useState(false)
  const [requestId] = useState(newRequestId)
  const clear = (f: Field) => errors[f] && setErrors((e) => ({ ...e, [f]: undefined, form: undefined }))

  const target = (): ActionInput<'registerComplaint'>['about'] | null => {
    if (about === 'caseNo') return { kind: 'caseNo', no: caseNo }
    if (about === 'window') return windows[windowIndex] ? { kind: 'window', windowId: windows[windowIndex]!.id } : null
    return colleagues[staffIndex] ? { kind: 'staff', staffId: colleagues[staffIndex]!.id } : null
  }

  async function submit() {
    const a = target()
    if (!a) return setErrors({ about: '请选择投诉涉及的窗口或工作人员' })
    setSending(true)
    const r = await call('registerComplaint', {
      hallId: props.hallId,
      channel,
      about: a,
      topic,
      text,
      contact: { name: name.trim(), phone: phone.trim() },
      ...(receivedAt.trim() ? { receivedAt: toIso(receivedAt) } : {}),
      requestId,
    })
    setSending(false)
    if (r.ok) return Taro.redirectTo({ url: `/staff/complaint/index?id=${r.data.id}` })
    const field = r.error.details?.field as Field | undefined
    setErrors(field && field !== 'form' ? { [field]: r.error.message } : { form: r.error.message })
  }

  return (
    <View className='section form'>
      <View className='section__title'>登记来电、来信、来访投诉</View>
      <View className='segmented'>
        {CHANNELS.map((c) => (
          <Text key={c} className={`segmented__item ${channel === c ? 'segmented__item--on' : ''}`} onClick={() => setChannel(c)}>
            {COMPLAINT_CHANNEL_LABELS[c]}
          </Text>
        ))}
      </View>
      <View className='field'>
        <View className='field__label'>涉及</View>
        <View className='segmented'>
          {(
            [
              ['window', '窗口'],
              ['staff', '工作人员'],
              ['caseNo', '案件编号'],
            ] as const
          ).map(([k, label]) => (
            <Text key={k} className={`segmented__item ${about === k ? 'segmented__item--on' : ''}`} onClick={() => (setAbout(k), clear('about'))}>
              {label}
            </Text>
          ))}
        </View>
        {about === 'caseNo' ? (
          <Input className='field__input' value={caseNo} placeholder='例如 SF-20261123-0007' onInput={(e) => (setCaseNo(e.detail.value), clear('about'))} />
        ) : about === 'window' ? (
          <Picker mode='selector' range={windows.map((w) => w.name)} value={windowIndex} onChange={(e) => setWindowIndex(Number(e.detail.value))}>
            <View className='field__input picker'>{windows[windowIndex]?.name ?? '请选择窗口'}</View>
          </Picker>
        ) : (
          <Picker
            mode='selector'
            range={colleagues.map((c) => `${c.name}（${c.window}）`)}
            value={staffIndex}
            onChange={(e) => setStaffIndex(Number(e.detail.value))}
          >
            <View className='field__input picker'>
              {colleagues[staffIndex] ? `${colleagues[staffIndex]!.name}（${colleagues[staffIndex]!.window}）` : '请选择工作人员'}
            </View>
          </Picker>
        )}
        {errors.about ? <View className='field__error'>{errors.about}</View> : null}
      </View>
      <View className='chips'>
        {TOPICS.map((t) => (
          <Text key={t} className={`chip ${topic === t ? 'chip--on' : ''}`} onClick={() => setTopic(t)}>
            {COMPLAINT_TOPIC_LABELS[t]}
          </Text>
        ))}
      </View>
      <View className='field'>
        <View className='field__label'>
          投诉内容<Text className='field__count'>{text.trim().length}/1000</Text>
        </View>
        <Textarea
          className='field__textarea'
          value={text}
          maxlength={1000}
          placeholder='记下投诉人反映的情况'
          onInput={(e) => (setText(e.detail.value), clear('text'))}
        />
        {errors.text ? <View className='field__error'>{errors.text}</View> : null}
      </View>
      <View className='field'>
        <View className='field__label'>投诉人姓名</View>
        <Input className='field__input' value={name} maxlength={60} onInput={(e) => (setName(e.detail.value), clear('contact.name'))} />
        {errors['contact.name'] ? <View className='field__error'>{errors['contact.name']}</View> : null}
      </View>
      <View className='field'>
        <View className='field__label'>联系电话（答复时告知投诉人）</View>
        <Input
          className='field__input'
          type='text'
          value={phone}
          maxlength={20}
          placeholder='手机或座机号码'
          onInput={(e) => (setPhone(e.detail.value), clear('contact.phone'))}
        />
        {errors['contact.phone'] ? <View className='field__error'>{errors['contact.phone']}</View> : null}
      </View>
      {channel === 'letter' || channel === 'hotline12345' ? (
        <View className='field'>
          <View className='field__label'>收到时间（不填为现在）</View>
          <Input
            className='field__input'
            value={receivedAt}
            placeholder='例如：2026-11-19 09:00'
            onInput={(e) => (setReceivedAt(e.detail.value), clear('receivedAt'))}
          />
          {errors.receivedAt ? <View className='field__error'>{errors.receivedAt}</View> : null}
        </View>
      ) : null}
      {errors.form ? <View className='field__error'>{errors.form}</View> : null}
      <Button className={`btn btn--primary ${sending ? 'btn--off' : ''}`} loading={sending} disabled={sending} onClick={submit}>
        登记投诉
      </Button>
      <View className='muted'>自收到之时起 15 个工作日内办结并答复投诉人。</View>
    </View>
  )
}
