export default definePageConfig({ navigationBarTitleText: '学徒证书' });
