// The handling of a complaint (docs/DESIGN.md "Ratings and complaints"): the hall office handles it within
// 15 working days (002 限时办结 §7), may extend it with the approval of the leader in charge, records the
// finding and its answer; the citizen sees the outcome and rates the handling. A verified complaint
// costs the staff member found responsible (004 三(一)(5)) and reopens the case it is about. Pure: every
// change returns a new complaint.
import type { WorkCalendar } from './calendar'
import { formatShanghai } from './calendar'
import { breachClock, extendClock, meetClock, startClock } from './clock'
import {
  COMPLAINT_FINDING_LABELS,
  COMPLAINT_TOPIC_LABELS,
  type Complaint,
  type ComplaintFinding,
  type ComplaintInput,
  type ComplaintStep,
  type ComplaintIntake,
  COMPLAINT_CHANNEL_LABELS,
} from './complaint'
import { fail, ok, type Result } from './errors'
import { formatShort, type Notification, type NotificationKind, type People, type Recipient } from './notification'
import type { Policy } from './policy'
import { nextActionTime, sweepEvents, type ReminderLevel } from './sweep'
import { RATING_LABELS, type RatingLevel } from './rating'

export interface ComplaintContext {
  policy: Policy
  calendar: WorkCalendar
}

/** 002 限时办结 §7: 15 working days from filing (the hall's policy may differ) */
export function fileComplaint(
  input: Omit<ComplaintInput, 'requestId' | 'hallId'> & { id: string; no: string; hallId: string; citizenId: string; requestId: string },
  about: { windowId: string | null; staffId: string | null; caseNo: string | null },
  at: Date,
  ctx: ComplaintContext,
  intake?: ComplaintIntake,
): Complaint {
  const when = formatShanghai(at)
  // 002 限时办结 第七条: a registered call's or letter's 15 working days run from its receipt
  const received = intake ? new Date(intake.receivedAt) : at
  return {
    id: input.id,
    no: input.no,
    hallId: input.hallId,
    citizenId: input.citizenId,
    requestId: input.requestId,
    contact: input.contact,
    target: input.target,
    windowId: about.windowId,
    staffId: about.staffId,
    caseNo: about.caseNo,
    topic: input.topic,
    text: input.text.trim(),
    attachments: input.attachments,
    filedAt: when,
    status: 'open',
    clock: startClock('complaint', received, ctx.policy.limits.complaint.value, ctx.calendar),
    extension: null,
    finding: null,
    responsibleStaffId: null,
    answer: null,
    answeredAt: null,
    answeredBy: null,
    reopenedCase: false,
    satisfaction: null,
    ...(intake ? { intake } : {}),
    steps: [
      {
        at: when,
        type: 'filed',
        by: intake?.registeredBy ?? input.citizenId,
        text: `${intake ? `${COMPLAINT_CHANNEL_LABELS[intake.channel]}登记 · ` : ''}${COMPLAINT_TOPIC_LABELS[input.topic]}：${input.text.trim()}`,
      },
    ],
    version: 1,
  }
}

const step = (c: Complaint, s: ComplaintStep, change: Partial<Complaint>): Complaint => ({ ...c, ...change, steps: [...c.steps, s], version: c.version + 1 })

/**
 * 002 限时办结 §7 「情况复杂的，经分管领导批准，可适当延长」: once, before the due time, with the reason and
 * the approving leader recorded; at most one more period of the complaint limit.
 */
export function extendComplaint(
  c: Complaint,
  x: { days: number; reason: string; approvedBy: string },
  by: string,
  at: Date,
  ctx: ComplaintContext,
): Result<Complaint> {
  if (c.status !== 'open') return fail('CONFLICT', '投诉已答复，不能再延期')
  if (c.extension) return fail('CONFLICT', '这件投诉已经延期过一次', { extension: c.extension })
  if (!x.approvedBy.trim()) return fail('INVALID_INPUT', '请填写批准延期的分管领导', { field: 'approvedBy' })
  const clock = extendClock(c.clock, at, x.days, x.reason, by, ctx.policy.limits.complaint.value, ctx.calendar)
  if (!clock.ok) return clock
  const when = formatShanghai(at)
  return ok(
    step(
      c,
      { at: when, type: 'extended', by, text: `经${x.approvedBy.trim()}批准延期 ${x.days} 个工作日：${x.reason.trim()}` },
      {
        clock: clock.value,
        extension: { days: x.days, reason: x.reason.trim(), approvedBy: x.approvedBy.trim(), at: when, by },
      },
    ),
  )
}

