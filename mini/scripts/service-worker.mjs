// Writes dist/h5/sw.js: a service worker that precaches the H5 build's own files (issue 11
// item 5), so that a page not yet opened still opens offline: its chunks come from the cache,
// and its data from the network or, offline, the screen's own 离线 state. Taro's H5 app loads
// each page's chunk only when the page is first opened, so without this an unopened page could
// not load offline at all (the URL changed, the screen stayed).
//
// workbox-build's generateSW makes the worker: the precache manifest (each file with its
// revision; hashed names are taken as they are), clean-up of older precaches on a new build,
// and the SPA fallback to index.html for navigations outside /api. API calls are never cached
// by the worker (they carry each person's data and token). The app registers /sw.js on H5
// only (src/services/service-worker.ts). Run by `build:h5` after Taro's build and before
// precompress (so sw.js gets its compressed copies too).
// Usage: node scripts/service-worker.mjs [dir]   (default dist/h5)
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';

const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'h5');

const { count, size, warnings } = await generateSW({
  globDirectory: dir,
  globPatterns: ['**/*.{html,js,css,png,jpg,jpeg,gif,svg,webp,ico,woff,woff2,ttf,json}'],
  globIgnores: ['sw.js', 'sw.js.map', 'workbox-*.js', '**/*.br', '**/*.gz'],
  swDest: join(dir, 'sw.js'),
  // One file: no workbox-<hash>.js beside it.
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: 'production',
  // Webpack's content-hashed names never change content: no cache-busting query needed.
  dontCacheBustURLsMatching: /\.[0-9a-f]{8,32}\./,
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  navigateFallback: '/index.html',
  navigateFallbackDenylist: [/^\/api(\/|$)/],
  cleanupOutdatedCaches: true,
  cacheId: 'master-studio',
  // A new build takes over at once (the app's chunks are immutable; the old ones stay
  // cached until the new precache is complete).
  skipWaiting: true,
  clientsClaim: true,
});
for (const w of warnings) console.warn(`service-worker: ${w}`);
console.log(`service-worker: sw.js precaches ${count} files (${(size / 1024).toFixed(0)} KB)`);
