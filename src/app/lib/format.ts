// Times as people in the hall read them: Beijing time, 11月25日 17:30.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
const beijing = (iso: string) => dayjs(iso).utcOffset(480)

export const formatTime = (iso: string): string => beijing(iso).format('M月D日 HH:mm')
export const formatDateTime = (iso: string): string => beijing(iso).format('YYYY年M月D日 HH:mm')

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
