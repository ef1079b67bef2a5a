export default definePageConfig({ navigationBarTitleText: '材料导出' });
