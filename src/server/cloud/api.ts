// The `api` cloud function: the mini-program's one entry. The caller's identity is the OPENID of the
// cloud context, never a field of the payload. It creates no collections: `shouwen cloud deploy` (or
// `setup`) has, so a citizen's first call does not wait on the migration nor cache its failure.
import cloud from 'wx-server-sdk'
import { createApi, type Api } from '../api'
import type { Identity } from '../identity'
import { createCloudbaseStore, type CloudDatabase } from '../store/cloudbase'
import { notifyConfig } from '../notify/config'
import { cloudFiles, type CloudFiles } from '../files'
import { wechatContentCheck, type SecurityApi } from '../contentCheck'

let api: Api | null = null

function instance(): Api {
  if (!api) {
    // the SDK's typings miss that DYNAMIC_CURRENT_ENV is a symbol
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    const store = createCloudbaseStore(cloud.database() as unknown as CloudDatabase)
    const { channels, templates } = notifyConfig(process.env, 'cloud')
    const log = (message: string, error?: unknown) => console.error(message, error)
    const files = cloudFiles(cloud as unknown as CloudFiles, log)
    const contentCheck = wechatContentCheck(cloud as unknown as SecurityApi, log)
    const wxacode = async (scene: string, page: string) => {
      const res = (await (cloud as unknown as WxacodeApi).openapi.wxacode.getUnlimited({ scene, page, width: 430, checkPath: false })) as { buffer: Uint8Array }
      return res.buffer
    }
    api = createApi({ store, now: () => new Date(), demo: false, mode: 'cloud', channels, templates, files, contentCheck, wxacode, log })
  }
  return api
}

/** the part of wx-server-sdk that makes mini-program codes */
interface WxacodeApi {
  openapi: { wxacode: { getUnlimited(options: { scene: string; page: string; width: number; checkPath: boolean }): Promise<unknown> } }
}

export async function main(event: Record<string, unknown>) {
  const a = instance()
  const { OPENID } = cloud.getWXContext()
  const identity: Identity = { citizenId: OPENID ? `wx:${OPENID}` : null, staffId: null, openid: OPENID || undefined }
  // CloudBase adds the caller's userInfo to the event; it is not input
  const { userInfo: _userInfo, ...call } = event
  return a.call(identity, call)
}
