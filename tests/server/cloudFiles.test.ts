// Cloud storage links: getTempFileURL takes at most 50 files a call, so a hall's staff photos go in batches.
import { cloudFiles, TEMP_URL_BATCH, type CloudFiles } from '../../src/server/files'

it('asks for temporary links 50 files at a time, and keeps the others when one batch fails', async () => {
  const calls: number[] = []
  const sdk: CloudFiles = {
    async getTempFileURL({ fileList }) {
      calls.push(fileList.length)
      if (fileList.length > TEMP_URL_BATCH) throw new Error('fileList length exceeds 50')
      if (fileList.some((f) => f.fileID === 'cloud://env/f-120')) throw new Error('service unavailable')
      return { fileList: fileList.map((f) => ({ fileID: f.fileID, tempFileURL: `https://tmp/${f.fileID}`, status: 0 })) }
    },
  }
  const ids = Array.from({ length: 130 }, (_, i) => `cloud://env/f-${i}`)
  const urls = await cloudFiles(sdk, () => {}).urls(ids)
  expect(calls.sort((a, b) => b - a)).toEqual([50, 50, 30])
  expect(urls.get('cloud://env/f-0')).toBe('https://tmp/cloud://env/f-0')
  expect(urls.get('cloud://env/f-99')).toBe('https://tmp/cloud://env/f-99')
  expect(urls.get('cloud://env/f-129')).toBeNull()
})
