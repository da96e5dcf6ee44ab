export default definePageConfig({ navigationBarTitleText: '运行看板', enablePullDownRefresh: true })
