// The staff pages' forms are checked in the phone with the same zod schemas the server applies, so a
// wrong value is named at its field at once; the server checks again and has the last word. (Staff
// subpackage only: the schemas of every action stay out of the citizens' main package.)
import { ActionInputs, type ActionInput, type ActionName, type ApiAnswer } from '../../core/api'
import type { ActionOutputs } from '../../core/views'
import { call } from './client'

export async function callChecked<A extends ActionName>(action: A, input: ActionInput<A>): Promise<ApiAnswer<ActionOutputs[A]>> {
  const parsed = ActionInputs[action].safeParse(input)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const field = first?.path.join('.') || undefined
    return { ok: false, error: { code: 'INVALID_INPUT', message: first?.message ?? '输入有误', details: { field } } }
  }
  return call(action, input)
}
