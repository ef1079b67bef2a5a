import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import { ApiBaseError, miniApiBase } from './api-base';
import devConfig from './dev';
import prodConfig from './prod';

// https://taro-docs.jd.com/docs/next/config#defineconfig-辅助函数
export default defineConfig<'webpack5'>(async (merge, { command, mode }) => {
  // A WeChat build compiles in a checked API base (https in production); H5 defaults to its own
  // origin, which serves it. Taro has loaded mini/.env.<mode> into process.env by now.
  let apiBase = process.env.TARO_APP_API_BASE ?? '';
  if (process.env.TARO_ENV !== 'h5') {
    try {
      apiBase = miniApiBase(apiBase, process.env.NODE_ENV);
    } catch (err) {
      if (!(err instanceof ApiBaseError)) throw err;
      console.error(`\n✗ ${err.message}\n`);
      process.exit(1);
    }
  }
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'master-studio',
    // NutUI's styles are drawn for a 375 px design, ours for 750 px.
    designWidth(input) {
      const file = (input as { file?: string } | undefined)?.file?.replace(/\\+/g, '/') ?? '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // NutUI React Taro renders HTML-like elements: it needs the HTML plugin.
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      // Always defined (empty on H5 = same origin, src/services/config.ts), so the bundle never
      // reads a bare `process` at run time.
      'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase),
    },
    copy: {
      patterns: [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false, // Webpack 持久化缓存配置，建议开启。默认配置请参考：https://docs.taro.zone/docs/config-detail#cache
    },
    mini: {
      // Taro runs Babel only over src/ and node_modules packages named *taro*. shared-rules'
      // ES module build is ES2022 (`??`, `?.`): compile it too, down to babel.config.js's
      // weapp target (ES2019), or it reaches WeChat untranslated.
      compile: {
        include: [path.resolve(__dirname, '..', '..', 'packages', 'shared-rules', 'dist')],
      },
      postcss: {
        pxtransform: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false, // 默认为 false，如需使用 css modules 功能，则设为 true
          config: {
            namingPattern: 'module', // 转换模式，取值为 global/module
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false, // 默认为 false，如需使用 css modules 功能，则设为 true
          config: {
            namingPattern: 'module', // 转换模式，取值为 global/module
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // Taro splits only 'initial' chunks on H5, so every lazily loaded page carried its own
        // copy of NutUI and the shared code (~200 KB each). Share them across async chunks too.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    // 本地开发构建配置（不混淆压缩）
    return merge({}, baseConfig, devConfig);
  }
  // 生产构建配置（默认开启压缩混淆等）
  return merge({}, baseConfig, prodConfig);
});
