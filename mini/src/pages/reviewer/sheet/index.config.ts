export default definePageConfig({ navigationBarTitleText: '考核评分表' });
