// The CloudBase environment the cloud functions need, declared once: the functions with their
// runtime, limits, variables and timer; every collection, closed to clients; the indexes the
// adapter's queries use; the storage rule for uploads. `shouwen cloud deploy` applies it
// (src/server/commands/cloudDeploy.ts) and cloudbaserc.json says the same for the CloudBase CLI
// (tests/cloud/deploy.test.ts keeps the two in step).

export interface CloudFunctionDecl {
  name: 'api' | 'sweep' | 'setup'
  /** a runtime the CloudBase console offers; the bundle targets node16 (scripts/build-functions.mjs) */
  runtime: string
  /** seconds; the platform's default is 3, too short for a cold `api` */
  timeout: number
  memorySize: 128 | 256 | 512 | 1024 | 2048
  /** variables taken from the deploying operator's environment; a variable not set there keeps the function's current value */
  envVariables: string[]
  /** wx-server-sdk, the only dependency, is installed in the cloud from the function's package.json */
  installDependency: true
  triggers: Array<{ name: string; type: 'timer'; config: string }>
  why: string
}

export type Direction = 'asc' | 'desc'
export interface IndexDecl {
  /** index names are how a second deploy recognises its own indexes */
  name: string
  fields: Array<[field: string, direction: Direction]>
  /** only where no indexed field is ever null or missing: a unique index admits one null */
  unique: boolean
}
export interface CollectionDecl {
  name: string
  indexes: IndexDecl[]
}

/**
 * No client may read or write: every read and write goes through a cloud function, which checks the
 * caller. A custom rule rather than the ADMINONLY preset so the console shows exactly what is meant.
 */
export const CLOSED_RULE = { read: false, write: false } as const

/** what src/server/notify/config.ts reads in the cloud: the templates, their keyword maps, which version a message opens */
const TEMPLATES = ['WX_TEMPLATE_CITIZEN', 'WX_TEMPLATE_STAFF', 'WX_TEMPLATE_CITIZEN_KEYWORDS', 'WX_TEMPLATE_STAFF_KEYWORDS', 'WX_MINIPROGRAM_STATE']

export const FUNCTIONS: CloudFunctionDecl[] = [
  {
    name: 'api',
    runtime: 'Nodejs18.15',
    // a cold instance loads a 2.5 MB bundle before the first call; workbook exports take longer still
    timeout: 20,
    // exceljs builds the ledger and archive workbooks in memory
    memorySize: 512,
    envVariables: TEMPLATES,
    installDependency: true,
    triggers: [],
    why: '小程序的唯一入口',
  },
  {
    name: 'sweep',
    runtime: 'Nodejs18.15',
    timeout: 60,
    memorySize: 256,
    envVariables: TEMPLATES,
    installDependency: true,
    // CloudBase cron: second minute hour day month weekday year (as cloudfunctions/sweep/config.json)
    triggers: [{ name: 'sweepTimer', type: 'timer', config: '0 */5 * * * * *' }],
    why: '定时巡检：到期提醒、超时记录、发送订阅消息',
  },
  {
    name: 'setup',
    runtime: 'Nodejs18.15',
    // writes a whole hall file and creates the collections a console-only install still lacks
    timeout: 60,
    memorySize: 256,
    envVariables: [],
    installDependency: true,
    triggers: [],
    why: '开厅：从云开发控制台写入大厅、窗口与工作人员',
  },
]

const ix = (name: string, unique: boolean, ...fields: Array<[string, Direction]>): IndexDecl => ({ name, fields, unique })
const asc = (f: string): [string, Direction] => [f, 'asc']
const desc = (f: string): [string, Direction] => [f, 'desc']

/**
 * Every collection of src/server/store/cloudbase* and the indexes its queries use (each `where` and
 * `orderBy` there). Documents read only by their id need none. Unique only where the adapter's own
 * document id already makes the fields unique and none of them is null.
 */
