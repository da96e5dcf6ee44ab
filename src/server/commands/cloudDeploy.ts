// `shouwen cloud deploy --env <envId> [--dry-run] [--prune-indexes]`: makes a CloudBase environment
// what src/server/cloud/environment.ts declares. Idempotent: it reads what is there and changes only
// what differs, so running it twice changes nothing the second time. Collections and indexes come
// first and the functions last, so new code never runs against a collection it does not find: the
// collections are the CloudBase store's migration, done here (and by `setup`), never on a citizen's call.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ENVIRONMENT, type CloudFunctionDecl, type Direction, type EnvironmentDecl, type IndexDecl } from '../cloud/environment'

/** the variable that carries the bundle's hash, so an unchanged bundle is not uploaded again */
export const BUILD_VARIABLE = 'SHOUWEN_BUILD'

export interface Rule {
  /** READONLY, PRIVATE, ADMINWRITE, ADMINONLY or CUSTOM */
  aclTag: string
  rule: Record<string, unknown> | null
}
export interface ExistingIndex {
  name: string
  fields: Array<[string, Direction]>
  unique: boolean
}
export interface FunctionState {
  runtime: string
  timeout: number
  memorySize: number
  env: Record<string, string>
  triggers: Array<{ name: string; type: string; config: string }>
}
export interface FunctionSpec {
  decl: CloudFunctionDecl
  /** cloudfunctions/<name>: index.js (the bundle) and package.json */
  dir: string
  env: Record<string, string>
}

/** the parts of CloudBase the deploy reads and changes (the real one wraps @cloudbase/manager-node) */
export interface DeployManager {
  listCollections(): Promise<string[]>
  createCollection(name: string): Promise<void>
  collectionRule(name: string): Promise<Rule>
  setCollectionRule(name: string, rule: Record<string, unknown>): Promise<void>
  listIndexes(collection: string): Promise<ExistingIndex[]>
  createIndex(collection: string, index: IndexDecl): Promise<void>
  dropIndex(collection: string, name: string): Promise<void>
  storageRule(): Promise<Rule>
  setStorageRule(rule: Record<string, unknown>): Promise<void>
  getFunction(name: string): Promise<FunctionState | null>
  createFunction(spec: FunctionSpec): Promise<void>
  updateFunctionCode(spec: FunctionSpec): Promise<void>
  updateFunctionConfig(spec: FunctionSpec): Promise<void>
  createTrigger(name: string, trigger: { name: string; type: 'timer'; config: string }): Promise<void>
  deleteTrigger(name: string, triggerName: string): Promise<void>
}

type Env = Record<string, string | undefined>

