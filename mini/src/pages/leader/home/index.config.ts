export default definePageConfig({
  navigationBarTitleText: '工作室',
  navigationStyle: 'custom',
  enablePullDownRefresh: true,
});
