export default definePageConfig({ navigationBarTitleText: '帮办代办台账', enablePullDownRefresh: true })
