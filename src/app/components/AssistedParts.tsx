// 帮办代办 (002 帮办代办制度) on the pages: the choice on the request forms (帮办 or 代办, 上门办 with its
// address and time), the request as the citizen and the staff follow it across windows, and the
// agent's steps on the staff case page.
import Taro from '@tarojs/taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import { parseHandoverLine, SPECIAL_GROUP_LABELS, type AssistedRequestInput, type SpecialGroup } from '../../core/assistedService'
import type { ErrorBody } from '../../core/errors'
import type { CaseView } from '../../core/views'
import { formatTime } from '../lib/format'
import { ActionForm, type FormValues } from './ActionForm'
import { PhotoList } from './Photos'

export interface AssistedChoiceValue {
  mode: 'self' | 'help' | 'agent'
  home: boolean
  group: SpecialGroup
  address: string
  date: string
  time: string
}
export const NO_ASSIST: AssistedChoiceValue = { mode: 'self', home: false, group: 'elderly', address: '', date: '', time: '' }

/** the request's `assisted` input from the form, or undefined when the citizen does it themselves */
export function assistedInput(v: AssistedChoiceValue): AssistedRequestInput | undefined {
  if (v.mode === 'self') return undefined
  if (!v.home) return { mode: v.mode }
  const time = v.date && v.time ? `${v.date}T${v.time}:00+08:00` : undefined
  return { mode: v.mode, homeVisit: { group: v.group, address: v.address, time } }
}

const MODES = [
  { value: 'self', label: '自己办理' },
  { value: 'help', label: '帮办（陪同办理）' },
  { value: 'agent', label: '代办（交材料代办）' },
] as const

