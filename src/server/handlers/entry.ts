import { DomainError } from '../../core/errors'
import { parseScene } from '../../core/schemas'
import { publicHall, publicWindow } from '../caseView'
import { faqView, matterView } from '../catalog'
import { loadHallContext } from '../hallContext'
import type { Handler } from '../context'

/**
 * The QR entry: the scene carries the hall and optionally the window. An unknown or malformed scene
 * is NOT_FOUND; when the hall is known its contact comes along so the page can show it.
 */
export const entry: Handler<'entry'> = async (ctx, input) => {
  const scene = parseScene(input.scene)
  if (!scene) throw new DomainError('NOT_FOUND', '二维码无效，请扫描大厅或窗口张贴的二维码', { field: 'scene' })
  const known = await ctx.store.getHall(scene.hallId)
  if (!known) throw new DomainError('NOT_FOUND', '二维码无效：找不到这个大厅', { field: 'scene' })
  // the promises shown to citizens come from the hall's policy
  const { hall, policy } = await loadHallContext(ctx.store, known.id, 'current')
  const windows = (await ctx.store.listWindows(hall.id)).filter((w) => w.active)
  let window = null
  if (scene.windowId) {
    const found = windows.find((w) => w.id === scene.windowId)
    if (!found) {
      throw new DomainError('NOT_FOUND', '二维码无效：这个窗口不存在或已停用', {
        field: 'scene',
        hall: publicHall(hall),
      })
    }
    window = publicWindow(found)
  }
  // 003: the public list of matters, each with its window; a matter of a closed window is not offered
  const open = new Set(windows.map((w) => w.id))
  const matters = (await ctx.store.listMatters(hall.id)).filter((m) => m.active && open.has(m.windowId)).map(matterView)
  // answers published from consults of open windows (core/faq.ts)
  const faqs = (await ctx.store.listFaqs(hall.id))
    .filter((f) => open.has(f.windowId))
    .slice(0, 200)
    .map(faqView)
  const subscribeTemplate = ctx.mode === 'cloud' ? (ctx.templates.citizen ?? null) : null
  return {
    hall: publicHall(hall),
    window,
    windows: windows.map(publicWindow),
    matters,
    faqs,
    subscribeTemplate,
    limits: { reply: policy.limits.reply.value, complaint: policy.limits.complaint.value },
  }
}
