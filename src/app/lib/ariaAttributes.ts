// The WeChat 无障碍 attributes the app sets on its tappable views (see src/app/lib/a11y.ts). Taro's
// mini-program template carries none of them: config/aria.ts adds them to the template at build time
// and app.tsx to the runtime's table at launch, from this one list so the two number them alike.
const ARIA = { 'aria-role': '', 'aria-label': '', 'aria-checked': '' }

export const ARIA_COMPONENTS = { View: ARIA, Text: ARIA, Image: ARIA, Input: ARIA, Textarea: ARIA }
