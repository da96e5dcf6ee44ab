// 投诉 through the API: the citizen files a complaint about one of their cases, a staff member or a
// window; the hall office handles it on its complaint desk within the limit (002 限时办结 §7), may
// extend it once with the leader's approval, answers with the finding; a verified complaint about a
// case reopens it (docs/DESIGN.md "Cases": reopen) and counts in the responsible person's assessment (004).
import { randomBytes } from 'node:crypto'
import { formatShanghai, shanghaiDate } from '../../core/calendar'
import { countdown } from '../../core/clock'
import {
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_FINDING_LABELS,
  COMPLAINT_TOPIC_LABELS,
  MAX_COMPLAINTS_PER_DAY,
  type Complaint,
  type ComplaintChannel,
} from '../../core/complaint'
import { receiptTime, unboundOwner } from '../../core/registration'
import { audit, staffActor } from '../audit'
import {
  answerComplaint as answer,
  complaintNotifications,
  extendComplaint as extend,
  fileComplaint as file,
  rateComplaintHandling,
  withNextAction,
} from '../../core/complaintMachine'
import { DomainError, type Result } from '../../core/errors'
import { RATING_LABELS } from '../../core/rating'
import { maskPhone, type Staff } from '../../core/schemas'
import type { ComplaintSummary, ComplaintView } from '../../core/views'
import { requireCitizen, requireOffice } from '../authorize'
import { runCaseAction } from '../caseAction'
import { REOPEN_FOR_COMPLAINT } from '../../core/caseActions'
import { loadDirectory, type Directory } from '../directory'
import { takeLimit } from '../limits'
import { loadHallContext, type HallContext } from '../hallContext'
import type { Handler, HandlerContext } from '../context'

const OFFICE_ONLY = '投诉由政务服务科受理'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
function newComplaintId(): string {
  let id = 'k_'
  for (const b of randomBytes(16)) id += ALPHABET[b % 36]
  return id
}

const STATUS_LABELS = { open: '办理中', answered: '已答复' } as const
const notFound = () => new DomainError('NOT_FOUND', '找不到这件投诉')

function about(c: Complaint, dir: Directory): string {
  if (c.target.kind === 'case') return `案件 ${c.caseNo ?? ''}`
  if (c.target.kind === 'staff') return `工作人员 ${dir.staff(c.target.staffId)}`
  return dir.window(c.target.windowId)
}

function summary(c: Complaint, dir: Directory, hall: HallContext, now: Date): ComplaintSummary {
  return {
    id: c.id,
    no: c.no,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    topic: COMPLAINT_TOPIC_LABELS[c.topic],
    about: about(c, dir),
    filedAt: c.filedAt,
    dueAt: c.clock.dueAt,
    countdown: countdown(c.clock, now, hall.calendar),
    overdue: c.status === 'open' && now.getTime() >= Date.parse(c.clock.dueAt),
  }
}

/** 002 限时办结 第七条: the complainant is told the outcome by the channel they used */
function intakeView(c: Complaint): NonNullable<ComplaintView['intake']> {
  const i = c.intake!
  const tell: Record<ComplaintChannel, string> = {
    phone: /^1\d{10}$/.test(c.contact.phone)
      ? '答复后将通过短信平台（如已配置）告知投诉人；请同时电话回复投诉人。'
      : '答复后请电话回复投诉人，并在答复内容中记下回复情况。',
    letter: '答复后请按来信地址书面回复投诉人。',
    counter: '答复后请电话或当面告知投诉人。',
    hotline12345: '答复后请在 12345 平台回复工单，并电话告知投诉人。',
  }
  return { channel: COMPLAINT_CHANNEL_LABELS[i.channel], receivedAt: i.receivedAt, tell: tell[i.channel] }
}

/** who reads: the complainant, the hall office, or staff concerned by a verified finding */
type Reader = 'citizen' | 'office' | 'concerned'

