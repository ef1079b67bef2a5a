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
 * Runs a command, streaming its output, and resolves with { code, output, timedOut }.
 * The output is kept so callers can read test counts from it. With `timeoutMs`, the command
 * runs in a process group of its own, and the whole group is killed when time runs out (so a
 * test runner held open by a child it started cannot hang the caller).
 */
export function run(cmd, args, { env = {}, cwd = ROOT, quiet = false, timeoutMs } = {}) {
  return new Promise((resolvePromise) => {
    const group = Boolean(timeoutMs) && process.platform !== 'win32';
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
      detached: group,
    });
    let timedOut = false;
    const killGroup = (signal) => {
      try {
        if (group) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    };
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          if (!quiet)
            process.stderr.write(
              `\n✗ ${cmd} ${args.join(' ')}: still running after ${timeoutMs / 60000} min; stopping it\n`,
            );
          killGroup('SIGTERM');
          setTimeout(() => killGroup('SIGKILL'), 10_000).unref();
        }, timeoutMs)
      : null;
    // Ctrl-C or a CI cancel reaches a detached group only if it is passed on.
    const forward = (signal) => () => {
      killGroup(signal);
      process.exit(130);
    };
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    if (group) {
      process.once('SIGINT', onInt);
      process.once('SIGTERM', onTerm);
    }
    let output = '';
    const onData = (stream) => (chunk) => {
      const text = chunk.toString();
      output += text;
      if (!quiet) stream.write(text);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      if (group) {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
        killGroup('SIGKILL'); // anything the command left running in its group
      }
      resolvePromise({ code: timedOut ? 124 : (code ?? 1), output, timedOut });
    });
  });
}

export function runPnpm(args, options) {
  const [cmd, ...pre] = pnpm();
  return run(cmd, [...pre, ...args], options);
}

export function banner(text) {
  console.log(`\n━━━ ${text} ━━━`);
}
