// Spreadsheets in and out of the app: a workbook the server made is downloaded (H5) or opened for
// sharing (mini-program); a workbook the user picks is read as base64 for the API.
import Taro from '@tarojs/taro'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const MIME: Record<string, string> = { xlsx: XLSX, jsonl: 'application/jsonl' }

/** a file the server made: downloaded in H5; in the mini-program a workbook opens, other files go to a chat */
export async function saveFile(fileName: string, base64: string) {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1)
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
    await new Promise<void>((resolve, reject) =>
      Taro.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(), fail: reject }),
    )
    if (ext === 'xlsx') await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
    else await Taro.shareFileMessage({ filePath, fileName })
    return
  }
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME[ext] ?? 'application/octet-stream' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
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