async function view(ctx: HandlerContext, c: Complaint, reader: Reader): Promise<ComplaintView> {
  const office = reader === 'office'
  const [hall, dir, urls] = await Promise.all([
    loadHallContext(ctx.store, c.hallId, 'current'),
    loadDirectory(ctx.store, c.hallId),
    ctx.files.urls(c.attachments),
  ])
  const s = summary(c, dir, hall, ctx.now)
  return {
    ...s,
    caseId: c.target.kind === 'case' ? c.target.caseId : null,
    text: c.text,
    // staff concerned see what was found, not who complained
    contact: reader === 'concerned' ? { name: '投诉人', phone: '（已隐去）' } : office ? { ...c.contact, phone: maskPhone(c.contact.phone) } : c.contact,
    attachments: reader === 'concerned' ? [] : c.attachments.map((id) => ({ id, url: urls.get(id) ?? null })),
    extension: c.extension ? { days: c.extension.days, reason: c.extension.reason, approvedBy: c.extension.approvedBy, at: c.extension.at } : null,
    finding: c.finding ? COMPLAINT_FINDING_LABELS[c.finding] : null,
    answer: c.answer,
    answeredAt: c.answeredAt,
    reopenedCase: c.reopenedCase,
    satisfaction: c.satisfaction ? { ...c.satisfaction, label: RATING_LABELS[c.satisfaction.level] } : null,
    steps: c.steps.map((x) => ({ at: x.at, text: x.text })),
    concerns: office
      ? {
          windowName: c.windowId ? dir.window(c.windowId) : null,
          staffName: c.staffId ? dir.staff(c.staffId) : null,
          responsibleName: c.responsibleStaffId ? dir.staff(c.responsibleStaffId) : null,
        }
      : null,
    intake: c.intake && reader !== 'concerned' ? intakeView(c) : null,
    staffChoices: office
      ? [...dir.staffById.values()]
          .filter((p) => p.active && p.role !== 'office')
          // the person it concerns and their window first
          .sort((a, b) => Number(b.id === c.staffId) - Number(a.id === c.staffId) || Number(b.windowId === c.windowId) - Number(a.windowId === c.windowId))
          .map((p) => ({ id: p.id, name: p.name, windowName: p.windowId ? dir.window(p.windowId) : '' }))
      : [],
    can: {
      extend: office && c.status === 'open' && !c.extension && !s.overdue,
      answer: office && c.status === 'open',
      rate: reader === 'citizen' && c.status === 'answered' && !c.satisfaction,
    },
  }
}

/**
 * The complaint, for its citizen or the hall office of its hall; once found verified also for the
 * person responsible, the person it concerns and their window's leads (to rectify, 004); to anyone
 * else it does not exist.
 */
async function load(ctx: HandlerContext, id: string): Promise<{ c: Complaint; reader: Reader }> {
  const c = await ctx.store.getComplaint(id)
  if (!c) throw notFound()
  if (ctx.identity.citizenId && ctx.identity.citizenId === c.citizenId) return { c, reader: 'citizen' }
  const me = ctx.staff
  if (me?.role === 'office' && me.hallId === c.hallId) return { c, reader: 'office' }
  const concerned =
    me && me.hallId === c.hallId && (me.id === c.responsibleStaffId || me.id === c.staffId || (me.role === 'lead' && me.windowId === c.windowId))
  if (concerned && c.finding === 'verified') return { c, reader: 'concerned' }
  if (me) throw new DomainError('FORBIDDEN', '投诉由政务服务科受理')
  throw notFound()
}

/** decides on the current complaint and saves at its version; decided again after a concurrent change */
async function change(ctx: HandlerContext, id: string, decide: (c: Complaint, hall: HallContext) => Promise<Result<Complaint>>): Promise<Complaint> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { c } = await load(ctx, id)
    const [hall, dir] = await Promise.all([loadHallContext(ctx.store, c.hallId, 'current'), loadDirectory(ctx.store, c.hallId)])
    const next = await decide(c, hall)
    if (!next.ok) throw next.error
    const value = withNextAction(next.value, hall)
    if (await ctx.store.saveComplaint(value, c.version, complaintNotifications(value, dir), ctx.channels)) return value
  }
  throw new DomainError('CONFLICT', '投诉正在被他人处理，请刷新后再试')
}

