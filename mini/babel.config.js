// babel-preset-taro 更多选项和默认值：
// https://docs.taro.zone/docs/next/babel-config
//
// The WeChat build targets iOS 12's JavaScriptCore (ES2019 syntax): WeChat runs a mini program's
// JS on iOS in the system's JavaScriptCore, which rejects `?.`, `??`, class fields and other
// newer syntax on older phones, and project.config.json keeps WeChat's own ES6→ES5 translation
// off, so the build itself must emit ES2019. scripts/check-weapp.mjs parses every .js of
// dist/weapp at ecmaVersion 2019 to prove it. H5 keeps package.json's browserslist.
const weapp = process.env.TARO_ENV === 'weapp';

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        ...(weapp ? { targets: { ios: '12' } } : {}),
      },
    ],
  ],
};
