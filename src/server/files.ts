// Photos attached to cases, in both modes. Self-hosted: the hall's server keeps the bytes in its
// database (`POST /api/upload`, `GET /api/files/:id`). Cloud: the mini-program uploads to cloud
// storage, and readers get short-lived links the cloud function asks for.
import { randomBytes } from 'node:crypto'
import { MAX_ATTACHMENT_BYTES, MAX_UPLOADS_PER_DAY, cloudFileHall, cloudStaffPhotoHall, isServerFileId, sniffImage } from '../core/attachment'
import { formatShanghai } from '../core/calendar'
import { DomainError } from '../core/errors'
import type { CaseState } from '../core/caseState'
import type { Staff } from '../core/schemas'
import type { MadeFile } from '../core/views'
import { staffSeesCase } from '../core/access'
import type { Identity } from './identity'
import { takeLimit } from './limits'
import type { Store, Upload, UploadStore } from './store/port'

export interface FileAccess {
  /** refuses ids the citizen may not attach to a new complaint of this hall */
  checkAttachable(ids: string[], citizenId: string, hallId: string): Promise<void>
  /**
   * The photos of a new case: refuses ids that cannot be this hall's, and answers the uploads the
   * case's creation claims in its own transaction, checking they are the citizen's own (the hall's
   * server); none for cloud storage, where the path names the hall.
   */
  forNewCase(ids: string[], hallId: string): string[]
  /** records that the files now belong to the case (or `staff:<id>` for a staff photo) */
  attached(ids: string[], caseId: string): Promise<void>
  /** a file no longer in use by that owner (a replaced staff photo): the hall's server deletes it with the next purge */
  released(ids: string[], caseId: string): Promise<void>
  /** refuses a photo the hall office may not put on a staff member's card: another hall's, or someone else's upload */
  checkStaffPhoto(id: string, uploaderId: string | null, hallId: string, staffId: string): Promise<void>
  /** links the reader's app can show; null for a file that cannot be shown now */
  urls(ids: string[]): Promise<Map<string, string | null>>
  /** hands a file the server made to the user who asked for it */
  deliver(hallId: string, fileName: string, bytes: Uint8Array, now: Date): Promise<MadeFile>
}

const stale = () => new DomainError('INVALID_INPUT', '有照片已失效，请删除后重新上传', { field: 'attachments' })

/** the hall's own server */
export function serverFiles(store: UploadStore): FileAccess {
  return {
    async checkAttachable(ids, citizenId, hallId) {
      if (ids.length === 0) return
      if (!ids.every(isServerFileId)) throw stale()
      const found = await store.listUploads(ids)
      if (found.length !== new Set(ids).size || found.some((u) => u.ownerId !== citizenId || u.hallId !== hallId)) throw stale()
    },
    forNewCase(ids) {
      if (!ids.every(isServerFileId)) throw stale()
      return ids
    },
    attached: (ids, caseId) => store.linkUploads(ids, caseId),
    released: (ids, caseId) => store.releaseUploads(ids.filter(isServerFileId), caseId),
    async checkStaffPhoto(id, uploaderId, hallId, staffId) {
      const [found] = isServerFileId(id) ? await store.listUploads([id]) : []
      const mine = found && found.hallId === hallId && (found.caseId === `staff:${staffId}` || (found.caseId === null && found.ownerId === uploaderId))
      if (!mine) throw new DomainError('INVALID_INPUT', '照片已失效，请重新上传', { field: 'photo' })
    },
    async urls(ids) {
      return new Map(ids.map((id) => [id, isServerFileId(id) ? `/api/files/${id}` : null]))
    },
    async deliver(_hallId, fileName, bytes) {
      return { fileName, base64: Buffer.from(bytes).toString('base64') }
    },
  }
}

/** the part of wx-server-sdk used for files */
export interface CloudFiles {
  getTempFileURL(options: {
    fileList: Array<{ fileID: string; maxAge: number }>
  }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number }> }>
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
}

/** how long the link to a made file lasts: long enough to open it, short enough not to be passed on */
export const MADE_FILE_LINK_SECONDS = 600

/** the most files one getTempFileURL call takes */
export const TEMP_URL_BATCH = 50

