export default definePageConfig({ navigationBarTitleText: '新增记录' });
