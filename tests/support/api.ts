// Calling the API as a given person, the way both shells do.
import { randomBytes } from 'node:crypto'
import type { ActionInput, ActionName, ApiAnswer } from '../../src/core/api'
import type { ActionOutputs, MadeFile } from '../../src/core/views'
import { createApi, type ApiDeps } from '../../src/server/api'
import type { Identity } from '../../src/server/identity'
import { cloudFiles, serverFiles, type CloudFiles } from '../../src/server/files'
import type { Store } from '../../src/server/store/port'
import type { PostgresStore } from '../../src/server/store/postgres'

export const citizen = (name = randomBytes(10).toString('hex')): Identity => ({ citizenId: `dev:${name.padEnd(20, '0')}`, staffId: null })
export const staffMember = (staffId: string): Identity => ({ citizenId: null, staffId })
export const anonymous: Identity = { citizenId: null, staffId: null }
export const rid = () => randomBytes(8).toString('hex')

/** cloud storage as the CloudBase stand-in: every file has a link; what the api uploads is kept in `uploaded` */
export const cloudStorageStandIn: CloudFiles & { uploaded: Map<string, Buffer> } = {
  uploaded: new Map(),
  async getTempFileURL({ fileList }) {
    return { fileList: fileList.map((f) => ({ fileID: f.fileID, tempFileURL: `https://tmp.example/${encodeURIComponent(f.fileID)}`, status: 0 })) }
  },
  async uploadFile({ cloudPath, fileContent }) {
    const fileID = `cloud://env.bucket/${cloudPath}`
    cloudStorageStandIn.uploaded.set(fileID, fileContent)
    return { fileID }
  },
}

/** the bytes of a file the api made: inline on the hall's server, from the stand-in's storage in the cloud */
export function madeBytes(file: MadeFile): Buffer {
  if ('base64' in file) return Buffer.from(file.base64, 'base64')
  const fileID = decodeURIComponent(file.url.replace('https://tmp.example/', ''))
  const bytes = cloudStorageStandIn.uploaded.get(fileID)
  if (!bytes) throw new Error(`no file behind ${file.url}`)
  return bytes
}

/** the files of the store's mode: the hall's server with PostgreSQL, cloud storage with CloudBase */
const filesFor = (store: Store) => ('putUpload' in store ? serverFiles(store as PostgresStore) : cloudFiles(cloudStorageStandIn, () => {}))

export function testApi(deps: Omit<ApiDeps, 'mode' | 'demo' | 'files'> & Partial<Pick<ApiDeps, 'mode' | 'demo' | 'files'>>) {
  const api = createApi({ mode: 'selfHosted', demo: true, log: () => {}, files: filesFor(deps.store), ...deps })
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

/** what a call answers, in short: 'ok', or the error code with the field it names ('CONFLICT:login') */
export async function outcome<A extends ActionName>(api: ReturnType<typeof testApi>, who: Identity, action: A, input: ActionInput<A>): Promise<string> {
  const a = await api.call(who, action, input)
  return a.ok ? 'ok' : [a.error.code, a.error.details?.field ?? null].filter(Boolean).join(':')
}
