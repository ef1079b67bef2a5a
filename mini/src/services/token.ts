import Taro from '@tarojs/taro';

// The sign-in token: three tiny functions, nothing else touches the key.
const KEY = 'ms.accessToken';

export const getToken = (): string | null => (Taro.getStorageSync(KEY) as string) || null;
export const setToken = (token: string): void => Taro.setStorageSync(KEY, token);
export const clearToken = (): void => Taro.removeStorageSync(KEY);
