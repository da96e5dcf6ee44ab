import { loadCaseView } from '../caseAction'
import type { Handler } from '../context'

export const getCase: Handler<'getCase'> = (ctx, input) => loadCaseView(ctx, input.caseId)
