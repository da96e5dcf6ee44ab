// The album, camera and photo viewer (mediaApi.ts). The mini-program has them in its base library;
// H5 loads them when first asked (media.h5.ts, chosen by Taro's platform file names).
import { mediaApi, type MediaApi } from './mediaApi'

export const loadMedia = async (): Promise<MediaApi> => mediaApi
