// Months of the demo hall's life before today, so a new user's dashboard, ledger and assessment show
// real shapes on the first start. Every case goes through the same API a hall's people use, at the
// simulated time it would have happened, and the sweep runs at each day's close as the timer would:
// the breaches, reminders and deductions are the rules' own, never written by hand. Deterministic for
// a seed, so the benches can feed on the same history.
import { randomBytes } from 'node:crypto'
import { createCalendar, shanghaiDate } from '../core/calendar'
import type { ActionInput, ActionName, ApiAnswer } from '../core/api'
import type { BadReason } from '../core/rating'
import type { ActionOutputs } from '../core/views'
import { createApi } from './api'
import { DEMO_HALL_ID, demoMatters, demoStaff } from './demoHall'
import type { FileAccess } from './files'
import type { Identity } from './identity'
import type { Store } from './store/port'
import { runSweep } from './sweep'

export interface HistoryOptions {
  /** the history ends the day before this instant */
  until: Date
  months?: number
  seed?: number
  /** cases a working day, on average, across the hall */
  perDay?: number
  progress?: (done: number, total: number) => void
}

export interface HistoryReport {
  days: number
  cases: number
  complaints: number
  breaches: number
  /** calls the API refused, by error code (a simulated citizen is sometimes too late to rate, …) */
  refused: Record<string, number>
}

const QUESTIONS: Record<string, Array<[string, string]>> = {
  bdc: [
    ['不动产证遗失了怎么补办？', '您好，补办需本人身份证和遗失声明，在本窗口申请，公告期满后领证。'],
    ['二手房过户需要带哪些材料？', '您好，买卖双方身份证、不动产权证书、买卖合同和完税凭证，均需原件。'],
    ['抵押登记注销要多长时间？', '您好，材料齐全的当场办结，请带好银行出具的注销证明。'],
  ],
  gjj: [
    ['公积金提取需要什么条件？', '您好，购买自住住房、偿还房贷或租房均可申请提取，请带身份证和相关合同。'],
    ['公积金贷款最高能贷多少？', '您好，按缴存余额和缴存年限计算，单人最高 50 万元，夫妻双方最高 70 万元。'],
  ],
  sb: [
    ['灵活就业人员怎么参保？', '您好，带身份证到本窗口登记即可，可选择按月或按年缴费。'],
    ['养老保险关系转移要跑几次？', '您好，在转入地申请即可，无需回转出地，一般 15 个工作日内办结。'],
  ],
  qykb: [
    ['开一家有限公司要准备什么？', '您好，公司章程、股东身份证明和住所证明，可在网上提交后到窗口领执照。'],
    ['个体户营业执照多久能拿到？', '您好，材料齐全的当场办结，当天即可领取执照。'],
  ],
  sw: [
    ['第一次领发票要带什么？', '您好，请带营业执照、经办人身份证，首次领用当场办结。'],
    ['二手房契税怎么计算？', '您好，首套 90 平方米以下按 1% 征收，具体以核定结果为准。'],
  ],
  zxzx: [
    ['大厅周六上班吗？', '您好，大厅周一至周五上班，周六上午设延时服务窗口。'],
    ['帮老人办事可以代办吗？', '您好，可以预约帮办代办，带上老人身份证和委托书即可。'],
  ],
}
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴霞', '徐强', '孙丽', '马超', '朱琳', '胡军', '郭艳']
const BAD_TEXTS: Array<[string, BadReason[]]> = [
  ['等了很久才有人接待', ['attitude']],
  ['答复没有解决我的问题，还要再跑一趟', ['result']],
  ['超过时间才答复', ['overdue']],
]

/** a small seeded generator (mulberry32), so the same seed writes the same history */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  }
}

const MINUTE = 60_000
/** 09:00 in the hall (+08:00) of a date, plus minutes */
const at = (date: string, minutes: number) => new Date(Date.parse(`${date}T09:00:00+08:00`) + minutes * MINUTE)

interface Step {
  at: Date
  run: () => Promise<void>
}

/**
 * Writes the history into the demo hall (which must be seeded and have no cases yet; callers check).
 * About 4 cases a working day over 6 months by default: some 500 cases, a minute or so on PGlite.
 */
