// The API contract shared by the app and the server (DESIGN.md "API contract"): one function `api`,
// a call is `{ action, ...input, requestId? }`, the answer `{ ok: true, data }` or `{ ok: false, error }`.
import { z } from 'zod'
import type { ErrorBody } from './errors'
import { CaseId, CaseKind, CaseText, Contact, HallId, RequestId, WindowId } from './schemas'
import { ReplyMode } from './events'

export type ApiAnswer<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

export const ActionInputs = {
  session: z.object({}),
  login: z.object({ hallId: HallId, login: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }),
  demoLogin: z.object({ staffId: z.string().min(1).max(32) }),
  demoStaff: z.object({ hallId: HallId.optional() }),
  logout: z.object({}),
  entry: z.object({ scene: z.string().max(200) }),
  submitCase: z.object({
    hallId: HallId,
    windowId: WindowId.optional(),
    kind: CaseKind.default('consult'),
    contact: Contact,
    text: CaseText,
    requestId: RequestId,
  }),
  getCase: z.object({ caseId: CaseId }),
  myCases: z.object({}),
  staffQueue: z.object({}),
  claimCase: z.object({ caseId: CaseId, requestId: RequestId }),
  replyCase: z.object({
    caseId: CaseId,
    text: z.string().trim().min(2, '答复内容至少 2 个字').max(2000, '答复内容不超过 2000 个字'),
    mode: ReplyMode,
    requestId: RequestId,
  }),
} as const

export type ActionName = keyof typeof ActionInputs
export type ActionInput<A extends ActionName> = z.input<(typeof ActionInputs)[A]>
export type ParsedInput<A extends ActionName> = z.output<(typeof ActionInputs)[A]>
export const ACTION_NAMES = Object.keys(ActionInputs) as ActionName[]
