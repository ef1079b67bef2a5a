// What a page's data becomes through setData: a JSON copy applied at a path. Used by app-vm.mjs.

/** setData's copy: what crosses from WeChat's logic thread to its view is JSON. */
export const clone = (value) =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

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
