export default definePageConfig({ navigationBarTitleText: '目标说明' });
