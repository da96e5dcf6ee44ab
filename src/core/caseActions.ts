// Every action on a case, declared once: its input, who may do it, the event it decides and its
// numbered form. The server runs them all the same way (src/server/caseAction.ts), the case page's
// buttons are the same rules tried on sample input, and the permission-matrix test walks this table.
// Adding a case action means one entry here, its rule in the state machine and a test.
import { z } from 'zod'
import {
  citizenUrgeRefusal,
  extensionRefusal,
  forbidden,
  isCoWindowStaff,
  isHandler,
  isLeadOf,
  isOfficeOf,
  notHandler,
  notLead,
  notOffice,
  ownerRefusal,
  signInFirst,
  staffActor,
  worksAtWindow,
  type Caller,
} from './access'
import { formatShanghai, type WorkCalendar } from './calendar'
import { applyEvent, pendingExtension, pendingReport, pendingSlip, ratingSubject, replyMode } from './caseMachine'
import type { CaseState } from './caseState'
import { DomainError } from './errors'
import { ClockKind, ReplyMode, type Actor, type CaseEvent, type EventBody } from './events'
import type { PhraseHit } from './forbiddenPhrase'
import { mayExtend, NOTICE_TOPIC_LABELS, type ForbiddenPhrase, type Policy } from './policy'
import { BadReason, RatingLevelSchema, RectificationFinding } from './rating'
import { UpReason, UpTo } from './reportUp'
import { CaseId, RequestId, StaffId, WindowId, type Staff, type Window } from './schemas'
import { Day, text } from './text'
import { CASE_ABILITIES, type CaseAbility } from './views'
import { ASSIST_MODE_LABELS, checkHandover, MaterialsHandoverInput, OpenAssistedCaseInput } from './assistedService'

/** a required free text of 2…max characters, trimmed */
export const Reason = (what: string, max = 500) => text().trim().min(2, `请填写${what}`).max(max, `${what}不超过 ${max} 个字`)
const onCase = <T extends z.ZodRawShape>(shape: T) => z.object({ caseId: CaseId, requestId: RequestId, ...shape })

/**
 * the numbered forms, per hall and year without gaps: 补件告知单 (附件1), 交接单 (附件2), 受理通知书
 * (002 首问（办）负责 §3(2)), 不予受理 / 不予登记通知书 (002 限时办结 §3–§4) and 代办材料交接单 (002 帮办代办 二)
 */
export type FormSeries = 'BZ' | 'JJ' | 'SL' | 'BY' | 'DB'

/** the rules the case runs under: its policy version and the hall's working calendar */
export interface CaseRules {
  policy: Policy
  calendar: WorkCalendar
  now: Date
}

/** the hall's windows and the staff the input names, loaded with the case */
export interface Named {
  staff(id: string): Staff | undefined
  window(id: string): Window | undefined
}

export interface Decision {
  caller: Caller
  rules: CaseRules
  named: Named
  /** the drawn number of the action's numbered form */
  formNo: string | null
  /** the case this action opens at another window in the same write (see `opens`) */
  linkedCaseId: string | null
  /** the forbidden-phrase finder (core/forbiddenPhrase.ts), passed in so the app's bundle never carries its tables */
  findPhrases(text: string, phrases: ForbiddenPhrase[]): PhraseHit[]
}

export interface CaseActionSpec<S extends z.ZodType> {
  input: S
  /** the button on the case page this action stands behind */
  ability?: CaseAbility
  /** who may do it on this case now: null when allowed, else the refusal. Checked before anything is written. */
  may(caller: Caller, state: CaseState, rules: CaseRules, input: z.output<S>): DomainError | null
  /** refuses input the case cannot take (INVALID_INPUT), e.g. a colleague who is not at the window; not run for the buttons */
  check?(input: z.output<S>, state: CaseState, d: Decision): void
  /** the event it records, decided on the current state */
  decide(input: z.output<S>, state: CaseState, d: Decision): EventBody
  /** input standing in for the form when the page asks which buttons to show; null: not now */
  sample?(state: CaseState, rules: CaseRules): z.output<S> | null
  /** draws the event's form number from this series in the same write (a function: only for some input) */
  numbered?: FormSeries | ((input: z.output<S>) => FormSeries | null)
  /** the staff and windows the input names, read together with the case */
  names?(input: z.output<S>): { staffIds?: string[]; windowIds?: string[] }
  /** adds detail to the state machine's refusal (e.g. who holds the case) */
  explain?(error: DomainError, state: CaseState, named: Named): DomainError
  /**
   * Who calls it: staff only (anyone else is asked to sign in before the case is read), the citizen
   * only (recorded as the citizen even when a signed-in staff member calls about their own case), or either.
   */
  by: 'staff' | 'citizen' | 'either'
  /** staff who do not see the case are answered as if it did not exist */
  hideFromOthers?: boolean
  /**
   * a case this action opens for the same citizen at another window, in the same write (000 §5.3);
   * `assisted`: opened by the agent of a 帮办代办 request, for its matter, linked back to the request
   */
  opens?(input: z.output<S>, state: CaseState): { windowId: string; assisted?: { text: string } } | null
  /** photos the input names: each must be the caller's own upload in the hall, checked before anything is written */
  photos?(input: z.output<S>): string[]
}

