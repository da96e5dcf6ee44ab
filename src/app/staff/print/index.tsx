// The paper forms: the one-time notice (000 附件1, worded per preset), 附件2 窗口首问负责事项交接单, the
// 帮办代办材料交接单 (002 帮办代办 二), the
// 受理通知书 and the 不予受理 / 不予登记通知书, laid out like paper forms on A4 in the H5 build (printed
// from the browser); in the mini-program the same form is drawn into an image the staff member can
// send or save. Both parties keep a copy of the slip.
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Canvas, Text, View } from '@tarojs/components'
import { call } from '../../api/client'
import { Message } from '../../components/CaseParts'
import { formLines, paperForm, wrap, type PaperForm } from '../../lib/forms'
import { useStaffView } from '../../lib/useStaffView'

const IMAGE_WIDTH = 750
const MARGIN = 56

/** the mini-program's 2d canvas node: the parts of the web canvas it shares */
interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): CanvasRenderingContext2D
}

/** mini-program: draws the form on a 2d canvas and opens WeChat's share-image menu */
async function shareImage(form: PaperForm) {
  const res = await new Promise<Array<{ node?: CanvasNode } | null>>((resolve) =>
    Taro.createSelectorQuery().select('#form-canvas').fields({ node: true, size: true }).exec(resolve),
  )
  const canvas = res[0]?.node
  if (!canvas) throw new Error('canvas unavailable')
  const ctx = canvas.getContext('2d')
  const lines = formLines(form)
  // lay out once to know the height, then draw
  const rows: Array<{ text: string; size: number; bold?: boolean; align?: CanvasTextAlign; y: number }> = []
  let y = MARGIN
  for (const line of lines) {
    ctx.font = `${line.bold ? 'bold ' : ''}${line.size}px sans-serif`
    for (const text of wrap(line.text, IMAGE_WIDTH - 2 * MARGIN, (s) => ctx.measureText(s).width)) {
      y += line.size * 1.6
      rows.push({ text, size: line.size, bold: line.bold, align: line.align, y })
    }
    y += line.size * 0.4
  }
  canvas.width = IMAGE_WIDTH
  canvas.height = y + MARGIN
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.fillStyle = '#111111'
  for (const r of rows) {
    ctx.font = `${r.bold ? 'bold ' : ''}${r.size}px sans-serif`
    ctx.textAlign = r.align ?? 'left'
    const x = r.align === 'center' ? IMAGE_WIDTH / 2 : r.align === 'right' ? IMAGE_WIDTH - MARGIN : MARGIN
    ctx.fillText(r.text, x, r.y)
  }
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas } as Parameters<typeof Taro.canvasToTempFilePath>[0])
  await Taro.showShareImageMenu({ path: tempFilePath })
}

// a phone number (mobile, masked or landline) is never split across two lines of a narrow cell
const PHONE = /(1\d{2}(?:\d{4}|\*{4})\d{4}|0\d{2,3}-\d{7,8})/

function unbroken(text: string) {
  return text.split(PHONE).map((part, i) =>
    i % 2 === 1 ? (
      <Text key={i} className='nobreak'>
        {part}
      </Text>
    ) : (
      part
    ),
  )
}

export default function PrintPage() {
  const { params } = useRouter()
  const { view, error } = useStaffView(
    async () => {
      const a = await call('getCase', { caseId: params.id ?? '' })
      // 附件2 carries the citizen's number: printing it is a look at the whole number (logged), once
      if (!a.ok || (params.form !== 'slip' && params.form !== 'handover')) return a
      const p = await call('revealPhone', { caseId: a.data.id })
      return p.ok ? { ok: true as const, data: { ...a.data, contact: { ...a.data.contact, phone: p.data.phone } } } : a
    },
    { once: true, sharedWithCitizens: true },
  )

  if (error)
    return (
      <View className='page'>
        <Message title='无法打印' text={error} />
      </View>
    )
  if (!view) return <View className='page loading'>正在加载…</View>
  const no = decodeURIComponent(params.no ?? '')
  const form = paperForm(view, params.form, no)
  if (!form)
    return (
      <View className='page'>
        <Message title='没有这张表单' text={`编号 ${no} 不属于本案`} />
      </View>
    )

  const actions =
    process.env.TARO_ENV === 'h5' ? (
      <Button className='btn btn--primary no-print' onClick={() => window.print()}>
        打印
      </Button>
    ) : (
      <View className='no-print'>
        <Button className='btn btn--primary' onClick={() => shareImage(form).catch(() => Taro.showToast({ title: '生成图片失败，请重试', icon: 'none' }))}>
          生成图片，发送或保存
        </Button>
        <Canvas type='2d' id='form-canvas' className='form-canvas' />
      </View>
    )

  if (form.kind === 'notice') {
    return (
      <View className='a4'>
        <View className='a4__title'>{form.title}</View>
        <View className='a4__right'>编号：{form.number}</View>
        <View className='a4__line'>
          <View className='a4__fill'>{form.addressee}</View>单位（个人）：
        </View>
        <View className='a4__para'>{form.intro}</View>
        {form.items.map((item) => (
          <View className='a4__item' key={item}>
            {item}
          </View>
        ))}
        {form.sections.map((s) => (
          <View className='a4__para' key={s.label}>
            <Text className='a4__label'>{s.label}：</Text>
            {s.text}
          </View>
        ))}
        {form.closing.map((p) => (
          <View className='a4__para' key={p}>
            {p}
          </View>
        ))}
        <View className='a4__sign'>
          {form.signature.map((s) => (
            <View key={s}>{s}</View>
          ))}
        </View>
        <View className='a4__foot'>{form.foot}</View>
        <View className='a4__cite no-print'>依据：{form.cite}</View>
        {actions}
      </View>
    )
  }
  return (
    <View className='a4'>
      <View className='a4__title'>{form.title}</View>
      <View className='a4__meta'>
        <View>编号：{form.number}</View>
        <View>时间：{form.date}</View>
      </View>
      <View className='a4__table'>
        {form.rows.map(([k1, v1, k2, v2]) => (
          <View className='a4__row' key={k1}>
            <View className='a4__key'>{k1}</View>
            <View className={`a4__val ${k2 ? '' : 'a4__val--wide'}`}>{unbroken(v1)}</View>
            {k2 ? <View className='a4__key'>{k2}</View> : null}
            {k2 ? <View className='a4__val'>{unbroken(v2 ?? '')}</View> : null}
          </View>
        ))}
      </View>
      <View className='a4__note'>{form.note}</View>
      {actions}
    </View>
  )
}
