import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { installAccessLostCheck } from './services/access-lost';
import { setUnauthorizedHandler, startOutbox } from './services/http';
import './app.css';

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
  });
  return children;
}

export default App;
