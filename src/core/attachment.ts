// Photos of documents a citizen adds to a case (000 §4.1: staff see at once what the citizen has).
// Two kinds of id: a file kept by the hall's own server (`up_<hex>`), or a file in the mini-program's
// cloud storage (`cloud://<env>/attachments/<hall>/<yyyymmdd>/<random>.<ext>`).
import { z } from 'zod'
import { text } from './text'

export const MAX_ATTACHMENTS = 6
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
/** uploads a citizen may make per day on the hall's server: enough for a few cases, not a dump */
export const MAX_UPLOADS_PER_DAY = 30

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp'
export const EXTENSIONS: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

const SERVER_ID = /^up_[a-f0-9]{24}$/
const CLOUD_ID = /^cloud:\/\/[A-Za-z0-9._-]{1,80}\/attachments\/([a-z][a-z0-9]{1,15})\/\d{8}\/[a-z0-9]{16,32}\.(jpg|png|webp)$/
// a staff member's photo for the responder card (000 §10: 亮明身份): `cloud://<env>/staff/<hall>/<random>.<ext>`
const CLOUD_STAFF_ID = /^cloud:\/\/[A-Za-z0-9._-]{1,80}\/staff\/([a-z][a-z0-9]{1,15})\/[a-z0-9]{16,32}\.(jpg|png|webp)$/

export const AttachmentId = text()
  .max(300)
  .refine((s) => SERVER_ID.test(s) || CLOUD_ID.test(s), '照片文件编号不正确，请重新上传')

export const Attachments = z.array(AttachmentId).max(MAX_ATTACHMENTS, `最多上传 ${MAX_ATTACHMENTS} 张照片`).default([])

export const StaffPhotoId = text()
  .max(300)
  .refine((s) => SERVER_ID.test(s) || CLOUD_STAFF_ID.test(s), '照片文件编号不正确，请重新上传')

export const isServerFileId = (id: string) => SERVER_ID.test(id)
/** the hall a staff photo in cloud storage was uploaded for */
export const cloudStaffPhotoHall = (id: string) => CLOUD_STAFF_ID.exec(id)?.[1] ?? null
/** the hall a cloud file was uploaded for, from its path; null for other ids */
export const cloudFileHall = (id: string) => CLOUD_ID.exec(id)?.[1] ?? null

/** the cloud storage path the mini-program uploads a photo to: a citizen's document, or a staff member's photo */
export function cloudPath(hallId: string, day: string, random: string, type: ImageType, kind: 'attachment' | 'staff' = 'attachment'): string {
  if (kind === 'staff') return `staff/${hallId}/${random}.${EXTENSIONS[type]}`
  return `attachments/${hallId}/${day.replace(/-/g, '')}/${random}.${EXTENSIONS[type]}`
}

/**
 * The image type from the file's first bytes, whatever the declared type says: only JPEG, PNG and
 * WebP photos are kept.
 */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const at = (i: number, ...sig: number[]) => sig.every((b, k) => bytes[i + k] === b)
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  // RIFF....WEBP
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp'
  return null
}
