// Builds the package twice from the same source: ES modules (for `import()` and the
// Taro bundler) and CommonJS (for the Nest server and Jest), plus type declarations.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const run = (...args) =>
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', ...args], { stdio: 'inherit' });

execFileSync(process.execPath, ['scripts/rules-version.mjs'], { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
run(
  '--module',
  'ESNext',
  '--moduleResolution',
  'Bundler',
  '--outDir',
  'dist/esm',
  '--declaration',
  'false',
);
run(
  '--module',
  'CommonJS',
  '--moduleResolution',
  'Node10',
  '--outDir',
  'dist/cjs',
  '--declaration',
  'false',
);
run(
  '--module',
  'ESNext',
  '--moduleResolution',
  'Bundler',
  '--outDir',
  'dist/types',
  '--emitDeclarationOnly',
);
for (const [dir, type] of [
  ['dist/esm', 'module'],
  ['dist/cjs', 'commonjs'],
]) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/package.json`, JSON.stringify({ type }) + '\n');
}