/** WeChat cloud storage; links last two hours (the case page asks again on each show) */
export function cloudFiles(sdk: CloudFiles, log: (message: string, error?: unknown) => void): FileAccess {
  return {
    async checkAttachable(ids, _citizenId, hallId) {
      if (ids.some((id) => cloudFileHall(id) !== hallId)) throw stale()
    },
    forNewCase(ids, hallId) {
      if (ids.some((id) => cloudFileHall(id) !== hallId)) throw stale()
      return []
    },
    async attached() {},
    // cloud storage keeps the file (the office may delete it in the console); it is no longer shown
    async released() {},
    async checkStaffPhoto(id, _uploaderId, hallId) {
      if (cloudStaffPhotoHall(id) !== hallId) throw new DomainError('INVALID_INPUT', '照片已失效，请重新上传', { field: 'photo' })
    },
    async urls(ids) {
      const urls = new Map<string, string | null>(ids.map((id) => [id, null]))
      if (ids.length === 0) return urls
      // getTempFileURL takes at most 50 files a call
      const unique = [...new Set(ids)]
      const batches = Array.from({ length: Math.ceil(unique.length / TEMP_URL_BATCH) }, (_, i) => unique.slice(i * TEMP_URL_BATCH, (i + 1) * TEMP_URL_BATCH))
      await Promise.all(
        batches.map(async (batch) => {
          try {
            const { fileList } = await sdk.getTempFileURL({ fileList: batch.map((fileID) => ({ fileID, maxAge: 7200 })) })
            for (const f of fileList) if (f.status === 0 && f.tempFileURL) urls.set(f.fileID, f.tempFileURL)
          } catch (e) {
            // the case still shows; the photos say they cannot be shown now
            log('getTempFileURL failed', e)
          }
        }),
      )
      return urls
    },
    // A callFunction answer carries at most 1 MB, less than a month's archive: the file goes to cloud
    // storage under exports/<hall>/<day>/ (no client may read it there) and the user gets a link.
    async deliver(hallId, fileName, bytes, now) {
      const cloudPath = `exports/${hallId}/${formatShanghai(now).slice(0, 10)}/${randomBytes(8).toString('hex')}/${fileName}`
      const { fileID } = await sdk.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) })
      const { fileList } = await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: MADE_FILE_LINK_SECONDS }] })
      const url = fileList[0]?.status === 0 ? fileList[0].tempFileURL : ''
      if (!url) throw new DomainError('INTERNAL', '文件已生成，但暂时无法取得下载链接，请稍后重试')
      return { fileName, url }
    },
  }
}

/**
 * Keeps a photo a citizen uploads to the hall's server: a JPEG, PNG or WebP by its bytes, at most
 * 5 MB, at most 30 a day per citizen, for a hall that exists.
 */
export async function receiveUpload(
  store: Store & UploadStore,
  input: { hallId: string; citizenId: string; bytes: Uint8Array; now: Date; address?: string | null },
): Promise<Upload> {
  if (input.bytes.length === 0) throw new DomainError('INVALID_INPUT', '没有收到照片，请重新选择', { field: 'file' })
  if (input.bytes.length > MAX_ATTACHMENT_BYTES) throw new DomainError('INVALID_INPUT', '照片不能超过 5 MB', { field: 'file' })
  const mime = sniffImage(input.bytes)
  if (!mime) throw new DomainError('INVALID_INPUT', '只能上传 JPG、PNG 或 WebP 格式的照片', { field: 'file' })
  if (!(await store.getHall(input.hallId))) throw new DomainError('NOT_FOUND', '找不到这个大厅', { field: 'hall' })
  const since = formatShanghai(new Date(input.now.getTime() - 86_400_000))
  if ((await store.countUploads(input.citizenId, since)) >= MAX_UPLOADS_PER_DAY) {
    throw new DomainError('RATE_LIMITED', '今天上传的照片已经很多了，请明天再试，或到窗口出示材料')
  }
  // the per-citizen count resets with a new cookie; the address's count does not
  await takeLimit(store, 'upload', { address: input.address }, input.now)
  const upload: Upload = {
    id: `up_${randomBytes(12).toString('hex')}`,
    hallId: input.hallId,
    ownerId: input.citizenId,
    mime,
    size: input.bytes.length,
    createdAt: formatShanghai(input.now),
    caseId: null,
  }
  await store.putUpload(upload, input.bytes)
  return upload
}

/**
 * A photo is shown to the citizen who uploaded it, and to staff who see the case it is attached to
 * (or the window it was referred to), or the hall office for a complaint's; a staff photo to everyone;
 * to anyone else it does not exist.
 */
export async function readableFile(store: Store & UploadStore, identity: Identity, id: string): Promise<{ upload: Upload; bytes: Uint8Array }> {
  const gone = new DomainError('NOT_FOUND', '找不到这张照片')
  if (!isServerFileId(id)) throw gone
  const file = await store.getUpload(id)
  if (!file) throw gone
  if (identity.citizenId && identity.citizenId === file.upload.ownerId) return file
  const owner = file.upload.caseId
  // a staff photo is public: citizens see it on the responder card (000 §10)
  if (owner?.startsWith('staff:')) return file
  const staff = identity.staffId ? await store.getStaff(identity.staffId) : null
  if (!staff?.active || !owner) throw gone
  // the evidence of a manual deduction (004 效能纪律) is for the hall office and the person it concerns
  if (owner.startsWith('md_')) {
    const d = await store.getManualDeduction(file.upload.hallId, owner)
    if (d && staff.hallId === d.hallId && (staff.role === 'office' || staff.id === d.staffId)) return file
    throw gone
  }
  // a complaint's photos are for the hall office that handles it
  if (owner.startsWith('k_')) {
    const complaint = await store.getComplaint(owner)
    if (complaint && staff.role === 'office' && staff.hallId === complaint.hallId) return file
    throw gone
  }
  const state = await store.getCaseState(owner)
  if (state && staffMaySee(staff, state)) return file
  throw gone
}

const staffMaySee = (staff: Staff, state: CaseState) =>
  staffSeesCase(staff, state) || (staff.hallId === state.hallId && state.referral?.toWindowId === staff.windowId)

/** unattached uploads are kept a day for the citizen to finish the form */
export const purgeBefore = (now: Date) => formatShanghai(new Date(now.getTime() - 86_400_000))
