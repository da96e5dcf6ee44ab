// A chart drawn by AntV F2 (made for mobile canvases: the mini-program's 2d canvas and H5's canvas
// alike). The page gives the F2 element tree; this component finds the canvas node and renders it.
import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Canvas as TaroCanvas, View } from '@tarojs/components'
import { Canvas as F2Canvas, jsx } from '@antv/f2'

type F2Element = ReturnType<typeof jsx>

// F2's element typings reject its own components' generic props; the props given are F2's documented ones
export const el = (type: unknown, props: Record<string, unknown>) => jsx(type as Parameters<typeof jsx>[0], props)
export const label = { label: { fontSize: 12, fill: '#6b7480' } }
export const legendText = { nameStyle: { fontSize: 12, fill: '#4e5661' } }
/** 好差评 levels, best first, with their colours from green to red */
export const LEVEL_NAMES: Record<string, string> = { '5': '非常满意', '4': '满意', '3': '基本满意', '2': '不满意', '1': '非常不满意' }
export const LEVEL_COLORS = ['#1f9d55', '#6cc08b', '#c7cdd6', '#f0a04b', '#d93026']
interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): CanvasRenderingContext2D
}

let seq = 0

async function canvasNode(id: string): Promise<CanvasNode | null> {
  if (process.env.TARO_ENV === 'h5') {
    const el = document.getElementById(id)
    return (el?.tagName === 'CANVAS' ? el : el?.querySelector('canvas')) as unknown as CanvasNode | null
  }
  const res = await new Promise<Array<{ node?: CanvasNode } | null>>((resolve) => Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true }).exec(resolve))
  return res[0]?.node ?? null
}

/** `draw` returns the F2 chart (a `Chart` element with its geometry and axes) for the given size */
export function Chart(props: { height: number; draw: () => F2Element; deps: unknown[] }) {
  const id = useRef(`f2-chart-${++seq}`).current
  useEffect(() => {
    let canvas: F2Canvas | null = null
    let cancelled = false
    // the node exists after the first paint
    const t = setTimeout(async () => {
      const node = await canvasNode(id)
      if (!node || cancelled) return
      const width = process.env.TARO_ENV === 'h5' ? (node as unknown as HTMLCanvasElement).clientWidth || 343 : Taro.getSystemInfoSync().windowWidth - 32
      const pixelRatio = process.env.TARO_ENV === 'h5' ? window.devicePixelRatio || 1 : Taro.getSystemInfoSync().pixelRatio
      node.width = width * pixelRatio
      node.height = props.height * pixelRatio
      canvas = new F2Canvas({ context: node.getContext('2d'), pixelRatio, width, height: props.height, children: props.draw() })
      await canvas.render()
    }, 50)
    return () => {
      cancelled = true
      clearTimeout(t)
      canvas?.destroy()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, props.deps)
  return (
    <View className='chart'>
      <TaroCanvas type='2d' id={id} className='chart__canvas' style={{ height: `${props.height}px` }} />
    </View>
  )
}
