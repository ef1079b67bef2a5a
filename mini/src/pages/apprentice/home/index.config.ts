export default definePageConfig({ navigationBarTitleText: '我的学艺', navigationStyle: 'custom' });
