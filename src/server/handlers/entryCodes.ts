// The hall's and each window's QR code for citizens to scan (000 §10: the first-responder promise and
// the window's scope on the poster). Cloud: a mini-program code from wxacode.getUnlimited whose scene
// carries hall and window; self-hosted: a QR code (SVG) of the H5 entry link.
import { DEFAULT_HOURS, describeHours } from '../../core/hours'
import { DomainError } from '../../core/errors'
import { formatScene } from '../../core/schemas'
import { requireStaff } from '../authorize'
import { loadDirectory } from '../directory'
import { loadHallContext } from '../hallContext'
import type { Handler } from '../context'
import { codeAddress, codeImage } from '../codeImage'

export const ENTRY_PAGE = 'pages/entry/index'

export const entryCodes: Handler<'entryCodes'> = async (ctx, input) => {
  const me = requireStaff(ctx)
  if (me.role !== 'office') throw new DomainError('FORBIDDEN', '二维码由政务服务科生成和张贴')
  const [{ hall, policy }, dir] = await Promise.all([loadHallContext(ctx.store, me.hallId, 'current'), loadDirectory(ctx.store, me.hallId)])
  const { base, addressWarning } = codeAddress(ctx, input.origin)

  const targets = [{ windowId: null as string | null, name: hall.name, number: '', scope: '请选择窗口或搜索事项' }].concat(
    [...dir.windows.values()].filter((w) => w.active).map((w) => ({ windowId: w.id, name: w.name, number: w.number, scope: w.scope })),
  )
  const codes = []
  for (const t of targets) {
    const scene = formatScene({ hallId: hall.id, ...(t.windowId ? { windowId: t.windowId } : {}) })
    codes.push({ ...t, ...(await codeImage(ctx, scene, ENTRY_PAGE, base, '大厅编号与窗口编号合计过长，无法生成小程序码，请缩短窗口编号')) })
  }
  return {
    addressWarning,
    hallName: hall.name,
    supervisionPhone: hall.supervisionPhone,
    hours: describeHours(hall.hours ?? DEFAULT_HOURS),
    replyDays: policy.limits.reply.value,
    codes,
  }
}
