#!/usr/bin/env node
// `npm test`: every check of the workspace, in order, on a fresh machine with only Node.js.
// Installs (fetching the pinned pnpm if needed), lints, builds every package (both mini-app
// targets), typechecks, checks the app's generated API types against the server, then runs
// each package's tests, the server's integration tests, the docs check, the quick benchmarks,
// the H5 bundle size, the WeChat build check (check:weapp and its fault-injection tests) and the
// browser end-to-end suite.
// First it finds Chromium (scripts/browser.mjs), installing Debian's package when run as root.
// Ends with one line: "N passed, N failed".
//
// Integration and end-to-end tests use DATABASE_URL (a MySQL/MariaDB URL; .ci/run sets it to a
// fresh database). Without it they run on the embedded SQLite database, with a notice; under
// CI=true a missing DATABASE_URL is an error, never a silent fallback.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './browser.mjs';
import { ROOT, banner, run, runPnpm } from './lib.mjs';

const rules = ['--filter', '@master-studio/shared-rules'];
const server = ['--filter', '@master-studio/server'];
const mini = ['--filter', '@master-studio/mini'];

/**
 * No step may run longer than this (minutes; a step's own `minutes` overrides it): a hung step
 * is stopped and fails, so CI reports it well inside its 90 minutes instead of timing out.
 */
const STEP_MINUTES = 20;

/** Each step: a name, the pnpm arguments, and whether its output carries test counts. */
const steps = [
  { name: 'scripts: unit tests', cmd: [process.execPath, '--test', 'scripts/test'], tests: true },
  { name: 'install', args: ['install', '--frozen-lockfile'] },
  { name: 'lint', args: ['lint'] },
  { name: 'format (prettier --check)', args: ['format:check'] },
  { name: 'build (shared-rules, server, mini weapp + h5)', args: ['build'] },
  { name: 'typecheck', args: ['typecheck'] },
  { name: 'mini: API types match the server (api:check)', args: [...mini, 'run', 'api:check'] },
  {
    name: 'shared-rules: unit, golden and property tests',
    args: [...rules, 'run', 'test'],
    tests: true,
  },
  { name: 'shared-rules: docs/policies.md is current', args: [...rules, 'run', 'docs:check'] },
  { name: 'shared-rules: quick benchmark', args: [...rules, 'run', 'bench:quick'] },
  { name: 'server: unit tests', args: [...server, 'run', 'test'], tests: true },
  {
    name: 'server: integration tests',
    args: [...server, 'run', 'test:int'],
    tests: true,
    db: true,
  },
  // Starts a MariaDB of its own for the outage and restart tests; fails (never skips) without MariaDB.
  {
    name: 'server: fault and fuzz suite (quick)',
    args: [...server, 'run', 'test:fault'],
    tests: true,
    db: true,
    // It restarts a MariaDB of its own and reads MySQL's CHECKSUM TABLE: without a MySQL
    // DATABASE_URL it cannot run. Skipped then, with a notice, on a developer's machine; under
    // CI=true DATABASE_URL is required (above), so there it always runs and fails, never skips.
    mysqlOnly: true,
  },
  // Issue 16: starts a three-node MariaDB Galera cluster of its own (mariadb-server, galera-4,
  // rsync) and three server replicas, one per node; fails, saying what to install, without them.
  {
    name: 'server: Galera suite (3 nodes, 3 replicas, quick)',
    args: [...server, 'run', 'test:galera'],
    tests: true,
  },
  { name: 'server: quick benchmark', args: [...server, 'run', 'bench:quick'], db: true },
  { name: 'mini: unit tests', args: [...mini, 'run', 'test'], tests: true },
  { name: 'mini: H5 bundle size', args: [...mini, 'run', 'size'] },
  // WeChat's compile, wcc/wcsc, ES2019, package sizes and a headless run of dist/weapp against
  // the real server; then the same checks on deliberately broken copies, which must fail.
  {
    name: 'mini: weapp check (check:weapp)',
    args: [...mini, 'run', 'check:weapp'],
    tests: true,
    db: true,
  },
  {
    name: 'mini: weapp check fails on injected faults',
    args: [...mini, 'run', 'test:check-weapp'],
    tests: true,
  },
  // The build step above already built everything the end-to-end suite serves.
  {
    name: 'mini: end-to-end in Chromium',
    args: [...mini, 'run', 'e2e'],
    tests: true,
    db: true,
    env: { E2E_SKIP_BUILD: '1' },
  },
];

