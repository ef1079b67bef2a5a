export default defineAppConfig({
  // The main package holds only sign-in, the role switcher and the outbox;
  // each role's screens are a subpackage, loaded when that role is used.
  pages: [
    'pages/auth/login/index',
    'pages/auth/roles/index',
    'pages/auth/join/index',
    'pages/common/outbox/index',
  ],
  subPackages: [
    {
      root: 'pages/leader',
      pages: [
        'home/index',
        'target/index',
        'records/index',
        'record-edit/index',
        'checkin/index',
        'apprentice/index',
        'charts/index',
        'invite/index',
        'studio-facts/index',
      ],
    },
    { root: 'pages/apprentice', pages: ['home/index', 'checkin/index'] },
    { root: 'pages/unit', pages: ['home/index', 'studio/index'] },
    { root: 'pages/reviewer', pages: ['home/index', 'sheet/index', 'new-studio/index'] },
    { root: 'pages/exports', pages: ['index/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6fa',
    navigationBarBackgroundColor: '#2f6bff',
    navigationBarTitleText: '技能大师工作室助手',
    navigationBarTextStyle: 'white',
  },
  permission: {},
});
