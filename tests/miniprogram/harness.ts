// Loads pages of the BUILT mini-program (dist/weapp) in miniprogram-simulate. Taro registers pages
// with Page(...); the simulator knows Component(...), so a small shim maps one to the other, and App /
// getApp hold the app instance the pages mount into. `wx.cloud.callFunction` answers from canned
// API answers given by the test: the stand-in lives here, never in src/.
// What a Taro page shows is the node tree it sets as `root` in the page data (its WXML templates
// draw exactly that tree); the simulator's template engine does not expand Taro's recursive
// templates, so the tests read the page from that tree. A page can be loaded once per test file.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import simulate from 'miniprogram-simulate'

export const WEAPP = join(__dirname, '../../dist/weapp')

type Answers = Record<string, (input: Record<string, unknown>) => unknown>
let answers: Answers = {}
let currentQuery: Record<string, string> = {}
export const calls: Array<{ action: string; input: Record<string, unknown> }> = []
/** the pages the app went to (navigateTo / redirectTo), and the toasts it showed */
export const visited: string[] = []
export const toasts: string[] = []
/** what the app registered with wx.onNeedPrivacyAuthorization: the test plays WeChat asking for agreement */
export const privacy: { listener: ((resolve: (r: unknown) => void) => void) | null } = { listener: null }

/** what the app keeps with wx.setStorageSync, and the phone's text size (微信 设置 → 字体大小) */
export const storage = new Map<string, unknown>()
/** the confirmations the app asked (wx.showModal titles), and how the test answers them */
export const modals: string[] = []
export const modalAnswer = { confirm: true }
export const phoneSettings = { fontSizeSetting: 17 }

export function answer(next: Answers) {
  answers = next
}