const define = <S extends z.ZodType>(spec: CaseActionSpec<S>) => spec

/** the series the action's form is numbered from for this input, if any */
export const formSeriesOf = <S extends z.ZodType>(spec: Pick<CaseActionSpec<S>, 'numbered'>, input: z.output<S>): FormSeries | null =>
  typeof spec.numbered === 'function' ? spec.numbered(input) : (spec.numbered ?? null)

const Guidance = z
  .object({
    basis: text().trim().max(500, '办理依据不超过 500 个字'),
    conditions: text().trim().max(500, '办理条件不超过 500 个字'),
    procedure: text().trim().max(500, '办理程序不超过 500 个字'),
    timeLimit: text().trim().max(100, '办理时限不超过 100 个字'),
  })
  .partial()

/** refusals shared by many actions: the holder of the case, the lead of its window */
const handlerOnly = (c: Caller, s: CaseState) => (!c.staff ? signInFirst() : isHandler(c.staff, s) ? null : notHandler(s))
const leadOnly = (c: Caller, s: CaseState) => (!c.staff ? signInFirst() : isLeadOf(c.staff, s) ? null : notLead(s))
/** the lead of the rated window, or the hall office (rectification of a bad rating) */
const rectifier = (c: Caller, s: CaseState) => {
  if (!c.staff) return signInFirst()
  if (c.staff.role === 'office') return isOfficeOf(c.staff, s) ? null : notOffice()
  return isLeadOf(c.staff, s) ? null : notLead(s)
}

/** a colleague on duty at the case's window, for a hand-over or an assignment */
function colleagueAtWindow(named: Named, state: CaseState, id: string, field: string, message: string): void {
  const to = named.staff(id)
  if (!to || !to.active || to.hallId !== state.hallId || to.windowId !== state.windowId) {
    throw new DomainError('INVALID_INPUT', message, { field })
  }
}

function activeWindows(named: Named, ids: string[], field: string): void {
  for (const id of ids) {
    const w = named.window(id)
    if (!w || !w.active) throw new DomainError('INVALID_INPUT', `没有这个窗口：${id}`, { field })
  }
}

/** who decides an extension request: the window lead or the hall office (004 限时办结 §5) */
const extensionApprover = (c: Caller, s: CaseState, rules: CaseRules) =>
  extensionRefusal(c.staff, s, { value: true, cite: rules.policy.extension.needsLeadApproval.cite })

const firstRunningClock = (state: CaseState, now: Date, kinds: (k: ClockKind) => boolean) =>
  state.clocks.find((c) => kinds(c.kind) && !c.metAt && !c.breachedAt && !c.pausedAt && Date.parse(c.dueAt) > now.getTime())

const sampleCase = { caseId: 'c_sample', requestId: 'sample' }

