// H5: the `entry` answer that src/app/index.html asked for while the app's code was still loading. The
// entry page takes it instead of asking again, once (a later visit asks the server as usual).
import type { ApiAnswer } from '../../core/api'
import type { EntryView } from '../../core/views'
import { call } from './client'

interface Prefetched {
  scene: string
  answer: Promise<ApiAnswer<EntryView> | null>
}

export function entryAnswer(scene: string): Promise<ApiAnswer<EntryView>> {
  const holder = typeof window === 'undefined' ? undefined : (window as unknown as { __shouwenEntry?: Prefetched })
  const early = process.env.TARO_ENV === 'h5' ? holder?.__shouwenEntry : undefined
  if (!early || early.scene !== scene) return call('entry', { scene })
  delete holder!.__shouwenEntry
  // the early call could not reach the server: ask again now
  return early.answer.then((a) => a ?? call('entry', { scene }))
}
