// The role and the name a screen reader announces for a tappable view (GB/T 37668 §6, 适老化 guidance):
// in H5 the ARIA attributes, focusable by keyboard; in the mini-program WeChat's aria-role and
// aria-label, which config/aria.ts adds to Taro's template.
import Taro from '@tarojs/taro'

export type TapRole = 'button' | 'link' | 'switch' | 'radio' | 'checkbox'

export function tappable(role: TapRole, label?: string, checked?: boolean): Record<string, unknown> {
  const pressed = checked === undefined ? {} : { 'aria-checked': checked }
  if (process.env.TARO_ENV === 'weapp')
    return { ariaRole: role, ...(label ? { ariaLabel: label } : {}), ...(checked === undefined ? {} : { ariaChecked: checked }) }
  // buttons and links take the keyboard's focus; a choice chip does not, so a tap on it leaves the
  // focus (and the page's scroll) where the form has it
  const focus = role === 'radio' || role === 'checkbox' ? {} : { tabIndex: 0 }
  return { role, ...focus, ...(label ? { 'aria-label': label } : {}), ...pressed }
}

/** the name of an input or a text area, read with it (axe: every form field has a label) */
export function fieldName(label: string): Record<string, unknown> {
  if (process.env.TARO_ENV === 'weapp') return { ariaLabel: label }
  return { nativeProps: { 'aria-label': label } }
}

/** a phone field: named, and opening the digit keyboard (in H5 the phone pad, which has the hyphen) */
export function phoneField(label: string): Record<string, unknown> {
  if (process.env.TARO_ENV === 'weapp') return { ariaLabel: label, type: 'number' }
  return { type: 'text', nativeProps: { 'aria-label': label, inputMode: 'tel', autoComplete: 'tel' } }
}

/**
 * After a refused submit, brings the first error beside its field into view: the citizen or clerk is
 * at the button at the bottom and would not see a message above (issue: feedback where the eye is).
 */
export function showFirstError() {
  setTimeout(() => {
    void Taro.pageScrollTo({ selector: '.field__error', offsetTop: -120, duration: 200 }).catch(() => {})
  }, 50)
}
