export default definePageConfig({
  navigationBarTitleText: '辖区工作室',
  navigationStyle: 'custom',
  enablePullDownRefresh: true,
});
