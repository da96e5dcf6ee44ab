// The notices a case gives the citizen, through the handlers on the embedded Postgres: the one-time
// notice worded as the case's preset words it (000 附件1「现将资料退回」; 002 一次性告知 §1: the basis,
// conditions, procedure and time limit besides the materials), the numbered 受理通知书 of a promised
// case (002 首问（办）负责 §3(2)) and the 不予受理 / 不予登记通知书 with reason and basis (002 限时办结 §3–§4).
import { seedDemoHall } from '../../src/server/demoHall'
import { openTestDb, type TestDb } from '../support/pglite'
import { citizen, outcome, rid, staffMember, testApi } from '../support/api'

let db: TestDb
const now = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in the hall
const api = () => testApi({ store: db.store, now: () => now })
const li = staffMember('bdc-li')
const office = staffMember('office-xu')

beforeAll(async () => {
  db = await openTestDb()
  await seedDemoHall(db.store)
})
afterAll(() => db.close())

async function opened(matterId?: string) {
  const me = citizen()
  const { caseId } = await api().ok(me, 'submitCase', {
    hallId: 'demo',
    windowId: 'bdc',
    kind: 'application',
    ...(matterId ? { matterId } : {}),
    contact: { name: '张三', phone: '13912345678' },
    text: '办理二手房转移登记',
    requestId: rid(),
  })
  await api().ok(li, 'claimCase', { caseId, requestId: rid() })
  return { me, caseId }
}

async function usePreset(presetId: '000' | '002') {
  const page = await api().ok(office, 'policySettings', {})
  if (page.presetId === presetId) return
  await api().ok(office, 'savePolicy', { presetId, overrides: {}, note: `改用 ${presetId}`, baseVersion: page.version, requestId: rid() })
}

