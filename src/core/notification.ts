// Who is told what, when a case moves (docs/DESIGN.md "Clocks", issue: reminders, breaches, urges): the
// responsible person before a due time, the lead and the hall office at a breach, the citizen when
// something they wait for happens. Pure: the server writes these in the same transaction as the
// events, keyed by case, event and recipient, so every notice exists once.
import { formatShanghai } from './calendar'
import { CLOCK_LABELS, clockDuty } from './clock'
import { pendingReport } from './caseMachine'
import { UP_REASONS } from './reportUp'
import type { CaseState } from './caseState'
import type { CaseEvent, ClockKind } from './events'

export type Recipient = { kind: 'staff'; id: string } | { kind: 'citizen'; id: string }
export type NotificationKind = 'reminder' | 'breach' | 'urge' | 'progress' | 'task'

export interface Notification {
  /** `<caseId>:<event seq>:<recipient>`: one notice per event and person */
  key: string
  hallId: string
  caseId: string
  caseNo: string
  recipient: Recipient
  kind: NotificationKind
  title: string
  body: string
  at: string
  /** a caller who has no app yet: the hall's SMS gateway texts this number (core/registration.ts) */
  phone?: string
}

export interface People {
  /** the window's leads (窗口负责人 / 首席代表) */
  leadsOf(windowId: string): string[]
  /** the hall office (政务服务科) */
  office: string[]
}

/** 10月9日 17:30, in the hall's time */
export function formatShort(iso: string): string {
  const m = formatShanghai(new Date(iso)).match(/^\d{4}-(\d{2})-(\d{2})T(\d{2}:\d{2})/)
  return m ? `${Number(m[1])}月${Number(m[2])}日 ${m[3]}` : iso
}

const what = (s: CaseState) => (s.kind === 'consult' ? '咨询' : '办件')