export const fileComplaint: Handler<'fileComplaint'> = async (ctx, input) => {
  const citizenId = requireCitizen(ctx)
  const hall = await loadHallContext(ctx.store, input.hallId, 'current')
  const since = formatShanghai(new Date(ctx.now.getTime() - 86_400_000))
  if ((await ctx.store.countComplaints(citizenId, since)) >= MAX_COMPLAINTS_PER_DAY) {
    // a repeated request of one already filed still answers with it
    const mine = await ctx.store.listComplaints({ hallId: hall.hall.id, citizenId, limit: 10 })
    const same = mine.find((c) => c.requestId === input.requestId)
    if (same) return view(ctx, same, 'citizen')
    throw new DomainError(
      'RATE_LIMITED',
      `每天最多提交 ${MAX_COMPLAINTS_PER_DAY} 件投诉；如情况紧急，请拨打监督电话${hall.hall.supervisionPhone ? ` ${hall.hall.supervisionPhone}` : ''}`,
    )
  }

  // what it is about: the citizen's own case, an active staff member or a window of this hall
  let concerns: { windowId: string | null; staffId: string | null; caseNo: string | null }
  const t = input.target
  if (t.kind === 'case') {
    const state = await ctx.store.getCaseState(t.caseId)
    if (!state || state.citizenId !== citizenId || state.hallId !== hall.hall.id) throw new DomainError('NOT_FOUND', '找不到这个案件', { field: 'target' })
    concerns = { windowId: state.windowId, staffId: state.handlerId ?? state.firstResponderId, caseNo: state.no }
  } else if (t.kind === 'staff') {
    const staff = await ctx.store.getStaff(t.staffId)
    if (!staff || staff.hallId !== hall.hall.id || !staff.active) throw new DomainError('NOT_FOUND', '找不到这位工作人员', { field: 'target' })
    concerns = { windowId: staff.windowId, staffId: staff.id, caseNo: null }
  } else {
    const window = await ctx.store.getWindow(hall.hall.id, t.windowId)
    if (!window) throw new DomainError('NOT_FOUND', '找不到这个窗口', { field: 'target' })
    concerns = { windowId: window.id, staffId: null, caseNo: null }
  }

  if (ctx.contentCheck && !(await ctx.contentCheck(input.text, ctx.identity.openid))) {
    throw new DomainError('INVALID_INPUT', '投诉内容未通过内容安全检查，请修改后再提交', { field: 'text' })
  }
  const attachments = [...new Set(input.attachments)]
  await ctx.files.checkAttachable(attachments, citizenId, hall.hall.id)
  // the per-citizen count above resets with a new cookie; the address's count does not
  await takeLimit(ctx.store, 'complaint', { address: ctx.identity.address }, ctx.now)

  const dir = await loadDirectory(ctx.store, hall.hall.id)
  const year = shanghaiDate(ctx.now).slice(0, 4)
  const id = newComplaintId()
  const { complaint } = await ctx.store.createComplaint({
    citizenId,
    requestId: input.requestId,
    numberScope: `TS:${hall.hall.id}:${year}`,
    channels: ctx.channels,
    build: (seq) => {
      const c = withNextAction(
        file(
          {
            ...input,
            attachments,
            id,
            no: `${hall.hall.prefix}-TS-${year}-${String(seq).padStart(4, '0')}`,
            hallId: hall.hall.id,
            citizenId,
            requestId: input.requestId,
          },
          concerns,
          ctx.now,
          hall,
        ),
        hall,
      )
      return { complaint: c, notifications: complaintNotifications(c, dir) }
    },
  })
  await ctx.files.attached(attachments, complaint.id)
  return view(ctx, complaint, 'citizen')
}

/**
 * The hall office registers a complaint made by phone, by letter, at the counter or from 12345 into the
 * same desk (002 限时办结 第七条; 003 一): its clock runs from the time of receipt (a backdated one is
 * audited), and the complainant is told the outcome by the channel they used. A repeated request
 * registers once.
 */
