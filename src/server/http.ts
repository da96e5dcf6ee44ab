// The self-hosted shell: serves the H5 build and `POST /api/<action>`, with the caller's identity in
// a signed HttpOnly session cookie (a device session for citizens, plus the staff sign-in).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import { MAX_ATTACHMENT_BYTES } from '../core/attachment'
import { DomainError, isDomainError, type ErrorCode } from '../core/errors'
import { HallId } from '../core/schemas'
import type { SessionView } from '../core/views'
import { createApi } from './api'
import { formatShanghai } from '../core/calendar'
import { takeLimit } from './limits'
import type { Identity } from './identity'
import type { Channel, Store, UploadStore } from './store/port'
import { readableFile, receiveUpload, serverFiles } from './files'

export interface HttpOptions {
  store: Store & UploadStore
  demo: boolean
  /** HMAC secret for the session cookie */
  secret: string
  /** directory of the H5 build (dist/h5) */
  h5Dir: string
  /** mark cookies Secure (behind HTTPS) */
  secureCookies?: boolean
  now?: () => Date
  logger?: boolean
  /** outside notification channels (the hall's webhook) */
  channels?: Channel[]
  /** the hall's public address (PUBLIC_URL), for QR codes */
  publicUrl?: string
  /**
   * The local control endpoint `POST /internal/sweep`: `shouwen sweep --once` asks the running server
   * to sweep, since a second process may not open the embedded database. Loopback only, and the
   * token (kept in DATA_DIR's lock file, readable by the operator only) must match.
   */
  control?: { token: string; sweep: () => Promise<unknown> }
  /**
   * Fastify's trustProxy: the proxies whose X-Forwarded-For is believed (addresses or CIDRs), so the
   * abuse limits count the citizen's address and not the proxy's. Unset: none.
   */
  trustProxy?: string[]
  /** how long a staff sign-in lasts (hours) */
  staffSessionHours?: number
}

const COOKIE = 'sw_session'
/** the device session of a citizen (their cases are found by it) */
const SESSION_DAYS = 180
/** a staff sign-in, kept on the server and ended by sign-out, a new password or deactivation */
const STAFF_SESSION_HOURS = 12

const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
}

