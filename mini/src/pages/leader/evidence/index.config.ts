export default definePageConfig({ navigationBarTitleText: '佐证材料' });
