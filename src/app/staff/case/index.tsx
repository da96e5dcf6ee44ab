// A case as staff handle it: every action the regulations give, each with the form it asks for. The
// server says which apply now (CaseView.can) and checks again.
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { ActionInput, ActionName } from '../../../core/api'
import type { ErrorBody } from '../../../core/errors'
import type { CaseView } from '../../../core/views'
import { redact } from '../../../core/faq'
import { call, newRequestId } from '../../api/client'
import { ActionForm, type FieldSpec, type FormValues } from '../../components/ActionForm'
import { CaseDetails } from '../../components/CaseDetails'
import { AssistedActions, AssistedCard } from '../../components/AssistedParts'
import { RatingList } from '../../components/RatingParts'
import { CaseHeader, ClockList, Message, ReplyBlock, ResponderCard, Timeline } from '../../components/CaseParts'
import { PhotoList } from '../../components/Photos'
import { PhoneReveal } from '../../components/PhoneReveal'
import { useStaffView } from '../../lib/useStaffView'
import { showFirstError } from '../../lib/a11y'
import { UP_REASONS, type UpReason, type UpTo } from '../../../core/reportUp'
import { NOTICE_TOPIC_LABELS as NOTICE_TOPIC_NAMES, type NoticeTopic } from '../../../core/policy'
import { citeInWords } from '../../../core/regulation'

const UP_REASON_OPTIONS = (Object.keys(UP_REASONS) as UpReason[]).map((k) => ({ value: k, label: UP_REASONS[k].label }))