export const registerComplaint: Handler<'registerComplaint'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  if (me.hallId !== input.hallId) throw new DomainError('FORBIDDEN', OFFICE_ONLY)
  const hall = await loadHallContext(ctx.store, input.hallId, 'current')
  const received = receiptTime({ channel: input.channel, receivedAt: input.receivedAt }, ctx.now)

  let target: Complaint['target']
  let concerns: { windowId: string | null; staffId: string | null; caseNo: string | null }
  const a = input.about
  if (a.kind === 'caseNo') {
    const caseId = await ctx.store.caseIdOfNo(a.no)
    const state = caseId ? await ctx.store.getCaseState(caseId) : null
    if (!state || state.hallId !== hall.hall.id) throw new DomainError('INVALID_INPUT', `本大厅没有案件 ${a.no}，请核对编号`, { field: 'about' })
    target = { kind: 'case', caseId: state.id }
    concerns = { windowId: state.windowId, staffId: state.handlerId ?? state.firstResponderId, caseNo: state.no }
  } else if (a.kind === 'staff') {
    const staff = await ctx.store.getStaff(a.staffId)
    if (!staff || staff.hallId !== hall.hall.id) throw new DomainError('INVALID_INPUT', '本大厅没有这位工作人员', { field: 'about' })
    target = { kind: 'staff', staffId: staff.id }
    concerns = { windowId: staff.windowId, staffId: staff.id, caseNo: null }
  } else {
    const window = await ctx.store.getWindow(hall.hall.id, a.windowId)
    if (!window) throw new DomainError('INVALID_INPUT', '本大厅没有这个窗口', { field: 'about' })
    target = { kind: 'window', windowId: window.id }
    concerns = { windowId: window.id, staffId: null, caseNo: null }
  }

  const citizenId = unboundOwner(me.id, input.requestId)
  const intake = { channel: input.channel, receivedAt: formatShanghai(received), registeredBy: me.id }
  const dir = await loadDirectory(ctx.store, hall.hall.id)
  const year = shanghaiDate(ctx.now).slice(0, 4)
  const id = newComplaintId()
  const { complaint, created } = await ctx.store.createComplaint({
    citizenId,
    requestId: input.requestId,
    numberScope: `TS:${hall.hall.id}:${year}`,
    channels: ctx.channels,
    build: (seq) => {
      const c = withNextAction(
        file(
          {
            target,
            topic: input.topic,
            text: input.text,
            contact: input.contact,
            attachments: [],
            id,
            no: `${hall.hall.prefix}-TS-${year}-${String(seq).padStart(4, '0')}`,
            hallId: hall.hall.id,
            citizenId,
            requestId: input.requestId,
          },
          concerns,
          ctx.now,
          hall,
          intake,
        ),
        hall,
      )
      return { complaint: c, notifications: complaintNotifications(c, dir) }
    },
  })
  if (created && ctx.now.getTime() - received.getTime() > 10 * 60_000) {
    await audit(
      ctx.store,
      {
        hallId: hall.hall.id,
        actor: staffActor(me),
        action: 'complaint.backdated',
        target: `complaint:${complaint.id}`,
        detail: { no: complaint.no, channel: input.channel, receivedAt: intake.receivedAt, registeredAt: formatShanghai(ctx.now) },
      },
      ctx.now,
    )
  }
  return view(ctx, complaint, 'office')
}

export const getComplaint: Handler<'getComplaint'> = async (ctx, input) => {
  const { c, reader } = await load(ctx, input.complaintId)
  return view(ctx, c, reader)
}

