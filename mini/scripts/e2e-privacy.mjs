// End-to-end checks of the privacy notice and the person's rights (issue 17), kept apart from
// e2e.mjs to ease merging. `newapprentice` (林小雨) is the demo apprentice just added by her
// leader who has not read the notice yet (server/src/privacy/demo-privacy.ts); every other demo
// account was seeded as having read it. Run alone: E2E_ONLY=privacy node scripts/e2e.mjs
import { readFileSync } from 'node:fs';
import { demoToken } from './e2e-lib.mjs';

const visible = (page, id) => page.locator(`[data-testid="${id}"]:visible`).first();

export async function privacyChecks({ base, check, signIn, shot }) {
  await check('privacy: H5 first-run notice links to the privacy policy', async () => {
    // A fresh first run: signed in as someone (the helper's way in), then storage wiped.
    const { ctx, page } = await signIn(base, 'unit');
    try {
      await page.waitForTimeout(500);
      await page.evaluate(() => globalThis.localStorage.clear());
      await page.goto(`${base}/`);
      await visible(page, 'privacy-notice').waitFor({ timeout: 20000 });
      await shot(page, 'privacy-01-first-run-notice');
      await visible(page, 'privacy-notice-link').click();
      await visible(page, 'privacy-policy').waitFor({ timeout: 15000 });
      const text = await visible(page, 'privacy-policy').innerText();
      for (const must of ['谁能看到', '保存多久', '更正', '删除', '人社部门评审'])
        if (!text.includes(must)) throw new Error(`the policy does not say ${must}`);
      await shot(page, 'privacy-02-policy');
    } finally {
      await ctx.close();
    }
  });

  await check(
    'privacy: a new apprentice sees the notice at first sign-in; her consent is recorded',
    async () => {
      const token = await demoToken(base, 'newapprentice');
      const status = async () =>
        (
          await fetch(`${base}/api/privacy/status`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).json();
      if (!(await status()).needsConsent) throw new Error('newapprentice had already consented');
      const { ctx, page } = await signIn(base, 'newapprentice');
      try {
        await visible(page, 'privacy-agree').waitFor({ timeout: 20000 });
        await shot(page, 'privacy-03-consent-at-sign-in');
        await visible(page, 'privacy-agree').click();
        await visible(page, 'switch-role').waitFor({ timeout: 20000 }); // her home
        const after = await status();
        if (after.needsConsent || after.consentedVersion !== after.version)
          throw new Error(`consent not recorded: ${JSON.stringify(after)}`);

        // 我的 → 我的数据: export, then ask for deletion.
        await visible(page, 'switch-role').click();
        await visible(page, 'me-data').click();
        await visible(page, 'privacy-my-data').waitFor({ timeout: 15000 });
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 20000 }),
          visible(page, 'privacy-export').click(),
        ]);
        const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
        if (data.person?.name !== '林小雨' || data.roles?.[0]?.role !== 'apprentice')
          throw new Error(`export: ${JSON.stringify(data).slice(0, 200)}`);
        await visible(page, 'privacy-export-summary').waitFor({ timeout: 10000 });
        await shot(page, 'privacy-04-my-data');
        await visible(page, 'privacy-delete').click();
        // Taro H5 draws showModal in the page: confirm it.
        await page.locator('.taro-model__confirm:visible').first().click({ timeout: 10000 });
        await visible(page, 'privacy-kept').waitFor({ timeout: 15000 });
        await shot(page, 'privacy-05-deleted');
        const gone = await fetch(`${base}/api/auth/demo`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'newapprentice' }),
        });
        if (gone.status !== 404) throw new Error(`signed in after deletion: ${gone.status}`);
      } finally {
        await ctx.close();
      }
    },
  );
}
