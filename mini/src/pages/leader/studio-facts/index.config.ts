export default definePageConfig({ navigationBarTitleText: '工作室信息' });
