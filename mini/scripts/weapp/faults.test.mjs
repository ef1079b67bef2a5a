// Proves each part of check:weapp fails when it should: every test copies the built
// dist/weapp, breaks one thing, and runs the part of the check that must catch it, asserting
// on the message a developer would read. Run: pnpm --filter @master-studio/mini test:check-weapp
// (needs a build: pnpm --filter @master-studio/mini build:weapp:check).
import assert from 'node:assert/strict';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO } from '../benchmarks.mjs';
import { buildFiles } from './files.mjs';
import { visit, signInScenario } from './headless/run.mjs';
import { loadGwx } from './headless/render.mjs';
import { checkLoopback } from './loopback.mjs';
import { checkSizes, readAppJson } from './sizes.mjs';
import { checkSyntax } from './syntax.mjs';
import { compileWxml, compileWxss } from './templates.mjs';
import { wechatCompile } from './wechat-compile.mjs';

const DIST = join(REPO, 'mini', 'dist', 'weapp');
if (!existsSync(join(DIST, 'app.json')))
  throw new Error(
    `${DIST} is missing: run pnpm --filter @master-studio/mini build:weapp:check first`,
  );

/** A copy of the build with one fault, removed when the test ends. */
function broken(t, breakIt) {
  const dir = mkdtempSync(join(tmpdir(), 'ms-weapp-fault-'));
  cpSync(DIST, dir, { recursive: true });
  breakIt(dir);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const edit = (dir, file, change) =>
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
const editJson = (dir, file, change) =>
  edit(dir, file, (text) => JSON.stringify(change(JSON.parse(text))));
/** The check must fail, with a message matching `pattern`, which the test output shows. */
const failsWith = (t, result, pattern) => {
  assert.equal(result.ok, false, 'the check passed the broken build');
  const text = result.problems.join('\n');
  assert.match(text, pattern);
  t.diagnostic(text.split('\n').find((line) => pattern.test(line)) ?? text.split('\n')[0]);
};
const quickChecks = (dir) => {
  const files = buildFiles(dir);
  return [
    compileWxml(dir, files),
    compileWxss(dir, files),
    checkSyntax(files),
    checkSizes(files, readAppJson(dir)),
    checkLoopback(files),
  ];
};

test('the unbroken build passes the quick checks (so each failure below is the fault)', () => {
  for (const r of quickChecks(DIST)) assert.deepEqual(r.problems, []);
});

// Each compile is a few seconds of its own process: two at a time.
describe("WeChat's project compile (miniprogram-ci)", { concurrency: 2 }, () => {
  test('a page in app.json without its files', async (t) => {
    const dir = broken(t, (d) => unlinkSync(join(d, 'pages/unit/home/index.js')));
    failsWith(
      t,
      await wechatCompile(dir),
      /could not find the corresponding file: "pages\/unit\/home\/index\.js"/,
    );
  });
  test('a usingComponents path that leads nowhere', async (t) => {
    const dir = broken(t, (d) =>
      editJson(d, 'pages/auth/login/index.json', (j) => ({
        ...j,
        usingComponents: { comp: '../../../nowhere' },
      })),
    );
    failsWith(t, await wechatCompile(dir), /"\.\.\/\.\.\/\.\.\/nowhere", component not found/);
  });
  test('an app.json field with a wrong value', async (t) => {
    const dir = broken(t, (d) =>
      editJson(d, 'app.json', (j) => ({
        ...j,
        window: { ...j.window, navigationBarTextStyle: 42 },
      })),
    );
    failsWith(t, await wechatCompile(dir), /navigationBarTextStyle field needs to be string/);
  });
  test('a JS syntax error', async (t) => {
    const dir = broken(t, (d) =>
      appendFileSync(join(d, 'pages/auth/roles/index.js'), '\nfunction ((\n'),
    );
    failsWith(t, await wechatCompile(dir), /pages\/auth\/roles\/index\.js[\s\S]*Unexpected token/);
  });
});

describe("WeChat's WXML and WXSS compilers (wcc, wcsc)", () => {
  test('an unclosed tag in a .wxml', (t) => {
    const dir = broken(t, (d) =>
      writeFileSync(join(d, 'pages/auth/roles/index.wxml'), '<view><text>没有结束标签</view>'),
    );
    failsWith(
      t,
      compileWxml(dir, buildFiles(dir)),
      /pages\/auth\/roles\/index\.wxml:1:\d+: expect end-tag `text`/,
    );
  });
  test('a broken expression in a .wxml', (t) => {
    const dir = broken(t, (d) =>
      writeFileSync(join(d, 'pages/auth/roles/index.wxml'), '<view>{{ a + }}</view>'),
    );
    failsWith(
      t,
      compileWxml(dir, buildFiles(dir)),
      /pages\/auth\/roles\/index\.wxml:1:\d+: Bad value/,
    );
  });
  test('invalid .wxss', (t) => {
    const dir = broken(t, (d) =>
      appendFileSync(
        join(d, 'pages/auth/login/index.wxss'),
        '\n.broken { color: red;\n .nested {{ }\n',
      ),
    );
    failsWith(
      t,
      compileWxss(dir, buildFiles(dir)),
      /pages\/auth\/login\/index\.wxss\(\d+:\d+\): unexpected `\{`/,
    );
  });
});

describe('ES2019 syntax (acorn)', () => {
  test('optional chaining in a .js', (t) => {
    const dir = broken(t, (d) =>
      appendFileSync(join(d, 'pages/auth/roles/index.js'), '\nvar injected = wx?.request;\n'),
    );
    failsWith(
      t,
      checkSyntax(buildFiles(dir)),
      /pages\/auth\/roles\/index\.js:\d+:\d+ not ES2019: Unexpected token/,
    );
  });
  test('a regular expression with lookbehind', (t) => {
    const dir = broken(t, (d) =>
      appendFileSync(join(d, 'common.js'), '\nvar injected = /(?<=¥)\\d+/;\n'),
    );
    failsWith(
      t,
      checkSyntax(buildFiles(dir)),
      /common\.js:\d+:\d+ regular expression with lookbehind/,
    );
  });
});

describe("WeChat's size limits", () => {
  test('a main package over 2 MB', (t) => {
    const dir = broken(t, (d) =>
      writeFileSync(join(d, 'huge.js'), `var padding = "${'x'.repeat(2.5 * 1024 * 1024)}";\n`),
    );
    failsWith(
      t,
      checkSizes(buildFiles(dir), readAppJson(dir)),
      /main package is \d+\.\d KB, over WeChat's 2 MB per package \(largest file: huge\.js/,
    );
  });
  test('a whole app over 20 MB, each package under 2 MB', (t) => {
    const roots = Array.from({ length: 11 }, (_, i) => ({ root: `pages/p${i}` }));
    const files = roots.map((r) => ({ rel: `${r.root}/index.js`, size: 1.95 * 1024 * 1024 }));
    failsWith(
      t,
      checkSizes(files, { subPackages: roots }),
      /the whole app is \d+\.\d KB, over WeChat's 20 MB/,
    );
  });
});

test('a loopback URL in the build', (t) => {
  const dir = broken(t, (d) =>
    appendFileSync(join(d, 'common.js'), '\nvar injected = "http://127.0.0.1:3000/api";\n'),
  );
  failsWith(
    t,
    checkLoopback(buildFiles(dir)),
    /common\.js: ".*http:\/\/127\.0\.0\.1:3000\/api.*" \(a loopback address/,
  );
});

describe('headless run', () => {
  const gwxOf = (dir) => loadGwx(compileWxml(dir, buildFiles(dir)).gwxSource);
  test('a page whose module throws when it loads', async (t) => {
    const dir = broken(t, (d) =>
      edit(
        d,
        'pages/auth/login/index.js',
        (js) => `throw new Error("injected load fault");\n${js}`,
      ),
    );
    failsWith(
      t,
      await signInScenario({ dir, gwx: gwxOf(dir), serverOrigin: null }),
      /threw in pages\/auth\/login\/index\.js: Error: injected load fault/,
    );
  });
  test('a page that throws while React renders it', async (t) => {
    const label = '"\\u5fae\\u4fe1\\u4e00\\u952e\\u767b\\u5f55"'; // 微信一键登录, as terser escapes it
    const dir = broken(t, (d) =>
      edit(d, 'pages/auth/login/index.js', (js) => {
        assert.ok(
          js.includes(label),
          'the sign-in button text is no longer in the build: update this test',
        );
        return js.replace(label, '(function(){throw new Error("injected render fault")})()');
      }),
    );
    const result = await signInScenario({ dir, gwx: gwxOf(dir), serverOrigin: null });
    failsWith(t, result, /console\.error: Error: injected render fault/);
    failsWith(t, result, /does not show "微信一键登录"/);
  });
  test('a call to a built-in newer than ES2019', async (t) => {
    const dir = broken(t, (d) =>
      edit(d, 'pages/auth/login/index.js', (js) => `${js}\n[1, 2].at(-1);\n`),
    );
    failsWith(
      t,
      await signInScenario({ dir, gwx: gwxOf(dir), serverOrigin: null }),
      /threw in pages\/auth\/login\/index\.js: TypeError: .*\.at is not a function/,
    );
  });
  test('an API base that is not https', async (t) => {
    let replaced = 0;
    const dir = broken(t, (d) => {
      for (const f of buildFiles(d).filter((x) => x.rel.endsWith('.js'))) {
        edit(d, f.rel, (js) =>
          js.replace(
            /"https:\/\/([^"/]+)\/api"/g,
            (_, host) => (replaced++, `"http://${host}/api"`),
          ),
        );
      }
    });
    assert.ok(replaced > 0, 'found no "https://…/api" base in the build: update this test');
    // A returning user: the sign-in page asks /me straight away.
    const seen = await visit({
      dir,
      gwx: gwxOf(dir),
      serverOrigin: null,
      storage: { 'ms.accessToken': 'a-token' },
    });
    failsWith(
      t,
      { ok: seen.problems.length === 0, problems: seen.problems },
      /the app requested GET http:\/\/[^ ]+\/api\/me: WeChat only calls https hosts/,
    );
  });
});
