export default definePageConfig({ navigationBarTitleText: '效能纪律扣分', enablePullDownRefresh: true })