describe('under 000 (the demo hall’s preset)', () => {
  let before000: string

  it('the one-time notice is 附件1 and tells the materials only; the matter’s basis is kept with the case', async () => {
    const { me, caseId } = await opened('bdc-zydj')
    before000 = caseId
    const view = await api().ok(li, 'issueSupplementNotice', { caseId, requestId: rid(), items: ['完税凭证'], guidance: { basis: '不该印在附件1上' } })
    expect(view.forms.supplementNotice.value).toEqual(expect.objectContaining({ title: '一次性补件告知单', topics: [] }))
    expect(view.forms.supplementNotice.value.intro).toContain('现将资料退回')
    expect(view.forms.supplementNotice.cite).toContain('000')
    // a topic the preset's notice does not print is not recorded
    expect(view.notices[0]).toEqual(expect.objectContaining({ items: ['完税凭证'], told: [] }))
    expect(view.matter?.basis).toContain('不动产登记暂行条例')
    // the citizen reads the same notice
    expect((await api().ok(me, 'getCase', { caseId })).notices[0]!.noticeNo).toBe(view.notices[0]!.noticeNo)
  })

  it('a promised acceptance gets a numbered 受理通知书, an instant one none', async () => {
    const a = await opened()
    const accepted = await api().ok(li, 'acceptCase', { caseId: a.caseId, requestId: rid(), mode: 'promised', limitDays: 3 })
    expect(accepted.acceptance?.noticeNo).toMatch(/^[A-Z]+-SL-2026-0001$/)
    expect(accepted.forms.acceptanceNotice.value.title).toBe('受理通知书')
    const b = await opened()
    const second = await api().ok(li, 'acceptCase', { caseId: b.caseId, requestId: rid(), mode: 'promised', limitDays: 3 })
    expect(second.acceptance?.noticeNo).toMatch(/-SL-2026-0002$/)
    const c = await opened()
    expect((await api().ok(li, 'acceptCase', { caseId: c.caseId, requestId: rid(), mode: 'instant' })).acceptance?.noticeNo).toBeUndefined()
    // a repeated request draws no second number
    const d = await opened()
    const input = { caseId: d.caseId, requestId: rid(), mode: 'promised' as const, limitDays: 3 }
    const once = await api().ok(li, 'acceptCase', input)
    expect((await api().ok(li, 'acceptCase', input)).acceptance?.noticeNo).toBe(once.acceptance?.noticeNo)
    expect(once.acceptance?.noticeNo).toMatch(/-SL-2026-0003$/)
  })

  it('a refusal before acceptance is 不予受理, after it 不予办理; both numbered, with reason and basis', async () => {
    const a = await opened()
    const refused = await api().ok(li, 'refuseCase', {
      caseId: a.caseId,
      requestId: rid(),
      reason: '申请人不是权利人',
      legalBasis: '《不动产登记暂行条例》第十四条',
    })
    expect(refused.refusal).toEqual(
      expect.objectContaining({ afterAcceptance: false, reason: '申请人不是权利人', noticeNo: expect.stringMatching(/-BY-2026-0001$/) }),
    )
    expect(refused.forms.refusalBeforeAcceptance.value.title).toBe('不予受理通知书')
    const b = await opened()
    await api().ok(li, 'acceptCase', { caseId: b.caseId, requestId: rid(), mode: 'promised', limitDays: 3 })
    const later = await api().ok(li, 'refuseCase', {
      caseId: b.caseId,
      requestId: rid(),
      reason: '房屋已被查封',
      legalBasis: '《不动产登记暂行条例》第二十二条',
    })
    expect(later.refusal).toEqual(expect.objectContaining({ afterAcceptance: true, noticeNo: expect.stringMatching(/-BY-2026-0002$/) }))
    expect(later.forms.refusalAfterAcceptance.value.title).toBe('不予办理通知书')
    // without a basis nothing is refused
    const c = await opened()
    expect(await outcome(api(), li, 'refuseCase', { caseId: c.caseId, requestId: rid(), reason: '不符合条件', legalBasis: '' })).toBe(
      'INVALID_INPUT:legalBasis',
    )
  })

  describe('then the hall changes to 002', () => {
    beforeAll(() => usePreset('002'))

    it('the notice must tell the basis, conditions, procedure and time limit; each missing one is named', async () => {
      const { caseId } = await opened('bdc-zydj')
      const full = {
        basis: '《不动产登记暂行条例》第十四条',
        conditions: '申请人为不动产权利人',
        procedure: '申请—受理—审核—登簿',
        timeLimit: '受理后 5 个工作日内办结',
      }
      expect(await outcome(api(), li, 'issueSupplementNotice', { caseId, requestId: rid(), items: ['完税凭证'] })).toBe('INVALID_INPUT:guidance.basis')
      expect(await outcome(api(), li, 'issueSupplementNotice', { caseId, requestId: rid(), items: ['完税凭证'], guidance: { ...full, procedure: '  ' } })).toBe(
        'INVALID_INPUT:guidance.procedure',
      )
      const long = 'x'.repeat(501)
      expect(await outcome(api(), li, 'issueSupplementNotice', { caseId, requestId: rid(), items: ['完税凭证'], guidance: { ...full, basis: long } })).toBe(
        'INVALID_INPUT:guidance.basis',
      )
      const view = await api().ok(li, 'issueSupplementNotice', { caseId, requestId: rid(), items: ['完税凭证'], guidance: full })
      expect(view.forms.supplementNotice.value.title).toBe('政务服务事项一次性告知通知书')
      expect(view.notices[0]!.told).toEqual([
        { label: '办理依据', text: full.basis },
        { label: '办理条件', text: full.conditions },
        { label: '办理程序', text: full.procedure },
        { label: '办理时限', text: full.timeLimit },
      ])
    })

    it('a refusal after acceptance is 不予登记 (002 限时办结 §4)', async () => {
      const { caseId } = await opened()
      await api().ok(li, 'acceptCase', { caseId, requestId: rid(), mode: 'promised', limitDays: 3 })
      const view = await api().ok(li, 'refuseCase', { caseId, requestId: rid(), reason: '房屋已被查封', legalBasis: '《不动产登记暂行条例》第二十二条' })
      expect(view.forms.refusalAfterAcceptance).toEqual({ value: expect.objectContaining({ title: '不予登记通知书' }), cite: '002 限时办结 §4' })
    })

    it('a case opened under 000 keeps its wording', async () => {
      const view = await api().ok(li, 'getCase', { caseId: before000 })
      expect(view.forms.supplementNotice.value.title).toBe('一次性补件告知单')
    })
  })
})
