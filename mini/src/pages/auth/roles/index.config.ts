export default definePageConfig({ navigationBarTitleText: '切换角色' });