export interface DeployOptions {
  root: string
  /** the operator's environment: the declared variables' values come from here */
  env: Env
  pruneIndexes?: boolean
  out: (line: string) => void
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const fieldsText = (fields: Array<[string, Direction]>) => fields.map(([f, d]) => `${f} ${d === 'asc' ? '↑' : '↓'}`).join(', ')
const isClosed = (r: Rule, closed: Record<string, unknown>) => r.aclTag === 'ADMINONLY' || (r.aclTag === 'CUSTOM' && sameJson(r.rule, closed))
const sameIndex = (a: ExistingIndex, b: IndexDecl) => a.unique === b.unique && sameJson(a.fields, b.fields)

/** the bundle's hash: index.js and package.json, what the function runs */
export function bundleHash(dir: string): string | null {
  const index = join(dir, 'index.js')
  if (!existsSync(index)) return null
  const h = createHash('sha256').update(readFileSync(index))
  const pkg = join(dir, 'package.json')
  if (existsSync(pkg)) h.update(readFileSync(pkg))
  return h.digest('hex').slice(0, 16)
}

/** the cloud-call permissions a function's config.json asks for (WeChat registers them on a DevTools upload only) */
function openapiPermissions(dir: string): string[] {
  try {
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { permissions?: { openapi?: unknown } }
    const list = config.permissions?.openapi
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/** the plan, from the declaration alone: no network, no credentials */
export function planLines(envId: string, opts: Pick<DeployOptions, 'root' | 'env'>, decl: EnvironmentDecl = ENVIRONMENT): string[] {
  const lines = [`云开发环境 ${envId} 的部署计划（npx shouwen cloud deploy 按此逐项核对，只改不一致之处）`, '', '云函数：']
  for (const f of decl.functions) {
    const hash = bundleHash(join(opts.root, 'cloudfunctions', f.name))
    lines.push(`  ${f.name}（${f.why}）`)
    lines.push(
      `    运行环境 ${f.runtime}，超时 ${f.timeout} 秒，内存 ${f.memorySize} MB，云端安装依赖，代码 cloudfunctions/${f.name}/${hash ? `（构建 ${hash}）` : '（尚未构建：先运行 npm run build:functions）'}`,
    )
    const vars = f.envVariables.map((v) => `${v}${opts.env[v] ? '（已设置）' : '（未设置：保留云端现值）'}`)
    lines.push(`    环境变量：${[...vars, `${BUILD_VARIABLE}（代码的哈希）`].join('、')}`)
    for (const t of f.triggers) lines.push(`    定时触发器 ${t.name}：${t.config}（每 5 分钟）`)
    const openapi = openapiPermissions(join(opts.root, 'cloudfunctions', f.name))
    if (openapi.length) lines.push(`    云调用权限 ${openapi.join('、')}（config.json：只有开发者工具「上传并部署」会登记，见 README）`)
  }
  lines.push('', `数据库集合（权限：自定义安全规则 ${JSON.stringify(decl.collectionRule)}，任何客户端都不能直接读写）：`)
  for (const c of decl.collections) {
    lines.push(`  ${c.name}${c.indexes.length ? '' : '（只按文档编号读取，不需要索引）'}`)
    for (const i of c.indexes) lines.push(`    索引 ${i.name}：${fieldsText(i.fields)}${i.unique ? '（唯一）' : '（非唯一）'}`)
  }
  lines.push('', `云存储安全规则：${JSON.stringify(decl.storageRule)}`)
  lines.push('  小程序只能上传自己的照片，不能读取任何文件；工作人员经 api 函数取得两小时有效的临时链接查看')
  return lines
}

/** the functions with their code folders and the variables to set, checked before anything changes */
export function functionSpecs(opts: Pick<DeployOptions, 'root' | 'env'>, decl: EnvironmentDecl = ENVIRONMENT): FunctionSpec[] {
  return decl.functions.map((f) => {
    const dir = join(opts.root, 'cloudfunctions', f.name)
    const hash = bundleHash(dir)
    if (!hash) throw new DeployError(`cloudfunctions/${f.name}/index.js 不存在：请先运行 npm run build:functions`)
    const env: Record<string, string> = {}
    for (const v of f.envVariables) if (opts.env[v]) env[v] = opts.env[v]!
    env[BUILD_VARIABLE] = hash
    return { decl: f, dir, env }
  })
}

export class DeployError extends Error {}

/** brings the environment to the declaration; answers the changes made (none on a second run) */
export async function applyEnvironment(manager: DeployManager, opts: DeployOptions, decl: EnvironmentDecl = ENVIRONMENT): Promise<string[]> {
  const specs = functionSpecs(opts, decl)
  const changes: string[] = []
  const change = (line: string) => {
    changes.push(line)
    opts.out(`  ✓ ${line}`)
  }
  const closed = decl.collectionRule as unknown as Record<string, unknown>

  opts.out('数据库集合与索引：')
  const present = new Set(await manager.listCollections())
  for (const c of decl.collections) {
    if (!present.has(c.name)) {
      await manager.createCollection(c.name)
      change(`新建集合 ${c.name}`)
    }
    if (!isClosed(await manager.collectionRule(c.name), closed)) {
      await manager.setCollectionRule(c.name, closed)
      change(`集合 ${c.name} 设为任何客户端不可读写`)
    }
    const existing = (await manager.listIndexes(c.name)).filter((i) => i.name !== '_id_')
    for (const want of c.indexes) {
      const named = existing.find((i) => i.name === want.name)
      if (named && sameIndex(named, want)) continue
      if (named) {
        if (!opts.pruneIndexes) {
          opts.out(`  ! 集合 ${c.name} 的索引 ${want.name} 与声明不同（${fieldsText(named.fields)}）：加 --prune-indexes 以重建`)
          continue
        }
        await manager.dropIndex(c.name, named.name)
        change(`删除与声明不同的索引 ${c.name}.${named.name}`)
      } else if (existing.some((i) => sameIndex(i, want))) {
        continue // the same index under a name given in the console
      }
      await manager.createIndex(c.name, want)
      change(`新建索引 ${c.name}.${want.name}（${fieldsText(want.fields)}${want.unique ? '，唯一' : ''}）`)
    }
    for (const extra of existing.filter((i) => !c.indexes.some((w) => w.name === i.name || sameIndex(i, w)))) {
      if (opts.pruneIndexes) {
        await manager.dropIndex(c.name, extra.name)
        change(`删除未声明的索引 ${c.name}.${extra.name}`)
      } else {
        opts.out(`  · 集合 ${c.name} 有未声明的索引 ${extra.name}（${fieldsText(extra.fields)}），保留（加 --prune-indexes 删除）`)
      }
    }
  }

  opts.out('云存储：')
  const storage = decl.storageRule as unknown as Record<string, unknown>
  const currentStorage = await manager.storageRule()
  if (!(currentStorage.aclTag === 'CUSTOM' && sameJson(currentStorage.rule, storage))) {
    await manager.setStorageRule(storage)
    change(`云存储安全规则设为 ${JSON.stringify(storage)}`)
  }

  opts.out('云函数：')
  for (const spec of specs) {
    const f = spec.decl
    const current = await manager.getFunction(f.name)
    if (!current) {
      // a new function gets its code, configuration and timer in one call
      await manager.createFunction(spec)
      change(`新建云函数 ${f.name}（${f.runtime}，${f.timeout} 秒，${f.memorySize} MB${f.triggers.length ? '，定时触发器' : ''}）`)
      continue
    }
    // a variable the operator did not set keeps the function's value: the platform replaces them all
    const env: Record<string, string> = {}
    for (const v of f.envVariables) if (current.env[v] !== undefined) env[v] = current.env[v]!
    Object.assign(env, spec.env)
    const withEnv = { ...spec, env }
    if (current.env[BUILD_VARIABLE] !== spec.env[BUILD_VARIABLE]) {
      await manager.updateFunctionCode(withEnv)
      change(`上传云函数 ${f.name} 的代码（构建 ${spec.env[BUILD_VARIABLE]}）`)
    }
    const sortedEnv = (e: Record<string, string>) => Object.fromEntries(Object.entries(e).sort(([a], [b]) => a.localeCompare(b)))
    if (
      current.runtime !== f.runtime ||
      current.timeout !== f.timeout ||
      current.memorySize !== f.memorySize ||
      !sameJson(sortedEnv(current.env), sortedEnv(env))
    ) {
      await manager.updateFunctionConfig(withEnv)
      change(`更新云函数 ${f.name} 的配置（${f.runtime}，${f.timeout} 秒，${f.memorySize} MB，环境变量 ${Object.keys(env).join('、')}）`)
    }
    for (const t of f.triggers) {
      const had = current.triggers.find((x) => x.name === t.name)
      if (had && had.type === t.type && had.config === t.config) continue
      if (had) await manager.deleteTrigger(f.name, t.name)
      await manager.createTrigger(f.name, t)
      change(`${had ? '更新' : '新建'}云函数 ${f.name} 的定时触发器 ${t.name}（${t.config}）`)
    }
    for (const extra of current.triggers.filter((x) => !f.triggers.some((t) => t.name === x.name))) {
      opts.out(`  · 云函数 ${f.name} 有未声明的触发器 ${extra.name}（${extra.config}），保留：请确认它不会重复运行`)
    }
  }
  opts.out(changes.length ? `完成：${changes.length} 处改动` : '完成：云端已与声明一致，没有改动')
  return changes
}

// ---- the real manager, over @cloudbase/manager-node ----

interface ManagerError {
  code?: string
  message?: string
}
/** the parts of @cloudbase/manager-node's CloudBase object used here, as its typings declare them */
interface CloudBaseManager {
  database: {
    listCollections(options?: { MgoLimit?: number; MgoOffset?: number }): Promise<{ Collections: Array<{ CollectionName: string }>; Pager: { Total: number } }>
    createCollection(name: string): Promise<unknown>
    describeCollection(name: string): Promise<{ Indexes?: Array<{ Name: string; Keys: Array<{ Name?: string; Direction?: string }>; Unique: boolean }> }>
    updateCollection(
      name: string,
      info: {
        CreateIndexes?: Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique: boolean } }>
        DropIndexes?: Array<{ IndexName: string }>
      },
    ): Promise<unknown>
  }
  functions: {
    getFunctionDetail(name: string): Promise<{
      Runtime: string
      Timeout: number
      MemorySize: number
      Environment?: { Variables?: Array<{ Key: string; Value: string }> }
      Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc: string }>
    }>
    createFunction(p: { func: ManagerFunction; functionPath: string; force: boolean }): Promise<unknown>
    updateFunctionCode(p: { func: ManagerFunction; functionPath: string }): Promise<unknown>
    updateFunctionConfig(func: ManagerFunction): Promise<unknown>
    createFunctionTriggers(name: string, triggers: Array<{ name: string; type: string; config: string }>): Promise<unknown>
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>
  }
  env: { getEnvInfo(): Promise<{ EnvInfo: { Storages?: Array<{ Bucket: string }> } }> }
  commonService(
    service?: string,
    version?: string,
  ): { call(o: { Action: string; Param: Record<string, unknown> }): Promise<{ AclTag?: string; Rule?: string | null }> }
}
interface ManagerFunction {
  name: string
  runtime: string
  timeout: number
  memorySize: number
  handler: string
  installDependency: boolean
  envVariables: Record<string, string>
  ignore: string[]
  triggers?: Array<{ name: string; type: string; config: string }>
  isWaitInstall: boolean
}

