// `shouwen cloud deploy`: the declared environment (src/server/cloud/environment.ts) against what the
// CloudBase adapter uses, the dry-run plan, and the apply logic against a stand-in of the manager
// that records every call (the real CloudBase cannot be reached from here).
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CLOSED_RULE,
  COLLECTIONS,
  FUNCTIONS,
  STORAGE_RULE,
  cloudbaserc,
  servingIndex,
  type IndexDecl,
  type QueryShape,
} from '../../src/server/cloud/environment'
import {
  BUILD_VARIABLE,
  applyEnvironment,
  cloudCommand,
  type DeployManager,
  type ExistingIndex,
  type FunctionSpec,
  type FunctionState,
  type Rule,
} from '../../src/server/commands/cloudDeploy'
import {
  createCloudbaseStore,
  type CloudAggregate,
  type CloudCollection,
  type CloudData,
  type CloudDatabase,
  type CloudQuery,
} from '../../src/server/store/cloudbase'
import { describeStoreContract } from '../store/contract'
import { FakeCloudDb } from '../support/fakeCloudDb'
import { notifyConfig } from '../../src/server/notify/config'

const root = join(__dirname, '../..')

/** the collections the adapter's own migration creates: its list, whatever file it lives in */
async function adapterCollections(): Promise<string[]> {
  const db = new FakeCloudDb()
  const created: string[] = []
  const create = db.createCollection.bind(db)
  db.createCollection = async (name: string) => {
    created.push(name)
    return create(name)
  }
  await createCloudbaseStore(db).migrate()
  return created
}

/** a CloudBase environment in memory, behind the deploy's manager interface; counts what changes it */
class FakeManager implements DeployManager {
  collections = new Map<string, { rule: Rule; indexes: ExistingIndex[] }>()
  functions = new Map<string, FunctionState & { code: string }>()
  storage: Rule = { aclTag: 'PRIVATE', rule: null }
  changes: string[] = []

  private coll(name: string) {
    const c = this.collections.get(name)
    if (!c) throw Object.assign(new Error(`Table ${name} not exist`), { code: 'ResourceNotFound' })
    return c
  }
  async listCollections() {
    return [...this.collections.keys()]
  }
  async createCollection(name: string) {
    this.changes.push(`createCollection ${name}`)
    // a new collection has the default rule (creator may write) and the _id index
    this.collections.set(name, { rule: { aclTag: 'READONLY', rule: null }, indexes: [{ name: '_id_', fields: [['_id', 'asc']], unique: true }] })
  }
  async collectionRule(name: string) {
    return this.coll(name).rule
  }
  async setCollectionRule(name: string, rule: Record<string, unknown>) {
    this.changes.push(`setCollectionRule ${name}`)
    this.coll(name).rule = { aclTag: 'CUSTOM', rule: JSON.parse(JSON.stringify(rule)) }
  }
  async listIndexes(collection: string) {
    return this.coll(collection).indexes
  }
  async createIndex(collection: string, index: IndexDecl) {
    this.changes.push(`createIndex ${collection}.${index.name}`)
    this.coll(collection).indexes.push({ name: index.name, fields: index.fields.map(([f, d]) => [f, d]), unique: index.unique })
  }
  async dropIndex(collection: string, name: string) {
    this.changes.push(`dropIndex ${collection}.${name}`)
    const c = this.coll(collection)
    c.indexes = c.indexes.filter((i) => i.name !== name)
  }
  async storageRule() {
    return this.storage
  }
  async setStorageRule(rule: Record<string, unknown>) {
    this.changes.push('setStorageRule')
    this.storage = { aclTag: 'CUSTOM', rule: JSON.parse(JSON.stringify(rule)) }
  }
  async getFunction(name: string) {
    const f = this.functions.get(name)
    return f ? { ...f, env: { ...f.env }, triggers: [...f.triggers] } : null
  }
  async createFunction(s: FunctionSpec) {
    this.changes.push(`createFunction ${s.decl.name}`)
    this.functions.set(s.decl.name, {
      runtime: s.decl.runtime,
      timeout: s.decl.timeout,
      memorySize: s.decl.memorySize,
      env: { ...s.env },
      triggers: [...s.decl.triggers],
      code: readFileSync(join(s.dir, 'index.js'), 'utf8'),
    })
  }
  async updateFunctionCode(s: FunctionSpec) {
    this.changes.push(`updateFunctionCode ${s.decl.name}`)
    this.functions.get(s.decl.name)!.code = readFileSync(join(s.dir, 'index.js'), 'utf8')
  }
  async updateFunctionConfig(s: FunctionSpec) {
    this.changes.push(`updateFunctionConfig ${s.decl.name}`)
    // the platform replaces the variables as a whole
    Object.assign(this.functions.get(s.decl.name)!, { runtime: s.decl.runtime, timeout: s.decl.timeout, memorySize: s.decl.memorySize, env: { ...s.env } })
  }
  async createTrigger(name: string, t: { name: string; type: 'timer'; config: string }) {
    this.changes.push(`createTrigger ${name}.${t.name}`)
    this.functions.get(name)!.triggers.push({ ...t })
  }
  async deleteTrigger(name: string, triggerName: string) {
    this.changes.push(`deleteTrigger ${name}.${triggerName}`)
    const f = this.functions.get(name)!
    f.triggers = f.triggers.filter((t) => t.name !== triggerName)
  }
}

