// Shared helpers of the end-to-end run (e2e.mjs and its modules e2e-*.mjs): the browser,
// check() with its results and the E2E_ONLY filter, demo sign-in, screenshots, and small
// readers. Role flows live in e2e-<role>.mjs; e2e.mjs only lists them in order.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO } from './benchmarks.mjs';

export const SHOTS = join(REPO, '.artifacts', 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Every check's outcome, in order: { name, ok, err? }. */
export const results = [];
let browser;

export function log(msg) {
  console.log(`[e2e] ${msg}`);
}

export async function launchBrowser() {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return browser;
}

export async function closeBrowser() {
  await browser?.close().catch(() => undefined);
}

/** The phone every role's session runs in. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  isMobile: true,
  hasTouch: true,
};

/** A fresh browser context (a phone unless other options are given). */
export const newContext = (options = PHONE) => browser.newContext(options);

export async function check(name, fn) {
  const only = process.env.E2E_ONLY;
  if (only && !name.startsWith(`${only}:`)) return;
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`✓ ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    results.push({ name, ok: false, err });
    log(
      `✗ ${name}: ${err instanceof Error ? err.message.split('\n').filter(Boolean).slice(0, 3).join(' | ') : err}`,
    );
    await showOpenPages(results.length);
  }
}

/**
 * After a failed check: each page still open and not shown before (the failing check's, which it
 * did not close, and the role flows' long-lived ones) is saved as FAILED-<check>-<page>.png, and its address and first words are logged, so a failure
 * in CI says what the screen showed.
 */
const shown = new WeakSet();
async function showOpenPages(n) {
  let k = 0;
  for (const ctx of browser?.contexts() ?? [])
    for (const page of ctx.pages()) {
      if (shown.has(page)) continue; // shown at an earlier failure
      shown.add(page);
      k += 1;
      try {
        const file = `FAILED-${String(n).padStart(2, '0')}-${k}.png`;
        await page.screenshot({ path: join(SHOTS, file), timeout: 5000 });
        const words = (await page.locator('body').innerText({ timeout: 2000 }))
          .replace(/\s+/g, ' ')
          .slice(0, 300);
        log(`  open page ${k}: ${page.url()} → ${file}: ${words}`);
      } catch (e) {
        log(
          `  open page ${k}: ${page.url()} (no screenshot: ${e instanceof Error ? e.message : e})`,
        );
      }
    }
}

/**
 * Opens an address of the app as a person opening a link does: with a full load of the page.
 * A goto that changes only the hash is an in-document navigation, and Taro's H5 router, handed
 * one while it is still drawing the first page after sign-in, can leave that page's screen
 * showing under the new page's title (seen in CI: the unit's home under 工作室详情). So the
 * document is left first; the session stays in the context's storage.
 */
export async function openApp(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
}

export async function signIn(base, username) {
  const ctx = await newContext();
  const page = await ctx.newPage();
  page.on('pageerror', (e) => log(`  page error (${username}): ${e.message}`));
  await page.goto(`${base}/`);
  await page.locator(`[data-testid="demo-${username}"]`).click();
  return { ctx, page };
}

// Taro H5 slides pages in; wait until no animation or transition is running
// (plus a short settle) so screenshots never catch a page mid-slide.
export async function shot(page, name) {
  await page.waitForTimeout(50); // let a just-triggered transition start
  await page
    .waitForFunction(
      // Runs in the page; endless ones (spinners) never finish and are not a page moving.
      () =>
        // eslint-disable-next-line no-undef
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 5000, polling: 50 },
    )
    .catch(() =>
      log(`  ${name}: animations still running after 5 s, taking the screenshot anyway`),
    );
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

// Issue 11 item 14: every tap target is at least 44 px tall on a phone.
export async function assertTall(loc, name) {
  const box = await loc.boundingBox({ timeout: 15000 });
  if (!box || box.height < 44) throw new Error(`${name} is ${box?.height} px tall, under 44`);
}
export const text = async (loc) => (await loc.textContent({ timeout: 15000 })) ?? '';
export const num = (s) => Number((/-?\d+(\.\d+)?/.exec(s) ?? ['NaN'])[0]);

/** A demo account's sign-in answer: { accessToken, account, roles }. */
export async function demoSignIn(base, username) {
  const res = await fetch(`${base}/api/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (!res.ok) throw new Error(`demo sign-in as ${username}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The demo account's bearer token, for set-up through the API. */
export async function demoToken(base, username) {
  return (await demoSignIn(base, username)).accessToken;
}

/**
 * A demo account's API, for set-up and read-back through HTTP: `get(path)`, `post(path, body)`,
 * `put`, `patch`, `del`, or `call(method, path, body?)`. Answers the parsed JSON, a Buffer for
 * any other body (a file), or null for an empty one; an answer that is not 2xx throws
 * "METHOD path: status body". `signIn` is the account's sign-in answer ({ account, roles }).
 */
export async function apiAs(base, username) {
  const signed = await demoSignIn(base, username);
  const call = async (method, path, body) => {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${signed.accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${bytes.toString('utf8')}`);
    if (!bytes.length) return null;
    const type = res.headers.get('content-type') ?? '';
    return type.includes('json') ? JSON.parse(bytes.toString('utf8')) : bytes;
  };
  return {
    signIn: signed,
    account: signed.account,
    call,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    patch: (path, body) => call('PATCH', path, body),
    del: (path) => call('DELETE', path),
  };
}

/** Signs in and waits for the role's home, so a later page.goto is not overtaken by the sign-in's own navigation. */
export async function signedIn(base, username) {
  const s = await signIn(base, username);
  await s.page.waitForURL(/pages\/(leader|reviewer|unit|apprentice)\/home/, { timeout: 20000 });
  await s.page.waitForTimeout(300);
  return s;
}
