export default definePageConfig({ navigationBarTitleText: '考核与评价', enablePullDownRefresh: true })