/** 帮办 or 代办, and for 老、弱、病、残、孕 上门办 with the address and the time */
export function AssistedChoice(props: {
  value: AssistedChoiceValue
  onChange: (v: AssistedChoiceValue) => void
  errors: Record<string, string | undefined>
  /** staff registering for someone: 帮办 or 代办 only */
  forStaff?: boolean
}) {
  const v = props.value
  const set = (change: Partial<AssistedChoiceValue>) => props.onChange({ ...v, ...change })
  return (
    <View className='field'>
      <View className='field__label'>办理方式</View>
      <View className='chips'>
        {MODES.filter((m) => !props.forStaff || m.value !== 'self').map((m) => (
          <Text key={m.value} className={`chip ${v.mode === m.value ? 'chip--on' : ''}`} onClick={() => set({ mode: m.value })}>
            {m.label}
          </Text>
        ))}
      </View>
      {v.mode !== 'self' ? (
        <View>
          <View className='muted'>
            {v.mode === 'help'
              ? '帮办代办窗口的工作人员协助您准备齐全材料，并陪同您到相关窗口办理。'
              : '您备齐材料并与代办员当面交接后，由代办员全程代您办理，办结后通知您。'}
            帮办代办服务免费。
          </View>
          <View className='chips'>
            <Text className={`chip ${v.home ? 'chip--on' : ''}`} onClick={() => set({ home: !v.home })}>
              需要上门办（老、弱、病、残、孕）
            </Text>
          </View>
          {v.home ? (
            <View>
              <View className='chips'>
                {(Object.keys(SPECIAL_GROUP_LABELS) as SpecialGroup[]).map((g) => (
                  <Text key={g} className={`chip ${v.group === g ? 'chip--on' : ''}`} onClick={() => set({ group: g })}>
                    {SPECIAL_GROUP_LABELS[g]}
                  </Text>
                ))}
              </View>
              <Input
                className='field__input'
                value={v.address}
                maxlength={120}
                placeholder='上门地址：区、街道、小区、楼栋门牌'
                onInput={(e) => set({ address: e.detail.value })}
              />
              {props.errors['assisted.homeVisit.address'] ? <View className='field__error'>{props.errors['assisted.homeVisit.address']}</View> : null}
              <View className='chips'>
                <Picker mode='date' value={v.date} onChange={(e) => set({ date: String(e.detail.value) })}>
                  <Text className='chip'>{v.date || '选择上门日期'}</Text>
                </Picker>
                <Picker mode='time' value={v.time} onChange={(e) => set({ time: String(e.detail.value) })}>
                  <Text className='chip'>{v.time || '选择时间'}</Text>
                </Picker>
              </View>
              {props.errors['assisted.homeVisit.time'] ? <View className='field__error'>{props.errors['assisted.homeVisit.time']}</View> : null}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

/** the request as both sides follow it: its agent, the materials handed over, its cases at other windows */
export function AssistedCard({ view, forStaff }: { view: CaseView; forStaff?: boolean }) {
  const a = view.assisted
  if (!a) {
    if (!view.assistedBy) return null
    const by = view.assistedBy
    const href = forStaff ? `/staff/case/index?id=${by.caseId}` : `/pages/case/index?id=${by.caseId}`
    return (
      <View className='section'>
        <View className='section__title'>帮办代办</View>
        <View className='list-line'>
          帮办代办员 {by.agentName} 为帮办代办申请 {by.no} 在本窗口办理。
          {forStaff ? null : (
            <Text className='link' onClick={() => Taro.navigateTo({ url: href })}>
              查看帮办代办进度
            </Text>
          )}
        </View>
      </View>
    )
  }
  const open = (caseId: string) => Taro.navigateTo({ url: forStaff ? `/staff/case/index?id=${caseId}` : `/pages/case/index?id=${caseId}` })
  return (
    <View className='section'>
      <View className='section__title'>
        {a.modeLabel}服务<Text className='section__aside'>免费</Text>
      </View>
      {a.homeVisit ? (
        <View className='list-line'>
          上门办（{a.homeVisit.group}）：{a.homeVisit.address}，{formatTime(a.homeVisit.time)}
        </View>
      ) : null}
      <View className='list-line'>
        {a.agent ? `帮办代办员：${a.agent.name}${a.agent.phone ? `（${a.agent.phone}）` : ''}` : '等待帮办代办窗口指派帮办代办员'}
      </View>
      {a.handover ? (
        <View>
          <View className='list-line'>
            材料交接单 {a.handover.slipNo}（{formatTime(a.handover.at)}，双方已确认）：
          </View>
          {a.handover.items.map((item, i) => (
            <View className='list-line' key={i}>
              {i + 1}. {item.name}（{item.original ? '原件' : '复印件'} {item.copies} 份）
            </View>
          ))}
          {a.handover.note ? <View className='muted'>备注：{a.handover.note}</View> : null}
          <PhotoList photos={a.handover.photos} />
          {forStaff && process.env.TARO_ENV === 'h5' ? (
            <Text
              className='link'
              onClick={() => Taro.navigateTo({ url: `/staff/print/index?id=${view.id}&form=handover&no=${encodeURIComponent(a.handover!.slipNo)}` })}
            >
              打印材料交接单
            </Text>
          ) : null}
        </View>
      ) : a.mode === 'agent' && a.agent ? (
        <View className='muted'>请与代办员当面交接材料，交接后开始代办。</View>
      ) : null}
      {a.linked.length > 0 ? (
        <View>
          <View className='list-line'>在各窗口的办理：</View>
          {a.linked.map((l) => (
            <View className='list-line linked' key={l.caseId} onClick={() => open(l.caseId)}>
              {l.window}：{l.note}
              <Text className='section__aside'>{l.statusLabel || '查看'}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {forStaff
        ? a.reviews.map((r, i) => (
            <View className='muted' key={i}>
              {r.kind}（{formatTime(r.at)}，{r.by}）：{r.outcome}。{r.note}
            </View>
          ))
        : null}
    </View>
  )
}

/** the agent's steps: assignment by the window's lead, the handover of a 代办, the cases at other windows */
export function AssistedActions(props: {
  view: CaseView
  submit: (action: 'assignAgent' | 'recordMaterialsHandover' | 'openAssistedCase', input: object, done: string) => Promise<ErrorBody | null>
}) {
  const { view, submit } = props
  const can = view.can
  const people = view.colleagues.map((c) => ({ value: c.id, label: `${c.name}（${c.title}）` }))
  const windows = view.otherWindows.map((w) => ({ value: w.id, label: w.name }))
  const handover = (v: FormValues) => {
    const picked = (v.picked as string[]).map((name) => ({ name, copies: 1, original: true }))
    const typed = (v.items as string[]).map(parseHandoverLine).filter((x) => x !== null)
    return submit(
      'recordMaterialsHandover',
      {
        items: [...picked, ...typed],
        citizenConfirmed: v.citizenConfirmed === true,
        agentConfirmed: v.agentConfirmed === true,
        photos: v.photos,
        note: String(v.note),
      },
      '材料交接单已生成，可以打印交双方签字',
    )
  }
  return (
    <View>
      {can.assignAgent && people.length > 0 ? (
        <ActionForm
          title='指派帮办代办员'
          hint='每件申请由一位帮办代办员负责到底（《帮办代办制度》第三条）。'
          fields={[{ name: 'staffId', label: '帮办代办员', kind: 'choice', options: people }]}
          submitLabel='指派'
          onSubmit={(v) => submit('assignAgent', { staffId: String(v.staffId) }, '已指派帮办代办员')}
        />
      ) : null}
      {can.recordMaterialsHandover ? (
        <ActionForm
          title='代办材料交接'
          hint='逐项登记申请人交来的材料，双方当面核对确认后生成交接单（《帮办代办制度》第二条）。'
          fields={[
            ...(view.matter?.materials.length
              ? [
                  {
                    name: 'picked',
                    label: '本事项材料清单中交来的（原件 1 份）',
                    kind: 'multi' as const,
                    options: view.matter.materials.map((m) => ({ value: m, label: m })),
                  },
                ]
              : []),
            { name: 'items', label: '其他材料（每行一项，可写「复印件」「2份」）', kind: 'lines', placeholder: '户口簿 复印件 1份\n委托书 原件' },
            { name: 'photos', label: '材料照片', kind: 'photos', hallId: view.hall.id },
            { name: 'citizenConfirmed', label: '申请人已核对确认', kind: 'toggle' },
            { name: 'agentConfirmed', label: '代办员已核对确认', kind: 'toggle' },
            { name: 'note', label: '备注', kind: 'text', placeholder: '例如：原件办结后当面归还' },
          ]}
          submitLabel='生成材料交接单'
          onSubmit={(v) => handover({ picked: [], ...v })}
        />
      ) : null}
      {can.openAssistedCase && windows.length > 0 ? (
        <ActionForm
          title='到其他窗口办理'
          hint='为申请人在该窗口登记办件，申请人可在本申请中查看各窗口的办理进度。'
          fields={[
            { name: 'toWindowId', label: '窗口', kind: 'choice', options: windows },
            { name: 'note', label: '到该窗口办理的内容', kind: 'text', placeholder: '例如：代为申请二手房转移登记' },
          ]}
          submitLabel='在该窗口登记'
          onSubmit={(v) => submit('openAssistedCase', { toWindowId: String(v.toWindowId), note: String(v.note) }, '已在该窗口登记，等待窗口办理')}
        />
      ) : null}
    </View>
  )
}
