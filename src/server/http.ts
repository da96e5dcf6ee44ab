// The self-hosted shell: serves the H5 build and `POST /api/<action>`, with the caller's identity in
// a signed HttpOnly session cookie (a device session for citizens, plus the staff sign-in).
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import type { ErrorCode } from '../core/errors'
import type { SessionView } from '../core/views'
import { createApi } from './api'
import type { Identity } from './identity'
import type { Channel, Store } from './store/port'

export interface HttpOptions {
  store: Store
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
}

const COOKIE = 'sw_session'
const SESSION_DAYS = 180

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
}

function readSession(req: FastifyRequest): Session | null {
  const raw = req.cookies[COOKIE]
  if (!raw) return null
  const unsigned = req.unsignCookie(raw)
  if (!unsigned.valid || !unsigned.value) return null
  try {
    const parsed = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as Partial<Session>
    if (typeof parsed.c !== 'string' || !/^dev:[a-z0-9]{20,40}$/.test(parsed.c)) return null
    return { c: parsed.c, s: typeof parsed.s === 'string' ? parsed.s : null }
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
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 64 * 1024 })
  const api = createApi({ store: opts.store, now: opts.now ?? (() => new Date()), demo: opts.demo, mode: 'selfHosted', channels: opts.channels })
  await app.register(fastifyCookie, { secret: opts.secret })

  app.post<{ Params: { action: string } }>('/api/:action', async (req, reply) => {
    let session = readSession(req)
    const fresh = !session
    if (!session) session = { c: `dev:${randomBytes(15).toString('hex')}`, s: null }
    const identity: Identity = { citizenId: session.c, staffId: session.s }
    const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {}
    const answer = await api.call(identity, { ...body, action: req.params.action })

    let next = session
    if (answer.ok && ['login', 'demoLogin', 'logout'].includes(req.params.action)) {
      const view = answer.data as SessionView
      next = { c: session.c, s: view.staff?.id ?? null }
    }
    // a staff record that is gone or deactivated signs the session out
    if (!answer.ok && answer.error.code === 'UNAUTHENTICATED' && session.s) next = { c: session.c, s: null }
    if (fresh || next !== session) writeSession(reply, next, !!opts.secureCookies)
    reply.header('cache-control', 'no-store')
    return reply.code(answer.ok ? 200 : STATUS[answer.error.code]).send(answer)
  })

  // bad JSON and other request errors answer in the API's own shape
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500
    const code: ErrorCode = status < 500 ? 'INVALID_INPUT' : 'INTERNAL'
    if (status >= 500) app.log.error(err)
    reply.code(status).send({ ok: false, error: { code, message: status >= 500 ? '系统繁忙，请稍后再试' : '请求格式不正确' } })
  })

  if (existsSync(opts.h5Dir)) {
    await app.register(fastifyStatic, { root: opts.h5Dir, index: 'index.html', cacheControl: false })
  } else {
    app.get('/', async (_req, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('H5 页面尚未构建，请先运行 npm run build:h5'),
    )
  }
  app.get('/healthz', async () => ({ ok: true }))
  return app
}
