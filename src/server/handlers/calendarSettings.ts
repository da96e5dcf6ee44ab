// 工作日历 for the hall office: the year's holidays and make-up working days (调休) from the State
// Council's notice, and the hall's own days (a rest day for a local holiday, a working day for an
// extended service). A year without official data is flagged, since every time limit depends on it
// (the notice for the next year often comes late in the year). Changes are audited.
import { shanghaiDate } from '../../core/calendar'
import type { CalendarView } from '../../core/views'
import { audit, staffActor } from '../audit'
import { requireOffice } from '../authorize'
import { loadHallContext } from '../hallContext'
import type { Handler, HandlerContext } from '../context'

const OFFICE_ONLY = '只有政务服务科可以维护工作日历'

async function view(ctx: HandlerContext, hallId: string, year: number): Promise<CalendarView> {
  const { calendar } = await loadHallContext(ctx.store, hallId, 'current')
  const info = calendar.yearInfo(year)
  const nextYear = Number(shanghaiDate(ctx.now).slice(0, 4)) + 1
  return {
    year,
    hasOfficialData: info.hasOfficialData,
    holidays: info.holidays,
    makeupWorkdays: info.makeupWorkdays,
    overrides: info.overrides,
    warning: !calendar.hasOfficialData(nextYear)
      ? `尚无 ${nextYear} 年国务院节假日安排数据：请在通知发布后按通知录入 ${nextYear} 年的放假日和调休上班日，否则跨年的办理时限将按普通周末计算。`
      : null,
  }
}

export const calendarSettings: Handler<'calendarSettings'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  return view(ctx, me.hallId, input.year ?? Number(shanghaiDate(ctx.now).slice(0, 4)))
}

export const saveCalendarDay: Handler<'saveCalendarDay'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  await ctx.store.putCalendarOverride(me.hallId, { date: input.date, kind: input.kind, note: input.note })
  await audit(
    ctx.store,
    { hallId: me.hallId, actor: staffActor(me), action: 'calendar.set', target: `day:${input.date}`, detail: { kind: input.kind, note: input.note } },
    ctx.now,
  )
  return view(ctx, me.hallId, Number(input.date.slice(0, 4)))
}

export const removeCalendarDay: Handler<'removeCalendarDay'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  await ctx.store.removeCalendarOverride(me.hallId, input.date)
  await audit(ctx.store, { hallId: me.hallId, actor: staffActor(me), action: 'calendar.remove', target: `day:${input.date}`, detail: {} }, ctx.now)
  return view(ctx, me.hallId, Number(input.date.slice(0, 4)))
}
