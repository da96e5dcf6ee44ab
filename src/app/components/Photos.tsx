// Photos of documents: the picker on the submission form (each photo uploads as soon as it is
// chosen, so sending the form is quick) and the thumbnails on a case page.
import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { MAX_ATTACHMENTS } from '../../core/attachment'
import { choosePhotos, uploadPhoto, type PickedPhoto } from '../api/upload'
import { loadMedia } from '../lib/media'
import { PrivacyPrompt } from './PrivacyPrompt'
import { tappable } from '../lib/a11y'

interface Slot {
  key: number
  photo: PickedPhoto
  status: 'uploading' | 'done' | 'failed'
  id?: string
  message?: string
}

export interface PhotoState {
  ids: string[]
  uploading: boolean
}

let nextKey = 1

/** what the photos are for, in the hint under the picker: a case's papers by default */
export function PhotoPicker({ hallId, onChange, what = '身份证、合同等材料' }: { hallId: string; onChange: (state: PhotoState) => void; what?: string }) {
  const [slots, setSlots] = useState<Slot[]>([])
  const [pickError, setPickError] = useState<string | null>(null)

  // the form hears of every change; uploads finish in any order, so each change reads the latest list
  useEffect(() => {
    onChange({ ids: slots.filter((s) => s.status === 'done').map((s) => s.id!), uploading: slots.some((s) => s.status === 'uploading') })
  }, [slots])
  const update = (key: number, change: Partial<Slot> | null) =>
    setSlots((prev) => (change === null ? prev.filter((s) => s.key !== key) : prev.map((s) => (s.key === key ? { ...s, ...change } : s))))

  async function upload(slot: Slot) {
    const answer = await uploadPhoto(hallId, slot.photo)
    update(slot.key, answer.ok ? { status: 'done', id: answer.id } : { status: 'failed', message: answer.message })
  }

  async function add() {
    const room = MAX_ATTACHMENTS - slots.length
    const chosen = await choosePhotos(room)
    setPickError(chosen.error)
    const picked = chosen.photos.slice(0, room)
    if (picked.length === 0) return
    const added: Slot[] = picked.map((photo) => ({ key: nextKey++, photo, status: 'uploading' }))
    setSlots((prev) => [...prev, ...added].slice(0, MAX_ATTACHMENTS))
    await Promise.all(added.map(upload))
  }

  const retry = (slot: Slot) => {
    update(slot.key, { status: 'uploading', message: undefined })
    void upload(slot)
  }

  const preview = (slot: Slot) => void loadMedia().then((m) => m.previewImage({ current: slot.photo.path, urls: slots.map((s) => s.photo.path) }))
  const failed = slots.find((s) => s.status === 'failed')

  return (
    <View className='photos'>
      <View className='photos__grid'>
        {slots.map((slot) => (
          <View key={slot.key} className={`photos__item photos__item--${slot.status}`}>
            <Image
              className='photos__img'
              src={slot.photo.path}
              mode='aspectFill'
              ariaLabel='材料照片，点按查看大图'
              nativeProps={{ alt: '材料照片，点按查看大图' }}
              onClick={() => preview(slot)}
            />
            {slot.status === 'uploading' ? <View className='photos__state'>上传中…</View> : null}
            {slot.status === 'failed' ? (
              <View className='photos__state photos__state--failed' {...tappable('button', '重新上传这张照片')} onClick={() => retry(slot)}>
                重新上传
              </View>
            ) : null}
            <View className='photos__remove' {...tappable('button', '删除这张照片')} onClick={() => update(slot.key, null)}>
              ×
            </View>
          </View>
        ))}
        {slots.length < MAX_ATTACHMENTS ? (
          <View className='photos__add' {...tappable('button', '添加照片')} onClick={add}>
            <Text className='photos__plus'>+</Text>
            <Text>添加照片</Text>
          </View>
        ) : null}
      </View>
      <PrivacyPrompt />
      <View className={pickError ? 'field__error' : 'muted'} role={pickError ? 'alert' : undefined}>
        {pickError ?? failed?.message ?? `可拍摄${what}，最多 ${MAX_ATTACHMENTS} 张，每张不超过 5 MB（选填）`}
      </View>
    </View>
  )
}

/** a case's photos; tap to view them full size */
export function PhotoList({ photos }: { photos: Array<{ id: string; url: string | null }> }) {
  if (photos.length === 0) return null
  const urls = photos.map((p) => p.url).filter((u): u is string => !!u)
  return (
    <View className='photos__grid photos__grid--view'>
      {photos.map((p, i) =>
        p.url ? (
          <Image
            key={p.id}
            className='photos__img photos__item'
            src={p.url}
            mode='aspectFill'
            ariaLabel={`材料照片 ${i + 1}，点按查看大图`}
            nativeProps={{ alt: `材料照片 ${i + 1}，点按查看大图` }}
            onClick={() => void loadMedia().then((m) => m.previewImage({ current: p.url!, urls }))}
          />
        ) : (
          <View key={p.id} className='photos__item photos__missing'>
            照片 {i + 1} 暂时无法显示
          </View>
        ),
      )}
    </View>
  )
}
