// A chart drawn by AntV F2 (made for mobile canvases: the mini-program's 2d canvas and H5's canvas
// alike). The page gives the F2 element tree; this component finds the canvas node and renders it.
import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Canvas as TaroCanvas, View } from '@tarojs/components'
import { Axis, Canvas as F2Canvas, Chart as F2Chart, Interval, Legend, Line, Point, jsx } from '@antv/f2'

type F2Element = ReturnType<typeof jsx>

// F2's element typings reject its own components' generic props; the props given are F2's documented ones
export const el = (type: unknown, props: Record<string, unknown>) => jsx(type as Parameters<typeof jsx>[0], props)
export const label = { label: { fontSize: 12, fill: '#6b7480' } }
export const legendText = { nameStyle: { fontSize: 12, fill: '#4e5661' } }
/** 好差评 levels, best first, with their colours from green to red */
export const LEVEL_NAMES: Record<string, string> = { '5': '非常满意', '4': '满意', '3': '基本满意', '2': '不满意', '1': '非常不满意' }
export const LEVEL_COLORS = ['#1f9d55', '#6cc08b', '#c7cdd6', '#f0a04b', '#d93026']

const wholeNumbers = (v: number) => (Number.isInteger(v) ? String(v) : '')

/** a count axis with whole-number ticks: at most five, fewer when the counts are small */
export function countScale<T>(data: T[], key: (d: T) => string, count: (d: T) => number, stacked: boolean) {
  const totals = new Map<string, number>()
  for (const d of data) totals.set(key(d), stacked ? (totals.get(key(d)) ?? 0) + count(d) : Math.max(totals.get(key(d)) ?? 0, count(d)))
  const max = Math.max(1, ...totals.values())
  return max < 4 ? { min: 0, max, tickCount: max + 1 } : { min: 0, tickCount: 5 }
}

/** one horizontal bar per window, stacked by category (ratings by level, open cases by clock state) */
export function stackedBars(data: Array<{ window: string; part: string; count: number }>, colors: string[]) {
  return el(F2Chart, {
    data,
    coord: { transposed: true },
    scale: {
      count: countScale(
        data,
        (d) => d.window,
        (d) => d.count,
        true,
      ),
    },
    children: [
      el(Axis, { field: 'window', style: label }),
      el(Axis, { field: 'count', style: label, formatter: wholeNumbers }),
      el(Interval, { x: 'window', y: 'count', color: { field: 'part', range: colors }, adjust: 'stack' }),
      el(Legend, { position: 'top', ...legendText }),
    ],
  })
}

/** counts over time (`at` in order), one series per `what`: lines, or stacked columns */
export function seriesChart(data: Array<{ at: string; what: string; count: number }>, colors: string[], shape: 'lines' | 'columns') {
  const color = { field: 'what', range: colors }
  return el(F2Chart, {
    data,
    // a dozen weeks do not fit under a phone's chart: about every other one is labelled
    scale: {
      count: countScale(
        data,
        (d) => d.at,
        (d) => d.count,
        shape === 'columns',
      ),
      at: { tickCount: 6 },
    },
    children: [
      el(Axis, { field: 'at', style: label }),
      el(Axis, { field: 'count', style: label, formatter: wholeNumbers }),
      ...(shape === 'lines'
        ? [el(Line, { x: 'at', y: 'count', color }), el(Point, { x: 'at', y: 'count', color })]
        : [el(Interval, { x: 'at', y: 'count', color, adjust: 'stack' })]),
      el(Legend, { position: 'top', ...legendText }),
    ],
  })
}
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
  const res = await new Promise<Array<{ node?: CanvasNode } | null>>((resolve) =>
    Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true }).exec(resolve),
  )
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
      // F2 halves its own 'px' sizes for a 750-wide design, which leaves legend dots and points about 3 px
      // on a phone; three quarters keeps them visible without crowding the labels
      canvas = new F2Canvas({ context: node.getContext('2d'), pixelRatio, width, height: props.height, px2hd: (v: number) => v * 0.75, children: props.draw() })
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
