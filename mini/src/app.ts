import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { setUnauthorizedHandler, startOutbox } from './services/http';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    setUnauthorizedHandler(() => {
      void Taro.reLaunch({ url: '/pages/auth/login/index' });
    });
    startOutbox();
  });
  return children;
}

export default App;
