// The prompt WeChat asks for before the first photo (用户隐私保护指引): what the app will use and why,
// the guide itself, and the two answers. Shown only while WeChat waits for the user.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { PRIVACY_AGREE_BUTTON, answerPrivacy, onPrivacyRequest } from '../lib/privacy'
import { tappable } from '../lib/a11y'

export function PrivacyPrompt() {
  const [open, setOpen] = useState(false)
  useEffect(() => onPrivacyRequest(setOpen), [])
  if (!open) return null
  return (
    <View className='privacy' role='dialog' aria-label='隐私保护提示'>
      <View className='privacy__card'>
        <Text className='privacy__title'>隐私保护提示</Text>
        <Text className='privacy__text'>为了把您拍摄的证件、材料照片交给窗口工作人员，首问通需要使用您的相机或相册。照片只用于办理您的咨询或办件。</Text>
        <Text className='privacy__link' {...tappable('link')} onClick={() => Taro.openPrivacyContract({})}>
          阅读《首问通隐私保护指引》
        </Text>
        <View className='privacy__actions'>
          <Button className='btn btn--plain privacy__disagree' onClick={() => answerPrivacy(false)}>
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON}
            className='btn btn--primary privacy__agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answerPrivacy(true)}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
