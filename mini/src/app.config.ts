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
        'team-roles/index',
        'import/index',
        'evidence/index',
        'studio-facts/index',
      ],
    },
    { root: 'pages/apprentice', pages: ['home/index', 'checkin/index'] },
    { root: 'pages/unit', pages: ['home/index', 'studio/index'] },
    {
      root: 'pages/reviewer',
      pages: ['home/index', 'sheet/index', 'new-studio/index', 'roles/index', 'import/index'],
    },
    { root: 'pages/exports', pages: ['index/index'] },
    { root: 'pages/inbox', pages: ['index/index', 'settings/index'] },
    // Reachable from sign-in (the policy) and from 我的 (both).
    { root: 'pages/privacy', pages: ['policy/index', 'my-data/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6fa',
    navigationBarBackgroundColor: '#2f6bff',
    navigationBarTitleText: '技能大师工作室助手',
    navigationBarTextStyle: 'white',
    // Said outright so the H5 build draws its own title bar with a back (or home) button on
    // every page that does not draw its own header (issue 11 item 14); WeChat's default anyway.
    navigationStyle: 'default',
  },
  permission: {},
  // WeChat's privacy authorization (用户隐私保护指引): app.ts answers onNeedPrivacyAuthorization.
  __usePrivacyCheck__: true,
});
