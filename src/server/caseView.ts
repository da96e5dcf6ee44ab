// Builds what the pages show from a case's state and events.
import { isUnbound, slipPath } from '../core/registration'
import { CLOCK_LABELS, clockState, countdown } from '../core/clock'
import type { WorkCalendar } from '../core/calendar'
import { STATUS_LABELS } from '../core/caseMachine'
import { describeEvent, describeWho } from '../core/timeline'
import { UP_REASONS, UP_TO_LABELS } from '../core/reportUp'
import { BAD_REASON_LABELS, FINDING_LABELS, RATING_LABELS } from '../core/rating'
import type { CaseState } from '../core/caseState'
import type { CaseEvent } from '../core/events'
import { maskPhone, type Hall, type ResponderCard, type Staff, type Window } from '../core/schemas'
import { DEFAULT_HOURS, describeHours } from '../core/hours'
import { NOTICE_TOPIC_LABELS, PRESETS, type PresetId } from '../core/policy'
import type { AssistedView, CaseSummary, CaseView, PublicHall, PublicWindow, StaffView } from '../core/views'
import { ASSIST_MODE_LABELS, REVIEW_KIND_LABELS, REVIEW_OUTCOME_LABELS, SPECIAL_GROUP_LABELS } from '../core/assistedService'
import type { Directory } from './directory'

export const publicHall = (h: Hall): PublicHall => ({
  id: h.id,
  name: h.name,
  address: h.address,
  supervisionPhone: h.supervisionPhone,
  complaintChannel: h.complaintChannel,
  selfServicePhone: h.selfServicePhone ?? '',
  assisted: !!h.assistedWindowId,
  hours: describeHours(h.hours ?? DEFAULT_HOURS),
})

export const publicWindow = (w: Window): PublicWindow => ({ id: w.id, name: w.name, number: w.number, scope: w.scope })

export const staffView = (s: Staff, windowName: string | null): StaffView => ({
  id: s.id,
  name: s.name,
  title: s.title,
  post: s.post,
  role: s.role,
  hallId: s.hallId,
  windowId: s.windowId,
  windowName,
})

/** 002 帮办代办: the request as the citizen and the staff see it; the reviews only for staff */
function assistedView(
  state: CaseState,
  dir: Directory,
  forStaff: boolean,
  photoUrls: Map<string, string | null>,
  linked: Map<string, CaseState>,
): AssistedView | null {
  const a = state.assisted
  if (!a) return null
  const agent = a.agentId ? dir.staffById.get(a.agentId) : undefined
  return {
    mode: a.mode,
    modeLabel: ASSIST_MODE_LABELS[a.mode],
    homeVisit: a.homeVisit ? { group: SPECIAL_GROUP_LABELS[a.homeVisit.group], address: a.homeVisit.address, time: a.homeVisit.time } : null,
    agent: a.agentId ? { id: a.agentId, name: agent?.name ?? '帮办代办员', phone: agent?.phone ?? '' } : null,
    assignedAt: a.assignedAt,
    handover: a.handover
      ? { ...a.handover, photos: a.handover.photos.map((id) => ({ id, url: photoUrls.get(id) ?? null })), by: dir.staff(a.handover.by) }
      : null,
    linked: a.linked.map((l) => {
      const now = linked.get(l.caseId)
      return { ...l, window: dir.window(l.windowId), status: now?.status ?? null, statusLabel: now ? STATUS_LABELS[now.status] : '' }
    }),
    reviews: forStaff
      ? a.reviews.map((r) => ({ kind: REVIEW_KIND_LABELS[r.kind], outcome: REVIEW_OUTCOME_LABELS[r.outcome], note: r.note, at: r.at, by: dir.staff(r.by) }))
      : [],
  }
}

/** 000 §10: the responsible person shows name, title, post and business scope */
export function responderCard(state: CaseState, dir: Directory, photoUrls: Map<string, string | null> = new Map()): ResponderCard | null {
  const id = state.firstResponderId
  if (!id) return null
  const staff = dir.staffById.get(id)
  if (!staff) return null
  const window = (staff.windowId && dir.windows.get(staff.windowId)) || dir.windows.get(state.windowId)
  return {
    staffId: staff.id,
    name: staff.name,
    title: staff.title,
    post: staff.post,
    windowId: window?.id ?? state.windowId,
    windowName: window?.name ?? '',
    windowNumber: window?.number ?? '',
    scope: window?.scope ?? '',
    photo: (staff.photo && photoUrls.get(staff.photo)) || null,
  }
}

