// node --test scripts/test: the step runner of `npm test` (scripts/lib.mjs `run`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from '../lib.mjs';

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('a command that finishes in time answers its own exit code and output', async () => {
  const r = await run(
    process.execPath,
    ['-e', 'console.log("12 passed, 0 failed"); process.exit(3)'],
    {
      quiet: true,
      timeoutMs: 30_000,
    },
  );
  assert.equal(r.code, 3);
  assert.equal(r.timedOut, false);
  assert.match(r.output, /12 passed, 0 failed/);
});

test('a hung command is stopped at its timeout, with the children it started', async () => {
  // The command starts a grandchild that would outlive it, prints its pid, then hangs.
  const script = `
    const { spawn } = require('node:child_process');
    const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    console.log('grandchild ' + g.pid);
    setInterval(() => {}, 1000);
  `;
  const t0 = Date.now();
  const r = await run(process.execPath, ['-e', script], { quiet: true, timeoutMs: 1500 });
  assert.equal(r.timedOut, true);
  assert.equal(r.code, 124);
  assert.ok(Date.now() - t0 < 15_000, 'stopped soon after the timeout');
  const pid = Number(/grandchild (\d+)/.exec(r.output)?.[1]);
  assert.ok(pid > 0);
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((res) => setTimeout(res, 100));
  assert.equal(alive(pid), false, 'the grandchild was killed with its group');
});