function installGlobals() {
  const g = globalThis as Record<string, unknown>
  if (g.__shouwenHarness) return
  g.__shouwenHarness = true
  let app: Record<string, unknown> | null = null
  const noop = () => {}
  const wx = {
    getSystemInfoSync: () => ({
      platform: 'devtools',
      windowWidth: 375,
      windowHeight: 812,
      pixelRatio: 2,
      SDKVersion: '3.7.0',
      language: 'zh_CN',
      fontSizeSetting: phoneSettings.fontSizeSetting,
    }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
    getAppBaseInfo: () => ({ SDKVersion: '3.7.0', language: 'zh_CN' }),
    getDeviceInfo: () => ({ platform: 'devtools' }),
    canIUse: () => true,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    getLaunchOptionsSync: () => ({ path: 'pages/entry/index', query: {} }),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    stopPullDownRefresh: noop,
    setNavigationBarTitle: noop,
    pageScrollTo: noop,
    // no canvas here: a chart finds no node and draws nothing; the page around it renders
    createSelectorQuery: () => {
      const q = { select: () => q, fields: () => q, exec: (cb: (r: unknown[]) => void) => cb([null]) }
      return q
    },
    redirectTo: ({ url }: { url: string }) => visited.push(url),
    navigateTo: ({ url }: { url: string }) => visited.push(url),
    showToast: ({ title }: { title: string }) => toasts.push(title),
    showModal: (o: { title: string; success?: (r: unknown) => void; complete?: (r: unknown) => void }) => {
      modals.push(o.title)
      const r = { errMsg: 'showModal:ok', confirm: modalAnswer.confirm, cancel: !modalAnswer.confirm }
      o.success?.(r)
      o.complete?.(r)
    },
    onNeedPrivacyAuthorization: (listener: (resolve: (r: unknown) => void) => void) => {
      privacy.listener = listener
    },
    openPrivacyContract: noop,
    cloud: {
      init: noop,
      callFunction: async ({ name, data }: { name: string; data: Record<string, unknown> }) => {
        if (name !== 'api') throw new Error(`unknown function ${name}`)
        const { action, ...input } = data as { action: string }
        calls.push({ action, input })
        const reply = answers[action]
        return { result: reply ? reply(input) : { ok: false, error: { code: 'NOT_FOUND', message: 'no canned answer' } } }
      },
    },
  }
  g.wx = wx
  g.App = (options: Record<string, unknown>) => {
    app = options
    ;(options.onLaunch as ((o: unknown) => void) | undefined)?.call(options, { path: '', query: {} })
  }
  g.getApp = () => app
  g.getCurrentPages = () => []
  g.requirePlugin = () => ({})
  // Taro's page config is a page definition; the simulator takes components
  g.Page = (options: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v
    ;(g.Component as (o: unknown) => void)({
      data: options.data,
      options: options.options,
      methods,
      lifetimes: {
        attached(this: Record<string, (q: unknown) => void>) {
          this.onLoad?.(currentQuery)
          this.onShow?.(undefined)
          this.onReady?.(undefined)
        },
        detached(this: Record<string, () => void>) {
          this.onUnload?.()
        },
      },
    })
  }
  require(join(WEAPP, 'app.js'))
}

/** renders a built page with its query, waits for React to mount and for the API answers */
export async function renderPage(page: string, query: Record<string, string>): Promise<{ data: { root?: TaroNode }; instance: unknown }> {
  installGlobals()
  currentQuery = query
  const id = simulate.load(join(WEAPP, page), { compiler: 'simulate', rootPath: WEAPP })
  const comp = simulate.render(id)
  comp.attach(document.createElement('parent-wrapper'))
  for (let i = 0; i < 20; i++) await simulate.sleep(20)
  return comp
}

interface TaroNode {
  sid?: string
  nn?: string
  v?: string
  cl?: string
  cn?: TaroNode[]
}

function collect(node: TaroNode, out: string[]) {
  if (typeof node.v === 'string') out.push(node.v)
  for (const child of node.cn ?? []) collect(child, out)
}

/** the visible text of the rendered page, in document order */
export function textOf(comp: { data: { root?: TaroNode } }): string {
  const out: string[] = []
  if (comp.data.root) collect(comp.data.root, out)
  return out.join('').replace(/\s+/g, ' ').trim()
}

function findByClass(n: TaroNode, className: string): TaroNode | null {
  if (n.cl?.split(' ').includes(className)) return n
  for (const c of n.cn ?? []) {
    const hit = findByClass(c, className)
    if (hit) return hit
  }
  return null
}

/**
 * Fires an event on the first node with this class the way the mini-program does: through the page's
 * event handler `eh`, with the node's id as the target. Then lets React render and the API answer.
 */
export async function fire(
  comp: { data: { root?: TaroNode }; instance: unknown },
  className: string,
  type: 'tap' | 'input',
  detail: Record<string, unknown> = {},
) {
  const node = comp.data.root ? findByClass(comp.data.root, className) : null
  if (!node?.sid) throw new Error(`no node with class ${className}`)
  const target = { id: node.sid, dataset: {} }
  ;(comp.instance as { eh: (e: unknown) => void }).eh({ type, timeStamp: Date.now(), target, currentTarget: target, detail })
  for (let i = 0; i < 10; i++) await simulate.sleep(20)
}

/** the text inside the first node with this class */
export function textIn(comp: { data: { root?: TaroNode } }, className: string): string | null {
  const find = (n: TaroNode): TaroNode | null => {
    if (n.cl?.split(' ').includes(className)) return n
    for (const c of n.cn ?? []) {
      const hit = find(c)
      if (hit) return hit
    }
    return null
  }
  const hit = comp.data.root ? find(comp.data.root) : null
  if (!hit) return null
  const out: string[] = []
  collect(hit, out)
  return out.join('')
}

/**
 * The WeChat 无障碍 attributes (aria-role, aria-label, aria-checked) the first node with this class
 * carries into the built WXML: read through the node's template in base.wxml, so a role the template
 * drops is reported as missing.
 */
export function ariaOf(comp: { data: { root?: TaroNode } }, className: string): Record<string, unknown> {
  const node = comp.data.root ? (findByClass(comp.data.root, className) as (TaroNode & Record<string, unknown>) | null) : null
  if (!node) throw new Error(`no node with class ${className}`)
  const wxml = readFileSync(join(WEAPP, 'base.wxml'), 'utf8')
  const tmpl = new RegExp(`<template name="tmpl_0_${node.nn}">\\s*<[a-z-]+ ([^>]*)>`).exec(wxml)?.[1] ?? ''
  const out: Record<string, unknown> = {}
  for (const m of tmpl.matchAll(/aria-([a-z]+)="\{\{i\.(\w+)\}\}"/g)) if (node[m[2]!] !== undefined) out[m[1]!] = node[m[2]!]
  return out
}