interface Session {
  c: string // citizen device id
  s: string | null // signed-in staff id
  t: string | null // the staff session's token; the server keeps only its hash, with its expiry
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

function readSession(req: FastifyRequest): Session | null {
  const raw = req.cookies[COOKIE]
  if (!raw) return null
  const unsigned = req.unsignCookie(raw)
  if (!unsigned.valid || !unsigned.value) return null
  try {
    const parsed = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as Partial<Session>
    if (typeof parsed.c !== 'string' || !/^dev:[a-z0-9]{20,40}$/.test(parsed.c)) return null
    return { c: parsed.c, s: typeof parsed.s === 'string' ? parsed.s : null, t: typeof parsed.t === 'string' ? parsed.t : null }
  } catch {
    return null
  }
}

function writeSession(reply: FastifyReply, session: Session, secure: boolean) {
  reply.setCookie(COOKIE, Buffer.from(JSON.stringify(session)).toString('base64url'), {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_DAYS * 24 * 3600,
  })
}

export async function createHttpServer(opts: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 64 * 1024,
    trustProxy: opts.trustProxy && opts.trustProxy.length > 0 ? opts.trustProxy : false,
  })
  const now = opts.now ?? (() => new Date())
  const api = createApi({
    store: opts.store,
    now,
    demo: opts.demo,
    mode: 'selfHosted',
    channels: opts.channels,
    files: serverFiles(opts.store),
    publicUrl: opts.publicUrl,
  })
  const staffSessionMs = (opts.staffSessionHours ?? STAFF_SESSION_HOURS) * 3_600_000
  await app.register(fastifyCookie, { secret: opts.secret })
  // actions are JSON only: a text/plain form post from another site (a "simple" request, sent
  // without a preflight) is refused instead of being run with an empty body
  app.removeContentTypeParser('text/plain')

  /** the staff member of a session, if the server still holds it (not signed out, revoked or expired) */
  async function liveStaff(session: Session | null): Promise<string | null> {
    if (!session?.s || !session.t) return null
    const live = await opts.store.findStaffSession(tokenHash(session.t), formatShanghai(now()))
    return live && live.staffId === session.s ? session.s : null
  }
  /** the caller's session; a first visit gets a device session for its citizen identity (limited per address) */
  async function sessionOf(req: FastifyRequest, reply: FastifyReply): Promise<Session> {
    const session = readSession(req)
    if (session) {
      if (session.s && (await liveStaff(session)) === null) {
        // the sign-in ended on the server: the device keeps its citizen identity only
        const next = { c: session.c, s: null, t: null }
        writeSession(reply, next, !!opts.secureCookies)
        return next
      }
      return session
    }
    // without this, dropping the cookie would give a fresh identity, and fresh limits, every time
    await takeLimit(opts.store, 'newSession', { address: req.ip }, now())
    const fresh = { c: `dev:${randomBytes(15).toString('hex')}`, s: null, t: null }
    writeSession(reply, fresh, !!opts.secureCookies)
    return fresh
  }
  const refuse = (reply: FastifyReply, e: unknown) => {
    if (!isDomainError(e)) throw e
    return reply.code(STATUS[e.code]).header('cache-control', 'no-store').send({ ok: false, error: e.toBody() })
  }
  /**
   * A browser sends Origin with every cross-site POST: a cookie-carrying call from another site is
   * refused. Calls without Origin (same-origin navigations, the operator's curl) carry no such risk.
   */
  const foreignOrigin = (req: FastifyRequest): boolean => {
    const origin = req.headers.origin
    if (!origin || !req.cookies[COOKIE]) return false
    let host: string
    try {
      host = new URL(origin).host
    } catch {
      return true
    }
    const own = new Set([req.host, req.headers.host].filter((h): h is string => !!h))
    if (opts.publicUrl) own.add(new URL(opts.publicUrl).host)
    return !own.has(host)
  }
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'POST' && req.url.startsWith('/api/') && foreignOrigin(req)) {
      return refuse(reply, new DomainError('FORBIDDEN', '请从本大厅的页面操作'))
    }
  })

  // a photo of a document, as the raw image body (the H5 app sends the file it resized)
  app.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
  app.post<{ Querystring: { hall?: string } }>('/api/upload', { bodyLimit: MAX_ATTACHMENT_BYTES }, async (req, reply) => {
    try {
      const session = await sessionOf(req, reply)
      const hall = HallId.safeParse(req.query.hall)
      if (!hall.success) throw new DomainError('INVALID_INPUT', '大厅编号格式不正确', { field: 'hall' })
      if (!Buffer.isBuffer(req.body)) throw new DomainError('INVALID_INPUT', '只能上传 JPG、PNG 或 WebP 格式的照片', { field: 'file' })
      const upload = await receiveUpload(opts.store, { hallId: hall.data, citizenId: session.c, bytes: req.body, now: now(), address: req.ip })
      return reply.header('cache-control', 'no-store').send({ ok: true, data: { id: upload.id, url: `/api/files/${upload.id}`, size: upload.size } })
    } catch (e) {
      return refuse(reply, e)
    }
  })
  app.get<{ Params: { id: string } }>('/api/files/:id', async (req, reply) => {
    const session = readSession(req)
    try {
      const identity: Identity = { citizenId: session?.c ?? null, staffId: await liveStaff(session) }
      const { upload, bytes } = await readableFile(opts.store, identity, req.params.id)
      return reply.type(upload.mime).header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff').send(Buffer.from(bytes))
    } catch (e) {
      return refuse(reply, e)
    }
  })

  async function action(req: FastifyRequest, reply: FastifyReply, name: string) {
    reply.header('cache-control', 'no-store')
    if (
      !String(req.headers['content-type'] ?? '')
        .toLowerCase()
        .startsWith('application/json')
    ) {
      return reply.code(415).send({ ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确，请刷新页面后再试' } })
    }
    let session: Session
    try {
      session = await sessionOf(req, reply)
    } catch (e) {
      return refuse(reply, e)
    }
    const identity: Identity = { citizenId: session.c, staffId: session.s, address: req.ip }
    const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {}
    const answer = await api.call(identity, { ...body, action: name })

    let next = session
    const at = now()
    const end = async () => {
      if (session.t) await opts.store.revokeStaffSession(tokenHash(session.t), formatShanghai(at))
    }
    if (answer.ok && (name === 'login' || name === 'demoLogin')) {
      const staffId = (answer.data as SessionView).staff?.id ?? null
      await end()
      if (staffId) {
        // a new server-side session for each sign-in; the cookie carries only its token
        const token = randomBytes(32).toString('base64url')
        await opts.store.createStaffSession({
          tokenHash: tokenHash(token),
          staffId,
          createdAt: formatShanghai(at),
          expiresAt: formatShanghai(new Date(at.getTime() + staffSessionMs)),
        })
        next = { c: session.c, s: staffId, t: token }
      } else next = { c: session.c, s: null, t: null }
    }
    if (answer.ok && name === 'logout') {
      await end()
      next = { c: session.c, s: null, t: null }
    }
    // a staff record that is gone or deactivated signs the session out
    if (!answer.ok && answer.error.code === 'UNAUTHENTICATED' && session.s) {
      await end()
      next = { c: session.c, s: null, t: null }
    }
    if (next !== session) writeSession(reply, next, !!opts.secureCookies)
    return reply.code(answer.ok ? 200 : STATUS[answer.error.code]).send(answer)
  }
  // the matter catalog arrives as an xlsx in the body: a larger limit for that action only
  app.post('/api/importMatters', { bodyLimit: 4 * 1024 * 1024 }, (req, reply) => action(req, reply, 'importMatters'))
  app.post<{ Params: { action: string } }>('/api/:action', (req, reply) => action(req, reply, req.params.action))

  // bad JSON and other request errors answer in the API's own shape
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500
    const code: ErrorCode = status < 500 ? 'INVALID_INPUT' : 'INTERNAL'
    if (status >= 500) app.log.error(err)
    const upload = req.url.startsWith('/api/upload')
    const message =
      status >= 500
        ? '系统繁忙，请稍后再试'
        : status === 413
          ? upload
            ? '照片不能超过 5 MB'
            : '提交的内容太大了，请精简后再试'
          : status === 415
            ? upload
              ? '只能上传 JPG、PNG 或 WebP 格式的照片'
              : '请求格式不正确，请刷新页面后再试'
            : '请求格式不正确'
    reply.code(status).send({ ok: false, error: { code, message } })
  })

  if (existsSync(opts.h5Dir)) {
    await app.register(fastifyStatic, {
      root: opts.h5Dir,
      // a list: with preCompressed, @fastify/static finds the index of `/` only in a list
      index: ['index.html'],
      // the .br and .gz copies the build wrote beside each file (config/precompress.ts), by Accept-Encoding
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('vary', 'accept-encoding')
        res.setHeader('cache-control', cacheControlOf(path))
      },
    })
  } else {
    app.get('/', async (_req, reply) => reply.code(503).type('text/plain; charset=utf-8').send('H5 页面尚未构建，请先运行 npm run build:h5'))
  }
  app.get('/healthz', async () => ({ ok: true }))
  if (opts.control) registerControl(app, opts.control)
  return app
}

/** a build file whose name carries its content hash (js/app.1a2b3c4d.js, css/app.<hash>.css), compressed or not */
const HASHED = /\.[0-9a-f]{8,}\.(js|css)(\.br|\.gz)?$/

/**
 * A hashed file never changes under its name: a phone keeps it for a year and does not even ask
 * again. Anything else (index.html, which names the current files) is asked again on every visit,
 * answered with 304 when unchanged, so a new build reaches every phone at once.
 */
export const cacheControlOf = (path: string): string => (HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache')

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

function registerControl(app: FastifyInstance, control: NonNullable<HttpOptions['control']>) {
  const expected = Buffer.from(control.token)
  app.post('/internal/sweep', async (req, reply) => {
    const remote = req.socket.remoteAddress ?? ''
    // from this machine only: the loopback, or the server's own address when it listens on one
    const local = LOOPBACK.has(remote) || remote === req.socket.localAddress
    const given = Buffer.from(String(req.headers['x-shouwen-control'] ?? ''))
    if (!local || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.code(403).send({ ok: false, error: { code: 'FORBIDDEN', message: '只能在本机由运维人员调用' } })
    }
    return reply.header('cache-control', 'no-store').send({ ok: true, data: await control.sweep() })
  })
}
