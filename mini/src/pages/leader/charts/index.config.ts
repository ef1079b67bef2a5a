export default definePageConfig({ navigationBarTitleText: '数据图表' });
