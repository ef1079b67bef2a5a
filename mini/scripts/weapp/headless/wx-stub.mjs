// A stub of WeChat's `wx` object for the headless run. Every method WeChat has exists (names
// from miniprogram-api-typings); the few the app needs to show its screens behave like WeChat's
// (request, storage, navigation, toasts, system info), every other one answers `fail` as an API
// that is not available here would, and is listed in the run's report.
import { wxApiNames } from './wx-api-names.mjs';

const names = wxApiNames();

// An iPhone 12-sized screen, as WeChat reports it (px are CSS pixels).
const WINDOW = {
  windowWidth: 390,
  windowHeight: 844,
  screenWidth: 390,
  screenHeight: 844,
  pixelRatio: 3,
  statusBarHeight: 47,
};
const SYSTEM = {
  ...WINDOW,
  brand: 'iPhone',
  model: 'iPhone 12',
  system: 'iOS 16.0',
  platform: 'ios',
  language: 'zh_CN',
  version: '8.0.50',
  SDKVersion: '3.5.0',
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
  theme: 'light',
  enableDebug: false,
};

/**
 * @param {object} host
 * @param {(fn: () => void, label: string) => void} host.defer  runs a callback later, catching what it throws
 * @param {(options: object) => Promise<object>} host.request  answers wx.request: { statusCode, header, body }
 * @param {(kind: string, url: string) => void} host.navigate
 * @param {Map<string, unknown>} host.storage
 * @param {(call: string) => void} host.note  records an API the stub does not implement
 * @param {{ toasts: string[], modals: string[] }} host.seen  what the person saw outside the page
 */