/** a project folder with built functions, so the tests do not depend on npm run build:functions */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shouwen-deploy-'))
  for (const f of FUNCTIONS) {
    mkdirSync(join(dir, 'cloudfunctions', f.name), { recursive: true })
    writeFileSync(join(dir, 'cloudfunctions', f.name, 'index.js'), `exports.main = async () => '${f.name} v1'\n`)
    writeFileSync(join(dir, 'cloudfunctions', f.name, 'package.json'), JSON.stringify({ name: f.name, dependencies: { 'wx-server-sdk': '4.0.2' } }))
    writeFileSync(join(dir, 'cloudfunctions', f.name, 'config.json'), readFileSync(join(root, 'cloudfunctions', f.name, 'config.json')))
  }
  return dir
}

const quiet = { out: () => {} }
let dir: string
beforeEach(() => {
  dir = project()
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the declaration', () => {
  it('declares every collection the adapter creates, and no other, each closed to every client', async () => {
    const used = await adapterCollections()
    expect(used.length).toBeGreaterThan(15)
    expect(COLLECTIONS.map((c) => c.name).sort()).toEqual([...used].sort())
    expect(CLOSED_RULE).toEqual({ read: false, write: false })
  })

  it('gives the functions the time they need and the sweep its timer', () => {
    const fn = Object.fromEntries(FUNCTIONS.map((f) => [f.name, f]))
    expect(Object.keys(fn).sort()).toEqual(['api', 'setup', 'sweep'])
    expect(fn.api!.timeout).toBeGreaterThanOrEqual(20)
    expect(fn.sweep!.timeout).toBe(60)
    expect(fn.setup!.timeout).toBe(60)
    for (const f of FUNCTIONS) {
      expect(Number(/^Nodejs(\d+)/.exec(f.runtime)?.[1])).toBeGreaterThanOrEqual(16)
      expect(f.installDependency).toBe(true)
    }
    expect(fn.api!.envVariables).toEqual(expect.arrayContaining(['WX_TEMPLATE_CITIZEN', 'WX_TEMPLATE_STAFF']))
    expect(fn.sweep!.envVariables).toEqual(expect.arrayContaining(['WX_TEMPLATE_CITIZEN', 'WX_TEMPLATE_STAFF']))
    // the same timer as the DevTools upload reads from config.json
    const devtools = JSON.parse(readFileSync(join(root, 'cloudfunctions/sweep/config.json'), 'utf8')) as { triggers: unknown[] }
    expect(fn.sweep!.triggers).toEqual(devtools.triggers)
    expect(fn.api!.triggers).toEqual([])
  })

  it('gives api and sweep every WX_ variable the notification settings read', () => {
    const read = new Set<string>()
    const env = new Proxy({} as Record<string, string | undefined>, {
      get: (_, key) => {
        if (typeof key === 'string') read.add(key)
        return key === 'WX_TEMPLATE_CITIZEN' || key === 'WX_TEMPLATE_STAFF' ? 'tmpl' : undefined
      },
    })
    notifyConfig(env, 'cloud')
    const wx = [...read].filter((k) => k.startsWith('WX_'))
    expect(wx.length).toBeGreaterThanOrEqual(2)
    for (const name of ['api', 'sweep']) expect(FUNCTIONS.find((f) => f.name === name)!.envVariables).toEqual(expect.arrayContaining(wx))
  })

  it('has no unique index over a field that is null until set', () => {
    const nullable: Record<string, string[]> = {
      staff: ['openid', 'login', 'windowId'],
      cases: ['handlerId', 'nextDueAt', 'ledgerDay', 'decidedAt'],
      notifications: ['readAt'],
      complaints: ['nextActionAt', 'answeredAt'],
      invites: ['usedAt', 'revokedAt'],
      staff_sessions: ['revokedAt'],
    }
    for (const c of COLLECTIONS) {
      for (const i of c.indexes.filter((x) => x.unique)) {
        expect({ index: `${c.name}.${i.name}`, nullable: i.fields.filter(([f]) => (nullable[c.name] ?? []).includes(f)) }).toEqual({
          index: `${c.name}.${i.name}`,
          nullable: [],
        })
      }
    }
    expect(
      COLLECTIONS.find((c) => c.name === 'staff')!
        .indexes.filter((i) => i.fields.some(([f]) => f === 'openid' || f === 'login'))
        .map((i) => i.unique),
    ).toEqual([false, false])
  })

  it('cloudbaserc.json is the declaration in the CloudBase CLI format', () => {
    const file = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8'))
    expect(file).toEqual(cloudbaserc())
    const api = file.functions.find((f: { name: string }) => f.name === 'api')
    expect(api).toMatchObject({
      runtime: 'Nodejs18.15',
      timeout: 20,
      handler: 'index.main',
      installDependency: true,
      envVariables: { WX_TEMPLATE_CITIZEN: '{{env.WX_TEMPLATE_CITIZEN}}' },
    })
    expect(file.functions.find((f: { name: string }) => f.name === 'sweep').triggers).toEqual([
      { name: 'sweepTimer', type: 'timer', config: '0 */5 * * * * *' },
    ])
  })

  it('lets a WeChat user upload their own files and read none', () => {
    expect(STORAGE_RULE.read).toBe(false)
    expect(STORAGE_RULE.write).toBe('resource.openid == auth.openid')
  })
})

