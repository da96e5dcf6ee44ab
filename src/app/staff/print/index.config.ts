export default definePageConfig({ navigationBarTitleText: '打印表单' })
