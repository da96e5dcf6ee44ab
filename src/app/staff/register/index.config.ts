export default definePageConfig({ navigationBarTitleText: '登记来访来电' })
