// The WeChat build check: pnpm --filter @master-studio/mini check:weapp [dir]
// Over dist/weapp (or dir), each a pass or a failure of its own:
//   1. WeChat's project compile (miniprogram-ci, offline)        weapp/wechat-compile.mjs
//   2. WeChat's WXML and WXSS compilers (wcc, wcsc)              weapp/templates.mjs
//   3. every .js parses as ES2019 (.wxs as ES5)                  weapp/syntax.mjs
//   4. each package ≤ 2 MB, the whole app ≤ 20 MB                weapp/sizes.mjs
//   5. no loopback address anywhere in the build                 weapp/loopback.mjs
//   6. a headless run of the compiled app against the real server, for the sign-in page and
//      each role's home                                          weapp/headless/
// Ends with "N passed, N failed". WRITE_BENCHMARKS=1 (check:weapp:write) records the package
// sizes in docs/benchmarks.md. Env: DATABASE_URL as for the e2e run (mysql://… → a fresh
// database next to it; unset → SQLite in a temp dir).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO, kb, writeMiniBlock } from './benchmarks.mjs';
import { launchTestServer } from './test-server.mjs';
import { buildFiles } from './weapp/files.mjs';
import { ROLE_NAMES, roleScenario, signInScenario } from './weapp/headless/run.mjs';
import { loadGwx } from './weapp/headless/render.mjs';
import { checkLoopback } from './weapp/loopback.mjs';
import { checkSizes, readAppJson } from './weapp/sizes.mjs';
import { ECMA_VERSION, checkSyntax } from './weapp/syntax.mjs';
import { compileWxml, compileWxss } from './weapp/templates.mjs';
import { wechatCompile } from './weapp/wechat-compile.mjs';

const MINI = join(REPO, 'mini');
const dir = resolve(process.argv[2] ?? join(MINI, 'dist', 'weapp'));
const results = [];
const started = Date.now();
const load = loadavg()[0].toFixed(1); // noted beside the timing: this machine is shared

const log = (msg) => console.log(`[weapp] ${msg}`);
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function record(name, t0, { ok, problems = [], detail = '' }) {
  results.push({ name, ok });
  log(`${ok ? '✓' : '✗'} ${name} (${seconds(t0)})${detail ? ` — ${detail}` : ''}`);
  for (const p of problems.slice(0, 12)) console.log(`      ${p}`);
  if (problems.length > 12) console.log(`      … and ${problems.length - 12} more`);
}

/** The checks that read the build's files: quick, synchronous. */
function fileChecks(files) {
  let t0 = Date.now();
  const wxml = compileWxml(dir, files);
  record('WeChat WXML compiler (wcc) over every .wxml and .wxs', t0, {
    ...wxml,
    detail: `${wxml.count} files`,
  });
  t0 = Date.now();
  const wxss = compileWxss(dir, files);
  record('WeChat WXSS compiler (wcsc) over every .wxss', t0, {
    ...wxss,
    detail: `${wxss.count} files`,
  });
  t0 = Date.now();
  const syntax = checkSyntax(files);
  record(`every .js parses as ES${ECMA_VERSION} (acorn)`, t0, {
    ...syntax,
    detail: `${syntax.checked} files`,
  });
  t0 = Date.now();
  const sizes = checkSizes(files, readAppJson(dir));
  record('each package ≤ 2 MB, whole app ≤ 20 MB', t0, {
    ...sizes,
    detail: sizes.lines.join('; '),
  });
  t0 = Date.now();
  record('no loopback address (localhost, 127.x) in the build', t0, checkLoopback(files));
  return { wxml, sizes };
}

const SCENARIOS = [
  ['sign-in page', (ctx) => signInScenario(ctx)],
  ...ROLE_NAMES.map((username) => [
    `${username} home`,
    (ctx) => roleScenario({ ...ctx, username }),
  ]),
];