/** the finding and the answer to the citizen; a verified complaint names who is responsible (004) */
export function answerComplaint(
  c: Complaint,
  x: { finding: ComplaintFinding; answer: string; responsibleStaffId: string | null; reopenedCase: boolean },
  by: string,
  at: Date,
): Result<Complaint> {
  if (c.status !== 'open') return fail('CONFLICT', '这件投诉已经答复过了', { answeredAt: c.answeredAt })
  if (x.answer.trim().length < 10) return fail('INVALID_INPUT', '请写明调查核实的情况和处理结果，至少 10 个字', { field: 'answer' })
  if (x.finding === 'verified' && !x.responsibleStaffId) {
    return fail('INVALID_INPUT', '投诉属实的，请选择负有责任的工作人员', { field: 'responsibleStaffId' })
  }
  const met = meetClock(c.clock, at)
  if (!met.ok) return met
  const when = formatShanghai(at)
  return ok(
    step(
      c,
      { at: when, type: 'answered', by, text: `${COMPLAINT_FINDING_LABELS[x.finding]}。${x.answer.trim()}` },
      {
        status: 'answered',
        clock: met.value,
        finding: x.finding,
        responsibleStaffId: x.finding === 'verified' ? x.responsibleStaffId : null,
        answer: x.answer.trim(),
        answeredAt: when,
        answeredBy: by,
        reopenedCase: x.reopenedCase,
      },
    ),
  )
}

/** the citizen rates how the complaint was handled, once, after the answer */
export function rateComplaintHandling(c: Complaint, x: { level: number; text: string }, at: Date): Result<Complaint> {
  if (c.status !== 'answered') return fail('CONFLICT', '投诉答复后才能评价处理情况')
  if (c.satisfaction) return fail('CONFLICT', '您已经评价过了', { satisfaction: c.satisfaction })
  const level = x.level as RatingLevel
  const when = formatShanghai(at)
  return ok(
    step(
      c,
      { at: when, type: 'rated', by: c.citizenId, text: `${RATING_LABELS[level]}${x.text.trim() ? `：${x.text.trim()}` : ''}` },
      {
        satisfaction: { level, text: x.text.trim(), at: when },
      },
    ),
  )
}

/** the 004 deduction source: verified complaints answered in the month, against the responsible person */
export function verifiedComplaints(list: Complaint[]): Array<{ caseId: string | null; caseNo: string; staffId: string; at: string }> {
  return list
    .filter((c) => c.finding === 'verified' && c.responsibleStaffId && c.answeredAt)
    .map((c) => ({ caseId: c.target.kind === 'case' ? c.target.caseId : null, caseNo: c.caseNo ?? c.no, staffId: c.responsibleStaffId!, at: c.answeredAt! }))
}

/**
 * Who hears of the complaint's latest step: a new complaint goes to the hall office; an extension and
 * the answer to the citizen; a verified finding also to the person found responsible and their window's
 * leads (for rectification); the citizen's rating of the handling to the hall office.
 */