export function createWx(host) {
  const ok = (name, options, result = {}) => {
    host.defer(() => {
      options?.success?.({ errMsg: `${name}:ok`, ...result });
      options?.complete?.({ errMsg: `${name}:ok`, ...result });
    }, `wx.${name} success`);
  };
  const fail = (name, options, reason) => {
    host.defer(() => {
      options?.fail?.({ errMsg: `${name}:fail ${reason}` });
      options?.complete?.({ errMsg: `${name}:fail ${reason}` });
    }, `wx.${name} fail`);
  };
  const stub = (name) =>
    function unavailable(options) {
      host.note(name);
      if (
        options &&
        typeof options === 'object' &&
        (options.success || options.fail || options.complete)
      )
        fail(name, options, 'not available in the headless run');
      return undefined;
    };

  const wx = {};
  for (const name of names.methods) {
    // Event registrations have nothing to fire here and must stay silent.
    wx[name] = /^(on|off)[A-Z]/.test(name) ? () => undefined : stub(name);
  }
  for (const name of names.properties) wx[name] = {};
  wx.env = { USER_DATA_PATH: 'http://usr' };

  const implemented = {
    request(options) {
      let aborted = false;
      host
        .request(options)
        .then((res) => {
          if (aborted) return;
          host.defer(() => {
            options.success?.({
              errMsg: 'request:ok',
              statusCode: res.statusCode,
              header: res.header,
              data: res.data,
              cookies: [],
            });
            options.complete?.({
              errMsg: 'request:ok',
              statusCode: res.statusCode,
              header: res.header,
              data: res.data,
            });
          }, `wx.request ${options.url}`);
        })
        .catch((err) => {
          if (!aborted) fail('request', options, err.message);
        });
      return {
        abort: () => (aborted = true),
        onHeadersReceived() {},
        offHeadersReceived() {},
        onChunkReceived() {},
        offChunkReceived() {},
      };
    },
    getStorageSync: (key) => (host.storage.has(key) ? host.storage.get(key) : ''),
    setStorageSync: (key, value) => void host.storage.set(key, value),
    removeStorageSync: (key) => void host.storage.delete(key),
    clearStorageSync: () => host.storage.clear(),
    getStorageInfoSync: () => ({
      keys: [...host.storage.keys()],
      currentSize: 0,
      limitSize: 10240,
    }),
    getStorage(options) {
      if (host.storage.has(options.key))
        ok('getStorage', options, { data: host.storage.get(options.key) });
      else fail('getStorage', options, 'data not found');
    },
    setStorage(options) {
      host.storage.set(options.key, options.data);
      ok('setStorage', options);
    },
    removeStorage(options) {
      host.storage.delete(options.key);
      ok('removeStorage', options);
    },
    clearStorage(options) {
      host.storage.clear();
      ok('clearStorage', options);
    },
    getSystemInfoSync: () => ({ ...SYSTEM }),
    getSystemInfo: (options) => ok('getSystemInfo', options, { ...SYSTEM }),
    getSystemInfoAsync: (options) => ok('getSystemInfoAsync', options, { ...SYSTEM }),
    getWindowInfo: () => ({ ...WINDOW, safeArea: SYSTEM.safeArea, screenTop: 0 }),
    getDeviceInfo: () => ({
      brand: SYSTEM.brand,
      model: SYSTEM.model,
      system: SYSTEM.system,
      platform: SYSTEM.platform,
      pixelRatio: WINDOW.pixelRatio,
    }),
    getAppBaseInfo: () => ({
      SDKVersion: SYSTEM.SDKVersion,
      version: SYSTEM.version,
      language: SYSTEM.language,
      theme: SYSTEM.theme,
      enableDebug: false,
    }),
    getSystemSetting: () => ({
      bluetoothEnabled: false,
      locationEnabled: false,
      wifiEnabled: true,
      deviceOrientation: 'portrait',
    }),
    getMenuButtonBoundingClientRect: () => ({
      width: 87,
      height: 32,
      top: 51,
      right: 383,
      bottom: 83,
      left: 296,
    }),
    getLaunchOptionsSync: () => ({
      path: 'pages/auth/login/index',
      query: {},
      scene: 1001,
      referrerInfo: {},
    }),
    getEnterOptionsSync: () => ({
      path: 'pages/auth/login/index',
      query: {},
      scene: 1001,
      referrerInfo: {},
    }),
    canIUse: () => true,
    nextTick: (fn) => host.defer(fn, 'wx.nextTick'),
    getNetworkType: (options) => ok('getNetworkType', options, { networkType: 'wifi' }),
    login: (options) => ok('login', options, { code: 'headless-run' }),
    showToast(options) {
      host.seen.toasts.push(String(options?.title ?? ''));
      ok('showToast', options);
    },
    showLoading: (options) => ok('showLoading', options),
    hideLoading: (options) => ok('hideLoading', options),
    hideToast: (options) => ok('hideToast', options),
    showModal(options) {
      host.seen.modals.push(`${options?.title ?? ''} ${options?.content ?? ''}`.trim());
      ok('showModal', options, { confirm: false, cancel: true });
    },
    setNavigationBarTitle: (options) => ok('setNavigationBarTitle', options),
    setNavigationBarColor: (options) => ok('setNavigationBarColor', options),
    stopPullDownRefresh: (options) => ok('stopPullDownRefresh', options),
  };
  // No layout here: every node a query asks about is a zero-sized box at the origin.
  implemented.createSelectorQuery = () => {
    const pending = [];
    const box = {
      id: '',
      dataset: {},
      left: 0,
      right: 0,
      top: 0,
      bottom: 0,
      width: 0,
      height: 0,
      scrollLeft: 0,
      scrollTop: 0,
      scrollWidth: 0,
      scrollHeight: 0,
    };
    const nodes = (all) => {
      const ref = {};
      for (const field of ['boundingClientRect', 'scrollOffset', 'fields', 'node', 'context']) {
        ref[field] = (...args) => {
          const callback = args.find((a) => typeof a === 'function');
          const value = field === 'node' || field === 'context' ? null : all ? [] : { ...box };
          pending.push({ callback, value });
          return query;
        };
      }
      return ref;
    };
    const query = {
      in: () => query,
      select: () => nodes(false),
      selectAll: () => nodes(true),
      selectViewport: () => nodes(false),
      exec(callback) {
        const results = pending.splice(0).map(({ callback: cb, value }) => {
          if (cb) host.defer(() => cb(value), 'SelectorQuery callback');
          return value;
        });
        if (callback) host.defer(() => callback(results), 'SelectorQuery.exec callback');
        return query;
      },
    };
    return query;
  };
  for (const kind of ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab']) {
    implemented[kind] = (options) => {
      host.navigate(kind, options.url);
      ok(kind, options);
    };
  }
  implemented.navigateBack = (options) => {
    host.navigate('navigateBack', '');
    ok('navigateBack', options);
  };

  for (const [name, fn] of Object.entries(implemented)) {
    if (!(name in wx))
      throw new Error(`wx.${name} is not in miniprogram-api-typings: the stub would invent an API`);
    wx[name] = fn;
  }
  return wx;
}
