// Every step of a case in plain Chinese, for the citizen's and the staff's timeline.
import type { CaseEvent } from './events'
import { CLOCK_LABELS } from './clock'
import { BAD_REASON_LABELS, FINDING_LABELS, RATING_LABELS, type RatingLevel } from './rating'
import { UP_REASONS, UP_TO_LABELS } from './reportUp'

export interface Names {
  staff: (staffId: string) => string
  window: (windowId: string) => string
}

const MODE = { onTheSpot: '当场答复', timed: '限时答复' } as const

export function describeWho(e: CaseEvent, names: Names): string {
  switch (e.actor.kind) {
    case 'citizen':
      return '市民'
    case 'system':
      return '系统'
    case 'staff': {
      const where = e.actor.windowId ? `（${names.window(e.actor.windowId)}）` : e.actor.role === 'office' ? '（政务服务科）' : ''
      return `${e.actor.name}${where}`
    }
  }
}

export function describeEvent(e: CaseEvent, names: Names): string {
  switch (e.type) {
    case 'submitted':
      return `提交了${e.payload.kind === 'consult' ? '咨询' : '办事申请'}，已送达${names.window(e.payload.windowId)}`
    case 'slipBound':
      return '服务对象打开登记回执，案件已关联到本人'
    case 'claimed':
      return e.actor.id === e.payload.staffId ? '已接待，成为首问负责人' : `${names.staff(e.payload.staffId)} 接待，成为首问负责人`
    case 'takenOver':
      return `窗口负责人接手办理（原因：${e.payload.reason}）`
    case 'assigned':
      return `指派 ${names.staff(e.payload.staffId)} 办理`
    case 'replied':
      return `${MODE[e.payload.mode]}：${e.payload.text}`
    case 'supplementNoticeIssued':
      return `出具一次性补件告知单（${e.payload.noticeNo}），需补正 ${e.payload.items.length} 项材料`
    case 'materialsCompleted':
      return '材料已备齐，继续办理'
    case 'accepted':
      if (e.payload.mode === 'instant') return '已受理（即办件）'
      return `已受理（承诺件，${e.payload.limitDays ?? ''}个工作日内办结）${e.payload.limitReason ? `。办结时限调整的理由：${e.payload.limitReason}` : ''}`
    case 'completed':
      return `已办结：${e.payload.result}`
    case 'refused':
      return `不予办理。理由：${e.payload.reason}；依据：${e.payload.legalBasis}`
    case 'handoverCreated':
      return `移交本窗口 ${names.staff(e.payload.toStaffId)} 承办（交接单 ${e.payload.slipNo}）`
    case 'handoverAcknowledged':
      return `承办人已阅知交接单 ${e.payload.slipNo}，承接首问责任`
    case 'citizenContacted':
      return '承办人已与您联系'
    case 'jointReported':
      return `需与 ${e.payload.coWindowIds.map(names.window).join('、')} 共同办理，已报告窗口负责人`
    case 'jointPlanRecorded':
      return `已与 ${e.payload.coWindowIds.map(names.window).join('、')} 商定办理方案：${e.payload.plan}`
    case 'urged':
      return e.payload.targetWindowId ? `催办 ${names.window(e.payload.targetWindowId)}` : '催办'
    case 'referred':
      return `请您到 ${names.window(e.payload.toWindowId)} 办理：${e.payload.note}`
    case 'outsideHall':
      return e.payload.mode === 'consult'
        ? `不属于本大厅职责范围：${e.payload.explanation}`
        : `书面申请已转政务服务科，将移交${e.payload.department || '主管部门'}`
    case 'outsideForwarded':
      return `已移交 ${e.payload.department}（${e.payload.date}，文号 ${e.payload.documentNo}）`
    case 'extended':
      return `延期 ${e.payload.days} 个工作日，原因：${e.payload.reason}`
    case 'extensionRequested':
      return `申请将${CLOCK_LABELS[e.payload.clockKind]}延长 ${e.payload.days} 个工作日，理由：${e.payload.reason}（待批准）`
    case 'extensionDecided':
      return e.payload.granted ? `批准延期${e.payload.note ? `：${e.payload.note}` : ''}` : `延期申请未获批准：${e.payload.note}`
    case 'reportedUp':
      return `因${UP_REASONS[e.payload.reason].label}，已报告${UP_TO_LABELS[e.payload.to]}：${e.payload.detail}`
    case 'reportAnswered':
      return `上级答复：${e.payload.answer}`
    case 'jointPartConfirmed':
      return `${names.window(e.payload.windowId)}确认承办：${e.payload.part}`
    case 'jointDisputeReported':
      return `各窗口对办理方案意见不一致，已书面报告政务服务科：${e.payload.items}`
    case 'jointDisputeDecided':
      return `政务服务科裁定：${e.payload.decision}`
    case 'reminded':
      return `系统提醒承办人：${CLOCK_LABELS[e.payload.clockKind]}${e.payload.level === 'half' ? '已过半' : '即将到期'}`
    case 'clockBreached':
      return `${CLOCK_LABELS[e.payload.clockKind]}已超过，已报窗口负责人和政务服务科督办`
    case 'rated': {
      const label = RATING_LABELS[e.payload.level as RatingLevel]
      const tags = e.payload.tags.map((t) => BAD_REASON_LABELS[t]).join('、')
      return `评价：${label}${tags ? `（${tags}）` : ''}${e.payload.text ? `：${e.payload.text}` : ''}`
    }
    case 'rectified':
      return `窗口负责人核查整改：${FINDING_LABELS[e.payload.finding]}。${e.payload.measures}`
    case 'followedUp':
      return `回访：${e.payload.result}（${e.payload.satisfied ? '市民表示满意' : '市民仍不满意'}）`
    case 'closed':
      return e.payload.note ? `已结案：${e.payload.note}` : '已结案'
    case 'reopened':
      return `重新办理：${e.payload.reason}`
  }
}