export const CASE_ACTIONS = {
  /** 000 §1: the staff member who takes the case becomes its first responder; exactly one claim wins */
  claimCase: define({
    input: onCase({}),
    by: 'staff',
    ability: 'claim',
    may: (c, s) => (!c.staff ? signInFirst() : worksAtWindow(c.staff, s) ? null : forbidden('只有本窗口的工作人员可以认领', { windowId: s.windowId })),
    decide: (_i, _s, d) => ({ type: 'claimed', payload: { staffId: d.caller.staff!.id } }),
    // two claims at once: the second is told who took it
    explain: (error, state, named) => {
      if (error.code !== 'CONFLICT' || !state.handlerId) return error
      const holder = named.staff(state.handlerId)
      return new DomainError('CONFLICT', `该案件已由${holder?.name ?? '其他工作人员'}接待`, {
        ...error.details,
        holderId: state.handlerId,
        holderName: holder?.name ?? null,
      })
    },
    sample: () => sampleCase,
  }),

  /** 000 §4.2: answered on the spot, or as a timed reply within the policy's limit; 000 §5.3, 003 三(三)3: no forbidden phrases */
  replyCase: define({
    input: z.object({
      caseId: CaseId,
      text: text().trim().min(2, '答复内容至少 2 个字').max(2000, '答复内容不超过 2000 个字'),
      mode: ReplyMode,
      requestId: RequestId,
    }),
    by: 'staff',
    ability: 'reply',
    may: handlerOnly,
    check: (input, _s, { rules: { policy }, findPhrases }) => {
      // the phrases of the policy version the case runs under
      const hits = findPhrases(input.text, policy.forbiddenPhrases.value)
      if (hits.length > 0) {
        const first = hits[0]!
        throw new DomainError('INVALID_INPUT', `答复中含有文明忌语「${first.matched}」，建议改为「${first.suggestion}」`, {
          field: 'text',
          cite: policy.forbiddenPhrases.cite,
          hits: hits.map((h) => ({ phrase: h.phrase, matched: h.matched, suggestion: h.suggestion, index: h.index })),
        })
      }
    },
    // 000 §4.2: recorded as 当场答复 only while the citizen is still there (caseMachine `replyMode`)
    decide: (input, state, d) => ({ type: 'replied', payload: { text: input.text, mode: replyMode(state, input.mode, d.rules.now, d.rules.calendar) } }),
    sample: () => ({ ...sampleCase, text: '-', mode: 'timed' as const }),
  }),

  /**
   * 000 §4.1: every missing material at once, on a numbered notice (附件1); where the preset asks, with
   * the basis, conditions, procedure and time limit too (001 第六条(一), 002 一次性告知 §1, 003 三(一)1)
   */
  issueSupplementNotice: define({
    input: onCase({
      items: z.array(text().trim().min(2, '请写明材料名称').max(100)).min(1, '请至少列出一项需要补正的材料').max(30),
      guidance: Guidance.default({}),
    }),
    by: 'staff',
    ability: 'issueSupplementNotice',
    may: handlerOnly,
    numbered: 'BZ',
    check: (input, _s, { rules: { policy } }) => {
      const wording = policy.forms.supplementNotice
      for (const topic of wording.value.topics) {
        if (!input.guidance[topic]) {
          throw new DomainError('INVALID_INPUT', `${wording.value.title}须写明${NOTICE_TOPIC_LABELS[topic]}（${wording.cite}）`, {
            field: `guidance.${topic}`,
            cite: wording.cite,
          })
        }
      }
    },
    decide: (input, _s, d) => {
      // only what the preset's notice tells, so a notice never carries a section it does not print
      const topics = d.rules.policy.forms.supplementNotice.value.topics
      const guidance = Object.fromEntries(topics.flatMap((t) => (input.guidance[t] ? [[t, input.guidance[t]]] : [])))
      return {
        type: 'supplementNoticeIssued',
        payload: { noticeNo: d.formNo!, items: input.items, ...(topics.length ? { guidance } : {}) },
      }
    },
    sample: () => ({ ...sampleCase, items: ['-'], guidance: { basis: '-', conditions: '-', procedure: '-', timeLimit: '-' } }),
  }),

  /** the citizen (or the handler for them) says the materials are complete, which resumes the promised clock */
  materialsComplete: define({
    input: onCase({ note: text().trim().max(200).default('') }),
    by: 'either',
    ability: 'materialsComplete',
    may: (c, s) => (c.staff ? (isHandler(c.staff, s) ? null : notHandler(s)) : ownerRefusal(c, s)),
    decide: (input) => ({ type: 'materialsCompleted', payload: { note: input.note } }),
    sample: () => ({ ...sampleCase, note: '' }),
  }),

  /**
   * 000 §4.1: accepted as an instant case, or a promised one within the matter's published limit
   * (003 五4 事项清单; 004 服务承诺 §3); another limit only with a reason the citizen reads
   */
  acceptCase: define({
    input: onCase({
      mode: z.enum(['instant', 'promised']),
      limitDays: z.number().int().min(1).max(60).optional(),
      limitReason: text().trim().max(200, '理由不超过 200 个字').optional(),
    }),
    by: 'staff',
    ability: 'accept',
    may: handlerOnly,
    // 002 首问（办）负责 §3(2): a case that cannot be done on the spot gets a 受理通知书
    numbered: (input) => (input.mode === 'promised' ? 'SL' : null),
    decide: (input, state, d) => {
      if (input.mode === 'instant') return { type: 'accepted', payload: { mode: 'instant' } }
      const limitDays = input.limitDays ?? state.matter?.promisedDays ?? undefined
      if (limitDays === undefined) throw new DomainError('INVALID_INPUT', '承诺件请填写承诺办结的工作日数', { field: 'limitDays' })
      return {
        type: 'accepted',
        payload: { mode: 'promised', limitDays, ...(input.limitReason ? { limitReason: input.limitReason } : {}), ...(d.formNo ? { noticeNo: d.formNo } : {}) },
      }
    },
    sample: () => ({ ...sampleCase, mode: 'instant' as const }),
  }),

  completeCase: define({
    input: onCase({ result: Reason('办理结果') }),
    by: 'staff',
    ability: 'complete',
    may: handlerOnly,
    decide: (input) => ({ type: 'completed', payload: { result: input.result } }),
    sample: () => ({ ...sampleCase, result: '-' }),
  }),

  /** 000 §4.1: refused with the reason and the legal basis, on a numbered 不予受理 / 不予登记通知书 (002 限时办结 §3–§4) */
  refuseCase: define({
    input: onCase({ reason: Reason('不予办理的理由'), legalBasis: Reason('法律、法规或政策依据') }),
    by: 'staff',
    ability: 'refuse',
    may: handlerOnly,
    numbered: 'BY',
    decide: (input, _s, d) => ({
      type: 'refused',
      payload: { reason: input.reason, legalBasis: input.legalBasis, ...(d.formNo ? { noticeNo: d.formNo } : {}) },
    }),
    sample: () => ({ ...sampleCase, reason: '-', legalBasis: '-' }),
  }),

  /** 000 §5.1: handed over within the window on a numbered slip (附件2); the receiver becomes first responder on acknowledging */
  createHandover: define({
    input: onCase({ toStaffId: StaffId, reason: Reason('交接原因'), remarks: text().trim().max(200).default('') }),
    by: 'staff',
    ability: 'createHandover',
    may: handlerOnly,
    numbered: 'JJ',
    names: (input) => ({ staffIds: [input.toStaffId] }),
    check: (input, state, d) => colleagueAtWindow(d.named, state, input.toStaffId, 'toStaffId', '只能移交给本窗口在岗的工作人员'),
    decide: (input, _s, d) => ({
      type: 'handoverCreated',
      payload: { slipNo: d.formNo!, toStaffId: input.toStaffId, reason: input.reason, remarks: input.remarks },
    }),
    sample: () => ({ ...sampleCase, toStaffId: 'x-colleague', reason: '-', remarks: '' }),
  }),

  acknowledgeHandover: define({
    input: onCase({ slipNo: text().min(1).max(40) }),
    by: 'staff',
    ability: 'acknowledgeHandover',
    may: (c, s) => {
      if (!c.staff) return signInFirst()
      const last = s.handovers[s.handovers.length - 1]
      // a takeover or an assignment withdrew the slip: its receiver no longer takes the case
      if (last?.withdrawnAt && last.toStaffId === c.staff.id) return new DomainError('CONFLICT', '该交接单已撤回，案件已由他人负责', { slipNo: last.slipNo })
      const slip = pendingSlip(s)
      return slip && slip.toStaffId === c.staff.id ? null : forbidden('只有交接单上的接收人可以确认')
    },
    decide: (input) => ({ type: 'handoverAcknowledged', payload: { slipNo: input.slipNo } }),
    sample: (s) => {
      const slip = pendingSlip(s)
      return slip ? { ...sampleCase, slipNo: slip.slipNo } : null
    },
  }),

  /** 003 三(一)2: the receiver of a hand-over contacts the citizen the same day */
  recordContact: define({
    input: onCase({ note: text().trim().max(200).default('') }),
    by: 'staff',
    ability: 'recordContact',
    may: handlerOnly,
    decide: (input) => ({ type: 'citizenContacted', payload: { note: input.note } }),
    sample: () => ({ ...sampleCase, note: '' }),
  }),

  /** 000 §5.2: several windows: the first responder reports it to the window lead */
  reportJoint: define({
    input: onCase({ coWindowIds: z.array(WindowId).min(1, '请选择协办窗口').max(10), note: Reason('需要共同办理的情况') }),
    by: 'staff',
    ability: 'reportJoint',
    may: handlerOnly,
    // the co-windows' leads are informed in the same write (002 首问（办）负责 §4(2))
    names: (input) => ({ windowIds: input.coWindowIds }),
    check: (input, _s, d) => activeWindows(d.named, input.coWindowIds, 'coWindowIds'),
    decide: (input) => ({ type: 'jointReported', payload: { coWindowIds: input.coWindowIds, note: input.note } }),
    sample: () => ({ ...sampleCase, coWindowIds: ['x-other'], note: '-' }),
  }),

  /** 000 §5.2, 001 第六条(三): the lead records the plan agreed with the co-windows within the policy's limit */
  recordJointPlan: define({
    input: onCase({ plan: Reason('商定的办理方案', 1000), coWindowIds: z.array(WindowId).min(1).max(10) }),
    by: 'staff',
    ability: 'recordJointPlan',
    may: leadOnly,
    check: (input, _s, d) => activeWindows(d.named, input.coWindowIds, 'coWindowIds'),
    decide: (input) => ({ type: 'jointPlanRecorded', payload: { plan: input.plan, coWindowIds: input.coWindowIds } }),
    sample: (s) => ({ ...sampleCase, plan: '-', coWindowIds: s.joint?.coWindowIds ?? ['x-other'] }),
  }),

  /**
   * 催办: the citizen once a clock is past half its time (at most once a day), the hall office at any
   * time, the lead window to its co-windows in joint handling (002 首问（办）负责 §4(2)).
   */
  urgeCase: define({
    input: onCase({ note: text().trim().max(200).default(''), targetWindowId: WindowId.optional() }),
    by: 'either',
    ability: 'urge',
    may: (c, s, rules, input) => {
      if (c.staff) {
        if (input.targetWindowId) return isLeadOf(c.staff, s) ? null : notLead(s)
        return isOfficeOf(c.staff, s) ? null : forbidden('催办由市民或政务服务科发起')
      }
      const notOwner = ownerRefusal(c, s)
      if (notOwner) return notOwner
      if (input.targetWindowId) return forbidden('市民催办不指定窗口')
      return citizenUrgeRefusal(s, rules.calendar, rules.now)
    },
    names: (input) => ({ windowIds: input.targetWindowId ? [input.targetWindowId] : [] }),
    decide: (input) => ({ type: 'urged', payload: { note: input.note, targetWindowId: input.targetWindowId } }),
    sample: () => ({ ...sampleCase, note: '' }),
  }),

  /** 000 §5.3: another window of the hall: tell and guide the citizen, optionally opening a case there */
  referCase: define({
    input: onCase({ toWindowId: WindowId, note: Reason('给市民的指引'), openLinked: z.boolean().default(false) }),
    by: 'staff',
    ability: 'refer',
    hideFromOthers: true,
    // an unclaimed case may be referred by anyone of its window; a held one by its handler
    may: (c, s) =>
      !c.staff
        ? signInFirst()
        : s.handlerId
          ? isHandler(c.staff, s)
            ? null
            : notHandler(s)
          : worksAtWindow(c.staff, s)
            ? null
            : forbidden('只有本窗口的工作人员可以指引'),
    check: (input, _s, d) => {
      const target = d.named.window(input.toWindowId)
      if (!target || !target.active) throw new DomainError('INVALID_INPUT', '没有这个窗口', { field: 'toWindowId' })
    },
    decide: (input, _s, d) => ({
      type: 'referred',
      payload: { toWindowId: input.toWindowId, note: input.note, ...(d.linkedCaseId ? { linkedCaseId: d.linkedCaseId } : {}) },
    }),
    opens: (input, state) => (input.openLinked && (state.status === 'open' || state.status === 'inProgress') ? { windowId: input.toWindowId } : null),
    sample: () => ({ ...sampleCase, toWindowId: 'x-other', note: '-', openLinked: false }),
  }),

  /** 000 §5.4: outside the hall: a consult is explained, a written application goes to the hall office */
  outsideHall: define({
    input: onCase({ mode: z.enum(['consult', 'written']), explanation: Reason('向市民的说明'), department: text().trim().max(60).default('') }),
    by: 'staff',
    ability: 'outsideHall',
    may: handlerOnly,
    decide: (input) => ({ type: 'outsideHall', payload: { mode: input.mode, explanation: input.explanation, department: input.department } }),
    sample: () => ({ ...sampleCase, mode: 'consult' as const, explanation: '-', department: '' }),
  }),

  /** 000 §5.4: the hall office forwards a written application with department, date and document number */
  forwardOutside: define({
    input: onCase({
      department: Reason('接收部门', 60),
      date: Day,
      documentNo: Reason('移交文号', 60),
    }),
    by: 'staff',
    ability: 'forwardOutside',
    may: (c, s) => (!c.staff ? signInFirst() : isOfficeOf(c.staff, s) ? null : notOffice()),
    decide: (input) => ({ type: 'outsideForwarded', payload: { department: input.department, date: input.date, documentNo: input.documentNo } }),
    sample: () => ({ ...sampleCase, department: '-', date: '2026-01-01', documentNo: '-' }),
  }),

  /** 004 限时办结 §5: a limit the preset lets the hall extend (the promised one in 004), with the reason told to the citizen, approved where the rules ask */
  extendClock: define({
    input: onCase({ clockKind: ClockKind, days: z.number().int().min(1).max(30), reason: Reason('延期理由') }),
    by: 'staff',
    ability: 'extend',
    may: (c, s, rules) => extensionRefusal(c.staff, s, rules.policy.extension.needsLeadApproval),
    decide: (input, _s, d) => ({
      type: 'extended',
      payload: {
        clockKind: input.clockKind,
        days: input.days,
        reason: input.reason,
        approvedBy: d.caller.staff?.role === 'staff' ? undefined : d.caller.staff?.id,
      },
    }),
    // the button only where a running clock is one the preset lets the hall extend
    sample: (s, rules) => {
      const clock = firstRunningClock(s, rules.now, (k) => mayExtend(rules.policy, k))
      return clock ? { ...sampleCase, clockKind: clock.kind, days: 1, reason: '-' } : null
    },
  }),

  /**
   * 004 服务承诺 §3, 限时办结 §5: where the hall's rules ask for a leader's approval, the person
   * handling the case requests the extension with its reason; the approver decides before the limit lapses
   */
  requestExtension: define({
    input: onCase({ clockKind: ClockKind, days: z.number().int().min(1).max(30), reason: Reason('延期理由') }),
    by: 'staff',
    ability: 'requestExtension',
    may: (c, s, rules) => {
      const refusal = handlerOnly(c, s)
      if (refusal) return refusal
      return rules.policy.extension.needsLeadApproval.value ? null : new DomainError('CONFLICT', '本厅规则无需审批，请直接延期')
    },
    decide: (input) => ({ type: 'extensionRequested', payload: { clockKind: input.clockKind, days: input.days, reason: input.reason } }),
    sample: (s, rules) => {
      if (pendingExtension(s)) return null
      const clock = firstRunningClock(s, rules.now, (k) => mayExtend(rules.policy, k))
      return clock ? { ...sampleCase, clockKind: clock.kind, days: 1, reason: '--' } : null
    },
  }),

  /** the approver grants or refuses the request; a refusal says why */
  decideExtension: define({
    input: onCase({ granted: z.boolean(), note: text().trim().max(200, '意见不超过 200 个字').default('') }),
    by: 'staff',
    ability: 'decideExtension',
    may: (c, s, rules) => extensionApprover(c, s, rules),
    decide: (input) => ({ type: 'extensionDecided', payload: { granted: input.granted, note: input.note } }),
    sample: (s) => (pendingExtension(s) ? { ...sampleCase, granted: true, note: '' } : null),
  }),

  /** 上报 (000 §5.1, §6; 002 首问（办）负责 §2(2)(3); 004 首问负责制度 §5(3)): to the window lead or the hall office */
  reportUp: define({
    input: onCase({ to: UpTo, reason: UpReason, detail: Reason('需要答复的情况', 1000) }),
    by: 'staff',
    ability: 'reportUp',
    may: handlerOnly,
    decide: (input) => ({ type: 'reportedUp', payload: { to: input.to, reason: input.reason, detail: input.detail } }),
    sample: (s) => (pendingReport(s) ? null : { ...sampleCase, to: 'lead' as const, reason: 'unclearResponsibility' as const, detail: '--' }),
  }),

  /** the answer to a report upward: from its addressee (the hall office may answer any) */
  answerReport: define({
    input: onCase({ answer: Reason('答复意见', 1000) }),
    by: 'staff',
    ability: 'answerReport',
    may: (c, s) => {
      if (!c.staff) return signInFirst()
      const report = pendingReport(s)
      if (isOfficeOf(c.staff, s)) return null
      if (report?.to === 'lead' || !report) return isLeadOf(c.staff, s) ? null : notLead(s)
      return notOffice()
    },
    decide: (input) => ({ type: 'reportAnswered', payload: { answer: input.answer } }),
    sample: (s) => (pendingReport(s) ? { ...sampleCase, answer: '--' } : null),
  }),

  /** 000 §5.2, 002 首问（办）负责 §4(2): a co-window confirms the part of the agreed plan it takes on */
  confirmJointPart: define({
    input: onCase({ part: Reason('本窗口承担的办理内容', 500) }),
    by: 'staff',
    ability: 'confirmJointPart',
    may: (c, s) => (!c.staff ? signInFirst() : isCoWindowStaff(c.staff, s) ? null : forbidden('只有本案的协办窗口可以确认承办部分')),
    decide: (input, _s, d) => ({ type: 'jointPartConfirmed', payload: { windowId: d.caller.staff!.windowId!, part: input.part } }),
    sample: () => ({ ...sampleCase, part: '--' }),
  }),

  /** 001 第六条(三), 003 三(一)3: the windows cannot agree: the lead window reports in writing to the hall office */
  reportJointDispute: define({
    input: onCase({
      items: Reason('争议事项', 1000),
      leadReasons: Reason('本窗口的理由', 1000),
      coReasons: Reason('协办窗口的理由', 1000),
      proposal: Reason('处理建议', 1000),
    }),
    by: 'staff',
    ability: 'reportJointDispute',
    may: leadOnly,
    decide: (input) => ({
      type: 'jointDisputeReported',
      payload: { items: input.items, leadReasons: input.leadReasons, coReasons: input.coReasons, proposal: input.proposal },
    }),
    sample: () => ({ ...sampleCase, items: '--', leadReasons: '--', coReasons: '--', proposal: '--' }),
  }),

  /** the hall office decides; the decision is the plan */
  decideJointDispute: define({
    input: onCase({ decision: Reason('裁定意见', 1000) }),
    by: 'staff',
    ability: 'decideJointDispute',
    may: (c, s) => (!c.staff ? signInFirst() : isOfficeOf(c.staff, s) ? null : notOffice()),
    decide: (input) => ({ type: 'jointDisputeDecided', payload: { decision: input.decision } }),
    sample: () => ({ ...sampleCase, decision: '--' }),
  }),

  /** 002 首问（办）负责 §1: the window lead takes the case over (the highest rank answers) */
  takeOver: define({
    input: onCase({ reason: Reason('接手原因') }),
    by: 'staff',
    ability: 'takeOver',
    may: (c, s) => {
      const refusal = leadOnly(c, s)
      if (refusal) return refusal
      return s.handlerId === c.staff!.id ? new DomainError('CONFLICT', '您已是本案的首问负责人') : null
    },
    decide: (input, state, d) => ({ type: 'takenOver', payload: { staffId: d.caller.staff!.id, reason: input.reason, previousId: state.handlerId } }),
    sample: () => ({ ...sampleCase, reason: '--' }),
  }),

  /** the window lead assigns the case to a colleague on duty at the window */
  assignCase: define({
    input: onCase({ staffId: StaffId }),
    by: 'staff',
    ability: 'assign',
    may: leadOnly,
    names: (input) => ({ staffIds: [input.staffId] }),
    check: (input, state, d) => colleagueAtWindow(d.named, state, input.staffId, 'staffId', '只能指派给本窗口在岗的工作人员'),
    decide: (input) => ({ type: 'assigned', payload: { staffId: input.staffId } }),
    sample: () => ({ ...sampleCase, staffId: 'x-colleague' }),
  }),

  /** 002 帮办代办 三(一): the 帮办代办 window's lead gives the request to one agent (帮办代办员) of the window */
  assignAgent: define({
    input: onCase({ staffId: StaffId }),
    by: 'staff',
    ability: 'assignAgent',
    may: leadOnly,
    names: (input) => ({ staffIds: [input.staffId] }),
    check: (input, state, d) => colleagueAtWindow(d.named, state, input.staffId, 'staffId', '只能指派本窗口在岗的帮办代办员'),
    decide: (input) => ({ type: 'agentAssigned', payload: { staffId: input.staffId } }),
    // two assignments at once: the second is told who has it
    explain: (error, state, named) => {
      const agentId = state.assisted?.agentId
      if (error.code !== 'CONFLICT' || !agentId) return error
      return new DomainError('CONFLICT', `该申请已由帮办代办员${named.staff(agentId)?.name ?? ''}负责`, { ...error.details, agentId })
    },
    sample: () => ({ ...sampleCase, staffId: 'x-colleague' }),
  }),

  /** 002 帮办代办 二: a 代办 starts with the materials handed over, each item, both sides confirming, on a numbered 交接单 */
  recordMaterialsHandover: define({
    input: onCase(MaterialsHandoverInput.shape),
    by: 'staff',
    ability: 'recordMaterialsHandover',
    may: handlerOnly,
    numbered: 'DB',
    check: (input) => checkHandover(input),
    photos: (input) => input.photos,
    decide: (input, _s, d) => ({
      type: 'materialsHandedOver',
      payload: { slipNo: d.formNo!, items: input.items, citizenConfirmed: true, agentConfirmed: true, photos: [...new Set(input.photos)], note: input.note },
    }),
    sample: () => ({ ...sampleCase, items: [{ name: '--', copies: 1, original: true }], citizenConfirmed: true, agentConfirmed: true, photos: [], note: '' }),
  }),

  /** the agent opens a case at another window for the request, linked to it, so the citizen follows one request */
  openAssistedCase: define({
    input: onCase(OpenAssistedCaseInput.shape),
    by: 'staff',
    ability: 'openAssistedCase',
    may: handlerOnly,
    names: (input) => ({ windowIds: [input.toWindowId] }),
    check: (input, _s, d) => activeWindows(d.named, [input.toWindowId], 'toWindowId'),
    decide: (input, _s, d) => ({ type: 'assistedCaseOpened', payload: { toWindowId: input.toWindowId, note: input.note, linkedCaseId: d.linkedCaseId! } }),
    opens: (input, state) =>
      state.assisted && input.toWindowId !== state.windowId
        ? { windowId: input.toWindowId, assisted: { text: `${ASSIST_MODE_LABELS[state.assisted.mode]}（${state.no}）：${input.note}` } }
        : null,
    sample: () => ({ ...sampleCase, toWindowId: 'x-other', note: '--' }),
  }),

  closeCase: define({
    input: onCase({ note: text().trim().max(200).default('') }),
    by: 'staff',
    ability: 'close',
    may: (c, s) => (!c.staff ? signInFirst() : isHandler(c.staff, s) || isLeadOf(c.staff, s) ? null : notLead(s)),
    decide: (input) => ({ type: 'closed', payload: { note: input.note } }),
    sample: () => ({ ...sampleCase, note: '' }),
  }),

  /** 好差评: the citizen rates each service round once */
  rateCase: define({
    input: onCase({
      level: RatingLevelSchema,
      tags: z.array(BadReason).max(6).default([]),
      text: text().trim().max(500, '评价内容不超过 500 个字').default(''),
    }),
    ability: 'rate',
    by: 'citizen',
    may: (c, s) => ownerRefusal(c, s),
    decide: (input, state) => ({ type: 'rated', payload: { level: input.level, tags: input.tags, text: input.text, ...ratingSubject(state) } }),
    sample: () => ({ ...sampleCase, level: 5 as const, tags: [], text: '' }),
  }),

  /** a bad rating: the window lead (or the hall office) records the finding and the rectification */
  recordRectification: define({
    input: onCase({ finding: RectificationFinding, measures: Reason('核查情况和整改措施', 1000) }),
    by: 'staff',
    ability: 'rectify',
    may: rectifier,
    decide: (input) => ({ type: 'rectified', payload: { finding: input.finding, measures: input.measures } }),
    sample: () => ({ ...sampleCase, finding: 'verified' as const, measures: '-' }),
  }),

  /** then the follow-up with the citizen (回访) */
  recordFollowUp: define({
    input: onCase({ result: Reason('回访情况'), satisfied: z.boolean() }),
    by: 'staff',
    ability: 'followUp',
    may: rectifier,
    decide: (input) => ({ type: 'followedUp', payload: { result: input.result, satisfied: input.satisfied } }),
    sample: () => ({ ...sampleCase, result: '-', satisfied: true }),
  }),
}

