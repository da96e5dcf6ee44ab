// The QR entry: a citizen scans a hall's or a window's code, finds the matter in the hall's public
// list (003) or picks a window, sees who they are talking to, and submits a consult or an application.
import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { z } from 'zod'
import { CaseText, Contact } from '../../../core/schemas'
import { searchMatters } from '../../../core/matter'
import type { EntryView, MatterView, PublicHall, PublicWindow } from '../../../core/views'
import { call, newRequestId } from '../../api/client'
import { entryAnswer } from '../../api/prefetch'
import { Message } from '../../components/CaseParts'
import { CaseTextField } from '../../components/CaseTextField'
import { FaqSuggestions } from '../../components/FaqSuggestions'
import { MatterCard, MatterList } from '../../components/MatterParts'
import { PhotoPicker, type PhotoState } from '../../components/Photos'
import { AssistedChoice, assistedInput, NO_ASSIST, type AssistedChoiceValue } from '../../components/AssistedParts'
import { CitizenPage, PhoneLink } from '../../components/CitizenPage'
import { rememberScene, useCareMode } from '../../lib/careMode'
import { fieldName, phoneField, showFirstError, tappable } from '../../lib/a11y'

const Form = z.object({ contact: Contact, text: CaseText })
type Errors = Partial<
  Record<'contact.name' | 'contact.phone' | 'text' | 'attachments' | 'form' | 'assisted.homeVisit.address' | 'assisted.homeVisit.time', string>
>