export const COLLECTIONS: CollectionDecl[] = [
  { name: 'halls', indexes: [] },
  { name: 'windows', indexes: [ix('hall_id', true, asc('hallId'), asc('id'))] },
  { name: 'matters', indexes: [ix('hall', false, asc('hallId'))] },
  {
    name: 'staff',
    indexes: [
      // hallBundle and listStaff: a hall's people, by window; the office has windowId null
      ix('hall_window', false, asc('hallId'), asc('windowId')),
      // login and openid are null until set, so not unique here: putStaff checks them itself
      ix('hall_login', false, asc('hallId'), asc('login')),
      ix('openid', false, asc('openid')),
    ],
  },
  {
    name: 'cases',
    indexes: [
      // listCases: queues by window and status, newest first
      ix('hall_window_status_submitted', false, asc('hallId'), asc('windowId'), asc('status'), desc('submittedAt')),
      ix('hall_submitted', false, asc('hallId'), desc('submittedAt')),
      ix('citizen_submitted', false, asc('citizenId'), desc('submittedAt')),
      // 查进度 by the case number
      ix('no', true, asc('no')),
      ix('handler_status', false, asc('handlerId'), asc('status')),
      // the co-windows' queue of joint cases another window leads
      ix('hall_cowindow_status', false, asc('hallId'), asc('coWindowIds'), asc('status'), desc('submittedAt')),
      // listCases(updatedSince) and the assessment's changed cases
      ix('hall_updated', false, asc('hallId'), asc('updatedAt')),
      // the assessment's decided, unrated cases
      ix('hall_decided', false, asc('hallId'), asc('decidedAt')),
      // the sweep reads the due cases instead of all cases
      ix('next_due', false, asc('nextDueAt')),
      // ledgerCases: one window's ledger rows, newest day first
      ix('hall_window_ledger', false, asc('hallId'), asc('windowId'), desc('ledgerDay')),
      // the 帮办代办 window's requests: its ledger by receipt, its month's draw by change (002 三(二), 四)
      ix('hall_window_submitted', false, asc('hallId'), asc('windowId'), desc('submittedAt')),
      ix('hall_window_updated', false, asc('hallId'), asc('windowId'), asc('updatedAt')),
    ],
  },
  {
    name: 'case_events',
    indexes: [
      ix('case_seq', true, asc('caseId'), asc('seq')),
      // hasRequest: an action's request id is answered once
      ix('case_actor_request', false, asc('caseId'), asc('actorId'), asc('requestId')),
    ],
  },
  { name: 'requests', indexes: [] },
  { name: 'counters', indexes: [] },
  { name: 'calendar_overrides', indexes: [ix('hall_date', true, asc('hallId'), asc('date'))] },
  { name: 'policy_versions', indexes: [ix('hall_version', true, asc('hallId'), asc('version'))] },
  {
    name: 'faqs',
    // the hall's published questions, newest first; a question by its id
    indexes: [
      ix('hall_active_published', false, asc('hallId'), asc('active'), desc('publishedAt')),
      ix('hall_published', false, asc('hallId'), desc('publishedAt')),
      ix('hall_id', true, asc('hallId'), asc('id')),
    ],
  },
  {
    name: 'manual_deductions',
    // the month's deductions of the hall (the assessment, the office's list), or of one person
    indexes: [ix('hall_day', false, asc('hallId'), asc('occurredOn')), ix('hall_staff_day', false, asc('hallId'), asc('staffId'), asc('occurredOn'))],
  },
  {
    name: 'notifications',
    indexes: [
      ix('recipient_at', false, asc('recipientId'), desc('at'), desc('key')),
      // countUnread and markRead: readAt is null until read
      ix('recipient_unread', false, asc('recipientId'), asc('readAt'), asc('at')),
    ],
  },
  { name: 'outbox', indexes: [ix('status_next', false, asc('status'), asc('nextAttemptAt'))] },
  { name: 'subscribe_grants', indexes: [] },
  { name: 'invites', indexes: [ix('staff', false, asc('staffId'))] },
  {
    name: 'complaints',
    indexes: [
      ix('hall_filed', false, asc('hallId'), desc('filedAt')),
      ix('citizen_filed', false, asc('citizenId'), desc('filedAt')),
      // the sweep's due complaints; null once closed
      ix('next_action', false, asc('nextActionAt')),
    ],
  },
  {
    name: 'ledger_counts',
    indexes: [ix('hall_window_day', false, asc('hallId'), asc('windowId'), asc('day')), ix('hall_day', false, asc('hallId'), asc('day'))],
  },
  {
    name: 'trend_counts',
    indexes: [ix('hall_window_day', false, asc('hallId'), asc('windowId'), asc('day')), ix('hall_day', false, asc('hallId'), asc('day'))],
  },
  {
    name: 'audit_log',
    indexes: [
      ix('hall_seq', true, asc('hallId'), asc('seq')),
      // the hall office's audit log viewer: a kind or an action, or a person, newest first
      ix('hall_action_seq', false, asc('hallId'), asc('entry.action'), desc('seq')),
      ix('hall_actor_seq', false, asc('hallId'), asc('entry.actor.id'), desc('seq')),
    ],
  },
  {
    name: 'staff_sessions',
    indexes: [ix('staff_revoked', false, asc('staffId'), asc('revokedAt')), ix('expires', false, asc('expiresAt'))],
  },
  { name: 'sign_in_failures', indexes: [] },
  { name: 'rate_counters', indexes: [ix('window_start', false, asc('windowStart'))] },
]

