// WeChat's own project compile, offline: miniprogram-ci's getCompiledResult is the step that
// `upload` runs before sending a package, so it rejects what WeChat would reject (missing pages,
// bad usingComponents paths, invalid app.json fields, JS that does not parse) with WeChat's
// own messages. It needs no network when the Project gets a dummy key and the default project
// attributes; it still tries to fetch an extension white-list and logs two harmless
// network errors, which we keep out of the output.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'wechat-compile.child.mjs');
const TIMEOUT_MS = 120000;

/**
 * The build's project.config.json settings, with es6 on: then WeChat's compile runs its Babel over
 * every .js, so a syntax error is reported with WeChat's own message (with es6 off it passes JS
 * through unread). The translated output is thrown away: what ships is the build's own ES2019,
 * uploaded with es6 off, which syntax.mjs proves.
 */
export function checkingSetting(dir) {
  let setting = {};
  try {
    setting = JSON.parse(readFileSync(join(dir, 'project.config.json'), 'utf8')).setting ?? {};
  } catch {
    /* no project.config.json: WeChat's defaults */
  }
  return { ...setting, es6: true };
}

/** @returns {Promise<{ ok: boolean, problems: string[], files?: Record<string, number> }>} */
export function wechatCompile(dir, setting = checkingSetting(dir)) {
  const scratch = mkdtempSync(join(tmpdir(), 'ms-wechat-compile-'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, dir, JSON.stringify(setting)], {
      cwd: scratch,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(scratch, { recursive: true, force: true });
      const line = out.split('\n').find((l) => l.startsWith('@@result '));
      if (!line) {
        resolve({
          ok: false,
          problems: [`miniprogram-ci gave no answer (exit ${code}):\n${out.slice(-2000)}`],
        });
        return;
      }
      const answer = JSON.parse(line.slice('@@result '.length));
      resolve(
        answer.ok
          ? { ok: true, problems: [], files: answer.files }
          : {
              ok: false,
              problems: [`${answer.message}${answer.code ? ` (code ${answer.code})` : ''}`],
            },
      );
    });
  });
}