export default function EntryPage() {
  const router = useRouter()
  const scene = useMemo(() => {
    const raw = router.params.scene ?? ''
    try {
      return decodeURIComponent(raw)
    } catch {
      return raw
    }
  }, [router.params.scene])
  const [entry, setEntry] = useState<EntryView | null>(null)
  const [invalid, setInvalid] = useState<{ message: string; hall: PublicHall | null } | null>(null)
  const [windowChoice, setWindowChoice] = useState<PublicWindow | null>(null)
  const [matter, setMatter] = useState<MatterView | null>(null)
  const [query, setQuery] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [text, setText] = useState('')
  const [kind, setKind] = useState<'consult' | 'application'>('consult')
  const [errors, setErrors] = useState<Errors>({})
  // 002 帮办代办: for a matter, the citizen may ask the 帮办代办 window to help or to do it for them
  const [assist, setAssist] = useState<AssistedChoiceValue>(NO_ASSIST)
  const [sending, setSending] = useState(false)
  const [photos, setPhotos] = useState<PhotoState>({ ids: [], uploading: false })
  // one id per filled form: a double tap submits the same request once
  const [requestId, setRequestId] = useState(newRequestId)
  const mode = useCareMode()
  // care mode opens on four big buttons; the form follows the citizen's choice
  const [careForm, setCareForm] = useState(false)

  useEffect(() => {
    if (!scene) {
      setInvalid({ message: '请扫描大厅或窗口张贴的二维码进入', hall: null })
      return
    }
    entryAnswer(scene).then((a) => {
      if (a.ok) {
        rememberScene(scene)
        setEntry(a.data)
        setWindowChoice(a.data.window)
      } else {
        setInvalid({ message: a.error.message, hall: (a.error.details?.hall as PublicHall | undefined) ?? null })
      }
    })
  }, [scene])

  /** mini-program: ask, within the tap, to be told of the reply (each allowance lets one message through) */
  function askToSubscribe(template: string | null) {
    if (process.env.TARO_ENV !== 'weapp' || !template) return
    Taro.requestSubscribeMessage({ tmplIds: [template] } as Parameters<typeof Taro.requestSubscribeMessage>[0])
      .then((r) => {
        if ((r as unknown as Record<string, string>)[template] === 'accept') void call('subscribeGranted', { templateIds: [template] })
      })
      .catch(() => {})
  }

  async function submit() {
    if (!entry || sending) return
    if (photos.uploading) {
      setErrors({ form: '照片还在上传，请稍候再提交' })
      return
    }
    const checked = Form.safeParse({ contact: { name, phone }, text })
    if (!checked.success) {
      const next: Errors = {}
      for (const issue of checked.error.issues) {
        const key = issue.path.join('.') as keyof Errors
        next[key] ??= issue.message
      }
      setErrors(next)
      showFirstError()
      return
    }
    setErrors({})
    askToSubscribe(entry.subscribeTemplate)
    setSending(true)
    const a = await call('submitCase', {
      hallId: entry.hall.id,
      windowId: windowChoice?.id,
      matterId: matter?.id,
      kind,
      contact: checked.data.contact,
      text: checked.data.text,
      attachments: photos.ids,
      assisted: matter ? assistedInput(assist) : undefined,
      requestId,
    })
    setSending(false)
    if (a.ok) {
      setRequestId(newRequestId())
      Taro.redirectTo({ url: `/pages/case/index?id=${a.data.caseId}` })
      return
    }
    const raw = a.error.details?.field as string | undefined
    // a photo's error names its place in the list ("attachments.2"): show it under the photos
    const field = (raw?.startsWith('attachments') ? 'attachments' : raw) as keyof Errors | undefined
    setErrors(field && field !== 'form' ? { [field]: a.error.message } : { form: a.error.message })
    showFirstError()
  }
  /** a field's error goes as soon as the citizen changes that field */
  const edit = (key: keyof Errors, set: (v: string) => void) => (v: string) => {
    set(v)
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest)
  }

  if (invalid) {
    return (
      <CitizenPage>
        <Message title='无法识别这个二维码' text={invalid.message}>
          {invalid.hall ? (
            <View className='message__contact'>
              {invalid.hall.name}
              {invalid.hall.supervisionPhone ? `，监督电话 ${invalid.hall.supervisionPhone}` : ''}
              {invalid.hall.address ? `，地址：${invalid.hall.address}` : ''}
            </View>
          ) : (
            <View className='message__contact'>如需帮助，请到大厅服务台咨询。</View>
          )}
        </Message>
      </CitizenPage>
    )
  }
  if (!entry) return <CitizenPage className='loading'>正在加载…</CitizenPage>

  const windowOf = (m: MatterView) => entry.windows.find((w) => w.id === m.windowId) ?? null
  function chooseMatter(m: MatterView) {
    setMatter(m)
    setWindowChoice(windowOf(m))
    setKind('application')
    setQuery('')
  }
  function dropMatter() {
    setMatter(null)
    setKind('consult')
    setAssist(NO_ASSIST)
    setWindowChoice(entry!.window)
  }
  const found = query.trim() ? searchMatters(entry.matters, query) : []
  // a window's code offers that window's matters; the hall's code the search over all of them
  const windowMatters = windowChoice ? entry.matters.filter((m) => m.windowId === windowChoice.id) : []

  const hallPhone = entry.hall.supervisionPhone
  if (mode[0] && !careForm) {
    const start = (k: 'consult' | 'application') => {
      setKind(k)
      setCareForm(true)
    }
    return (
      <CitizenPage mode={mode}>
        <View className='hero'>
          <View className='hero__hall'>{entry.hall.name}</View>
          {entry.window ? <View className='hero__window'>{entry.window.name}</View> : null}
          <View className='hero__promise'>第一位接待您的工作人员负责到底，{entry.limits.reply} 个工作日内答复您。</View>
        </View>
        <View className='care-menu'>
          <View className='care-menu__btn care-menu__btn--primary' {...tappable('button', '我要咨询')} onClick={() => start('consult')}>
            我要咨询
          </View>
          <View className='care-menu__btn' {...tappable('button', '我要办事')} onClick={() => start('application')}>
            我要办事
          </View>
          <View className='care-menu__btn' {...tappable('button', '查进度')} onClick={() => Taro.navigateTo({ url: '/pages/mine/index' })}>
            查进度
          </View>
          {hallPhone ? (
            <View
              className='care-menu__btn'
              {...tappable('button', `打电话给大厅 ${hallPhone}`)}
              onClick={() => void Taro.makePhoneCall({ phoneNumber: hallPhone }).catch(() => {})}
            >
              打电话给大厅
              <View className='care-menu__sub'>{hallPhone}</View>
            </View>
          ) : null}
        </View>
      </CitizenPage>
    )
  }

  return (
    <CitizenPage mode={mode}>
      <View className='hero'>
        <View className='hero__hall'>{entry.hall.name}</View>
        {windowChoice ? (
          <View>
            <View className='hero__window'>
              {windowChoice.name}
              {windowChoice.number ? <Text className='hero__number'>{windowChoice.number}</Text> : null}
            </View>
            <View className='hero__scope'>业务范围：{windowChoice.scope}</View>
            {!entry.window ? (
              <Text
                className='link link--light hero__change'
                onClick={() => {
                  setMatter(null)
                  setWindowChoice(null)
                }}
              >
                换一个窗口
              </Text>
            ) : null}
          </View>
        ) : (
          <View className='hero__scope'>请选择您要咨询的窗口</View>
        )}
        <View className='hero__promise'>首问负责：第一位接待您的工作人员负责到底，当场不能答复的，{entry.limits.reply} 个工作日内答复您。</View>
      </View>

      {!windowChoice ? (
        <View className='section'>
          {entry.matters.length > 0 ? (
            <View className='search'>
              <Input
                className='search__input'
                value={query}
                maxlength={30}
                {...fieldName('搜索事项')}
                placeholder='搜索事项：名称、拼音首字母或关键词'
                onInput={(e) => setQuery(e.detail.value)}
              />
              {query.trim() ? (
                found.length > 0 ? (
                  <MatterList matters={found} windows={entry.windows} onChoose={chooseMatter} />
                ) : (
                  <View className='search__none'>没有找到相关事项，您可以选择下面的窗口，或到综合咨询窗口问一问。</View>
                )
              ) : null}
            </View>
          ) : null}
          <View className='section__title'>选择窗口</View>
          {entry.windows.map((w) => (
            <View className='choice' key={w.id} {...tappable('button')} onClick={() => setWindowChoice(w)}>
              <View className='choice__name'>
                {w.name}
                <Text className='choice__number'>{w.number}</Text>
              </View>
              <View className='choice__scope'>{w.scope}</View>
            </View>
          ))}
        </View>
      ) : (
        <View className='section form'>
          {matter ? (
            <MatterCard matter={matter} window={windowOf(matter)} onDrop={dropMatter} />
          ) : windowMatters.length > 0 ? (
            <View className='field'>
              <View className='field__label'>本窗口可办事项（可选）</View>
              <MatterList matters={windowMatters} windows={entry.windows} onChoose={chooseMatter} compact />
            </View>
          ) : null}
          <View className='segmented'>
            {(['consult', 'application'] as const).map((k) => (
              <Text
                key={k}
                className={`segmented__item ${kind === k ? 'segmented__item--on' : ''}`}
                {...tappable('radio', undefined, kind === k)}
                onClick={() => setKind(k)}
              >
                {k === 'consult' ? '我要咨询' : '我要办事'}
              </Text>
            ))}
          </View>
          {matter && entry.hall.assisted && kind === 'application' ? <AssistedChoice value={assist} onChange={setAssist} errors={errors} /> : null}
          <View className='field'>
            <View className='field__label'>单位或姓名</View>
            <Input
              className='field__input'
              value={name}
              maxlength={60}
              {...fieldName('单位或姓名')}
              placeholder='例如：张三 / 某某有限公司'
              onInput={(e) => edit('contact.name', setName)(e.detail.value)}
            />
            {errors['contact.name'] ? <View className='field__error'>{errors['contact.name']}</View> : null}
          </View>
          <View className='field'>
            <View className='field__label'>联系电话</View>
            <Input
              className='field__input'
              value={phone}
              {...phoneField('联系电话')}
              maxlength={20}
              placeholder='手机号或带区号的固定电话'
              onInput={(e) => edit('contact.phone', setPhone)(e.detail.value)}
            />
            {errors['contact.phone'] ? <View className='field__error'>{errors['contact.phone']}</View> : null}
          </View>
          <CaseTextField kind={kind} value={text} placeholder='请写明您要咨询或办理的事情，至少 5 个字' error={errors.text} onInput={edit('text', setText)} />
          {kind === 'consult' ? <FaqSuggestions hallId={entry.hall.id} faqs={entry.faqs ?? []} text={text} matterId={matter?.id ?? null} /> : null}
          <View className='field'>
            <View className='field__label'>材料照片</View>
            <PhotoPicker hallId={entry.hall.id} onChange={setPhotos} />
            {errors.attachments ? <View className='field__error'>{errors.attachments}</View> : null}
          </View>
          {errors.form ? <View className='field__error'>{errors.form}</View> : null}
          <Button className={`btn btn--primary ${sending ? 'btn--off' : ''}`} loading={sending} disabled={sending} onClick={submit}>
            {kind === 'consult' ? '提交咨询' : matter && assist.mode !== 'self' ? '提交帮办代办申请' : '提交办事申请'}
          </Button>
        </View>
      )}

      <View className='footer'>
        <Text className='link' {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/pages/mine/index' })}>
          查看我的咨询
        </Text>
        <Text className='link footer__gap' {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/pages/lookup/index' })}>
          查进度
        </Text>
        {windowChoice ? (
          <Text
            className='link footer__gap'
            {...tappable('link')}
            onClick={() => Taro.navigateTo({ url: `/pages/complaint/index?hall=${entry.hall.id}&window=${windowChoice.id}` })}
          >
            投诉本窗口
          </Text>
        ) : null}
        {entry.hall.hours.length ? <View>办公时间 {entry.hall.hours.join('；')}</View> : null}
        {hallPhone ? (
          <View>
            监督电话 <PhoneLink phone={hallPhone} label='监督' />
          </View>
        ) : null}
        {/* 004 自助办理制度 第五条: whom to call when a self-service terminal is out of order */}
        {entry.hall.selfServicePhone ? (
          <View>
            自助设备报修 <PhoneLink phone={entry.hall.selfServicePhone} label='自助设备报修' />
          </View>
        ) : null}
      </View>
    </CitizenPage>
  )
}
