// A matter of the hall's public list (003) as citizens see it: the list to choose from and the card of
// the chosen one with its basis, materials, time limit and window.
import { Text, View } from '@tarojs/components'
import type { MatterView, PublicWindow } from '../../core/views'
import { tappable } from '../lib/a11y'

export const matterLimit = (m: Pick<MatterView, 'kind' | 'promisedDays'>) =>
  m.kind === 'instant' ? '即办件，材料齐全当场办结' : `承诺件，${m.promisedDays} 个工作日内办结`

export function MatterList(props: { matters: MatterView[]; windows: PublicWindow[]; onChoose: (m: MatterView) => void; compact?: boolean }) {
  const windowName = (id: string) => props.windows.find((w) => w.id === id)
  return (
    <View className='matters'>
      {props.matters.map((m) => {
        const w = windowName(m.windowId)
        return (
          <View className='matters__item' key={m.id} {...tappable('button')} onClick={() => props.onChoose(m)}>
            <View className='matters__name'>{m.name}</View>
            <View className='matters__meta'>
              {matterLimit(m)}
              {!props.compact && w ? ` · ${w.name}${w.number ? ` ${w.number}` : ''}` : ''}
              {m.selfService ? <Text className='matters__self'>可自助办理</Text> : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}

export function MatterCard(props: { matter: MatterView; window: PublicWindow | null; onDrop?: () => void }) {
  const { matter: m, window: w } = props
  return (
    <View className='matter-card'>
      <View className='matter-card__head'>
        <Text className='matter-card__name'>{m.name}</Text>
        {props.onDrop ? (
          <Text className='link matter-card__drop' {...tappable('button')} onClick={props.onDrop}>
            不选事项
          </Text>
        ) : null}
      </View>
      <View className='matter-card__line'>时限：{matterLimit(m)}</View>
      {w ? (
        <View className='matter-card__line'>
          办理窗口：{w.name}
          {w.number ? `（${w.number}）` : ''}
        </View>
      ) : null}
      {m.basis ? <View className='matter-card__line'>设定依据：{m.basis}</View> : null}
      {m.materials.length > 0 ? (
        <View className='matter-card__materials'>
          <View className='matter-card__line'>需要准备的材料：</View>
          {m.materials.map((x, i) => (
            <View className='matter-card__material' key={x}>
              {i + 1}. {x}
            </View>
          ))}
        </View>
      ) : (
        <View className='matter-card__line'>无需提交材料</View>
      )}
      {m.selfService ? <SelfServiceSteps steps={m.selfService.steps} link={m.selfService.link} /> : null}
    </View>
  )
}

/** 004 自助办理制度: the steps at the self-service area, numbered, and the online link; the citizen can still ask a window */
function SelfServiceSteps(props: { steps: string[]; link: string }) {
  return (
    <View className='self-service' role='region' aria-label='自助办理步骤'>
      <View className='self-service__title'>不用排队，也可以自助办理</View>
      {props.steps.map((s, i) => (
        <View className='self-service__step' key={i}>
          <Text className='self-service__no'>{i + 1}</Text>
          <Text>{s}</Text>
        </View>
      ))}
      {props.link ? (
        <View className='self-service__link'>
          网上办理：
          <Text className='link' selectable>
            {props.link}
          </Text>
        </View>
      ) : null}
    </View>
  )
}
