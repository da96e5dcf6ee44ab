// The error codes of the API contract (docs/DESIGN.md "API contract"). Every refusal in the core and the
// handlers is one of these, so the app can show a clear message and never a crash.
import type { z } from 'zod'

export const ERROR_CODES = ['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorBody {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

export class DomainError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.details = details
  }
  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message }
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError

/** A pure function's outcome: the new value or the typed refusal (never thrown across the core). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError }
export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(code: ErrorCode, message: string, details?: Record<string, unknown>): Result<T> => ({
  ok: false,
  error: new DomainError(code, message, details),
})

/** a schema's refusal as INVALID_INPUT naming the first field, with every issue for the form */
export function invalidInput(error: z.ZodError): DomainError {
  const first = error.issues[0]
  const field = first?.path.join('.') || undefined
  return new DomainError('INVALID_INPUT', first?.message ?? '输入有误', {
    field,
    issues: error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  })
}
