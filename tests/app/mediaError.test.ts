// What a citizen is told when the camera or album cannot be opened: nothing when they cancelled, the
// privacy guide when they declined it, the phone's settings when WeChat has no permission.
import { mediaError } from '../../src/app/lib/mediaError'

it('tells the citizen why no photo could be chosen, and nothing when they only cancelled', () => {
  expect(mediaError({ errMsg: 'chooseMedia:fail cancel' })).toBeNull()
  expect(mediaError({ errMsg: 'chooseMedia:fail privacy permission is not authorized', errno: 104 })).toBe(
    '您未同意隐私保护指引，暂时无法选择照片；同意后即可上传',
  )
  expect(mediaError({ errMsg: 'chooseMedia:fail auth deny' })).toBe('无法使用相机或相册，请在微信设置中允许首问通使用后再试')
  expect(mediaError(new Error('something else'))).toBe('无法打开相机或相册，请稍后再试')
})
