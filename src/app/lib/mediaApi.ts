// The phone's album, camera and photo viewer, as Taro offers them. In H5 these two bring a swiper and
// the device detection (about 60 KB compressed) that the first screen does not need: media.h5.ts
// loads this module on the first tap instead.
import Taro from '@tarojs/taro'

export const mediaApi = {
  chooseMedia: (options: Taro.chooseMedia.Option) => Taro.chooseMedia(options),
  previewImage: (options: Taro.previewImage.Option) => Taro.previewImage(options),
}
export type MediaApi = typeof mediaApi
