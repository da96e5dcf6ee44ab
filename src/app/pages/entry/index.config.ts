export default definePageConfig({ navigationBarTitleText: '首问通 · 咨询' })
