import { loadCaseView } from '../caseAction'
import type { Handler } from '.'

export const getCase: Handler<'getCase'> = (ctx, input) => loadCaseView(ctx, input.caseId)
