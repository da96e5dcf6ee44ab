// What was decided on a case, as both the citizen and the staff read it: notices to act on, hand-over
// slips, joint handling, referral, outside the hall, the result or the refusal.
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CaseView } from '../../core/views'
import { formatTime } from '../lib/format'
import { tappable } from '../lib/a11y'

export function CaseDetails({ view, forStaff }: { view: CaseView; forStaff?: boolean }) {
  const print = (form: 'notice' | 'slip' | 'acceptance' | 'refusal', no: string) =>
    Taro.navigateTo({ url: `/staff/print/index?id=${view.id}&form=${form}&no=${encodeURIComponent(no)}` })
  return (
    <View>
      {view.notices.map((n) => (
        <View className='section' key={n.noticeNo}>
          <View className='section__title'>
            {view.forms.supplementNotice.value.title}
            <Text className='section__aside'>{n.noticeNo}</Text>
          </View>
          <View className='muted'>
            请补正以下全部材料（{formatTime(n.at)}，经办人 {n.by}）：
          </View>
          {n.items.map((item, i) => (
            <View className='list-line' key={i}>
              {i + 1}. {item}
            </View>
          ))}
          {n.told.map((t) => (
            <View className='list-line' key={t.label}>
              {t.label}：{t.text}
            </View>
          ))}
          {forStaff && process.env.TARO_ENV === 'h5' ? (
            <Text className='link' {...tappable('link')} onClick={() => print('notice', n.noticeNo)}>
              打印{view.forms.supplementNotice.value.title}
            </Text>
          ) : null}
        </View>
      ))}
      {view.handovers.map((h) => (
        <View className='section' key={h.slipNo}>
          <View className='section__title'>
            移交本窗口承办<Text className='section__aside'>交接单 {h.slipNo}</Text>
          </View>
          <View className='list-line'>
            {h.from.name} 移交 {h.to.name}（{formatTime(h.at)}）：{h.reason}
          </View>
          <View className='muted'>
            {h.acknowledgedAt
              ? `${h.to.name} 已于 ${formatTime(h.acknowledgedAt)} 阅知，承接首问责任`
              : h.withdrawnAt
                ? `交接单已于 ${formatTime(h.withdrawnAt)} 撤回，由窗口负责人另行安排`
                : `等待 ${h.to.name} 阅知`}
            {h.contactedAt ? `；${formatTime(h.contactedAt)} 已与您联系` : ''}
          </View>
          {forStaff && process.env.TARO_ENV === 'h5' ? (
            <Text className='link' {...tappable('link')} onClick={() => print('slip', h.slipNo)}>
              打印交接单（附件2）
            </Text>
          ) : null}
        </View>
      ))}
      {view.joint ? (
        <View className='section'>
          <View className='section__title'>共同办理</View>
          <View className='list-line'>协办窗口：{view.joint.coWindows.join('、')}</View>
          <View className='list-line'>
            {view.joint.plan
              ? `办理方案：${view.joint.plan}`
              : view.joint.dispute
                ? '各窗口意见不一致，已书面报告政务服务科裁定'
                : '窗口负责人正在与协办窗口商定办理方案'}
          </View>
          {view.joint.confirmations.map((c) => (
            <View className='list-line' key={c.windowId}>
              {c.window}已确认承办：{c.part}（{formatTime(c.at)}）
            </View>
          ))}
          {view.joint.plan && view.joint.unconfirmed.length > 0 ? <View className='muted'>等待 {view.joint.unconfirmed.join('、')} 确认承办部分</View> : null}
          {forStaff && view.joint.dispute ? (
            <View className='muted'>
              争议事项：{view.joint.dispute.items}；本窗口理由：{view.joint.dispute.leadReasons}；协办窗口理由：{view.joint.dispute.coReasons}；处理建议：
              {view.joint.dispute.proposal}（{view.joint.dispute.by}，{formatTime(view.joint.dispute.at)}）
            </View>
          ) : null}
          {view.joint.dispute?.decision ? (
            <View className='list-line'>
              政务服务科裁定：{view.joint.dispute.decision.text}（{formatTime(view.joint.dispute.decision.at)}）
            </View>
          ) : null}
        </View>
      ) : null}
      {view.extensionRequests.map((r) => (
        <View className='section' key={r.at}>
          <View className='section__title'>
            延期{r.decision ? (r.decision.granted ? '已批准' : '未获批准') : '申请'}
            <Text className='section__aside'>{r.clockLabel}</Text>
          </View>
          <View className='list-line'>
            延长 {r.days} 个工作日，理由：{r.reason}
          </View>
          <View className='muted'>
            {r.decision
              ? `${r.decision.by} 于 ${formatTime(r.decision.at)} ${r.decision.granted ? '批准' : '不予批准'}${r.decision.note ? `：${r.decision.note}` : ''}`
              : `${r.by} 于 ${formatTime(r.at)} 申请，等待审批`}
          </View>
        </View>
      ))}
      {view.reports.map((r) => (
        <View className='section' key={r.at}>
          <View className='section__title'>
            已报告{r.to}
            <Text className='section__aside'>{r.reason}</Text>
          </View>
          <View className='list-line'>{r.detail}</View>
          <View className='muted'>
            {r.answer ? `${r.answer.by}答复：${r.answer.text}` : `${r.by} 于 ${formatTime(r.at)} 上报，等待答复；首问负责人仍对本案负责`}
          </View>
        </View>
      ))}
      {view.referral ? (
        <View className='section'>
          <View className='section__title'>请到其他窗口办理</View>
          <View className='list-line'>
            {view.referral.toWindow.name}
            {view.referral.toWindow.number ? `（${view.referral.toWindow.number}）` : ''}：{view.referral.note}
          </View>
          {view.referral.linkedCaseId && !forStaff ? (
            <Text className='link' {...tappable('link')} onClick={() => Taro.navigateTo({ url: `/pages/case/index?id=${view.referral!.linkedCaseId}` })}>
              查看该窗口为您登记的案件
            </Text>
          ) : null}
        </View>
      ) : null}
      {view.outside ? (
        <View className='section'>
          <View className='section__title'>不属于本大厅职责</View>
          <View className='list-line'>{view.outside.explanation}</View>
          {view.outside.mode === 'written' ? (
            <View className='muted'>
              {view.outside.forwarded
                ? `书面申请已于 ${view.outside.forwarded.date} 移交${view.outside.forwarded.department}（文号 ${view.outside.forwarded.documentNo}）`
                : `书面申请已转政务服务科，将移交${view.outside.department || '主管部门'}`}
            </View>
          ) : null}
        </View>
      ) : null}
      {view.acceptance?.noticeNo ? (
        <View className='section'>
          <View className='section__title'>
            {view.forms.acceptanceNotice.value.title}
            <Text className='section__aside'>{view.acceptance.noticeNo}</Text>
          </View>
          <View className='list-line'>
            已于 {formatTime(view.acceptance.at)} 受理，承诺 {view.acceptance.limitDays} 个工作日内办结
          </View>
          {view.acceptance.limitReason ? <View className='muted'>时限说明：{view.acceptance.limitReason}</View> : null}
          {forStaff && process.env.TARO_ENV === 'h5' ? (
            <Text className='link' {...tappable('link')} onClick={() => print('acceptance', view.acceptance!.noticeNo!)}>
              打印{view.forms.acceptanceNotice.value.title}
            </Text>
          ) : null}
        </View>
      ) : null}
      {view.completion ? (
        <View className='section'>
          <View className='section__title'>办理结果</View>
          <View className='reply'>{view.completion.result}</View>
        </View>
      ) : null}
      {view.refusal ? (
        <View className='section'>
          <View className='section__title'>
            {(view.refusal.afterAcceptance ? view.forms.refusalAfterAcceptance : view.forms.refusalBeforeAcceptance).value.title.replace(/通知书$/, '')}
            {view.refusal.noticeNo ? <Text className='section__aside'>{view.refusal.noticeNo}</Text> : null}
          </View>
          <View className='list-line'>理由：{view.refusal.reason}</View>
          <View className='list-line'>依据：{view.refusal.legalBasis}</View>
          <View className='muted'>{view.forms.remedy.value}</View>
          {forStaff && view.refusal.noticeNo && process.env.TARO_ENV === 'h5' ? (
            <Text className='link' {...tappable('link')} onClick={() => print('refusal', view.refusal!.noticeNo!)}>
              打印{(view.refusal.afterAcceptance ? view.forms.refusalAfterAcceptance : view.forms.refusalBeforeAcceptance).value.title}
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
