// Measures the WeChat main package and the H5 bundle; fails when the main
// package reaches WeChat's 2 MB limit. Usage: pnpm --filter @master-studio/mini size
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { REPO, kb, writeMiniBlock } from './benchmarks.mjs';

const MINI = join(REPO, 'mini');
const LIMIT = 2 * 1024 * 1024;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

for (const target of ['weapp', 'h5']) {
  if (!existsSync(join(MINI, 'dist', target))) execSync(`pnpm run build:${target}`, { cwd: MINI, stdio: 'inherit' });
}

// weapp: everything outside the subpackage roots is the main package (what WeChat counts).
const weapp = join(MINI, 'dist', 'weapp');
const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'));
const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, '') + '/');
const measured = files(weapp).filter((f) => !f.endsWith('.LICENSE.txt') && !f.endsWith('.map'));
const inSub = (f) => roots.find((r) => relative(weapp, f).startsWith(r));
const main = measured.filter((f) => !inSub(f)).reduce((s, f) => s + statSync(f).size, 0);
const subs = roots.map((r) => ({ root: r, size: measured.filter((f) => inSub(f) === r).reduce((s, f) => s + statSync(f).size, 0) }));

// H5: all JS and CSS, and what the first page load fetches (index.html's own scripts and styles).
const h5 = join(MINI, 'dist', 'h5');
const assets = files(h5).filter((f) => /\.(js|css)$/.test(f));
const h5Total = assets.reduce((s, f) => s + statSync(f).size, 0);
const h5Gzip = assets.reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0);
const html = readFileSync(join(h5, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => join(h5, m[1]));
const initialGzip = initial.filter(existsSync).reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0);

const ok = main < LIMIT;
const lines = [
  `Sizes measured ${new Date().toISOString().slice(0, 10)} (production builds, Taro 4.2.1, webpack 5):`,
  '',
  '| build | size |',
  '|---|---|',
  `| weapp main package (limit 2 MB) | **${kb(main)}** |`,
  ...subs.map((s) => `| weapp subpackage \`${s.root}\` | ${kb(s.size)} |`),
  `| H5 JS + CSS, all pages | ${kb(h5Total)} (${kb(h5Gzip)} gzip) |`,
  `| H5 first load (index.html's scripts and styles) | ${kb(initialGzip)} gzip |`,
];
writeMiniBlock('size', lines);
console.log(lines.join('\n'));
if (!ok) {
  console.error(`weapp main package is ${kb(main)}: WeChat refuses packages of 2 MB or more`);
  process.exit(1);
}