const managerFunction = (s: FunctionSpec): ManagerFunction => ({
  name: s.decl.name,
  runtime: s.decl.runtime,
  timeout: s.decl.timeout,
  memorySize: s.decl.memorySize,
  handler: 'index.main',
  installDependency: s.decl.installDependency,
  envVariables: s.env,
  ignore: ['node_modules', 'node_modules/**/*'],
  ...(s.decl.triggers.length ? { triggers: s.decl.triggers } : {}),
  isWaitInstall: true,
})

const parseRule = (r: { AclTag?: string; Rule?: string | null }): Rule => {
  try {
    return { aclTag: r.AclTag ?? '', rule: r.Rule ? (JSON.parse(r.Rule) as Record<string, unknown>) : null }
  } catch {
    return { aclTag: r.AclTag ?? '', rule: null } // a rule we cannot read is one to replace
  }
}

/** a timer's TriggerDesc comes back as {"cron": "..."} */
const triggerConfig = (desc: string) => {
  try {
    const parsed = JSON.parse(desc) as { cron?: string }
    return parsed.cron ?? desc
  } catch {
    return desc
  }
}

export function managerAdapter(m: CloudBaseManager, envId: string): DeployManager {
  const call = (Action: string, Param: Record<string, unknown>) => m.commonService().call({ Action, Param: { EnvId: envId, ...Param } })
  let bucket: string | null = null
  const storageBucket = async () => {
    bucket ??= (await m.env.getEnvInfo()).EnvInfo.Storages?.[0]?.Bucket ?? null
    if (!bucket) throw new DeployError(`环境 ${envId} 没有开通云存储`)
    return bucket
  }
  return {
    async listCollections() {
      const names: string[] = []
      for (let offset = 0; ; offset += 100) {
        const page = await m.database.listCollections({ MgoLimit: 100, MgoOffset: offset })
        names.push(...page.Collections.map((c) => c.CollectionName))
        if (page.Collections.length < 100) return names
      }
    },
    async createCollection(name) {
      await m.database.createCollection(name)
    },
    async collectionRule(name) {
      return parseRule(await call('DescribeSafeRule', { CollectionName: name }))
    },
    async setCollectionRule(name, rule) {
      await call('ModifySafeRule', { CollectionName: name, AclTag: 'CUSTOM', Rule: JSON.stringify(rule) })
    },
    async listIndexes(collection) {
      const { Indexes = [] } = await m.database.describeCollection(collection)
      return Indexes.map((i) => ({
        name: i.Name,
        unique: i.Unique,
        fields: i.Keys.map((k): [string, Direction] => [k.Name ?? '', k.Direction === '-1' ? 'desc' : 'asc']),
      }))
    },
    async createIndex(collection, index) {
      await m.database.updateCollection(collection, {
        CreateIndexes: [
          {
            IndexName: index.name,
            MgoKeySchema: { MgoIndexKeys: index.fields.map(([Name, d]) => ({ Name, Direction: d === 'asc' ? '1' : '-1' })), MgoIsUnique: index.unique },
          },
        ],
      })
    },
    async dropIndex(collection, name) {
      await m.database.updateCollection(collection, { DropIndexes: [{ IndexName: name }] })
    },
    async storageRule() {
      return parseRule(await call('DescribeStorageSafeRule', { Bucket: await storageBucket() }))
    },
    async setStorageRule(rule) {
      await call('ModifyStorageSafeRule', { Bucket: await storageBucket(), AclTag: 'CUSTOM', Rule: JSON.stringify(rule) })
    },
    async getFunction(name) {
      try {
        const f = await m.functions.getFunctionDetail(name)
        return {
          runtime: f.Runtime,
          timeout: f.Timeout,
          memorySize: f.MemorySize,
          env: Object.fromEntries((f.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
          triggers: (f.Triggers ?? []).map((t) => ({ name: t.TriggerName, type: t.Type, config: triggerConfig(t.TriggerDesc) })),
        }
      } catch (e) {
        if (/ResourceNotFound/.test((e as ManagerError).code ?? '')) return null
        throw e
      }
    },
    async createFunction(spec) {
      await m.functions.createFunction({ func: managerFunction(spec), functionPath: spec.dir, force: false })
    },
    async updateFunctionCode(spec) {
      await m.functions.updateFunctionCode({ func: managerFunction(spec), functionPath: spec.dir })
    },
    async updateFunctionConfig(spec) {
      await m.functions.updateFunctionConfig(managerFunction(spec))
    },
    async createTrigger(name, trigger) {
      await m.functions.createFunctionTriggers(name, [trigger])
    },
    async deleteTrigger(name, triggerName) {
      await m.functions.deleteFunctionTrigger(name, triggerName)
    },
  }
}

/**
 * What an error from the manager says. Its CloudBaseError may carry the failed request's own error
 * object as `message` (seen with an unreachable host), so both shapes are read.
 */
function errorParts(e: unknown): { code: string; text: string } {
  const err = (e ?? {}) as { code?: unknown; message?: unknown; original?: { code?: unknown } }
  const inner = typeof err.message === 'object' && err.message !== null ? (err.message as { message?: unknown; code?: unknown }) : null
  const code = [err.code, inner?.code, err.original?.code].find((c) => typeof c === 'string' && c !== '') as string | undefined
  const text = inner ? String(inner.message ?? '') : typeof err.message === 'string' ? err.message : String(e)
  return { code: code ?? '', text: text.split('\n')[0]!.slice(0, 200) }
}

const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up/i

/** an error from the service or the network, said in one line for the operator */
export function explain(e: unknown): string {
  if (e instanceof DeployError) return e.message
  const { code, text } = errorParts(e)
  const both = `${code} ${text}`
  if (NETWORK.test(both))
    return `无法连接腾讯云 API（${code || text}）：请检查本机网络与 DNS，需要代理时设置 HTTPS_PROXY；已做的改动保留，联网后重新运行即可继续`
  if (/AuthFailure|SecretId|signature/i.test(both))
    return `腾讯云拒绝了密钥（${code || text}）：请检查 TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY 及其对云开发的权限`
  if (/ResourceNotFound\.?Env|EnvId|环境/i.test(both)) return `找不到云开发环境或无权访问（${code}）：${text}`
  return `部署未完成（${code || '错误'}）：${text}。已做的改动保留，重新运行会从未完成处继续`
}

/** the command itself: argument handling, the plan, and the real manager when not a dry run */
export async function cloudCommand(
  args: string[],
  io: {
    root: string
    env: Env
    out: (line: string) => void
    err: (line: string) => void
    connect?: (envId: string, secretId: string, secretKey: string) => Promise<DeployManager>
  },
): Promise<number> {
  const usage = '用法：shouwen cloud deploy --env <环境 ID> [--dry-run] [--prune-indexes]'
  if (args[0] !== 'deploy') {
    io.err(usage)
    return 2
  }
  const at = args.indexOf('--env')
  const envId = at >= 0 ? args[at + 1] : undefined
  if (!envId || envId.startsWith('--')) {
    io.err(`缺少 --env <环境 ID>（云开发控制台 → 环境总览）\n${usage}`)
    return 2
  }
  const known = new Set(['deploy', '--env', envId, '--dry-run', '--prune-indexes'])
  const unknown = args.filter((a) => !known.has(a))
  if (unknown.length) {
    io.err(`未知参数：${unknown.join(' ')}\n${usage}`)
    return 2
  }
  for (const line of planLines(envId, io)) io.out(line)
  if (args.includes('--dry-run')) {
    io.out('')
    io.out('（--dry-run：只列出计划，没有连接腾讯云，也没有读取密钥）')
    return 0
  }
  const secretId = io.env.TENCENTCLOUD_SECRETID
  const secretKey = io.env.TENCENTCLOUD_SECRETKEY
  if (!secretId || !secretKey) {
    io.err('需要腾讯云 API 密钥：设置 TENCENTCLOUD_SECRETID 与 TENCENTCLOUD_SECRETKEY（访问管理 → API 密钥；子账号需云开发与云函数的读写权限）')
    return 2
  }
  try {
    functionSpecs(io) // a missing bundle stops the deploy before anything changes
    const connect = io.connect ?? connectManager
    const manager = await connect(envId, secretId, secretKey)
    io.out('')
    await applyEnvironment(manager, { root: io.root, env: io.env, pruneIndexes: args.includes('--prune-indexes'), out: io.out })
    return 0
  } catch (e) {
    io.err(explain(e))
    return 1
  }
}

async function connectManager(envId: string, secretId: string, secretKey: string): Promise<DeployManager> {
  // loaded only here: the dry run and every other command do without it
  const mod = (await import('@cloudbase/manager-node')) as unknown as { default?: unknown }
  const CloudBase = (mod.default ?? mod) as new (config: { secretId: string; secretKey: string; envId: string }) => CloudBaseManager
  return managerAdapter(new CloudBase({ secretId, secretKey, envId }), envId)
}
