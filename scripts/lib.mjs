// Helpers shared by the quick-start scripts (start.mjs, test.mjs). Node built-ins only:
// these run on a fresh machine before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM_VERSION = '12.21.0';

let pnpmCommand;
/** pnpm itself: the global one if it is the pinned version, else fetched once by npx. */
export function pnpm() {
  if (pnpmCommand) return pnpmCommand;
  const global = spawnSync('pnpm', ['--version'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  pnpmCommand =
    global.status === 0 && global.stdout.trim() === PNPM_VERSION
      ? ['pnpm']
      : ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
  return pnpmCommand;
}

/**
 * Runs a command, streaming its output, and resolves with { code, output }.
 * The output is kept so callers can read test counts from it.
 */
export function run(cmd, args, { env = {}, cwd = ROOT, quiet = false } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let output = '';
    const onData = (stream) => (chunk) => {
      const text = chunk.toString();
      output += text;
      if (!quiet) stream.write(text);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

export function runPnpm(args, options) {
  const [cmd, ...pre] = pnpm();
  return run(cmd, [...pre, ...args], options);
}

export function banner(text) {
  console.log(`\n━━━ ${text} ━━━`);
}
