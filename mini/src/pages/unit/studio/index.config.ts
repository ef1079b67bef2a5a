export default definePageConfig({ navigationBarTitleText: '工作室详情' });
