// Times as people in the hall read them: Beijing time, 11月25日 17:30.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
const beijing = (iso: string) => dayjs(iso).utcOffset(480)

export const formatTime = (iso: string): string => beijing(iso).format('M月D日 HH:mm')
export const formatDateTime = (iso: string): string => beijing(iso).format('YYYY年M月D日 HH:mm')

export const CLOCK_STATE_LABEL = { running: '进行中', paused: '已暂停', met: '已完成', breached: '已超时' } as const
export const REPLY_MODE_LABEL = { onTheSpot: '当场答复', timed: '限时答复' } as const