export function notificationsFor(events: CaseEvent[], state: CaseState, people: People): Notification[] {
  const out: Notification[] = []
  for (const e of events) {
    const add = (recipient: Recipient, kind: NotificationKind, title: string, body: string) => {
      if (!recipient.id || (e.actor.kind !== 'system' && recipient.id === e.actor.id)) return
      const key = `${state.id}:${e.seq}:${recipient.kind}:${recipient.id}`
      if (out.some((n) => n.key === key)) return
      out.push({ key, hallId: state.hallId, caseId: state.id, caseNo: state.no, recipient, kind, title, body, at: e.at })
    }
    const staff = (id: string) => ({ kind: 'staff', id }) as const
    const citizen = { kind: 'citizen', id: state.citizenId } as const
    // who answers for the case now: its handler, or the window's leads while nobody holds it
    const responsible = state.handlerId ? [state.handlerId] : people.leadsOf(state.windowId)
    // the receiver of a slip this event withdrew is told they no longer take the case (000 §5.1)
    const slipWithdrawn = (at: string, newHolder: string, why: string) => {
      const slip = state.handovers.find((h) => h.withdrawnAt === at)
      if (slip && slip.toStaffId !== newHolder) {
        add(staff(slip.toStaffId), 'task', '交接单已撤回', `${state.no}：${why}，交接单 ${slip.slipNo} 已撤回，您无需再阅知`)
      }
    }

    // whose duty a clock is: the joint plan the lead window's lead's, a forward the hall office's
    const dutyOf = (kind: ClockKind) => {
      const duty = clockDuty(kind, pendingReport(state)?.to ?? [...(state.reports ?? [])].reverse()[0]?.to)
      return duty === 'office' ? people.office : duty === 'windowLead' ? people.leadsOf(state.windowId) : responsible
    }

    switch (e.type) {
      case 'reminded': {
        const clock = state.clocks.find((c) => c.kind === e.payload.clockKind && !c.metAt)
        const due = clock ? formatShort(clock.dueAt) : ''
        const title = `${CLOCK_LABELS[e.payload.clockKind]}${e.payload.level === 'half' ? '已过半' : '即将到期'}`
        for (const id of dutyOf(e.payload.clockKind)) add(staff(id), 'reminder', title, `${state.no}：请于 ${due} 前办理`)
        break
      }
      case 'clockBreached': {
        const label = CLOCK_LABELS[e.payload.clockKind]
        const body = `${state.no}：${label}已超过，已列入督办`
        for (const id of new Set([...dutyOf(e.payload.clockKind), ...people.leadsOf(state.windowId), ...people.office]))
          add(staff(id), 'breach', '案件超时', body)
        add(citizen, 'breach', '办理超时，深表歉意', `很抱歉，您的${what(state)} ${state.no} 未能在时限内办结，窗口负责人和政务服务科已督办，将尽快为您办理。`)
        break
      }
      case 'urged': {
        const by = e.actor.kind === 'citizen' ? '市民' : e.actor.kind === 'staff' ? e.actor.name : '系统'
        const note = e.payload.note ? `：${e.payload.note}` : ''
        const to = e.payload.targetWindowId ? people.leadsOf(e.payload.targetWindowId) : responsible
        for (const id of to) add(staff(id), 'urge', `${by}催办`, `${state.no}${note}`)
        break
      }
      case 'replied':
        // the rating invitation (好差评) comes with the answer
        add(citizen, 'progress', `您的咨询已答复`, `${state.no}：请查看答复内容，并对本次服务作出评价`)
        break
      case 'supplementNoticeIssued':
        add(citizen, 'progress', '请补正材料', `${state.no}：需补正 ${e.payload.items.length} 项材料，备齐后请告诉我们`)
        break
      case 'accepted':
        // 004 服务承诺 §3: the citizen is told the promised limit, and why when it is not the published one
        if (e.payload.mode === 'promised') {
          const why = e.payload.limitReason ? `；与事项清单公布的时限不同，理由：${e.payload.limitReason}` : ''
          add(citizen, 'progress', '您的申请已受理', `${state.no}：承诺 ${e.payload.limitDays ?? ''} 个工作日内办结${why}`)
        }
        break
      case 'completed':
        add(citizen, 'progress', '您的办件已办结', `${state.no}：${e.payload.result}。欢迎对本次服务作出评价`)
        break
      case 'refused':
        add(citizen, 'progress', '办理结果通知', `${state.no}：不予办理，请查看理由和依据，并可对本次服务作出评价`)
        break
      case 'referred':
        add(citizen, 'progress', '请到其他窗口办理', `${state.no}：${e.payload.note}`)
        break
      case 'extended':
        add(citizen, 'progress', '办理时限已延长', `${state.no}：延长 ${e.payload.days} 个工作日，原因：${e.payload.reason}`)
        break
      case 'extensionRequested':
        // the approver the rules name: the window lead or the hall office
        for (const id of new Set([...people.leadsOf(state.windowId), ...people.office]))
          add(staff(id), 'task', '延期申请待您审批', `${state.no}：申请延长 ${e.payload.days} 个工作日，理由：${e.payload.reason}`)
        break
      case 'extensionDecided': {
        const request = [...(state.extensionRequests ?? [])].reverse().find((r) => r.decision?.at === e.at)
        if (request)
          add(staff(request.by), 'task', e.payload.granted ? '延期申请已批准' : '延期申请未获批准', `${state.no}${e.payload.note ? `：${e.payload.note}` : ''}`)
        // 004 服务承诺 §3: the citizen is told the new limit and why, before the old one lapses
        if (request && e.payload.granted) add(citizen, 'progress', '办理时限已延长', `${state.no}：延长 ${request.days} 个工作日，原因：${request.reason}`)
        break
      }
      case 'reportedUp': {
        const body = `${state.no}：${UP_REASONS[e.payload.reason].label}。${e.payload.detail}`
        // 000 §6: a serious or urgent matter goes to the window lead and the hall office both
        const to =
          e.payload.reason === 'seriousOrUrgent'
            ? [...people.leadsOf(state.windowId), ...people.office]
            : e.payload.to === 'office'
              ? people.office
              : people.leadsOf(state.windowId)
        for (const id of new Set(to)) add(staff(id), 'task', '有案件上报待您答复', body)
        break
      }
      case 'reportAnswered': {
        const report = (state.reports ?? []).find((r) => r.answer?.at === e.at)
        if (report) add(staff(report.by), 'task', '上报已答复', `${state.no}：${e.payload.answer}`)
        break
      }
      case 'jointPlanRecorded':
        for (const w of e.payload.coWindowIds)
          for (const id of people.leadsOf(w)) add(staff(id), 'task', '共同办理方案已商定，请确认本窗口承办部分', `${state.no}：${e.payload.plan}`)
        break
      case 'jointPartConfirmed':
        for (const id of state.handlerId ? [state.handlerId, ...people.leadsOf(state.windowId)] : people.leadsOf(state.windowId))
          add(staff(id), 'task', '协办窗口已确认承办部分', `${state.no}：${e.payload.part}`)
        break
      case 'jointDisputeReported':
        for (const id of people.office) add(staff(id), 'task', '共同办理争议待您裁定', `${state.no}：${e.payload.items}`)
        break
      case 'jointDisputeDecided':
        for (const w of [state.windowId, ...(state.joint?.coWindowIds ?? [])])
          for (const id of people.leadsOf(w)) add(staff(id), 'task', '共同办理争议已裁定', `${state.no}：${e.payload.decision}`)
        if (state.handlerId) add(staff(state.handlerId), 'task', '共同办理争议已裁定', `${state.no}：${e.payload.decision}`)
        break
      case 'handoverCreated':
        add(staff(e.payload.toStaffId), 'task', '有交接单待您阅知', `${state.no}：${e.payload.reason}`)
        break
      case 'assigned':
        add(staff(e.payload.staffId), 'task', '窗口负责人为您分配了案件', state.no)
        slipWithdrawn(e.at, e.payload.staffId, '窗口负责人已将本案另行指派')
        break
      case 'takenOver':
        if (e.payload.previousId) add(staff(e.payload.previousId), 'task', '案件已由窗口负责人接手', `${state.no}：${e.payload.reason}`)
        slipWithdrawn(e.at, e.payload.staffId, '窗口负责人已接手本案')
        break
      case 'jointReported':
        for (const id of people.leadsOf(state.windowId)) add(staff(id), 'task', '共同办理待您商定方案', `${state.no}：${e.payload.note}`)
        // 002 首问（办）负责 §4(2): the co-windows are informed, and the record shows it
        for (const w of e.payload.coWindowIds)
          for (const id of people.leadsOf(w)) add(staff(id), 'task', '其他窗口牵头的共同办理，请配合商定方案', `${state.no}：${e.payload.note}`)
        break
      case 'rated': {
        const r = (state.ratings ?? []).find((x) => x.at === e.at && x.round === state.round)
        if (r?.bad) {
          for (const id of people.leadsOf(state.windowId)) add(staff(id), 'task', '差评待核查整改', `${state.no}：${e.payload.text}`)
        }
        break
      }
      case 'rectified':
        add(citizen, 'progress', '您的评价已核查整改', `${state.no}：${e.payload.measures}`)
        break
      default:
        break
    }
  }
  return out
}