export function complaintNotifications(c: Complaint, people: People): Notification[] {
  const last = c.steps[c.steps.length - 1]!
  const out: Notification[] = []
  // a complainant who called is told by text through the hall's gateway, when the number is a mobile one
  const textTo = c.intake?.channel === 'phone' && /^1\d{10}$/.test(c.contact.phone) ? c.contact.phone : null

  const add = (recipient: Recipient, kind: NotificationKind, title: string, body: string) => {
    const key = `${c.id}:${c.version}:${recipient.kind}:${recipient.id}`
    if (!recipient.id || recipient.id === last.by || out.some((n) => n.key === key)) return
    out.push({
      key,
      hallId: c.hallId,
      caseId: c.id,
      caseNo: c.no,
      recipient,
      kind,
      title,
      body,
      at: last.at,
      ...(recipient === citizen && textTo ? { phone: textTo } : {}),
    })
  }
  const citizen: Recipient = { kind: 'citizen', id: c.citizenId }
  const staff = (id: string): Recipient => ({ kind: 'staff', id })
  switch (last.type) {
    case 'filed':
      for (const id of people.office)
        add(staff(id), 'task', '新的投诉待处理', `${c.no}（${COMPLAINT_TOPIC_LABELS[c.topic]}）：请于 ${formatShort(c.clock.dueAt)} 前调查处理并答复`)
      break
    case 'extended':
      add(citizen, 'progress', '投诉办理期限已延长', `您的投诉 ${c.no} 情况较复杂，经批准延期 ${c.extension?.days ?? 0} 个工作日：${c.extension?.reason ?? ''}`)
      break
    case 'answered':
      add(citizen, 'progress', '投诉已答复', `您的投诉 ${c.no} 已有处理结果，请查看并对处理情况进行评价。`)
      if (c.finding === 'verified' && c.responsibleStaffId) {
        add(staff(c.responsibleStaffId), 'task', '投诉经核实属实', `${c.no}：${COMPLAINT_TOPIC_LABELS[c.topic]}，请认真整改`)
        for (const id of c.windowId ? people.leadsOf(c.windowId) : [])
          add(staff(id), 'task', '本窗口投诉经核实属实', `${c.no}：${COMPLAINT_TOPIC_LABELS[c.topic]}，请督促整改`)
      }
      break
    case 'rated':
      for (const id of people.office)
        add(staff(id), 'progress', '投诉人已评价处理情况', `${c.no}：${c.satisfaction ? RATING_LABELS[c.satisfaction.level] : ''}`)
      break
  }
  return out
}

/** the complaint with the time the sweep next has to look at it */
export function withNextAction(c: Complaint, ctx: ComplaintContext): Complaint {
  const next = c.status === 'open' ? nextActionTime([c.clock], ctx.policy, ctx.calendar) : null
  return { ...c, nextActionAt: next ? formatShanghai(next) : null }
}

/**
 * What the sweep does for an open complaint at `now` (002 限时办结 §7): remind the hall office at the
 * policy's milestones, and at the due time record the breach — on the complaint's record, to the hall
 * office, and to the citizen with an apology. Null when nothing is due; each reminder and the breach
 * happen once (the clock keeps what was sent).
 */
export function sweepComplaint(c: Complaint, now: Date, people: People, ctx: ComplaintContext): { complaint: Complaint; notifications: Notification[] } | null {
  if (c.status !== 'open') return null
  const body = sweepEvents([c.clock], now, ctx.policy, ctx.calendar, { staffId: null, windowId: c.windowId ?? '' })[0]
  if (!body) return null
  const at = formatShanghai(now)
  const notices: Notification[] = []
  const add = (recipient: Recipient, kind: NotificationKind, title: string, text: string, tag: string) =>
    notices.push({
      key: `${c.id}:${tag}:${recipient.kind}:${recipient.id}`,
      hallId: c.hallId,
      caseId: c.id,
      caseNo: c.no,
      recipient,
      kind,
      title,
      body: text,
      at,
    })
  if (body.type === 'reminded') {
    const level = body.payload.level as ReminderLevel
    const next = withNextAction({ ...c, clock: { ...c.clock, reminded: [...(c.clock.reminded ?? []), level] }, version: c.version + 1 }, ctx)
    for (const id of people.office)
      add(
        { kind: 'staff', id },
        'reminder',
        level === 'half' ? '投诉办理时限已过半' : '投诉办理即将到期',
        `${c.no}：请于 ${formatShort(c.clock.dueAt)} 前答复投诉人`,
        level,
      )
    return { complaint: next, notifications: notices }
  }
  const breached = breachClock(c.clock, now)
  if (!breached.ok) return null
  const next = withNextAction(
    { ...c, clock: breached.value, steps: [...c.steps, { at, type: 'breached', by: 'sweep', text: '已超过投诉办理时限，已列入督办' }], version: c.version + 1 },
    ctx,
  )
  for (const id of people.office)
    add({ kind: 'staff', id }, 'breach', '投诉办理超时', `${c.no}：已超过办理时限（${formatShort(c.clock.dueAt)}），请尽快答复`, 'breach')
  add(
    { kind: 'citizen', id: c.citizenId },
    'breach',
    '投诉办理超时，深表歉意',
    `很抱歉，您的投诉 ${c.no} 未能在时限内答复，我们将尽快调查处理并答复您。`,
    'breach',
  )
  return { complaint: next, notifications: notices }
}