function nextClock(state: CaseState) {
  const open = state.clocks.filter((c) => !c.metAt)
  open.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
  return open[0] ?? null
}

const person = (dir: Directory, id: string) => {
  const s = dir.staffById.get(id)
  return { id, name: s?.name ?? '工作人员', phone: s?.phone ?? '' }
}

/** after a breach the citizen sees an apology and who now supervises the case (督办) */
function supervision(state: CaseState, dir: Directory): CaseView['supervision'] {
  const breached = state.clocks.filter((c) => c.breachedAt)
  if (breached.length === 0) return null
  const leads = dir.leadsOf(state.windowId).map((id) => dir.staffById.get(id)!)
  const by = [...leads.map((l) => `${l.title || '窗口负责人'} ${l.name}`), '大厅政务服务科'].join('、')
  const what = breached.map((c) => CLOCK_LABELS[c.kind]).join('、')
  return {
    since: breached.map((c) => c.breachedAt!).sort()[0]!,
    clocks: breached.map((c) => c.kind),
    apology: `很抱歉，您的${state.kind === 'consult' ? '咨询' : '办件'}超过了${what}，给您添麻烦了。`,
    supervisors: `${by}已督办，会尽快为您办理。`,
  }
}

export function caseView(
  state: CaseState,
  events: CaseEvent[],
  hall: Hall,
  dir: Directory,
  can: CaseView['can'],
  /** staff of the hall, the citizen who owns the case, or anyone who opened it by number and code (read only) */
  viewer: 'staff' | 'owner' | 'byCode',
  clock: { now: Date; calendar: WorkCalendar },
  photoUrls: Map<string, string | null> = new Map(),
  linked: Map<string, CaseState> = new Map(),
): CaseView {
  const window = dir.windows.get(state.windowId)
  const toWindow = state.referral ? dir.windows.get(state.referral.toWindowId) : undefined
  // the notices are worded as the preset of the case's policy version words them
  const forStaff = viewer === 'staff'
  const forms = (PRESETS[state.policy.presetId as PresetId] ?? PRESETS['000']).forms
  return {
    id: state.id,
    no: state.no,
    kind: state.kind,
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    hall: publicHall(hall),
    window: window ? publicWindow(window) : { id: state.windowId, name: state.windowId, number: '', scope: '' },
    // staff see the number masked until they ask for it (and that look is logged)
    contact: viewer !== 'owner' ? { ...state.contact, phone: maskPhone(state.contact.phone) } : state.contact,
    text: state.text,
    matter: state.matter,
    attachments: state.attachments.map((id) => ({ id, url: photoUrls.get(id) ?? null })),
    submittedAt: state.submittedAt,
    responder: responderCard(state, dir, photoUrls),
    reply: state.reply ? { text: state.reply.text, mode: state.reply.mode, at: state.reply.at } : null,
    clocks: state.clocks.map((c) => ({
      kind: c.kind,
      label: CLOCK_LABELS[c.kind],
      startedAt: c.startedAt,
      dueAt: c.dueAt,
      state: clockState(c),
      countdown: countdown(c, clock.now, clock.calendar),
      metAt: c.metAt,
      breachedAt: c.breachedAt,
    })),
    timeline: events.map((e) => ({ seq: e.seq, at: e.at, type: e.type, who: describeWho(e, dir), text: describeEvent(e, dir) })),
    ledgerColumn: state.ledgerColumn,
    can,
    acceptance: state.acceptance,
    completion: state.completion,
    refusal: state.refusal,
    notices: state.notices.map((n) => ({
      noticeNo: n.noticeNo,
      items: n.items,
      at: n.at,
      by: dir.staff(n.by),
      // what the preset's notice tells besides the materials, in its order (001 第六条(一), 002 一次性告知 §1)
      told: forms.supplementNotice.value.topics.flatMap((t) => (n.guidance?.[t] ? [{ label: NOTICE_TOPIC_LABELS[t], text: n.guidance[t]! }] : [])),
    })),
    forms,
    handovers: state.handovers.map((h) => ({
      slipNo: h.slipNo,
      at: h.at,
      reason: h.reason,
      remarks: h.remarks,
      from: person(dir, h.fromStaffId),
      to: person(dir, h.toStaffId),
      acknowledgedAt: h.acknowledgedAt,
      contactedAt: h.contactedAt,
      withdrawnAt: h.withdrawnAt ?? null,
    })),
    joint: state.joint
      ? {
          coWindowIds: state.joint.coWindowIds,
          coWindows: state.joint.coWindowIds.map(dir.window),
          note: state.joint.note,
          plan: state.joint.plan,
          planAt: state.joint.planAt,
          confirmations: (state.joint.confirmations ?? []).map((c) => ({ ...c, window: dir.window(c.windowId), by: dir.staff(c.by) })),
          unconfirmed: state.joint.coWindowIds.filter((w) => !(state.joint?.confirmations ?? []).some((c) => c.windowId === w)).map(dir.window),
          dispute: state.joint.dispute
            ? {
                ...state.joint.dispute,
                by: dir.staff(state.joint.dispute.by),
                decision: state.joint.dispute.decision ? { ...state.joint.dispute.decision, by: dir.staff(state.joint.dispute.decision.by) } : null,
              }
            : null,
        }
      : null,
    extensionRequests: (state.extensionRequests ?? []).map((r) => ({
      ...r,
      clockLabel: CLOCK_LABELS[r.clockKind],
      by: dir.staff(r.by),
      decision: r.decision ? { ...r.decision, by: dir.staff(r.decision.by) } : null,
    })),
    reports: (state.reports ?? []).map((r) => ({
      to: UP_TO_LABELS[r.to],
      reason: UP_REASONS[r.reason].label,
      cite: UP_REASONS[r.reason].cite,
      detail: r.detail,
      by: dir.staff(r.by),
      at: r.at,
      answer: r.answer ? { ...r.answer, by: dir.staff(r.answer.by) } : null,
    })),
    referral: state.referral
      ? {
          toWindow: toWindow ? publicWindow(toWindow) : { id: state.referral.toWindowId, name: state.referral.toWindowId, number: '', scope: '' },
          note: state.referral.note,
          linkedCaseId: state.referral.linkedCaseId,
          at: state.referral.at,
        }
      : null,
    outside: state.outside,
    assisted: assistedView(state, dir, forStaff, photoUrls, linked),
    assistedBy: state.assistedBy ? { caseId: state.assistedBy.caseId, no: state.assistedBy.no, agentName: dir.staff(state.assistedBy.agentId) } : null,
    supervision: supervision(state, dir),
    ratings: (state.ratings ?? []).map((r) => {
      const rect = (state.rectifications ?? []).find((x) => x.round === r.round) ?? null
      return {
        round: r.round,
        level: r.level,
        label: RATING_LABELS[r.level],
        bad: r.bad,
        tags: r.tags.map((t) => BAD_REASON_LABELS[t]),
        text: r.text,
        at: r.at,
        rectification: rect
          ? {
              finding: rect.finding ? FINDING_LABELS[rect.finding] : null,
              measures: rect.measures,
              at: rect.rectifiedAt,
              followUp: rect.followUp ? { result: rect.followUp.result, satisfied: rect.followUp.satisfied, at: rect.followUp.at } : null,
            }
          : null,
      }
    }),
    colleagues: forStaff
      ? [...dir.staffById.values()].filter((s) => s.active && s.windowId === state.windowId).map((s) => ({ id: s.id, name: s.name, title: s.title }))
      : [],
    otherWindows: forStaff ? [...dir.windows.values()].filter((w) => w.active && w.id !== state.windowId).map(publicWindow) : [],
    lookedUp: viewer === 'byCode',
    // staff reprint the slip of a registered case until a citizen has opened it
    slip:
      forStaff && state.registration && isUnbound(state.citizenId)
        ? { queryCode: state.registration.queryCode, path: slipPath(state.no, state.registration.queryCode) }
        : null,
    version: state.version,
  }
}

/**
 * A case in a list. With the hall's calendar, its nearest deadline is told in working days and hours,
 * as the case page tells it (004 限时办结: time limits run in working days).
 */
export function caseSummary(state: CaseState, dir: Directory, at?: { now: Date; calendar: WorkCalendar }): CaseSummary {
  const clock = nextClock(state)
  return {
    id: state.id,
    no: state.no,
    kind: state.kind,
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    windowName: dir.window(state.windowId),
    contactName: state.contact.name,
    text: state.text.length > 60 ? `${state.text.slice(0, 60)}…` : state.text,
    submittedAt: state.submittedAt,
    responderName: state.firstResponderId ? dir.staff(state.firstResponderId) : null,
    nextDueAt: clock?.dueAt ?? null,
    dueText: clock && at ? countdown(clock, at.now, at.calendar) : null,
  }
}
