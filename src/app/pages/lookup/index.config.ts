export default definePageConfig({ navigationBarTitleText: '查进度' })