/** The headless run: needs wcc's $gwx to render pages and the server to answer them. */
async function headless(wxml, server) {
  const gwx = wxml.ok ? loadGwx(wxml.gwxSource) : null;
  for (const [name, run] of SCENARIOS) {
    const t0 = Date.now();
    if (!gwx || !server) {
      record(`headless: ${name}`, t0, {
        ok: false,
        problems: [!gwx ? 'no $gwx: wcc failed above' : 'no server'],
      });
      continue;
    }
    try {
      const r = await run({ dir, gwx, serverOrigin: server.base });
      const shown = r.screen.text.split('\n').slice(0, 6).join(' ⏎ ');
      const via = r.origins.join(', ') || 'none';
      record(`headless: ${name}`, t0, {
        ...r,
        detail: `${r.page ?? 'no page'}, ${r.requests.length} requests via ${via}: "${shown.slice(0, 160)}"`,
      });
      if (r.unsupported.length)
        log(
          `      wx APIs the stub does not provide (answered with fail): ${r.unsupported.join(', ')}`,
        );
    } catch (err) {
      record(`headless: ${name}`, t0, { ok: false, problems: [String(err.stack ?? err)] });
    }
  }
}

function writeSizes(sizes, files) {
  writeMiniBlock('weapp', [
    `WeChat packages of the checking build (\`build:weapp:check\`), measured ${new Date().toISOString().slice(0, 10)} by \`check:weapp\` (limits: 2 MB per package, 20 MB in all):`,
    '',
    '| package | size | files |',
    '|---|---|---|',
    ...sizes.measured.packages.map(
      (p) => `| ${p.name} | ${p.root === '' ? `**${kb(p.bytes)}**` : kb(p.bytes)} | ${p.files} |`,
    ),
    `| whole app | ${kb(sizes.measured.total)} | ${files.length} |`,
    '',
    `The whole check (WeChat compile, wcc/wcsc, ES${ECMA_VERSION} parse, sizes, headless run of ${SCENARIOS.length} screens) took ${seconds(started)} on ${cpus().length} cores at load average ${load} (other work on the machine slows it).`,
  ]);
}

async function main() {
  if (!existsSync(join(dir, 'app.json'))) {
    if (process.argv[2]) throw new Error(`${dir} has no app.json: not a weapp build`);
    log('no dist/weapp yet: building it (build:weapp:check)');
    execSync('pnpm run build:weapp:check', { cwd: MINI, stdio: 'inherit' });
  }
  const files = buildFiles(dir);

  // WeChat's compile (its own process) runs in the background during everything else.
  const t0Compile = Date.now();
  const compiling = wechatCompile(dir);

  // The server boots (its own process) during the file checks. Its database is made first:
  // the file checks block this event loop for seconds, which would time out a MySQL
  // connection opened here (mysql2 gives up after 10 s).
  const t0Server = Date.now();
  const serverMain = join(REPO, 'server', 'dist', 'main.js');
  let server;
  try {
    if (!existsSync(serverMain))
      throw new Error(
        `${serverMain} is missing: build the server first (pnpm --filter @master-studio/server build)`,
      );
    server = await launchTestServer({ tag: 'weapp', log });
  } catch (err) {
    record('test server for the headless run', t0Server, {
      ok: false,
      problems: [err.message.split('\n')[0]],
    });
  }

  let sizes;
  try {
    const checked = fileChecks(files);
    sizes = checked.sizes;
    try {
      await server?.ready;
      if (server) log(`server at ${server.base} (${seconds(t0Server)})`);
    } catch (err) {
      record('test server for the headless run', t0Server, {
        ok: false,
        problems: [err.message.split('\n')[0]],
      });
      server = undefined;
    }
    await headless(checked.wxml, server);
  } finally {
    await server?.stop();
  }

  const compiled = await compiling;
  record("WeChat's project compile (miniprogram-ci, offline)", t0Compile, {
    ...compiled,
    detail: compiled.ok ? `${Object.keys(compiled.files).length} files` : '',
  });

  if (results.every((r) => r.ok)) writeSizes(sizes, files); // a failed run records nothing
}

let fatal = null;
try {
  await main();
} catch (err) {
  fatal = err;
  console.error(err);
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed + (fatal ? 1 : 0);
log(`done in ${seconds(started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