export type CaseActionName = keyof typeof CASE_ACTIONS
export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as CaseActionName[]
export type CaseActionInput<A extends CaseActionName> = z.output<(typeof CASE_ACTIONS)[A]['input']>

/** the input schema of every case action, for the API contract */
export const caseActionInputs = Object.fromEntries(CASE_ACTION_NAMES.map((name) => [name, CASE_ACTIONS[name].input])) as {
  [A in CaseActionName]: (typeof CASE_ACTIONS)[A]['input']
}

/** the actor an action is recorded under */
export function actorFor(spec: Pick<CaseActionSpec<z.ZodType>, 'by'>, caller: Caller): Actor {
  return caller.staff && spec.by !== 'citizen' ? staffActor(caller.staff) : { kind: 'citizen', id: caller.citizenId ?? '' }
}

const nothingNamed: Named = { staff: () => undefined, window: () => undefined }

/**
 * What the caller may do on the case now, for the page's buttons: each action's own rule tried on
 * its sample input, and the state machine's guard on the event it would record. The server checks
 * both again on every call.
 */
export function caseAbilities(caller: Caller, state: CaseState, rules: CaseRules): Record<CaseAbility, boolean> {
  const can = Object.fromEntries(CASE_ABILITIES.map((a) => [a, false])) as Record<CaseAbility, boolean>
  const at = formatShanghai(rules.now)
  for (const name of CASE_ACTION_NAMES) {
    const spec = CASE_ACTIONS[name] as CaseActionSpec<z.ZodType>
    if (!spec.ability || !spec.sample) continue
    const input = spec.sample(state, rules)
    if (input === null || spec.may(caller, state, rules, input) !== null) continue
    const body = spec.decide(input, state, { caller, rules, named: nothingNamed, formNo: '-', linkedCaseId: null, findPhrases: () => [] })
    const event = { ...body, caseId: state.id, seq: state.version + 1, at, actor: actorFor(spec, caller) } as CaseEvent
    can[spec.ability] = applyEvent(state, event, rules).ok
  }
  return can
}

