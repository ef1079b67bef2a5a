// Adds <link rel="preload"> for the first page's chunks to the H5 build's index.html.
//
// Taro's H5 app loads each page lazily: index.html names only the runtime and app chunks, and the
// sign-in page's own chunks (NutUI, the page, shared code) are requested only after app.js has
// arrived and run. Over a slow network that is one more round of round trips before the first
// screen (docs/benchmarks.md "h5-throttled"). The first page is where every cold start lands (a
// check-in link opened while signed out included), so its chunks are named in index.html and
// fetched alongside app.js. Anyone already signed in has them cached (immutable) from before.
//
// The chunk ids come from the app chunk Taro generates: the route table entry
// `"path":"<first page>","load":…Promise.all([u.e(5438),…])` and webpack's id → file maps
// (`"js/"+a+"."+{…}[a]+".js"`, `miniCssF`). When that shape is not found (another Taro or webpack
// version), the build is left as it is and a warning says so.
// Usage: node scripts/preload-first-page.mjs [dir]   (default dist/h5; run by `build:h5`)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'h5');
const warn = (msg) => console.warn(`preload-first-page: ${msg}; index.html left without preloads`);

/** The object literal right after `prefix` in `text`, parsed as JSON (webpack quotes its keys). */
function mapAfter(text, prefix) {
  const at = text.indexOf(prefix);
  if (at === -1) return null;
  const start = at + prefix.length;
  const end = text.indexOf('}', start);
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return null;
  }
}

function main() {
  const indexFile = join(dir, 'index.html');
  let html = readFileSync(indexFile, 'utf8');
  if (html.includes('rel="preload"')) return console.log('preload-first-page: already done');
  const appSrc = /<script[^>]*src="\/?(js\/app\.[^"]+\.js)"/.exec(html)?.[1];
  if (!appSrc) return warn('no app chunk in index.html');
  const app = readFileSync(join(dir, appSrc), 'utf8');
  const first = /"pages":\["([^"]+)"/.exec(app)?.[1];
  if (!first) return warn('no page list in the app chunk');
  const route = new RegExp(
    `"path":"${first.replace(/[/.]/g, '\\$&')}","load":function\\([^)]*\\)\\{return\\[Promise\\.all\\(\\[([^\\]]*)\\]\\)`,
  ).exec(app);
  if (!route) return warn(`no route loader for ${first}`);
  const ids = [...route[1].matchAll(/\.e\((\d+)\)/g)].map((m) => m[1]);
  const js = mapAfter(app, '"js/"+a+"."+');
  const css = mapAfter(app, 'miniCssF=function(a){return"css/"+a+"."+') ?? {};
  if (!js || ids.length === 0) return warn('no chunk file map in the app chunk');
  const links = [];
  for (const id of ids) {
    const style = css[id] && `css/${id}.${css[id]}.css`;
    if (style && existsSync(join(dir, style)))
      links.push(`<link rel="preload" href="/${style}" as="style">`);
    const script = js[id] && `js/${id}.${js[id]}.js`;
    if (!script || !existsSync(join(dir, script))) return warn(`chunk ${id} has no file`);
    links.push(`<link rel="preload" href="/${script}" as="script">`);
  }
  // After the app's own scripts, so they are asked for first.
  html = html.replace('</head>', `${links.join('')}</head>`);
  writeFileSync(indexFile, html);
  console.log(`preload-first-page: ${first}: ${links.length} files preloaded`);
}

main();
