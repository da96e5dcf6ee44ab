// Which files count as photos, and which ids may be attached.
import { AttachmentId, Attachments, cloudFileHall, cloudPath, cloudStaffPhotoHall, sniffImage, StaffPhotoId } from '../../src/core/attachment'

const bytes = (...b: number[]) => new Uint8Array(b)

it('knows JPEG, PNG and WebP by their first bytes, and nothing else', () => {
  expect(sniffImage(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg')
  expect(sniffImage(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png')
  expect(sniffImage(new Uint8Array([...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WEBPVP8L')]))).toBe('image/webp')
  expect(sniffImage(new Uint8Array([...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WAVEfmt ')]))).toBeNull()
  expect(sniffImage(new Uint8Array(Buffer.from('GIF89a')))).toBeNull()
  expect(sniffImage(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">')))).toBeNull()
  expect(sniffImage(bytes(0xff, 0xd8))).toBeNull()
  expect(sniffImage(bytes())).toBeNull()
})

it('accepts server ids and cloud paths of the attachments folder, at most 6', () => {
  const path = cloudPath('demo', '2026-11-23', 'abcdefghijklmnop', 'image/png')
  expect(path).toBe('attachments/demo/20261123/abcdefghijklmnop.png')
  const cloudId = `cloud://env-1.abcd/${path}`
  expect(AttachmentId.safeParse(cloudId).success).toBe(true)
  expect(cloudFileHall(cloudId)).toBe('demo')
  expect(AttachmentId.safeParse('up_0123456789abcdef01234567').success).toBe(true)
  for (const bad of [
    'up_xyz',
    'cloud://env/other/demo/20261123/abcdefghijklmnop.png',
    'cloud://env/attachments/demo/20261123/../../x.png',
    'https://evil.example/a.png',
    `cloud://env/attachments/demo/20261123/abcdefghijklmnop.svg`,
  ]) {
    expect(AttachmentId.safeParse(bad).success).toBe(false)
  }
  expect(Attachments.parse(undefined)).toEqual([])
  const seven = Array.from({ length: 7 }, (_, i) => `up_${String(i).repeat(24)}`)
  expect(Attachments.safeParse(seven).success).toBe(false)
  expect(Attachments.safeParse(seven.slice(1)).success).toBe(true)
})

it('knows a staff photo in cloud storage by its path, and the hall it belongs to', () => {
  const path = cloudPath('demo', '2026-11-23', 'abcdefghijklmnop', 'image/jpeg', 'staff')
  expect(path).toBe('staff/demo/abcdefghijklmnop.jpg')
  const id = `cloud://env-1.abcd/${path}`
  expect(StaffPhotoId.safeParse(id).success).toBe(true)
  expect(cloudStaffPhotoHall(id)).toBe('demo')
  // a citizen's document is not a staff photo, nor a staff photo a document
  const document = 'cloud://env-1.abcd/attachments/demo/20261123/abcdefghijklmnop.jpg'
  expect(StaffPhotoId.safeParse(document).success).toBe(false)
  expect(cloudStaffPhotoHall(document)).toBeNull()
  expect(AttachmentId.safeParse(id).success).toBe(false)
  expect(StaffPhotoId.safeParse('up_' + 'a'.repeat(24)).success).toBe(true)
})
