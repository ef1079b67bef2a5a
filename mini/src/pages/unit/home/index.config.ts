export default definePageConfig({
  navigationBarTitleText: '单位工作室',
  navigationStyle: 'custom',
  enablePullDownRefresh: true,
});
