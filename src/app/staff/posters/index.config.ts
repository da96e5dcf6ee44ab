export default definePageConfig({ navigationBarTitleText: '二维码与海报' })
