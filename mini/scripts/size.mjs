// Measures the H5 bundle (all pages, and what the first page load fetches) and records it in
// docs/benchmarks.md with WRITE_BENCHMARKS=1. The WeChat packages are measured, and held to
// WeChat's limits, by check:weapp (scripts/weapp/sizes.mjs).
// Usage: pnpm --filter @master-studio/mini size
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { REPO, kb, writeMiniBlock } from './benchmarks.mjs';

const MINI = join(REPO, 'mini');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

if (!existsSync(join(MINI, 'dist', 'h5')))
  execSync('pnpm run build:h5', { cwd: MINI, stdio: 'inherit' });

// H5: all JS and CSS, and what the first page load fetches (index.html's own scripts and styles).
const h5 = join(MINI, 'dist', 'h5');
const assets = files(h5).filter((f) => /\.(js|css)$/.test(f));
const h5Total = assets.reduce((s, f) => s + statSync(f).size, 0);
const h5Gzip = assets.reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0);
const html = readFileSync(join(h5, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) =>
  join(h5, m[1]),
);
const initialGzip = initial
  .filter(existsSync)
  .reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0);

const lines = [
  `H5 sizes measured ${new Date().toISOString().slice(0, 10)} (production build, Taro 4.2.1, webpack 5; WeChat's packages: the \`weapp\` block, from check:weapp):`,
  '',
  '| build | size |',
  '|---|---|',
  `| H5 JS + CSS, all pages | ${kb(h5Total)} (${kb(h5Gzip)} gzip) |`,
  `| H5 first load (index.html's scripts and styles) | ${kb(initialGzip)} gzip |`,
];
writeMiniBlock('size', lines);
console.log(lines.join('\n'));
