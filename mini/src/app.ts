import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { installAccessLostCheck } from './services/access-lost';
import { setUnauthorizedHandler, startOutbox } from './services/http';
import { installPrivacyAuthorization, type PrivacyWx } from './lib/privacy-authorization';
import { registerServiceWorker } from './services/service-worker';
import './app.css';
import './h5-title-bar.css';

// WeChat's global API object (absent on H5): the privacy listener is registered on it directly.
declare const wx: PrivacyWx | undefined;

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    setUnauthorizedHandler(() => {
      void Taro.reLaunch({ url: '/pages/auth/login/index' }).then(() =>
        Taro.showToast({
          title: '登录已失效或权限已变更，请重新登录',
          icon: 'none',
          duration: 3000,
        }),
      );
    });
    installAccessLostCheck();
    startOutbox();
    // Before the first scanCode / chooseMedia / chooseMessageFile of any page: the app's own sheet.
    installPrivacyAuthorization(typeof wx === 'undefined' ? undefined : wx, {
      ask: () =>
        Taro.showModal({
          title: '隐私保护提示',
          content: '使用此功能需要您同意《隐私保护指引》。不同意也可以继续使用其他功能。',
          confirmText: '查看并同意',
          cancelText: '不同意',
        }).then((r) => r.confirm),
      openGuide: () => void Taro.navigateTo({ url: '/pages/privacy/policy/index?authorize=1' }),
    });
    registerServiceWorker();
  });
  return children;
}

export default App;
