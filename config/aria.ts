// WeChat reads a component's role and label from aria-role and aria-label (its 无障碍 guide), but
// Taro's mini-program template carries neither, so a screen reader heard nothing useful on the app's
// tappable views. This adds them to the template of the components the app makes tappable; app.tsx
// adds the same list to the runtime (GB/T 37668: every control has a role and a name).
import type { IPluginContext } from '@tarojs/service'
import { ARIA_COMPONENTS } from '../src/app/lib/ariaAttributes'

interface Platform {
  template?: { mergeComponents(ctx: IPluginContext, patch: Record<string, Record<string, string>>): void }
}

export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: Platform) {
      platform.template?.mergeComponents(ctx, ARIA_COMPONENTS)
    },
  })
}
