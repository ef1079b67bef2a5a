// Runs a compiled mini program (dist/weapp) in a Node `vm` context the way WeChat's app service
// does: one JS context with `wx`, `App`, `Page`, `Component` and `getCurrentPages`, each file a
// module with its own `require`, browser globals hidden. Pages are instantiated from their
// `Page()` definition, driven through onLoad/onShow/onReady, and keep the data their `setData`
// calls build, which render.mjs turns into what the screen would show.
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import vm from 'node:vm';
import { createWx } from './wx-stub.mjs';

// WeChat's module wrapper passes these as undefined, so `typeof window` is 'undefined' in a page.
const HIDDEN = [
  'window',
  'document',
  'frames',
  'self',
  'location',
  'navigator',
  'localStorage',
  'history',
  'Caches',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'XMLHttpRequest',
  'WebSocket',
  'Reporter',
  'webkit',
  'WeixinJSCore',
];
// The build targets an ES2019 engine (babel.config.js), but Babel does not polyfill built-ins:
// remove the ones added after ES2019 from the context, so calling one fails here as it would in
// an older iPhone's JavaScriptCore instead of working because Node has it.
const WITHOUT_NEWER_BUILTINS = `
  for (const [owner, names] of [
    [Promise, ['allSettled', 'any']],
    [String.prototype, ['matchAll', 'replaceAll', 'at']],
    [Array.prototype, ['at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with']],
    [Object, ['hasOwn', 'groupBy']],
    [Map, ['groupBy']],
  ]) for (const name of names) delete owner[name];
  for (const name of ['AggregateError', 'WeakRef', 'FinalizationRegistry', 'BigInt', 'BigInt64Array', 'BigUint64Array']) delete globalThis[name];
`;
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

  const context = vm.createContext({});
  vm.runInContext(WITHOUT_NEWER_BUILTINS, context);
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

  const modules = new Map();
  const load = (file) => {
    if (modules.has(file)) return modules.get(file).exports;
    const path = posix.join(dir, file);
    if (!existsSync(path)) throw new Error(`module '${file}' is not defined`);
    const module = { exports: {} };
    modules.set(file, module);
    const wrapper = vm.runInContext(
      `(function (require, module, exports, ${HIDDEN.join(', ')}) {${readFileSync(path, 'utf8')}\n})`,
      context,
      { filename: path },
    );
    const previous = loading;
    loading = file.replace(/\.js$/, '');
    try {
      wrapper.call(undefined, (request) => load(resolve(file, request)), module, module.exports);
    } finally {
      loading = previous;
    }
    return module.exports;
  };
  const resolve = (from, request) => {
    const file = posix.normalize(posix.join(posix.dirname(from), request));
    if (file.startsWith('..'))
      throw new Error(`module '${request}' is outside the mini program (required from ${from})`);
    return file.endsWith('.js') ? file : `${file}.js`;
  };

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

/** setData's copy: what crosses from WeChat's logic thread to its view is JSON. */
const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** Applies one setData key ("root.cn[0].cn[2].v", "root.cn.[1]") to the page data. */
export function setPath(target, path, value) {
  const keys = [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) =>
    m[1] !== undefined ? Number(m[1]) : m[2],
  );
  let node = target;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i];
    if (node[key] === null || typeof node[key] !== 'object')
      node[key] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[key];
  }
  node[keys[keys.length - 1]] = value;
}

function safeJson(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
