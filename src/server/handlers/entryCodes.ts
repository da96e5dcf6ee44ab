// The hall's and each window's QR code for citizens to scan (000 §10: the first-responder promise and
// the window's scope on the poster). Cloud: a mini-program code from wxacode.getUnlimited whose scene
// carries hall and window; self-hosted: a QR code (SVG) of the H5 entry link.
import QRCode from 'qrcode'
import { DEFAULT_HOURS, describeHours } from '../../core/hours'
import { DomainError } from '../../core/errors'
import { formatScene } from '../../core/schemas'
import { requireStaff } from '../authorize'
import { loadDirectory } from '../directory'
import { loadHallContext } from '../hallContext'
import type { Handler } from '../context'

/** wxacode.getUnlimited takes at most 32 visible characters of scene */
const SCENE_MAX = 32
export const ENTRY_PAGE = 'pages/entry/index'

export const entryCodes: Handler<'entryCodes'> = async (ctx, input) => {
  const me = requireStaff(ctx)
  if (me.role !== 'office') throw new DomainError('FORBIDDEN', '二维码由政务服务科生成和张贴')
  const [{ hall, policy }, dir] = await Promise.all([loadHallContext(ctx.store, me.hallId, 'current'), loadDirectory(ctx.store, me.hallId)])
  const base = (ctx.publicUrl ?? input.origin ?? '').replace(/\/$/, '')
  if (ctx.mode === 'selfHosted' && !base) throw new DomainError('INVALID_INPUT', '请设置大厅的公开访问地址（PUBLIC_URL）', { field: 'origin' })

  const targets = [{ windowId: null as string | null, name: hall.name, number: '', scope: '请选择窗口或搜索事项' }].concat(
    [...dir.windows.values()].filter((w) => w.active).map((w) => ({ windowId: w.id, name: w.name, number: w.number, scope: w.scope })),
  )
  const codes = []
  for (const t of targets) {
    const scene = formatScene({ hallId: hall.id, ...(t.windowId ? { windowId: t.windowId } : {}) })
    if (ctx.mode === 'cloud') {
      if (scene.length > SCENE_MAX || !ctx.wxacode) {
        codes.push({
          ...t,
          link: null,
          image: null,
          problem: scene.length > SCENE_MAX ? '大厅编号与窗口编号合计过长，无法生成小程序码，请缩短窗口编号' : '小程序码服务不可用',
        })
        continue
      }
      try {
        const png = await ctx.wxacode(scene, ENTRY_PAGE)
        codes.push({ ...t, link: null, image: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, problem: null })
      } catch {
        codes.push({ ...t, link: null, image: null, problem: '生成小程序码失败，请稍后再试' })
      }
    } else {
      const link = `${base}/#/${ENTRY_PAGE}?scene=${encodeURIComponent(scene)}`
      // SVG: sharp at any poster size
      const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, width: 480 })
      codes.push({ ...t, link, image: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, problem: null })
    }
  }
  return {
    hallName: hall.name,
    supervisionPhone: hall.supervisionPhone,
    hours: describeHours(hall.hours ?? DEFAULT_HOURS),
    replyDays: policy.limits.reply.value,
    codes,
  }
}
