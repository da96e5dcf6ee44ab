// Calling the API as a given person, the way both shells do.
import { randomBytes } from 'node:crypto'
import type { ActionInput, ActionName, ApiAnswer } from '../../src/core/api'
import type { ActionOutputs } from '../../src/core/views'
import { createApi, type ApiDeps } from '../../src/server/api'
import type { Identity } from '../../src/server/identity'

export const citizen = (name = randomBytes(10).toString('hex')): Identity => ({ citizenId: `dev:${name.padEnd(20, '0')}`, staffId: null })
export const staffMember = (staffId: string): Identity => ({ citizenId: null, staffId })
export const anonymous: Identity = { citizenId: null, staffId: null }
export const rid = () => randomBytes(8).toString('hex')

export function testApi(deps: Omit<ApiDeps, 'mode' | 'demo'> & Partial<Pick<ApiDeps, 'mode' | 'demo'>>) {
  const api = createApi({ mode: 'selfHosted', demo: true, log: () => {}, ...deps })
  return {
    raw: api,
    call<A extends ActionName>(who: Identity, action: A, input: ActionInput<A>): Promise<ApiAnswer<ActionOutputs[A]>> {
      return api.call(who, { action, ...input }) as Promise<ApiAnswer<ActionOutputs[A]>>
    },
    async ok<A extends ActionName>(who: Identity, action: A, input: ActionInput<A>): Promise<ActionOutputs[A]> {
      const answer = (await api.call(who, { action, ...input })) as ApiAnswer<ActionOutputs[A]>
      if (!answer.ok) throw new Error(`${action} failed: ${answer.error.code} ${answer.error.message}`)
      return answer.data
    },
  }
}
