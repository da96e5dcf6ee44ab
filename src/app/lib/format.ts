// Times as people in the hall read them: Beijing time, 11月25日 17:30.
const pad = (n: number) => String(n).padStart(2, '0')

function parts(iso: string) {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000)
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() }
}

export function formatTime(iso: string): string {
  const p = parts(iso)
  return `${p.m}月${p.d}日 ${pad(p.h)}:${pad(p.min)}`
}

export function formatDateTime(iso: string): string {
  const p = parts(iso)
  return `${p.y}年${p.m}月${p.d}日 ${pad(p.h)}:${pad(p.min)}`
}

/** a remaining time in plain words: 「还剩 2 天 3 小时」 or 「已超时 5 小时」 */
export function remaining(dueIso: string, now = Date.now()): string {
  const ms = Date.parse(dueIso) - now
  const abs = Math.abs(ms)
  const days = Math.floor(abs / 86_400_000)
  const hours = Math.floor((abs % 86_400_000) / 3_600_000)
  const text = days > 0 ? `${days} 天 ${hours} 小时` : hours > 0 ? `${hours} 小时` : `${Math.max(1, Math.floor(abs / 60_000))} 分钟`
  return ms >= 0 ? `还剩 ${text}` : `已超时 ${text}`
}

export const CLOCK_STATE_LABEL = { running: '进行中', paused: '已暂停', met: '已完成', breached: '已超时' } as const
export const REPLY_MODE_LABEL = { onTheSpot: '当场答复', timed: '限时答复' } as const
