export default definePageConfig({ navigationBarTitleText: '新建工作室' });