export default function StaffCasePage() {
  const { params } = useRouter()
  const { view, setView, error, load } = useStaffView(() => call('getCase', { caseId: params.id ?? '' }), { sharedWithCitizens: true })
  const [notice, setNotice] = useState<string | null>(null)
  const [mode, setMode] = useState<'onTheSpot' | 'timed'>('timed')
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  // a refused reply (e.g. a forbidden phrase) is told under the reply box, where the clerk is typing
  const [replyError, setReplyError] = useState<string | null>(null)

  /** runs an action on this case; answers the refusal, or null when done */
  async function act<A extends ActionName>(action: A, input: Omit<ActionInput<A>, 'caseId' | 'requestId'>, done: string): Promise<ErrorBody | null> {
    if (!view) return null
    const a = await call(action, { ...input, caseId: view.id, requestId: newRequestId() } as ActionInput<A>)
    if (!a.ok) return a.error
    setView(a.data as CaseView)
    setNotice(done)
    return null
  }
  const submitWith =
    <A extends ActionName>(action: A, done: string, map: (v: FormValues) => Omit<ActionInput<A>, 'caseId' | 'requestId'>) =>
    (v: FormValues) =>
      act(action, map(v), done)

  async function claim() {
    setBusy(true)
    const refusal = await act('claimCase', {}, '已接待，您是本案的首问负责人')
    setBusy(false)
    if (refusal) {
      setNotice(refusal.message)
      load()
    }
  }

  async function reply() {
    setBusy(true)
    const refusal = await act('replyCase', { text, mode }, '答复已送达市民')
    setBusy(false)
    setReplyError(refusal?.message ?? null)
    if (refusal) showFirstError()
    else setText('')
  }

  if (error)
    return (
      <View className='page'>
        <Message title='无法查看' text={error} />
      </View>
    )
  if (!view) return <View className='page loading'>正在加载…</View>
  const can = view.can
  // 002 限时办结 §3 不予受理 before acceptance, §4 不予登记 after it
  const refusalWording = view.acceptance ? view.forms.refusalAfterAcceptance : view.forms.refusalBeforeAcceptance
  const colleagues = view.colleagues.filter((c) => c.id !== view.responder?.staffId).map((c) => ({ value: c.id, label: `${c.name}（${c.title}）` }))
  const windows = view.otherWindows.map((w) => ({ value: w.id, label: w.name }))
  const runningClock = view.clocks.find((c) => c.state === 'running')
  const lastSlip = view.handovers[view.handovers.length - 1]
  const pendingExtension = view.extensionRequests.find((r) => !r.decision)
  const pendingReport = view.reports.find((r) => !r.answer)

  return (
    <View className='page'>
      <CaseHeader view={view} />
      {view.slip ? (
        <View className='notice'>
          登记的案件，服务对象还未扫码关联。查询码 <Text className='case-head'>{view.slip.queryCode}</Text>
          <Text className='link footer__gap' onClick={() => Taro.navigateTo({ url: `/staff/slip/index?id=${view.id}` })}>
            出示回执
          </Text>
        </View>
      ) : null}
      <View className='section'>
        <View className='section__title'>市民{view.kind === 'consult' ? '咨询' : '申请'}</View>
        {view.matter ? (
          <View className='muted'>
            事项：{view.matter.name}（{view.matter.kind === 'instant' ? '即办件' : `承诺件 ${view.matter.promisedDays} 个工作日`}）
          </View>
        ) : null}
        <View className='mine-text'>{view.text}</View>
        <PhotoList photos={view.attachments} />
        <View className='muted'>
          {view.contact.name} · <PhoneReveal masked={view.contact.phone} target={{ caseId: view.id }} />
        </View>
      </View>
      {notice ? <View className='notice'>{notice}</View> : null}
      {can.claim ? (
        <View className='section'>
          <Button className={`btn btn--primary ${busy ? 'btn--off' : ''}`} loading={busy} disabled={busy} onClick={claim}>
            接待此{view.kind === 'consult' ? '咨询' : '申请'}（成为首问负责人）
          </Button>
        </View>
      ) : null}
      {can.acknowledgeHandover && lastSlip ? (
        <View className='section'>
          <ActionForm
            title={`阅知交接单 ${lastSlip.slipNo}`}
            hint={`${lastSlip.from.name} 移交：${lastSlip.reason}。阅知后您承接首问责任，请当日与市民联系（《住房公积金管理中心首问负责制实施细则》三(一)2）。`}
            fields={[]}
            submitLabel='已阅知，承接首问责任'
            onSubmit={submitWith('acknowledgeHandover', '您已承接首问责任，请今天内联系市民', () => ({ slipNo: lastSlip.slipNo }))}
          />
        </View>
      ) : null}
      {view.responder ? (
        <View className='section'>
          <View className='section__title'>首问负责人</View>
          <ResponderCard card={view.responder} />
        </View>
      ) : null}
      {can.reply ? (
        <View className='section form'>
          <View className='section__title'>答复市民</View>
          <View className='segmented'>
            {(['onTheSpot', 'timed'] as const).map((m) => (
              <Text key={m} className={`segmented__item ${mode === m ? 'segmented__item--on' : ''}`} onClick={() => setMode(m)}>
                {m === 'onTheSpot' ? '当场答复' : '限时答复'}
              </Text>
            ))}
          </View>
          <Textarea
            className='field__textarea'
            value={text}
            maxlength={2000}
            placeholder='请耐心、完整地答复，一次性告知所需材料和办理方式'
            onInput={(e) => {
              setText(e.detail.value)
              setReplyError(null)
            }}
          />
          {replyError ? <View className='field__error'>{replyError}</View> : null}
          <Button
            className={`btn btn--primary ${busy || text.trim().length < 2 ? 'btn--off' : ''}`}
            loading={busy}
            disabled={busy || text.trim().length < 2}
            onClick={reply}
          >
            发送答复
          </Button>
        </View>
      ) : null}
      <View className='actions'>
        {can.recordContact ? (
          <ActionForm
            title='登记已联系市民'
            fields={[{ name: 'note', label: '联系情况', kind: 'text', placeholder: '例如：已电话联系，约定明天来办' }]}
            submitLabel='登记'
            onSubmit={submitWith('recordContact', '已登记联系情况', (v) => ({ note: String(v.note) }))}
          />
        ) : null}
        {can.issueSupplementNotice ? (
          <ActionForm
            title={`一次性告知：${view.forms.supplementNotice.value.title}`}
            hint={`请一次列明需要补正的全部材料${view.forms.supplementNotice.value.topics.length ? '，并写明告知单要求的各项内容' : ''}（${citeInWords(view.forms.supplementNotice.cite)}）：勾选清单中缺少的，其他材料每行写一项。`}
            fields={noticeFields(view)}
            submitLabel='出具告知单'
            onSubmit={submitWith('issueSupplementNotice', '告知单已出具', (v) => ({
              items: [...((v.picked as string[] | undefined) ?? []), ...(v.items as string[])],
              guidance: Object.fromEntries(view.forms.supplementNotice.value.topics.map((t) => [t, String(v[`guidance.${t}`] ?? '')])),
            }))}
          />
        ) : null}
        {can.materialsComplete ? (
          <ActionForm
            title='材料已备齐'
            fields={[]}
            submitLabel='确认材料已备齐，继续办理'
            onSubmit={submitWith('materialsComplete', '材料已备齐，时限继续计算', () => ({}))}
          />
        ) : null}
        {can.accept ? (
          <ActionForm
            title='受理'
            fields={[
              {
                name: 'mode',
                label: '办件类型',
                kind: 'choice',
                options: [
                  { value: 'instant', label: '即办件（当场办结）' },
                  { value: 'promised', label: '承诺件' },
                ],
                initial: view.matter?.kind ?? 'instant',
              },
              {
                name: 'limitDays',
                label: view.matter?.promisedDays
                  ? `承诺办结时限（工作日；不填按事项清单 ${view.matter.promisedDays} 个工作日）`
                  : '承诺办结时限（工作日，承诺件填写）',
                kind: 'number',
              },
              ...(view.matter?.promisedDays ? [{ name: 'limitReason', label: '时限与事项清单不同时的理由（将告知市民）', kind: 'text' as const }] : []),
            ]}
            submitLabel='受理'
            onSubmit={submitWith('acceptCase', '已受理；承诺件可打印受理通知书', (v) => ({
              mode: v.mode as 'instant' | 'promised',
              limitDays: v.mode === 'promised' && v.limitDays !== '' ? Number(v.limitDays) : undefined,
              limitReason: v.mode === 'promised' && v.limitReason ? String(v.limitReason) : undefined,
            }))}
          />
        ) : null}
        <AssistedActions view={view} submit={(action, input, done) => act(action, input as never, done)} />
        {can.complete ? (
          <ActionForm
            title='办结'
            fields={[{ name: 'result', label: '办理结果', kind: 'textarea' }]}
            submitLabel='办结'
            confirm={{
              title: '确认办结',
              content: '办结后时限停止计算，市民会收到办理结果并可以评价；办结不能撤回。',
              confirmText: '确认办结',
            }}
            onSubmit={submitWith('completeCase', '已办结', (v) => ({ result: String(v.result) }))}
          />
        ) : null}
        {can.refuse ? (
          <ActionForm
            title={view.acceptance ? '不予办理（已受理）' : '不予受理'}
            hint={`须明确告知理由和依据，并出具${refusalWording.value.title}（${citeInWords(refusalWording.cite)}）。`}
            fields={[
              { name: 'reason', label: '理由', kind: 'textarea' },
              { name: 'legalBasis', label: '法律、法规或政策依据', kind: 'text' },
            ]}
            submitLabel={`出具${refusalWording.value.title}`}
            tone='danger'
            confirm={{
              title: `确认出具${refusalWording.value.title}`,
              content: `本案将以${view.acceptance ? '不予办理' : '不予受理'}结束，市民会收到理由、依据和救济途径；出具后不能撤回。`,
              confirmText: '确认出具',
              danger: true,
            }}
            onSubmit={submitWith('refuseCase', `${refusalWording.value.title}已出具`, (v) => ({ reason: String(v.reason), legalBasis: String(v.legalBasis) }))}
          />
        ) : null}
        {can.createHandover && colleagues.length > 0 ? (
          <ActionForm
            title='移交本窗口承办人（交接单）'
            fields={[
              { name: 'toStaffId', label: '接收人', kind: 'choice', options: colleagues },
              { name: 'reason', label: '交接原因', kind: 'text' },
              { name: 'remarks', label: '备注', kind: 'text' },
            ]}
            submitLabel='生成交接单'
            onSubmit={submitWith('createHandover', '交接单已生成，等待接收人阅知', (v) => ({
              toStaffId: String(v.toStaffId),
              reason: String(v.reason),
              remarks: String(v.remarks),
            }))}
          />
        ) : null}
        {can.refer && windows.length > 0 ? (
          <ActionForm
            title='指引到本大厅其他窗口'
            hint='请告诉市民到哪个窗口、怎么办，不得说「不知道、不清楚、不归我管」（《政务服务中心窗口首问负责制实施细则》第五条第三项）。'
            fields={[
              { name: 'toWindowId', label: '窗口', kind: 'choice', options: windows },
              { name: 'note', label: '给市民的指引', kind: 'textarea' },
              { name: 'openLinked', label: '同时在该窗口为市民登记', kind: 'toggle', initial: true },
            ]}
            submitLabel='指引'
            onSubmit={submitWith('referCase', '已指引市民到其他窗口', (v) => ({
              toWindowId: String(v.toWindowId),
              note: String(v.note),
              openLinked: v.openLinked === true,
            }))}
          />
        ) : null}
        {can.reportJoint && windows.length > 0 ? (
          <ActionForm
            title='需要其他窗口共同办理'
            hint='报告窗口负责人，由本窗口牵头商定办理方案（《政务服务中心窗口首问负责制实施细则》第五条第二项）。'
            fields={[
              { name: 'coWindowIds', label: '协办窗口', kind: 'multi', options: windows },
              { name: 'note', label: '情况说明', kind: 'textarea' },
            ]}
            submitLabel='报告窗口负责人'
            onSubmit={submitWith('reportJoint', '已报告窗口负责人', (v) => ({ coWindowIds: v.coWindowIds as string[], note: String(v.note) }))}
          />
        ) : null}
        {can.recordJointPlan ? (
          <ActionForm
            title='记录共同办理方案'
            fields={[{ name: 'plan', label: '商定的办理方案', kind: 'textarea' }]}
            submitLabel='记录方案'
            onSubmit={submitWith('recordJointPlan', '办理方案已记录', (v) => ({ plan: String(v.plan), coWindowIds: view.joint?.coWindowIds ?? [] }))}
          />
        ) : null}
        {can.outsideHall ? (
          <ActionForm
            title='不属于本大厅职责'
            fields={[
              {
                name: 'mode',
                label: '类型',
                kind: 'choice',
                options: [
                  { value: 'consult', label: '咨询：向市民说明' },
                  { value: 'written', label: '书面申请：转政务服务科移交' },
                ],
                initial: 'consult',
              },
              { name: 'explanation', label: '向市民的说明', kind: 'textarea' },
              { name: 'department', label: '主管部门', kind: 'text' },
            ]}
            submitLabel='确定'
            onSubmit={submitWith('outsideHall', '已记录', (v) => ({
              mode: v.mode as 'consult' | 'written',
              explanation: String(v.explanation),
              department: String(v.department),
            }))}
          />
        ) : null}
        {can.forwardOutside ? (
          <ActionForm
            title='登记移交主管部门'
            fields={[
              { name: 'department', label: '接收部门', kind: 'text' },
              { name: 'date', label: '移交日期', kind: 'text', placeholder: '2026-11-24' },
              { name: 'documentNo', label: '文号', kind: 'text' },
            ]}
            submitLabel='登记移交'
            onSubmit={submitWith('forwardOutside', '已登记移交', (v) => ({
              department: String(v.department),
              date: String(v.date),
              documentNo: String(v.documentNo),
            }))}
          />
        ) : null}
        {can.extend && runningClock ? (
          <ActionForm
            title={`延期：${runningClock.label}`}
            hint='延期理由将告知市民（《便民服务中心首问负责、限时办结与考核制度》「限时办结」第五条）。'
            fields={[
              { name: 'days', label: '延期工作日数', kind: 'number' },
              { name: 'reason', label: '延期理由', kind: 'textarea' },
            ]}
            submitLabel='延期'
            onSubmit={submitWith('extendClock', '已延期', (v) => ({ clockKind: runningClock.kind, days: Number(v.days), reason: String(v.reason) }))}
          />
        ) : null}
        {can.requestExtension && runningClock ? (
          <ActionForm
            title={`申请延期：${runningClock.label}`}
            hint={`本厅规则要求延期须经窗口负责人或政务服务科批准；批准后延期理由将告知市民（${citeInWords('004 限时办结 §5')}）。`}
            fields={[
              { name: 'days', label: '延期工作日数', kind: 'number' },
              { name: 'reason', label: '延期理由', kind: 'textarea' },
            ]}
            submitLabel='提交延期申请'
            onSubmit={submitWith('requestExtension', '延期申请已提交，等待审批', (v) => ({
              clockKind: runningClock.kind,
              days: Number(v.days),
              reason: String(v.reason),
            }))}
          />
        ) : null}
        {can.decideExtension && pendingExtension ? (
          <ActionForm
            title={`审批延期申请：${pendingExtension.clockLabel}延长 ${pendingExtension.days} 个工作日`}
            hint={`申请人 ${pendingExtension.by}，理由：${pendingExtension.reason}。批准后将告知市民延期理由。`}
            fields={[
              {
                name: 'granted',
                label: '审批意见',
                kind: 'choice',
                options: [
                  { value: 'yes', label: '批准' },
                  { value: 'no', label: '不予批准' },
                ],
                initial: 'yes',
              },
              { name: 'note', label: '说明（不予批准时必填）', kind: 'textarea' },
            ]}
            submitLabel='提交审批'
            onSubmit={submitWith('decideExtension', '审批意见已记录', (v) => ({ granted: v.granted === 'yes', note: String(v.note) }))}
          />
        ) : null}
        {can.reportUp ? (
          <ActionForm
            title='上报窗口负责人或政务服务科'
            hint={`上报后您仍是本案的首问负责人，请在得到答复后及时答复市民（${citeInWords('000 §5.1')}、第六条）。`}
            fields={[
              {
                name: 'to',
                label: '报告给',
                kind: 'choice',
                options: [
                  { value: 'lead', label: '窗口负责人' },
                  { value: 'office', label: '政务服务科' },
                ],
                initial: 'lead',
              },
              { name: 'reason', label: '上报原因', kind: 'choice', options: UP_REASON_OPTIONS, initial: 'unclearResponsibility' },
              { name: 'detail', label: '需要答复的情况', kind: 'textarea' },
            ]}
            submitLabel='上报'
            onSubmit={submitWith('reportUp', '已上报，答复后会通知您', (v) => ({
              to: v.to as UpTo,
              reason: v.reason as UpReason,
              detail: String(v.detail),
            }))}
          />
        ) : null}
        {can.answerReport && pendingReport ? (
          <ActionForm
            title={`答复上报：${pendingReport.reason}`}
            hint={`${pendingReport.by}：${pendingReport.detail}`}
            fields={[{ name: 'answer', label: '答复意见', kind: 'textarea' }]}
            submitLabel='答复'
            onSubmit={submitWith('answerReport', '答复已送达首问负责人', (v) => ({ answer: String(v.answer) }))}
          />
        ) : null}
        {can.confirmJointPart ? (
          <ActionForm
            title='确认本窗口承办部分'
            hint={`共同办理方案：${view.joint?.plan ?? ''}`}
            fields={[{ name: 'part', label: '本窗口承担的办理内容', kind: 'textarea' }]}
            submitLabel='确认承办'
            onSubmit={submitWith('confirmJointPart', '已确认本窗口承办部分', (v) => ({ part: String(v.part) }))}
          />
        ) : null}
        {can.reportJointDispute ? (
          <ActionForm
            title='方案商定不成：书面报告政务服务科'
            hint='写明争议事项、各方理由和处理建议，由政务服务科裁定（《机关首问负责制实施办法》第六条第（三）项）。'
            fields={[
              { name: 'items', label: '争议事项', kind: 'textarea' },
              { name: 'leadReasons', label: '本窗口的理由', kind: 'textarea' },
              { name: 'coReasons', label: '协办窗口的理由', kind: 'textarea' },
              { name: 'proposal', label: '处理建议', kind: 'textarea' },
            ]}
            submitLabel='报告政务服务科'
            onSubmit={submitWith('reportJointDispute', '已书面报告政务服务科', (v) => ({
              items: String(v.items),
              leadReasons: String(v.leadReasons),
              coReasons: String(v.coReasons),
              proposal: String(v.proposal),
            }))}
          />
        ) : null}
        {can.decideJointDispute ? (
          <ActionForm
            title='裁定共同办理争议'
            hint='裁定意见即为各窗口执行的办理方案。'
            fields={[{ name: 'decision', label: '裁定意见', kind: 'textarea' }]}
            submitLabel='裁定'
            onSubmit={submitWith('decideJointDispute', '裁定已送达各窗口', (v) => ({ decision: String(v.decision) }))}
          />
        ) : null}
        {can.assign && colleagues.length > 0 ? (
          <ActionForm
            title={view.responder ? '改派本窗口同事' : '指派本窗口同事'}
            hint='被指派的同事成为本案的首问负责人，时限照常计算，不因改派重新起算；未阅知的交接单随之撤回。'
            fields={[{ name: 'staffId', label: '指派给', kind: 'choice', options: colleagues }]}
            submitLabel='指派'
            onSubmit={submitWith('assignCase', '已指派，对方会在待办中看到本案', (v) => ({ staffId: String(v.staffId) }))}
          />
        ) : null}
        {can.takeOver ? (
          <ActionForm
            title='窗口负责人接手'
            fields={[{ name: 'reason', label: '接手原因', kind: 'text' }]}
            submitLabel='接手'
            onSubmit={submitWith('takeOver', '您已接手本案', (v) => ({ reason: String(v.reason) }))}
          />
        ) : null}
        {can.urge ? (
          <ActionForm
            title='督办催办'
            fields={[{ name: 'note', label: '催办意见', kind: 'text' }]}
            submitLabel='催办'
            onSubmit={submitWith('urgeCase', '已催办', (v) => ({ note: String(v.note) }))}
          />
        ) : null}
        {can.rectify ? (
          <ActionForm
            title='差评核查整改'
            hint='请核实市民反映的情况，写明核查结论和整改措施；市民可在案件页看到。'
            fields={[
              {
                name: 'finding',
                label: '核查结论',
                kind: 'choice',
                options: [
                  { value: 'verified', label: '情况属实' },
                  { value: 'notStaffFault', label: '非工作人员原因' },
                ],
                initial: 'verified',
              },
              { name: 'measures', label: '核查情况和整改措施', kind: 'textarea' },
            ]}
            submitLabel='提交整改情况'
            onSubmit={submitWith('recordRectification', '已记录整改情况', (v) => ({
              finding: v.finding as 'verified' | 'notStaffFault',
              measures: String(v.measures),
            }))}
          />
        ) : null}
        {can.followUp ? (
          <ActionForm
            title='回访市民'
            fields={[
              { name: 'result', label: '回访情况', kind: 'textarea' },
              { name: 'satisfied', label: '市民是否满意', kind: 'toggle', initial: true },
            ]}
            submitLabel='记录回访'
            onSubmit={submitWith('recordFollowUp', '已记录回访', (v) => ({ result: String(v.result), satisfied: Boolean(v.satisfied) }))}
          />
        ) : null}
        {can.close ? (
          <ActionForm
            title='结案'
            fields={[]}
            submitLabel='结案'
            tone='plain'
            confirm={{ title: '确认结案', content: '结案后本案归档、计入台帐，不能再答复或办理。', confirmText: '确认结案' }}
            onSubmit={submitWith('closeCase', '已结案', () => ({}))}
          />
        ) : null}
      </View>
      {view.reply ? <ReplyBlock reply={view.reply} /> : null}
      {view.kind === 'consult' && view.reply ? (
        <View className='section'>
          <ActionForm
            title='发布为常见问答'
            hint='已自动去掉姓名、电话和身份证号，请核对后发布。市民提问时会看到相近的问答，仍可继续提问。'
            fields={[
              { name: 'question', label: '问题', kind: 'textarea', initial: redact(view.text, [view.contact.name]) },
              { name: 'answer', label: '答复', kind: 'textarea', initial: redact(view.reply.text, [view.contact.name]) },
            ]}
            submitLabel='发布'
            tone='plain'
            onSubmit={async (v) => {
              const a = await call('publishFaq', { caseId: view.id, question: String(v.question), answer: String(v.answer), requestId: newRequestId() })
              if (!a.ok) return a.error
              setNotice('已发布为常见问答')
              return null
            }}
          />
        </View>
      ) : null}
      <RatingList ratings={view.ratings} />
      <AssistedCard view={view} forStaff />
      <CaseDetails view={view} forStaff />
      <ClockList clocks={view.clocks} />
      <Timeline entries={view.timeline} />
    </View>
  )
}

