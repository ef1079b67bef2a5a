// The JS realm of the headless app service: a `vm` context without the built-ins newer than the
// build's ES2019 target, and WeChat's module system (each file wrapped with its own `require`,
// browser globals passed as undefined). Used by app-vm.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import vm from 'node:vm';

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

/** A fresh context with the post-ES2019 built-ins removed. */
export function createRealm() {
  const context = vm.createContext({});
  vm.runInContext(WITHOUT_NEWER_BUILTINS, context);
  return context;
}

/**
 * WeChat's module loader over `dir` in `context`; `onLoading(file)` is told which module runs
 * (Component() registers under it) and returns the previous one to restore.
 * @returns {(file: string) => object} load
 */
export function createLoader(context, dir, onLoading) {
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
    const previous = onLoading(file.replace(/\.js$/, ''));
    try {
      wrapper.call(undefined, (request) => load(resolve(file, request)), module, module.exports);
    } finally {
      onLoading(previous);
    }
    return module.exports;
  };
  const resolve = (from, request) => {
    const file = posix.normalize(posix.join(posix.dirname(from), request));
    if (file.startsWith('..'))
      throw new Error(`module '${request}' is outside the mini program (required from ${from})`);
    return file.endsWith('.js') ? file : `${file}.js`;
  };

  return load;
}
