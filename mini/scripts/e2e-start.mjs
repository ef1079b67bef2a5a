// End-to-end: the sign-in page and what a cold start downloads.
// `s` is the run's shared state (e2e.mjs): base, the signed-in sessions (unit, leader, app),
// studioId, studioName, the unit's count before (before), the activity title and its code.
import { check, shot, newContext } from './e2e-lib.mjs';

/** The sign-in page lists the demo accounts; a cold start asks only for preloaded files. */
export async function startChecks(s) {
  const { base } = s;
  await check('login page lists demo accounts', async () => {
    const ctx = await newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const login = await ctx.newPage();
    await login.goto(`${base}/`);
    await login.locator('[data-testid="demo-leader"]:visible').waitFor({ timeout: 20000 });
    await shot(login, '01-login');
    await ctx.close();
  });

  // Issue 8: index.html names everything the sign-in page needs (mini/scripts/preload-first-page.mjs),
  // so a slow network fetches it in one round instead of waiting for app.js to ask.
  await check(
    'a cold start asks only for files index.html names (first page preloaded)',
    async () => {
      const html = await (await fetch(`${base}/`)).text();
      const named = new Set(
        [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]),
      );
      if (![...html.matchAll(/rel="preload"/g)].length)
        throw new Error('index.html has no preload links: did build:h5 run preload-first-page?');
      const ctx = await newContext({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
      });
      try {
        const page = await ctx.newPage();
        const asked = [];
        page.on('request', (r) => {
          const path = new URL(r.url()).pathname;
          if (/\.(js|css)$/.test(path)) asked.push(path);
        });
        await page.goto(`${base}/`);
        await page.locator('[data-testid="demo-leader"]:visible').waitFor({ timeout: 20000 });
        const extra = asked.filter((p) => !named.has(p));
        if (extra.length) throw new Error(`the sign-in page also asked for ${extra.join(', ')}`);
      } finally {
        await ctx.close();
      }
    },
  );
}
