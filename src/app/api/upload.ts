// Photos of documents, from the phone's camera or album to where the case can reach them: cloud
// storage in the mini-program, the hall's server in H5 (resized first: a document stays legible at
// 1600 px and the upload stays small on a hall's mobile network).
import Taro from '@tarojs/taro'
import { MAX_ATTACHMENT_BYTES, cloudPath, type ImageType } from '../../core/attachment'
import { loadMedia } from '../lib/media'
import { mediaError } from '../lib/mediaError'

export interface PickedPhoto {
  /** a local path the <Image> can show before and after upload */
  path: string
  size: number
  type: ImageType
  /** H5: the chosen file */
  file?: Blob
}

export type UploadAnswer = { ok: true; id: string } | { ok: false; message: string }

const typeOf = (name: string, declared = ''): ImageType => {
  if (declared === 'image/png' || /\.png$/i.test(name)) return 'image/png'
  if (declared === 'image/webp' || /\.webp$/i.test(name)) return 'image/webp'
  return 'image/jpeg'
}

/** lets the citizen take or choose up to `count` photos; none when they cancel, and why when it failed */
export async function choosePhotos(count: number): Promise<{ photos: PickedPhoto[]; error: string | null }> {
  try {
    const res = await (await loadMedia()).chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    const photos = res.tempFiles.map((f) => {
      const file = (f as { originalFileObj?: File }).originalFileObj
      return { path: f.tempFilePath, size: f.size, type: typeOf(file?.name ?? f.tempFilePath, file?.type), file }
    })
    return { photos, error: null }
  } catch (e) {
    return { photos: [], error: mediaError(e) }
  }
}

const MAX_SIDE = 1600

/** H5: draws the photo at most 1600 px on its long side as a JPEG; the original when it cannot */
async function resized(file: Blob): Promise<{ blob: Blob; type: string }> {
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    if (blob && blob.size < file.size) return { blob, type: 'image/jpeg' }
  } catch {
    // a format the browser cannot draw: the server decides on the original
  }
  return { blob: file, type: file.type || 'application/octet-stream' }
}

function randomName(): string {
  let s = ''
  while (s.length < 20) s += Math.floor(Math.random() * 36).toString(36)
  return s
}

/** today in the hall (UTC+8 all year), for the storage folder; the calendar module stays out of the main package */
const hallToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

/** a citizen's document for a case, or (the hall office) a staff member's photo for the responder card */
export async function uploadPhoto(hallId: string, photo: PickedPhoto, kind: 'attachment' | 'staff' = 'attachment'): Promise<UploadAnswer> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      if (photo.size > MAX_ATTACHMENT_BYTES) return { ok: false, message: '照片不能超过 5 MB' }
      const res = await Taro.cloud.uploadFile({ cloudPath: cloudPath(hallId, hallToday(), randomName(), photo.type, kind), filePath: photo.path })
      return { ok: true, id: res.fileID }
    }
    const { blob, type } = await resized(photo.file!)
    if (blob.size > MAX_ATTACHMENT_BYTES) return { ok: false, message: '照片不能超过 5 MB' }
    const res = await fetch(`/api/upload?hall=${encodeURIComponent(hallId)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': type },
      body: blob,
    })
    const answer = (await res.json()) as { ok: true; data: { id: string } } | { ok: false; error: { message: string } }
    return answer.ok ? { ok: true, id: answer.data.id } : { ok: false, message: answer.error.message }
  } catch {
    return { ok: false, message: '照片上传失败，请检查网络后重试' }
  }
}
