// The citizen's slip of a registered case: number, query code and a code to scan, shown on the phone
// for the citizen to scan at the counter, or printed from the browser on A6 or receipt paper (58/80 mm).
// Scanning it in WeChat or opening its link binds the case to the citizen (core/lookup.ts).
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import { call } from '../../api/client'
import { Message } from '../../components/CaseParts'
import { useStaffView } from '../../lib/useStaffView'

type Paper = 'a6' | 'r80' | 'r58'
const PAPERS: Array<{ id: Paper; label: string; page: string }> = [
  { id: 'a6', label: 'A6', page: 'size: A6; margin: 8mm' },
  { id: 'r80', label: '80 毫米小票', page: 'size: 80mm 160mm; margin: 3mm' },
  { id: 'r58', label: '58 毫米小票', page: 'size: 58mm 140mm; margin: 2mm' },
]

/** the browser prints on the chosen paper: the page size is set just for this print */
function printOn(paper: Paper) {
  const style = document.createElement('style')
  style.textContent = `@media print { @page { ${PAPERS.find((p) => p.id === paper)!.page} } }`
  document.head.appendChild(style)
  window.addEventListener('afterprint', () => style.remove(), { once: true })
  window.print()
}

const time = (iso: string) => iso.slice(0, 16).replace('T', ' ')

export default function SlipPage() {
  const { params } = useRouter()
  const [paper, setPaper] = useState<Paper>('a6')
  const { view, error } = useStaffView(
    () => {
      const origin = process.env.TARO_ENV === 'h5' ? window.location.origin + window.location.pathname.replace(/\/$/, '') : undefined
      return call('caseSlip', { caseId: params.id ?? '', ...(origin ? { origin } : {}) })
    },
    { once: true },
  )
  if (error)
    return (
      <View className='page'>
        <Message title='无法生成回执' text={error} />
      </View>
    )
  if (!view) return <View className='page loading'>正在生成回执…</View>

  return (
    <View className={`page slip-page slip-page--${paper}`}>
      {view.addressWarning ? (
        <View className='notice notice--alert no-print' role='alert'>
          {view.addressWarning}
        </View>
      ) : null}
      <View className='slip'>
        <View className='slip__hall'>{view.hallName}</View>
        <View className='slip__title'>服务回执</View>
        <View className='slip__row'>
          <Text className='slip__label'>案件编号</Text>
          <Text className='slip__value slip__value--big'>{view.no}</Text>
        </View>
        <View className='slip__row'>
          <Text className='slip__label'>查询码</Text>
          <Text className='slip__value slip__value--code'>{view.queryCode}</Text>
        </View>
        <View className='slip__row'>
          <Text className='slip__label'>{view.channel}</Text>
          <Text className='slip__value'>
            {time(view.receivedAt)} · {view.kind === 'consult' ? '咨询' : '办事'}
          </Text>
        </View>
        {view.responder ? (
          <View className='slip__row'>
            <Text className='slip__label'>首问负责人</Text>
            <Text className='slip__value'>
              {view.responder.name}
              {view.responder.title ? `（${view.responder.title}）` : ''}
              {view.window ? ` · ${view.window.name}${view.window.number ? ` ${view.window.number}` : ''}` : ''}
            </Text>
          </View>
        ) : null}
        {view.image ? (
          <Image className='slip__code' src={view.image} mode='aspectFit' ariaLabel='扫码查看办理进度' />
        ) : (
          <View className='notice'>{view.problem}</View>
        )}
        <View className='slip__hint'>微信扫码，或在「查进度」中输入案件编号和查询码，随时查看办理进度。首次扫码后本案关联到您的微信或浏览器。</View>
        {view.supervisionPhone ? <View className='slip__hint'>监督电话 {view.supervisionPhone}</View> : null}
      </View>
      {view.link ? (
        <View className='no-print section'>
          <View className='muted'>回执链接（可通过短信或微信发给服务对象）</View>
          <Text className='slip__link' userSelect>
            {view.link}
          </Text>
          <Button className='btn' onClick={() => Taro.setClipboardData({ data: view.link! })}>
            复制链接
          </Button>
        </View>
      ) : null}
      {view.bound ? <View className='notice no-print'>服务对象已扫码关联本案；再次出示的回执只能查看进度。</View> : null}
      {process.env.TARO_ENV === 'h5' ? (
        <View className='no-print section'>
          <View className='segmented'>
            {PAPERS.map((p) => (
              <Text key={p.id} className={`segmented__item ${paper === p.id ? 'segmented__item--on' : ''}`} onClick={() => setPaper(p.id)}>
                {p.label}
              </Text>
            ))}
          </View>
          <Button className='btn btn--primary' onClick={() => printOn(paper)}>
            打印回执
          </Button>
        </View>
      ) : (
        <View className='no-print notice'>请服务对象用微信扫描上面的小程序码；也可以念出案件编号和查询码。</View>
      )}
    </View>
  )
}