/**
 * Cloud storage: the mini-program uploads citizens' photos (attachments/<hall>/<day>/) and staff
 * photos (staff/<hall>/) itself, so a WeChat user may write their own files; nobody reads through the
 * client: staff see photos through the two-hour links the `api` function asks for.
 */
export const STORAGE_RULE = { read: false, write: 'resource.openid == auth.openid' } as const

export interface EnvironmentDecl {
  functions: CloudFunctionDecl[]
  collections: CollectionDecl[]
  collectionRule: typeof CLOSED_RULE
  storageRule: typeof STORAGE_RULE
}

export const ENVIRONMENT: EnvironmentDecl = { functions: FUNCTIONS, collections: COLLECTIONS, collectionRule: CLOSED_RULE, storageRule: STORAGE_RULE }

/** the functions part of cloudbaserc.json, in the CloudBase CLI's format (variables as {{env.X}}) */
export function cloudbaserc(decl: EnvironmentDecl = ENVIRONMENT) {
  return {
    envId: '{{env.ENV_ID}}',
    functionRoot: './cloudfunctions',
    functions: decl.functions.map((f) => ({
      name: f.name,
      runtime: f.runtime,
      timeout: f.timeout,
      memorySize: f.memorySize,
      handler: 'index.main',
      installDependency: f.installDependency,
      ignore: ['node_modules', 'node_modules/**/*'],
      ...(f.envVariables.length ? { envVariables: Object.fromEntries(f.envVariables.map((v) => [v, `{{env.${v}}}`])) } : {}),
      ...(f.triggers.length ? { triggers: f.triggers } : {}),
    })),
  }
}

/** what one query asks of a collection: the fields it filters on and the order it wants */
export interface QueryShape {
  collection: string
  /** equality, `in` and `eq(null)` */
  equal: string[]
  /** lt, lte, gte and and(…) of them */
  range: string[]
  sort: Array<[field: string, direction: Direction]>
}

/**
 * The declared index that serves a query, or null when it would scan the collection. An index serves
 * when the query pins a leading run of its fields by equality, and then either asks for no order
 * (any pinned field or a ranged first field will do) or for exactly the index's next fields, all in the
 * index's directions or all reversed. `_id` needs no index; as the last sort key it only breaks ties.
 */
export function servingIndex(shape: QueryShape, collections: CollectionDecl[] = COLLECTIONS): IndexDecl | 'id' | null {
  const equal = new Set(shape.equal.filter((f) => f !== '_id'))
  const range = new Set(shape.range.filter((f) => f !== '_id'))
  const sort = shape.sort.filter(([f]) => f !== '_id' && !equal.has(f))
  if (equal.size === 0 && range.size === 0 && sort.length === 0) return 'id'
  const indexes = collections.find((c) => c.name === shape.collection)?.indexes ?? []
  for (const index of indexes) {
    let k = 0
    while (k < index.fields.length && equal.has(index.fields[k]![0])) k++
    if (sort.length === 0) {
      if (k > 0 || range.has(index.fields[0]![0])) return index
      continue
    }
    const next = index.fields.slice(k, k + sort.length)
    if (next.length < sort.length || next.some(([f], i) => f !== sort[i]![0])) continue
    const same = next.every(([, d], i) => d === sort[i]![1])
    const reversed = next.every(([, d], i) => d !== sort[i]![1])
    if (same || reversed) return index
  }
  return null
}
