// What to tell a user when the camera or album could not be opened (no Taro here: tested in node).

/** the camera or album could not be opened: what to tell the user, or null when they only cancelled */
export function mediaError(e: unknown): string | null {
  const msg = String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? e)
  if (/cancel/i.test(msg)) return null
  if (/privacy|104|112/i.test(msg)) return '您未同意隐私保护指引，暂时无法选择照片；同意后即可上传'
  if (/auth deny|authorize|permission/i.test(msg)) return '无法使用相机或相册，请在微信设置中允许首问通使用后再试'
  return '无法打开相机或相册，请稍后再试'
}
