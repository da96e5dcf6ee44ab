export default definePageConfig({ navigationBarTitleText: '首问负责制台帐', enablePullDownRefresh: true })