const TOPIC_PLACEHOLDERS: Record<NoticeTopic, string> = {
  basis: '例如：《不动产登记暂行条例》第十四条',
  conditions: '例如：申请人为不动产权利人，权属无争议',
  procedure: '例如：申请—受理—审核—登簿—发证',
  timeLimit: '例如：受理后 5 个工作日内办结',
}

/**
 * 000 §4.1: the matter's materials to tick, and a line each for anything else; then what the preset's
 * notice tells besides them (001 第六条(一), 002 一次性告知 §1), filled from the matter where it can be
 */
function noticeFields(view: CaseView): FieldSpec[] {
  const materials = view.matter?.materials ?? []
  const other: FieldSpec = {
    name: 'items',
    label: materials.length ? '其他需要补正的材料（每行一项）' : '需要补正的材料（每行一项）',
    kind: 'lines',
    placeholder: '身份证复印件\n购房合同原件',
  }
  const known: Partial<Record<NoticeTopic, string>> = {
    basis: view.matter?.basis ?? '',
    timeLimit: view.matter?.promisedDays ? `受理后 ${view.matter.promisedDays} 个工作日内办结` : view.matter?.kind === 'instant' ? '材料齐全即时办结' : '',
  }
  const topics: FieldSpec[] = view.forms.supplementNotice.value.topics.map((t) => ({
    name: `guidance.${t}`,
    label: NOTICE_TOPIC_NAMES[t],
    kind: t === 'timeLimit' ? 'text' : 'textarea',
    placeholder: TOPIC_PLACEHOLDERS[t],
    initial: known[t] ?? '',
  }))
  const list: FieldSpec[] = materials.length
    ? [{ name: 'picked', label: '本事项材料清单中缺少的', kind: 'multi', options: materials.map((m) => ({ value: m, label: m })) }, other]
    : [other]
  return [...list, ...topics]
}