describe('cloud deploy --dry-run', () => {
  it('prints the whole plan without credentials and without connecting', async () => {
    const lines: string[] = []
    const connect = jest.fn()
    const code = await cloudCommand(['deploy', '--env', 'hall-test-1a2b', '--dry-run'], {
      root: dir,
      env: {},
      out: (l) => lines.push(l),
      err: (l) => lines.push(`ERR ${l}`),
      connect,
    })
    expect(code).toBe(0)
    expect(connect).not.toHaveBeenCalled()
    const text = lines.join('\n')
    expect(text).not.toContain('ERR')
    expect(text).toContain('hall-test-1a2b')
    expect(text).toMatch(/api（[^\n]*\n\s+运行环境 Nodejs18\.15，超时 20 秒，内存 512 MB/)
    expect(text).toMatch(/sweep（[^\n]*\n\s+运行环境 Nodejs18\.15，超时 60 秒/)
    expect(text).toMatch(/setup（[^\n]*\n\s+运行环境 Nodejs18\.15，超时 60 秒/)
    expect(text).toContain('定时触发器 sweepTimer：0 */5 * * * * *')
    // the cloud-call permissions only a DevTools upload registers are named, so the README's step is not missed
    expect(text).toContain('云调用权限 wxacode.getUnlimited、subscribeMessage.send、security.msgSecCheck')
    expect(text).toContain('WX_TEMPLATE_CITIZEN（未设置：保留云端现值）')
    expect(text).toContain('权限：自定义安全规则 {"read":false,"write":false}')
    for (const name of await adapterCollections()) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^  ${name}(（|$)`)))
    expect(text).toContain('索引 next_due：nextDueAt ↑（非唯一）')
    expect(text).toContain('索引 openid：openid ↑（非唯一）')
    expect(text).toContain('索引 hall_window_status_submitted：hallId ↑, windowId ↑, status ↑, submittedAt ↓（非唯一）')
    expect(text).toContain('云存储安全规则：{"read":false,"write":"resource.openid == auth.openid"}')
  })

  it('refuses a missing --env or an unknown flag, and asks for credentials only when it will connect', async () => {
    const errs: string[] = []
    const io = { root: dir, env: {}, out: () => {}, err: (l: string) => errs.push(l) }
    expect(await cloudCommand(['deploy', '--dry-run'], io)).toBe(2)
    expect(await cloudCommand(['deploy', '--env', 'e', '--force'], io)).toBe(2)
    expect(await cloudCommand(['deploy', '--env', 'e'], io)).toBe(2)
    expect(errs.join('\n')).toMatch(/缺少 --env[\s\S]*未知参数：--force[\s\S]*TENCENTCLOUD_SECRETID 与 TENCENTCLOUD_SECRETKEY/)
  })

  it('says in one line that the network is unreachable, without a stack trace', async () => {
    const errs: string[] = []
    const unreachable = new Proxy({} as DeployManager, {
      // the manager's error for a failed request, as @cloudbase/manager-node gives it
      // not a thenable: `await connect()` must give the manager itself
      get: (_, prop) =>
        prop === 'then'
          ? undefined
          : async () => {
              throw Object.assign(new Error(), {
                name: 'CloudBaseError',
                code: '',
                message: {
                  message: 'request to https://tcb.tencentcloudapi.com/ failed, reason: getaddrinfo ENOTFOUND tcb.tencentcloudapi.com',
                  code: 'ENOTFOUND',
                },
              })
            },
    })
    const code = await cloudCommand(['deploy', '--env', 'e'], {
      root: dir,
      env: { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' },
      out: () => {},
      err: (l) => errs.push(l),
      connect: async () => unreachable,
    })
    expect(code).toBe(1)
    expect(errs).toEqual([expect.stringMatching(/^无法连接腾讯云 API（ENOTFOUND）/)])
    expect(errs[0]).not.toMatch(/\n\s+at /)
  })

  it('stops before changing anything when a function is not built', async () => {
    rmSync(join(dir, 'cloudfunctions/sweep/index.js'))
    const errs: string[] = []
    const manager = new FakeManager()
    const code = await cloudCommand(['deploy', '--env', 'e'], {
      root: dir,
      env: { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' },
      out: () => {},
      err: (l) => errs.push(l),
      connect: async () => manager,
    })
    expect(code).toBe(1)
    expect(errs.join('\n')).toContain('npm run build:functions')
    expect(manager.changes).toEqual([])
  })
})

describe('applying the declaration', () => {
  it('builds an empty environment, and a second run changes nothing', async () => {
    const manager = new FakeManager()
    const first = await applyEnvironment(manager, { root: dir, env: { WX_TEMPLATE_CITIZEN: 'tmpl-c' }, ...quiet })
    expect(first.length).toBeGreaterThan(0)
    for (const c of COLLECTIONS) {
      const made = manager.collections.get(c.name)!
      expect(made.rule).toEqual({ aclTag: 'CUSTOM', rule: { read: false, write: false } })
      expect(
        made.indexes
          .filter((i) => i.name !== '_id_')
          .map((i) => i.name)
          .sort(),
      ).toEqual(c.indexes.map((i) => i.name).sort())
    }
    expect(manager.storage).toEqual({ aclTag: 'CUSTOM', rule: STORAGE_RULE })
    const sweep = manager.functions.get('sweep')!
    expect(sweep).toMatchObject({ runtime: 'Nodejs18.15', timeout: 60, triggers: [{ name: 'sweepTimer', type: 'timer', config: '0 */5 * * * * *' }] })
    expect(sweep.env).toEqual({ WX_TEMPLATE_CITIZEN: 'tmpl-c', [BUILD_VARIABLE]: expect.stringMatching(/^[0-9a-f]{16}$/) })
    expect(manager.functions.get('api')!.timeout).toBe(20)

    manager.changes = []
    expect(await applyEnvironment(manager, { root: dir, env: { WX_TEMPLATE_CITIZEN: 'tmpl-c' }, ...quiet })).toEqual([])
    expect(manager.changes).toEqual([])
  })

  it('uploads a changed bundle only, and keeps a template id the operator did not give again', async () => {
    const manager = new FakeManager()
    await applyEnvironment(manager, { root: dir, env: { WX_TEMPLATE_CITIZEN: 'tmpl-c', WX_TEMPLATE_STAFF: 'tmpl-s' }, ...quiet })
    writeFileSync(join(dir, 'cloudfunctions/api/index.js'), "exports.main = async () => 'api v2'\n")
    manager.changes = []
    await applyEnvironment(manager, { root: dir, env: {}, ...quiet })
    expect(manager.changes).toEqual(['updateFunctionCode api', 'updateFunctionConfig api'])
    expect(manager.functions.get('api')!.code).toContain('api v2')
    expect(manager.functions.get('api')!.env).toMatchObject({ WX_TEMPLATE_CITIZEN: 'tmpl-c', WX_TEMPLATE_STAFF: 'tmpl-s' })
  })

  it('repairs what was changed by hand: an open collection, a 3-second timeout, a different timer', async () => {
    const manager = new FakeManager()
    await applyEnvironment(manager, { root: dir, env: {}, ...quiet })
    manager.collections.get('staff')!.rule = { aclTag: 'READONLY', rule: null }
    manager.collections.get('invites')!.rule = { aclTag: 'ADMINONLY', rule: null } // closed as well: left alone
    manager.functions.get('api')!.timeout = 3
    manager.functions.get('sweep')!.triggers = [{ name: 'sweepTimer', type: 'timer', config: '0 0 * * * * *' }]
    manager.changes = []
    await applyEnvironment(manager, { root: dir, env: {}, ...quiet })
    expect(manager.changes).toEqual(['setCollectionRule staff', 'updateFunctionConfig api', 'deleteTrigger sweep.sweepTimer', 'createTrigger sweep.sweepTimer'])
  })

  it('reports an index it does not declare and drops it only with --prune-indexes', async () => {
    const manager = new FakeManager()
    await applyEnvironment(manager, { root: dir, env: {}, ...quiet })
    manager.collections.get('cases')!.indexes.push({ name: 'by_hand', fields: [['status', 'asc']], unique: false })
    const lines: string[] = []
    manager.changes = []
    await applyEnvironment(manager, { root: dir, env: {}, out: (l) => lines.push(l) })
    expect(manager.changes).toEqual([])
    expect(lines.join('\n')).toContain('集合 cases 有未声明的索引 by_hand（status ↑），保留')
    await applyEnvironment(manager, { root: dir, env: {}, pruneIndexes: true, ...quiet })
    expect(manager.changes).toEqual(['dropIndex cases.by_hand'])
  })

  it('does not add an index the console already made under another name', async () => {
    const manager = new FakeManager()
    await manager.createCollection('cases')
    manager.collections.get('cases')!.indexes.push({ name: 'nextDueAt_1', fields: [['nextDueAt', 'asc']], unique: false })
    await applyEnvironment(manager, { root: dir, env: {}, ...quiet })
    expect(manager.changes).not.toContain('createIndex cases.next_due')
  })
})

// ---- every query the adapter issues while the store contract runs, checked against the indexes ----

const shapes = new Map<string, QueryShape>()
const commands = new WeakMap<object, string>()

/** the stand-in database, recording each query's collection, filter fields and sort */
function recording(db: FakeCloudDb): CloudDatabase {
  const tag =
    (op: string, f: (...a: never[]) => unknown) =>
    (...a: never[]) => {
      const c = f(...a) as object
      commands.set(c, op)
      return c
    }
  const _ = db.command
  const command = {
    ...(_ as object),
    eq: tag('eq', _.eq),
    in: tag('in', _.in),
    lt: tag('lt', _.lt),
    lte: tag('lte', _.lte),
    gte: tag('gte', _.gte),
    and: tag('and', _.and),
  } as CloudDatabase['command']
  const shapeOf = (name: string, where: CloudData, sort: QueryShape['sort']) => {
    const equal: string[] = []
    const range: string[] = []
    for (const [field, v] of Object.entries(where)) {
      const op = typeof v === 'object' && v !== null ? commands.get(v) : undefined
      ;(op && op !== 'eq' && op !== 'in' ? range : equal).push(field)
    }
    const shape = { collection: name, equal: equal.sort(), range: range.sort(), sort }
    shapes.set(JSON.stringify(shape), shape)
  }
  // an aggregation is served by the index its first $match uses
  const aggregate = (name: string, a: CloudAggregate, where: CloudData | null): CloudAggregate => ({
    match: (cond) => aggregate(name, a.match(cond), where ?? cond),
    group: (spec) => aggregate(name, a.group(spec), where),
    sort: (spec) => aggregate(name, a.sort(spec), where),
    limit: (n) => aggregate(name, a.limit(n), where),
    end: () => (shapeOf(name, where ?? {}, []), a.end()),
  })
  const wrap = (name: string, q: CloudQuery, where: CloudData, sort: QueryShape['sort']): CloudQuery => {
    const note = () => {
      const equal: string[] = []
      const range: string[] = []
      for (const [field, v] of Object.entries(where)) {
        const op = typeof v === 'object' && v !== null ? commands.get(v) : undefined
        ;(op && op !== 'eq' && op !== 'in' ? range : equal).push(field)
      }
      const shape = { collection: name, equal: equal.sort(), range: range.sort(), sort }
      shapes.set(JSON.stringify(shape), shape)
    }
    return {
      where: (cond) => wrap(name, q.where(cond), { ...where, ...cond }, sort),
      orderBy: (field, order) => wrap(name, q.orderBy(field, order), where, [...sort, [field, order]]),
      skip: (n) => wrap(name, q.skip(n), where, sort),
      limit: (n) => wrap(name, q.limit(n), where, sort),
      get: () => (note(), q.get()),
      count: () => (note(), q.count()),
    }
  }
  return {
    command,
    collection: (name: string): CloudCollection => {
      const c = db.collection(name)
      return { ...wrap(name, c, {}, []), doc: (id: string) => c.doc(id), aggregate: () => aggregate(name, c.aggregate(), null) }
    },
    runTransaction: (fn) => db.runTransaction(fn),
    createCollection: (name) => db.createCollection(name),
  }
}

describeStoreContract('CloudBase, recording the shape of every query', async () => {
  const db = new FakeCloudDb()
  const store = createCloudbaseStore(recording(db))
  await store.migrate()
  return {
    store,
    reset: async () => {
      db.tables.clear()
      await store.migrate()
    },
    close: async () => {},
  }
})

describe('the indexes', () => {
  // the reads the contract does not make: inbox, sweep, reports, staff look-ups, the export
  beforeAll(async () => {
    const db = new FakeCloudDb()
    const store = createCloudbaseStore(recording(db))
    await store.migrate()
    const at = '2026-11-23T10:00:00+08:00'
    await store.listNotifications('li', 20)
    await store.countUnread('li')
    await store.markRead('li', null, at)
    await store.markRead('li', ['k1'], at)
    await store.listDueCases(at, 100)
    await store.listDueComplaints(at, 100)
    await store.claimOutbox(at, 10, at)
    await store.outboxStats()
    for (const q of [
      {},
      { windowId: 'bdc' },
      { citizenId: 'wx:o1' },
      { handlerId: 'li' },
      { windowId: 'bdc', statuses: ['open' as const] },
      { windowId: 'bdc', unclaimed: true },
      { updatedSince: at },
      { submittedFrom: at, submittedTo: at },
    ]) {
      await store.listCases({ hallId: 'tl', ...q })
    }
    for (const q of [{}, { citizenId: 'wx:o1' }, { status: 'open' as const }, { answeredFrom: at, answeredTo: at }])
      await store.listComplaints({ hallId: 'tl', ...q })
    await store.countComplaints('wx:o1', at)
    await store.assessmentFacts({ hallId: 'tl', since: at, decidedFrom: at, decidedTo: at })
    await store.assessmentFacts({ hallId: 'tl', windowId: 'bdc', since: at, decidedFrom: at, decidedTo: at })
    await store.ledgerCounts({ hallId: 'tl', from: '2026-11-01', to: '2026-11-30' })
    await store.ledgerCounts({ hallId: 'tl', windowId: 'bdc', from: '2026-11-01', to: '2026-11-30' })
    await store.ledgerCases({ hallId: 'tl', windowId: 'bdc', from: '2026-11-01', to: '2026-11-30', limit: 50 })
    await store.weeklyTrends({ hallId: 'tl', weeks: ['2026-11-16', '2026-11-23'] })
    await store.listAudit('tl', 0, 100)
    await store.listStaffAccounts('tl')
    await store.findStaffByLogin('tl', 'li')
    await store.findStaffByOpenid('o1')
    await store.hasRequest('c1', 'li', 'r1')
    await store.listEvents(['c1', 'c2'])
    await store.revokeStaffSessions('li', at)
    await store.purgeSecurity(at)
  })

  it('serve every query the adapter made while the store contract ran', () => {
    const all = [...shapes.values()]
    // the contract reaches the queues, inbox, outbox, sweep, reports and audit log
    expect(all.length).toBeGreaterThan(20)
    for (const c of ['cases', 'case_events', 'notifications', 'outbox', 'complaints', 'audit_log', 'staff']) expect(all.map((s) => s.collection)).toContain(c)
    const unserved = all.filter((s) => servingIndex(s) === null)
    expect(unserved).toEqual([])
  })

  it('covers every collection the adapter queries by a field, and knows a scan when it sees one', () => {
    const queried = new Set([...shapes.values()].filter((s) => s.equal.some((f) => f !== '_id') || s.range.length > 0).map((s) => s.collection))
    const bare = [...queried].filter((name) => !COLLECTIONS.find((c) => c.name === name)?.indexes.length)
    expect(bare).toEqual([])
    // the rule can fail: a sort no index gives, or a filter on an unindexed field
    expect(servingIndex({ collection: 'cases', equal: ['hallId'], range: [], sort: [['updatedAt', 'desc']] })).not.toBeNull()
    expect(servingIndex({ collection: 'cases', equal: ['hallId'], range: [], sort: [['requestId', 'asc']] })).toBeNull()
    expect(servingIndex({ collection: 'cases', equal: ['status'], range: [], sort: [] })).toBeNull()
    expect(
      servingIndex({
        collection: 'notifications',
        equal: ['recipientId'],
        range: [],
        sort: [
          ['at', 'desc'],
          ['key', 'asc'],
        ],
      }),
    ).toBeNull()
    expect(servingIndex({ collection: 'halls', equal: [], range: [], sort: [['_id', 'asc']] })).toBe('id')
  })
})