/**
 * DESIGN "Cases": a complaint found true reopens the case for handling (002 限时办结 §7). Not an API
 * action of its own: the hall office's answer to the complaint records it.
 */
export const REOPEN_FOR_COMPLAINT = define({
  input: onCase({ reason: Reason('重新办理的原因') }),
  by: 'staff',
  may: (c, s) => (!c.staff ? signInFirst() : isOfficeOf(c.staff, s) ? null : notOffice()),
  decide: (input) => ({ type: 'reopened', payload: { reason: input.reason } }),
})

/** 002 四 随机回访: the hall office marks a finished request drawn for the month (handlers/assistedService.ts) */
export const SAMPLE_ASSISTED = define({
  input: onCase({ month: text().regex(/^\d{4}-\d{2}$/) }),
  by: 'staff',
  may: (c, s) => (!c.staff ? signInFirst() : isOfficeOf(c.staff, s) ? null : notOffice()),
  decide: (input) => ({ type: 'assistedSampled', payload: { month: input.month } }),
})

/** 002 四: the outcome of a 随机回访 call or a 不定期抽查, with the deduction a finding became */
export const REVIEW_ASSISTED = define({
  input: onCase({
    kind: z.enum(['callBack', 'spotCheck']),
    outcome: z.enum(['satisfied', 'dissatisfied', 'unreachable']),
    note: text(),
    deductionId: text().nullable(),
  }),
  by: 'staff',
  may: (c, s) => (!c.staff ? signInFirst() : isOfficeOf(c.staff, s) ? null : notOffice()),
  decide: (input) => ({ type: 'assistedReviewed', payload: { kind: input.kind, outcome: input.outcome, note: input.note, deductionId: input.deductionId } }),
})
