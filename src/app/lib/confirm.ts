// Before an action that cannot be undone (办结, 不予办理, 结案, 停用, 导入, the one-time rating), the
// person is asked once and told what will happen (issue: every irreversible action asks first).
import Taro from '@tarojs/taro'

export interface Confirmation {
  title: string
  /** what will happen, in a sentence or two */
  content: string
  confirmText?: string
  /** a refusal or a deactivation: the confirm button in the page's red */
  danger?: boolean
}

/** true when the person confirms; a closed or failed dialog counts as no */
export async function confirmFirst(c: Confirmation): Promise<boolean> {
  try {
    const r = await Taro.showModal({
      title: c.title,
      content: c.content,
      confirmText: c.confirmText ?? '确定',
      cancelText: '再想想',
      ...(c.danger ? { confirmColor: '#b8300a' } : {}),
    })
    return r.confirm
  } catch {
    return false
  }
}
