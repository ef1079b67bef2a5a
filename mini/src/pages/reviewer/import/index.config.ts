export default definePageConfig({ navigationBarTitleText: '批量登记工作室' });
