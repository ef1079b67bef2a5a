// Runs a compiled mini program (dist/weapp) in a Node `vm` context the way WeChat's app service
// does: one JS context with `wx`, `App`, `Page`, `Component` and `getCurrentPages`, each file a
// module with its own `require`, browser globals hidden. Pages are instantiated from their
// `Page()` definition, driven through onLoad/onShow/onReady, and keep the data their `setData`
// calls build, which render.mjs turns into what the screen would show. The realm and module
// loader are vm-realm.mjs; setData's path copy is page-data.mjs.
import vm from 'node:vm';
import { clone, setPath } from './page-data.mjs';
import { createRealm, createLoader } from './vm-realm.mjs';
import { createWx } from './wx-stub.mjs';

export { setPath };

const SETTLE_QUIET_MS = 150;
const SETTLE_MAX_MS = 20000;

/**
 * @param {object} options
 * @param {string} options.dir  the build (dist/weapp)
 * @param {(options: object) => Promise<{ statusCode: number, header: object, text: string }>} options.fetch  answers wx.request
 * @param {Record<string, string>} [options.storage]  wx storage before launch
 */
export function createAppVm({ dir, fetch, storage = {} }) {
  const errors = [];
  const unsupported = new Set();
  const navigations = [];
  const seen = { toasts: [], modals: [] };
  const timers = new Map();
  let nextTimer = 1;
  let inflight = 0;
  let lastActivity = Date.now();
  const touch = () => (lastActivity = Date.now());

  const fail = (where, err) =>
    errors.push({
      where,
      message:
        err instanceof Error || (err && err.stack) ? String(err.stack ?? err.message) : String(err),
    });
  const guarded = (fn, where) => {
    try {
      fn();
    } catch (err) {
      fail(where, err);
    }
  };
  const defer = (fn, where) => {
    const id = setTimeout(() => {
      timers.delete(handle);
      touch();
      guarded(fn, where);
    }, 0);
    const handle = nextTimer++;
    timers.set(handle, { id, due: Date.now(), interval: false });
  };

  const context = createRealm();
  // Responses are parsed inside the context so their objects and arrays belong to the app's realm.
  const parseJson = vm.runInContext('(text) => JSON.parse(text)', context);

  const wx = createWx({
    defer,
    storage: new Map(Object.entries(storage)),
    seen,
    note: (name) => unsupported.add(name),
    navigate: (kind, url) => navigations.push({ kind, url }),
    request: async (options) => {
      inflight++;
      touch();
      try {
        const res = await fetch(options);
        let data = res.text;
        if ((options.dataType ?? 'json') === 'json') {
          try {
            data = parseJson(res.text);
          } catch {
            /* WeChat hands over the text when it is not JSON */
          }
        }
        return { statusCode: res.statusCode, header: res.header, data };
      } finally {
        inflight--;
        touch();
      }
    },
  });

  const timer =
    (interval) =>
    (fn, ms = 0, ...args) => {
      const handle = nextTimer++;
      const run = () => {
        if (!interval) timers.delete(handle);
        touch();
        guarded(() => fn(...args), interval ? 'setInterval callback' : 'setTimeout callback');
      };
      const id = interval ? setInterval(run, ms) : setTimeout(run, ms);
      timers.set(handle, { id, due: Date.now() + Number(ms || 0), interval });
      return handle;
    };
  const clear = (handle) => {
    const t = timers.get(handle);
    if (!t) return;
    clearTimeout(t.id);
    clearInterval(t.id);
    timers.delete(handle);
  };

  let appInstance;
  let pendingPage;
  const components = new Map();
  const pages = [];
  let loading = '';

  const captureConsole =
    (level) =>
    (...args) => {
      if (level === 'error')
        fail(
          'console.error',
          args
            .map((a) =>
              a instanceof Error || a?.stack ? a.stack : typeof a === 'string' ? a : safeJson(a),
            )
            .join(' '),
        );
    };
  Object.assign(context, {
    wx,
    console: {
      log() {},
      info() {},
      debug() {},
      warn() {},
      error: captureConsole('error'),
      group() {},
      groupEnd() {},
      time() {},
      timeEnd() {},
    },
    setTimeout: timer(false),
    setInterval: timer(true),
    clearTimeout: clear,
    clearInterval: clear,
    App: (options) => {
      appInstance = options;
    },
    getApp: () => appInstance,
    Page: (options) => {
      pendingPage = options;
    },
    Component: (options) => {
      components.set(loading, options);
    },
    Behavior: (options) => options,
    getCurrentPages: () => pages.slice(),
    requirePlugin: () => {
      throw new Error('requirePlugin: this app declares no plugins');
    },
  });

  const load = createLoader(context, dir, (file) => {
    const previous = loading;
    loading = file;
    return previous;
  });

  /** Evaluates app.js and runs App's onLaunch and onShow, as WeChat does on a cold start. */
  function launch(path) {
    guarded(() => load('app.js'), 'app.js');
    if (!appInstance) {
      fail('app.js', 'app.js never called App()');
      return;
    }
    const options = { path, query: {}, scene: 1001, referrerInfo: {} };
    guarded(() => appInstance.onLaunch?.call(appInstance, options), 'App.onLaunch');
    guarded(() => appInstance.onShow?.call(appInstance, options), 'App.onShow');
  }

  /** Opens a page (route without a leading slash, query as an object); resolves once it settles. */
  async function open(route, query = {}) {
    for (const page of pages.splice(0))
      guarded(() => page.onUnload?.call(page), `${page.route} onUnload`);
    pendingPage = undefined;
    guarded(() => load(`${route}.js`), `${route}.js`);
    const definition = pendingPage;
    if (!definition) {
      fail(route, `${route}.js never called Page()`);
      return undefined;
    }
    const page = instantiate(definition, route, query);
    pages.push(page);
    guarded(() => page.onLoad?.call(page, query), `${route} onLoad`);
    guarded(() => page.onShow?.call(page), `${route} onShow`);
    guarded(() => page.onReady?.call(page), `${route} onReady`);
    await settle();
    return page;
  }

  function instantiate(definition, route, query) {
    const page = {};
    for (const [key, value] of Object.entries(definition)) if (key !== 'data') page[key] = value;
    Object.assign(page, {
      route,
      __route__: route,
      options: query,
      is: route,
      data: clone(definition.data ?? {}),
      setData(patch, callback) {
        touch();
        for (const [path, value] of Object.entries(patch ?? {}))
          setPath(page.data, path, clone(value));
        if (callback) defer(callback, `${route} setData callback`);
      },
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => wx.createSelectorQuery(),
      getOpenerEventChannel: () => ({ on() {}, off() {}, once() {}, emit() {} }),
    });
    return page;
  }

  /** Waits until no request is in flight, no timer is due soon and nothing happened for a moment. */
  async function settle() {
    const started = Date.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 25));
      const now = Date.now();
      const soon = [...timers.values()].some((t) => !t.interval && t.due <= now + 1500);
      if (inflight === 0 && !soon && now - lastActivity >= SETTLE_QUIET_MS) return true;
      if (now - started > SETTLE_MAX_MS) {
        fail(
          'settle',
          `the page did not settle in ${SETTLE_MAX_MS / 1000} s (${inflight} requests in flight)`,
        );
        return false;
      }
    }
  }

  function dispose() {
    for (const page of pages.splice(0))
      guarded(() => page.onUnload?.call(page), `${page.route} onUnload`);
    for (const handle of [...timers.keys()]) clear(handle);
  }

  return {
    launch,
    open,
    settle,
    dispose,
    fail,
    errors,
    unsupported,
    navigations,
    seen,
    components,
    get pages() {
      return pages.slice();
    },
  };
}

function safeJson(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
