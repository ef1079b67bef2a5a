// Renders a page's data through the `$gwx` function that WeChat's WXML compiler (wcc) produced
// for the build, and reads back the text a person would see. Custom components (Taro's
// recursive `comp`) are expanded with the properties their parent template passed them.
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import vm from 'node:vm';

/** Evaluates wcc's output (a function body ending in `return $gwx`) in its own context. */
export function loadGwx(wccOutput) {
  const context = vm.createContext({});
  context.window = context; // wcc writes its version onto `window`
  return vm.runInContext(`(function () {${wccOutput}\n})()`, context);
}

/**
 * @returns {{ text: string, nodes: number }} the visible text, in document order, one line per
 *   run of inline text, and how many elements the page rendered.
 */
export function renderPage({ gwx, dir, route, data }) {
  const lines = [];
  let current = '';
  let nodes = 0;
  const flush = () => {
    if (current.trim()) lines.push(current.replace(/\s+/g, ' ').trim());
    current = '';
  };
  const components = (file) => {
    const json = posix.join(dir, `${file}.json`);
    const using = existsSync(json)
      ? (JSON.parse(readFileSync(json, 'utf8')).usingComponents ?? {})
      : {};
    return Object.fromEntries(
      Object.entries(using).map(([tag, path]) => [
        tag,
        posix.normalize(posix.join(posix.dirname(file), path)).replace(/^\//, ''),
      ]),
    );
  };
  const render = (file, props, depth) => {
    if (depth > 64) throw new Error(`custom components nested more than 64 deep at ${file}`);
    const generate = gwx(`${file}.wxml`);
    if (typeof generate !== 'function') throw new Error(`$gwx has no template for ${file}.wxml`);
    walk(generate(props, {}, {}), components(file), depth);
  };
  const walk = (node, using, depth) => {
    if (node === null || node === undefined) return;
    if (typeof node === 'string' || typeof node === 'number') {
      current += String(node);
      return;
    }
    const attr = node.attr ?? {};
    if (attr.hidden === true || /display\s*:\s*none/.test(String(attr.style ?? ''))) return;
    const tag = String(node.tag ?? '').replace(/^wx-/, '');
    nodes++;
    if (using[tag]) {
      flush();
      render(using[tag], attr, depth + 1);
      flush();
      return;
    }
    const block = !['text', 'span', 'label', 'block', 'virtual'].includes(tag);
    if (block) flush();
    for (const child of node.children ?? []) walk(child, using, depth);
    if (block) flush();
    else current += ' '; // two <text>s side by side read as two words
  };
  render(route, data, 0);
  flush();
  return { text: lines.join('\n'), nodes };
}
