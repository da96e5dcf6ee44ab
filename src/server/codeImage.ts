// The codes citizens scan: in the cloud a mini-program code (wxacode.getUnlimited) whose scene carries
// what the page needs; self-hosted a QR code (SVG, sharp at any print size) of the H5 link.
import QRCode from 'qrcode'
import { DomainError } from '../core/errors'
import { addressWarning } from '../core/publicAddress'
import type { HandlerContext } from './context'

/** wxacode.getUnlimited takes at most 32 visible characters of scene */
export const SCENE_MAX = 32

export interface CodeImage {
  link: string | null
  image: string | null
  problem: string | null
}

/**
 * The address a self-hosted hall's codes carry: PUBLIC_URL, else the office browser's (`origin`), with
 * what to tell the office before printing when citizens' phones could not open it. The cloud's codes
 * carry no address.
 */
export function codeAddress(ctx: HandlerContext, origin: string | undefined): { base: string; addressWarning: string | null } {
  const base = (ctx.publicUrl ?? origin ?? '').replace(/\/$/, '')
  if (ctx.mode !== 'selfHosted') return { base, addressWarning: null }
  if (!base) throw new DomainError('INVALID_INPUT', '请设置大厅的公开访问地址（PUBLIC_URL）', { field: 'origin' })
  return { base, addressWarning: addressWarning(base, !!ctx.publicUrl) }
}

/** `page` without a leading slash, e.g. pages/entry/index; `base` the hall's public address (self-hosted) */
export async function codeImage(ctx: HandlerContext, scene: string, page: string, base: string, tooLong: string): Promise<CodeImage> {
  if (ctx.mode === 'cloud') {
    if (scene.length > SCENE_MAX || !ctx.wxacode) return { link: null, image: null, problem: scene.length > SCENE_MAX ? tooLong : '小程序码服务不可用' }
    try {
      const png = await ctx.wxacode(scene, page)
      return { link: null, image: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, problem: null }
    } catch {
      return { link: null, image: null, problem: '生成小程序码失败，请稍后再试' }
    }
  }
  const link = `${base}/#/${page}?scene=${encodeURIComponent(scene)}`
  const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, width: 480 })
  return { link, image: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, problem: null }
}