/**
 * Reads "Tests: 3 failed, 40 passed, 43 total" (Jest), "# pass 40" / "# fail 3" (node --test)
 * or "40 passed, 3 failed" (our runners).
 */
function countTests(output) {
  let passed = 0;
  let failed = 0;
  for (const line of output.split('\n')) {
    const jest = /^Tests:\s+(.*)total/.exec(line.trim());
    if (jest) {
      passed += Number(/(\d+) passed/.exec(jest[1])?.[1] ?? 0);
      failed += Number(/(\d+) failed/.exec(jest[1])?.[1] ?? 0);
      continue;
    }
    const node = /^(?:#|ℹ) (pass|fail) (\d+)$/.exec(line.trim());
    if (node) {
      if (node[1] === 'pass') passed += Number(node[2]);
      else failed += Number(node[2]);
      continue;
    }
    const plain = /^(?:\w+: )?(\d+) passed, (\d+) failed/.exec(line.trim());
    if (plain) {
      passed += Number(plain[1]);
      failed += Number(plain[2]);
    }
  }
  return { passed, failed };
}

async function main() {
  if (process.env.CI && !process.env.DATABASE_URL) {
    console.error(
      'CI=true but DATABASE_URL is not set: integration tests must run against MariaDB/MySQL.',
    );
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  if (!process.env.DATABASE_URL) {
    console.log(
      'NOTE: DATABASE_URL is not set; integration and end-to-end tests use the embedded SQLite database.',
    );
    console.log(
      '      Set DATABASE_URL=mysql://root@127.0.0.1:3306/ms_test to run them on MySQL/MariaDB.',
    );
  }

  // The end-to-end step needs a browser: find (or install) it before spending minutes on the rest.
  banner('browser for the end-to-end tests');
  const browser = ensureChromium();
  if (browser.error) {
    console.error(browser.error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`Chromium: ${browser.path}`);
  process.env.CHROMIUM = browser.path;

  const started = Date.now();
  const timings = [];
  let passed = 0;
  let failed = 0;
  for (const step of steps) {
    banner(step.name);
    if (step.mysqlOnly && !/^mysql/.test(process.env.DATABASE_URL ?? '')) {
      console.log(
        'SKIPPED: needs DATABASE_URL=mysql://… (MariaDB or MySQL); see docs/reliability.md.',
      );
      timings.push({ step: `${step.name} (skipped: no MySQL)`, seconds: 0, ok: true });
      continue;
    }
    const t0 = Date.now();
    const timeoutMs = (step.minutes ?? STEP_MINUTES) * 60_000;
    const { code, output } = step.cmd
      ? await run(step.cmd[0], step.cmd.slice(1), { env: step.env, timeoutMs })
      : await runPnpm(step.args, { env: step.env, timeoutMs });
    const seconds = (Date.now() - t0) / 1000;
    timings.push({ step: step.name, seconds, ok: code === 0 });
    const counts = step.tests ? countTests(output) : { passed: 0, failed: 0 };
    passed += counts.passed;
    failed += counts.failed;
    if (code !== 0) {
      if (counts.failed === 0) failed += 1; // a failing step with no test counts is one failure
      console.error(`\n✗ ${step.name} failed (exit ${code}) after ${seconds.toFixed(1)} s`);
      report(timings, started, passed, failed);
      process.exit(1);
    }
  }

  report(timings, started, passed, failed);
  process.exit(failed ? 1 : 0);
}

function report(timings, started, passed, failed) {
  const total = (Date.now() - started) / 1000;
  banner(`summary (${total.toFixed(0)} s)`);
  for (const t of timings)
    console.log(`${t.ok ? '✓' : '✗'} ${t.step.padEnd(52)} ${t.seconds.toFixed(1).padStart(6)} s`);
  mkdirSync(join(ROOT, '.artifacts'), { recursive: true });
  writeFileSync(
    join(ROOT, '.artifacts', 'test-timings.json'),
    JSON.stringify({ total, timings }, null, 2),
  );
  console.log(`${passed} passed, ${failed} failed`);
}

await main();
