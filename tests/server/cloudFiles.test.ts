// Cloud storage links: getTempFileURL takes at most 50 files a call, so a hall's staff photos go in batches.
import { cloudFiles, MADE_FILE_LINK_SECONDS, serverFiles, TEMP_URL_BATCH, type CloudFiles } from '../../src/server/files'

it('asks for temporary links 50 files at a time, and keeps the others when one batch fails', async () => {
  const calls: number[] = []
  const sdk: CloudFiles = {
    async getTempFileURL({ fileList }) {
      calls.push(fileList.length)
      if (fileList.length > TEMP_URL_BATCH) throw new Error('fileList length exceeds 50')
      if (fileList.some((f) => f.fileID === 'cloud://env/f-120')) throw new Error('service unavailable')
      return { fileList: fileList.map((f) => ({ fileID: f.fileID, tempFileURL: `https://tmp/${f.fileID}`, status: 0 })) }
    },
    uploadFile: async () => ({ fileID: 'unused' }),
  }
  const ids = Array.from({ length: 130 }, (_, i) => `cloud://env/f-${i}`)
  const urls = await cloudFiles(sdk, () => {}).urls(ids)
  expect(calls.sort((a, b) => b - a)).toEqual([50, 50, 30])
  expect(urls.get('cloud://env/f-0')).toBe('https://tmp/cloud://env/f-0')
  expect(urls.get('cloud://env/f-99')).toBe('https://tmp/cloud://env/f-99')
  expect(urls.get('cloud://env/f-129')).toBeNull()
})

it('hands a made file over as a ten-minute link to cloud storage under exports/<hall>/<day>/, or says it could not', async () => {
  const uploads: string[] = []
  const asked: number[] = []
  let linkStatus = 0
  const sdk: CloudFiles = {
    async getTempFileURL({ fileList }) {
      asked.push(...fileList.map((f) => f.maxAge))
      return { fileList: fileList.map((f) => ({ fileID: f.fileID, tempFileURL: linkStatus === 0 ? `https://tmp/${f.fileID}` : '', status: linkStatus })) }
    },
    async uploadFile({ cloudPath, fileContent }) {
      uploads.push(`${cloudPath}:${fileContent.length}`)
      return { fileID: `cloud://env/${cloudPath}` }
    },
  }
  const files = cloudFiles(sdk, () => {})
  const now = new Date('2026-12-07T02:00:00Z')
  const made = await files.deliver('demo', '归档.xlsx', new Uint8Array(2_000_000), now)
  expect(made).toEqual({
    fileName: '归档.xlsx',
    url: expect.stringMatching(/^https:\/\/tmp\/cloud:\/\/env\/exports\/demo\/2026-12-07\/[0-9a-f]{16}\/归档\.xlsx$/),
  })
  expect(uploads).toEqual([expect.stringMatching(/^exports\/demo\/2026-12-07\/[0-9a-f]{16}\/归档\.xlsx:2000000$/)])
  expect(asked).toEqual([MADE_FILE_LINK_SECONDS])
  linkStatus = -1
  await expect(files.deliver('demo', '归档.xlsx', new Uint8Array(10), now)).rejects.toMatchObject({ code: 'INTERNAL' })
  // the hall's own server answers inline
  const inline = await serverFiles({} as never).deliver('demo', 'a.jsonl', new TextEncoder().encode('{}\n'), now)
  expect(inline).toEqual({ fileName: 'a.jsonl', base64: Buffer.from('{}\n').toString('base64') })
})
