// The WeChat content-safety check (security.msgSecCheck) of text citizens write for others to read,
// as the mini-program platform requires. A refusal comes back to the citizen as a clear error; when
// the check itself is unavailable the text is accepted, so a complaint is never lost to an outage.

/** true: the text may be kept */
export type ContentCheck = (text: string, openid: string | undefined) => Promise<boolean>

/** the part of wx-server-sdk used here */
export interface SecurityApi {
  openapi: {
    security: {
      msgSecCheck(options: { content: string; version: 2; scene: 1 | 2 | 3 | 4; openid?: string }): Promise<{ errCode?: number; result?: { suggest?: string } }>
    }
  }
}

/** 87014: the service's code for content that is not allowed */
const RISKY = 87014

export function wechatContentCheck(sdk: SecurityApi, log: (message: string, error?: unknown) => void): ContentCheck {
  return async (text, openid) => {
    try {
      // scene 1: 资料 (text kept and read by others)
      const res = await sdk.openapi.security.msgSecCheck({ content: text, version: 2, scene: 1, openid })
      if (res.errCode === RISKY) return false
      return res.result?.suggest !== 'risky'
    } catch (e) {
      if ((e as { errCode?: number })?.errCode === RISKY) return false
      log('msgSecCheck unavailable; the text was kept', e)
      return true
    }
  }
}
