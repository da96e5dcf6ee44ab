// Spreadsheets in and out of the app: a workbook the server made is downloaded (H5) or opened for
// sharing (mini-program); a workbook the user picks is read as base64 for the API.
import Taro from '@tarojs/taro'
import type { MadeFile } from '../../core/views'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const MIME: Record<string, string> = { xlsx: XLSX, jsonl: 'application/jsonl' }

/**
 * A file the server made: downloaded in H5; in the mini-program a workbook opens, other files go to a
 * chat. It comes inline from the hall's own server and as a short-lived cloud storage link in WeChat.
 */
export async function saveFile(file: MadeFile) {
  const { fileName } = file
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1)
  if (process.env.TARO_ENV === 'weapp') {
    let filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
    if ('url' in file) {
      const got = await Taro.downloadFile({ url: file.url, filePath }).catch(() => null)
      if (!got || got.statusCode !== 200) {
        // the storage domain not yet among the mini-program's download domains, or a weak link: the
        // office can still open the file on a computer within the link's ten minutes
        await Taro.setClipboardData({ data: file.url })
        await Taro.showModal({ title: '下载链接已复制', content: '请在 10 分钟内用电脑浏览器打开该链接下载文件。', showCancel: false })
        return
      }
      filePath = got.filePath ?? got.tempFilePath
    } else {
      const data = file.base64
      await new Promise<void>((resolve, reject) =>
        Taro.getFileSystemManager().writeFile({ filePath, data, encoding: 'base64', success: () => resolve(), fail: reject }),
      )
    }
    if (ext === 'xlsx') await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
    else await Taro.shareFileMessage({ filePath, fileName })
    return
  }
  const a = document.createElement('a')
  a.download = fileName
  if ('url' in file) {
    a.href = file.url
    a.click()
    return
  }
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME[ext] ?? 'application/octet-stream' }))
  a.href = url
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** lets the user pick an .xlsx (in the mini-program: from a chat); null when they cancel */
export async function pickWorkbook(): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
      const filePath = picked.tempFiles[0]!.path
      return await new Promise<string>((resolve, reject) =>
        Taro.getFileSystemManager().readFile({ filePath, encoding: 'base64', success: (r) => resolve(r.data as string), fail: reject }),
      )
    } catch {
      return null
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = `.xlsx,${XLSX}`
    input.onchange = async () => {
      const file = input.files?.[0]
      if (!file) return resolve(null)
      const bytes = new Uint8Array(await file.arrayBuffer())
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      resolve(btoa(binary))
    }
    input.click()
  })
}
