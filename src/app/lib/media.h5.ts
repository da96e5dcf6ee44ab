// H5: the album, camera and photo viewer arrive with the first tap on 添加照片 or a photo, in a chunk
// of their own, so the entry page's first screen does not wait for them.
import type { MediaApi } from './mediaApi'

export const loadMedia = (): Promise<MediaApi> => import('./mediaApi').then((m) => m.mediaApi)