export async function writeDemoHistory(store: Store, files: FileAccess, opts: HistoryOptions): Promise<HistoryReport> {
  const rnd = random(opts.seed ?? 20261201)
  const calendar = createCalendar()
  const report: HistoryReport = { days: 0, cases: 0, complaints: 0, breaches: 0, refused: {} }
  let now = opts.until
  const api = createApi({ store, now: () => now, demo: true, mode: 'selfHosted', files, log: () => {} })
  const call = async <A extends ActionName>(who: Identity, action: A, input: ActionInput<A>): Promise<ActionOutputs[A] | null> => {
    const answer = (await api.call(who, { action, ...input })) as ApiAnswer<ActionOutputs[A]>
    if (answer.ok) return answer.data
    report.refused[answer.error.code] = (report.refused[answer.error.code] ?? 0) + 1
    return null
  }
  const rid = () => randomBytes(8).toString('hex')
  const person = (staffId: string): Identity => ({ citizenId: null, staffId })
  const people = demoStaff()
  const office = person(people.find((p) => p.role === 'office')!.id)
  const clerks = (windowId: string) => people.filter((p) => p.windowId === windowId && p.role === 'staff').map((p) => p.id)
  const leadOf = (windowId: string) => person(people.find((p) => p.windowId === windowId && p.role === 'lead')!.id)
  const matters = demoMatters()
  const windowIds = Object.keys(QUESTIONS)

  // the working days of the period, oldest first
  const days: string[] = []
  const start = new Date(opts.until)
  start.setUTCMonth(start.getUTCMonth() - (opts.months ?? 6))
  const today = shanghaiDate(opts.until)
  for (let d = start; shanghaiDate(d) < today; d = new Date(d.getTime() + 86_400_000)) {
    const date = shanghaiDate(d)
    if (calendar.isWorkingDay(date) && days[days.length - 1] !== date) days.push(date)
  }
  // a working day n after date; past the period a day that never comes, so the step is not taken
  const later = (date: string, n: number) => days[days.indexOf(date) + n] ?? '9999-12-31'

  const steps: Step[] = []
  // what would happen today or later is left to the hall's people: those cases are still open
  // 常见问答 published from the history's answers, by question
  const published = new Map<string, string | null>()
  const plan = (when: Date, run: () => Promise<void>) => {
    if (when.getTime() < opts.until.getTime()) steps.push({ at: when, run })
  }

  for (const date of days) {
    const count = rnd.int(Math.max(1, (opts.perDay ?? 4) - 2), (opts.perDay ?? 4) + 2)
    for (let i = 0; i < count; i++) {
      const windowId = rnd.pick(windowIds)
      const [question, answer] = rnd.pick(QUESTIONS[windowId]!)
      const clerk = person(rnd.pick(clerks(windowId)))
      const citizen: Identity = { citizenId: `dev:${randomBytes(12).toString('hex')}`, staffId: null }
      const t = rnd.int(0, 420) // 09:00 … 16:00
      const ownMatters = matters.filter((m) => m.windowId === windowId && m.kind === 'promised')
      const application = ownMatters.length > 0 && rnd.chance(0.35)
      const matter = application ? rnd.pick(ownMatters) : null
      const c = { id: '' }
      plan(at(date, t), async () => {
        const made = await call(citizen, 'submitCase', {
          hallId: DEMO_HALL_ID,
          windowId,
          ...(matter ? { matterId: matter.id } : {}),
          kind: application ? 'application' : 'consult',
          contact: { name: rnd.pick(NAMES), phone: `139${String(rnd.int(0, 99_999_999)).padStart(8, '0')}` },
          text: application ? `申请办理${matter!.name}` : question,
          attachments: [],
          requestId: rid(),
        })
        if (made) {
          c.id = made.caseId
          report.cases++
        }
      })
      const on = (when: Date, run: (caseId: string) => Promise<unknown>) =>
        plan(when, async () => {
          if (c.id) await run(c.id)
        })
      const claimAt = t + rnd.int(1, 8)
      on(at(date, claimAt), (caseId) => call(clerk, 'claimCase', { caseId, requestId: rid() }))
      let decided: Date
      if (!application) {
        const spot = rnd.chance(0.55)
        // most timed replies come the next working day; a few run past the 2-day limit
        decided = spot ? at(date, claimAt + rnd.int(2, 10)) : at(later(date, rnd.chance(0.06) ? 3 : 1), rnd.int(30, 400))
        on(decided, (caseId) => call(clerk, 'replyCase', { caseId, requestId: rid(), text: answer, mode: spot ? 'onTheSpot' : 'timed' }))
        // the first answer to each common question is published as 常见问答; later citizens find it
        if (!published.has(question)) {
          published.set(question, null)
          on(new Date(decided.getTime() + 5 * MINUTE), async (caseId) => {
            const faq = await call(clerk, 'publishFaq', { caseId, question, answer, requestId: rid() })
            if (faq) published.set(question, faq.id)
          })
        } else if (rnd.chance(0.3)) {
          // a citizen reading the published answer while typing: solved before asking
          plan(at(date, t), async () => {
            const id = published.get(question)
            if (id) await call(citizen, 'resolveFaq', { hallId: DEMO_HALL_ID, faqId: id, requestId: rid() })
          })
        }
      } else {
        let acceptAt = at(date, claimAt + rnd.int(3, 15))
        if (rnd.chance(0.2)) {
          // one-time notice of what is missing; the citizen brings it a day or two later
          on(acceptAt, (caseId) => call(clerk, 'issueSupplementNotice', { caseId, requestId: rid(), items: ['身份证复印件', '委托书原件'] }))
          const back = at(later(date, rnd.int(1, 2)), rnd.int(0, 200))
          on(back, (caseId) => call(citizen, 'materialsComplete', { caseId, requestId: rid(), note: '' }))
          acceptAt = new Date(back.getTime() + 20 * MINUTE)
        }
        on(acceptAt, (caseId) => call(clerk, 'acceptCase', { caseId, requestId: rid(), mode: 'promised', limitDays: matter!.promisedDays! }))
        const lateDone = rnd.chance(0.04)
        decided = at(later(shanghaiDate(acceptAt), lateDone ? matter!.promisedDays! + 1 : rnd.int(1, matter!.promisedDays!)), rnd.int(0, 400))
        on(decided, (caseId) => call(clerk, 'completeCase', { caseId, requestId: rid(), result: `${matter!.name}已办结，请到窗口领取结果` }))
      }
      // the rating: most citizens rate, most are satisfied; a bad one goes to the lead
      let settled = new Date(at(later(shanghaiDate(decided), 1), 420).getTime())
      if (rnd.chance(0.8)) {
        const r = rnd.next()
        const level = r < 0.62 ? 5 : r < 0.86 ? 4 : r < 0.94 ? 3 : r < 0.98 ? 2 : 1
        const ratedAt = new Date(decided.getTime() + rnd.int(5, 180) * MINUTE)
        const [badText, tags] = rnd.pick(BAD_TEXTS)
        on(ratedAt, (caseId) => call(citizen, 'rateCase', { caseId, requestId: rid(), level, tags: level <= 2 ? tags : [], text: level <= 2 ? badText : '' }))
        if (level <= 2) {
          const lead = leadOf(windowId)
          const verified = rnd.chance(0.5)
          const rectified = at(later(shanghaiDate(ratedAt), 1), 60)
          on(rectified, (caseId) =>
            call(lead, 'recordRectification', {
              caseId,
              requestId: rid(),
              finding: verified ? 'verified' : 'notStaffFault',
              measures: verified ? '已约谈承办人，重新答复市民' : '经核查系材料问题，已向市民解释',
            }),
          )
          on(new Date(rectified.getTime() + 90 * MINUTE), (caseId) =>
            call(lead, 'recordFollowUp', { caseId, requestId: rid(), result: '电话回访，市民表示理解', satisfied: true }),
          )
          settled = new Date(rectified.getTime() + 120 * MINUTE)
        } else settled = new Date(ratedAt.getTime() + 30 * MINUTE)
        // now and then a complaint about the window, answered by the hall office
        if (level === 1 || rnd.chance(0.015)) {
          const filed = new Date(ratedAt.getTime() + 10 * MINUTE)
          const complaint = { id: '' }
          plan(filed, async () => {
            if (!c.id) return
            const made = await call(citizen, 'fileComplaint', {
              hallId: DEMO_HALL_ID,
              target: { kind: 'case', caseId: c.id },
              topic: 'attitude',
              text: '窗口工作人员答复不耐烦，希望改进服务态度。',
              contact: { name: rnd.pick(NAMES), phone: '13800000000' },
              attachments: [],
              requestId: rid(),
            })
            if (made) {
              complaint.id = made.id
              report.complaints++
            }
          })
          plan(at(later(shanghaiDate(filed), rnd.int(2, 8)), 120), async () => {
            if (!complaint.id) return
            const verified = rnd.chance(0.5)
            await call(office, 'answerComplaint', {
              complaintId: complaint.id,
              finding: verified ? 'verified' : 'unfounded',
              answer: verified
                ? '经调阅记录并约谈当事人，情况属实，已责成窗口改进服务并向市民致歉。'
                : '经调阅记录和监控，未发现工作人员有不当言行，已向市民说明。',
              ...(verified ? { responsibleStaffId: clerk.staffId! } : {}),
            })
            // a verified complaint reopens the case: the clerk answers again the next working day and closes it
            if (!verified) return
            const redo = (n: number, run: () => Promise<unknown>) => plan(at(later(shanghaiDate(now), 1), 60 + n), async () => void (await run()))
            redo(0, () =>
              application
                ? call(clerk, 'acceptCase', { caseId: c.id, requestId: rid(), mode: 'instant' })
                : call(clerk, 'replyCase', {
                    caseId: c.id,
                    requestId: rid(),
                    text: '您好，经重新核实，现将答复补充说明如下，给您带来不便深表歉意。',
                    mode: 'timed',
                  }),
            )
            redo(30, () => call(clerk, 'closeCase', { caseId: c.id, requestId: rid(), note: '' }))
          })
        }
      }
      // the case is closed (结案) once it is settled, and counted in the window's ledger (附件3)
      on(settled, (caseId) => call(clerk, 'closeCase', { caseId, requestId: rid(), note: '' }))
    }
    // the timer's run at the day's close
    plan(at(date, 8 * 60 + 40), async () => {
      report.breaches += (await runSweep(store, { now })).breaches
    })
  }

  const byTime = (a: Step, b: Step) => a.at.getTime() - b.at.getTime()
  steps.sort(byTime)
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!
    const planned = steps.length
    now = step.at
    await step.run()
    // a step may plan later ones (the answer to a reopened case): they join the queue in time order
    if (steps.length !== planned) steps.push(...steps.splice(i + 1).sort(byTime))
    if (i % 200 === 0) opts.progress?.(i, steps.length)
  }
  report.days = days.length
  // the history's notices were read at the time; today's inbox starts clean
  now = opts.until
  for (const p of people) await call(person(p.id), 'markRead', { as: 'staff' })
  return report
}
