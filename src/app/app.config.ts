export default defineAppConfig({
  // the privacy guide (用户隐私保护指引) declared in 公众平台: photos of documents ask for agreement first
  __usePrivacyCheck__: true,
  pages: ['pages/entry/index', 'pages/case/index', 'pages/mine/index', 'pages/inbox/index', 'pages/complaint/index', 'pages/lookup/index'],
  subPackages: [
    {
      root: 'staff',
      pages: [
        'login/index',
        'queue/index',
        'register/index',
        'slip/index',
        'case/index',
        'print/index',
        'assessment/index',
        'discipline/index',
        'complaints/index',
        'complaint/index',
        'ledger/index',
        'assisted/index',
        'posters/index',
        'people/index',
        'audit/index',
        'hall/index',
        'matters/index',
        'calendar/index',
        'policy/index',
        'dashboard/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1659c7',
    navigationBarTitleText: '首问通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6fa',
  },
})
