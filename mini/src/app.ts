import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { setUnauthorizedHandler, startOutbox } from './services/http';
import { registerServiceWorker } from './services/service-worker';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    setUnauthorizedHandler(() => {
      void Taro.reLaunch({ url: '/pages/auth/login/index' });
    });
    startOutbox();
    registerServiceWorker();
  });
  return children;
}

export default App;