export const myComplaints: Handler<'myComplaints'> = async (ctx) => {
  const citizenId = requireCitizen(ctx)
  const halls = await ctx.store.listHalls()
  const lists = await Promise.all(halls.map((h) => ctx.store.listComplaints({ hallId: h.id, citizenId, limit: 50 })))
  const all = lists.flat().sort((a, b) => Date.parse(b.filedAt) - Date.parse(a.filedAt))
  const out: ComplaintSummary[] = []
  for (const hallId of new Set(all.map((c) => c.hallId))) {
    const [hall, dir] = await Promise.all([loadHallContext(ctx.store, hallId, 'current'), loadDirectory(ctx.store, hallId)])
    for (const c of all.filter((x) => x.hallId === hallId)) out.push(summary(c, dir, hall, ctx.now))
  }
  return { complaints: out.sort((a, b) => Date.parse(b.filedAt) - Date.parse(a.filedAt)) }
}

/** the hall office's desk: open complaints nearest due first, and the latest answered */
export const complaintDesk: Handler<'complaintDesk'> = async (ctx) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const [hall, dir, open, answered] = await Promise.all([
    loadHallContext(ctx.store, me.hallId, 'current'),
    loadDirectory(ctx.store, me.hallId),
    ctx.store.listComplaints({ hallId: me.hallId, status: 'open', limit: 1000 }),
    ctx.store.listComplaints({ hallId: me.hallId, status: 'answered', limit: 30 }),
  ])
  return {
    open: open.sort((a, b) => Date.parse(a.clock.dueAt) - Date.parse(b.clock.dueAt)).map((c) => summary(c, dir, hall, ctx.now)),
    answered: answered.map((c) => summary(c, dir, hall, ctx.now)),
  }
}

export const extendComplaint: Handler<'extendComplaint'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const c = await change(ctx, input.complaintId, async (current, hall) => extend(current, input, me.id, ctx.now, hall))
  return view(ctx, c, 'office')
}

export const answerComplaint: Handler<'answerComplaint'> = async (ctx, input) => {
  const me = requireOffice(ctx, OFFICE_ONLY)
  const responsible = input.finding === 'verified' ? (input.responsibleStaffId ?? null) : null
  if (responsible) {
    const person = await ctx.store.getStaff(responsible)
    if (!person || person.hallId !== me.hallId) throw new DomainError('NOT_FOUND', '找不到这位工作人员', { field: 'responsibleStaffId' })
  }
  const c = await change(ctx, input.complaintId, async (current) => {
    // decide first: a complaint already answered does not touch the case
    const decided = answer(current, { finding: input.finding, answer: input.answer, responsibleStaffId: responsible, reopenedCase: false }, me.id, ctx.now)
    if (!decided.ok || input.finding !== 'verified' || current.target.kind !== 'case') return decided
    const reopened = await reopenCase(ctx, me, current.target.caseId, current)
    return reopened
      ? answer(current, { finding: input.finding, answer: input.answer, responsibleStaffId: responsible, reopenedCase: true }, me.id, ctx.now)
      : decided
  })
  return view(ctx, c, 'office')
}

/**
 * docs/DESIGN.md "Cases": a verified complaint reopens the case for handling. Only a case that is done
 * (replied, completed, refused or closed) reopens; one still in hand stays as it is. Keyed by the
 * complaint, so answering again after a conflict reopens it once.
 */
async function reopenCase(ctx: HandlerContext, me: Staff, caseId: string, c: Complaint): Promise<boolean> {
  const requestId = `complaint-${c.id}`
  const state = await ctx.store.getCaseState(caseId)
  if (!state) return false
  if (await ctx.store.hasRequest(caseId, me.id, requestId)) return true
  if (!['replied', 'completed', 'refused', 'closed'].includes(state.status)) return false
  await runCaseAction(ctx, REOPEN_FOR_COMPLAINT, { caseId, requestId, reason: `投诉 ${c.no} 经核实属实，重新办理` })
  return true
}

export const rateComplaint: Handler<'rateComplaint'> = async (ctx, input) => {
  const citizenId = requireCitizen(ctx)
  const c = await change(ctx, input.complaintId, async (current) => {
    if (current.citizenId !== citizenId) throw notFound()
    return rateComplaintHandling(current, input, ctx.now)
  })
  return view(ctx, c, 'citizen')
}
