// End-to-end: the apprentice checks in by typed code and by the QR's link, and sees it at home.
// `s` is the run's shared state (e2e.mjs): base, the signed-in sessions (unit, leader, app),
// studioId, studioName, the unit's count before (before), the activity title and its code.
import { decodeQr } from './decode-qr.mjs';
import { apiAs, check, log, newContext, openApp, shot, signIn, text } from './e2e-lib.mjs';

/** Signs the apprentice in (s.app) and checks in with the leader's code. */
export async function apprenticeCheckinChecks(s) {
  const { base } = s;
  await check('apprentice checks in by typing the 6-digit code (auto-submits)', async () => {
    s.app = await signIn(base, 'apprentice');
    await s.app.page.locator('[data-testid="apprentice-home"]:visible').waitFor({ timeout: 20000 });
    await shot(s.app.page, '08-apprentice-home');
    await s.app.page.locator('[data-testid="go-scan"]:visible').click();
    const input = s.app.page.locator('[data-testid="checkin-input"]:visible input');
    if ((await input.getAttribute('inputmode')) !== 'numeric')
      throw new Error('the code input does not ask for the number keyboard');
    // Typed digit by digit as a person would, no tap on 签到: six digits submit by themselves.
    await input.pressSequentially(s.code.replace(/\s/g, ''), { delay: 60 });
    const result = s.app.page.locator('[data-testid="checkin-result"]:visible');
    await result.waitFor({ timeout: 15000 });
    const t = await text(result);
    if (!t.includes('签到成功')) throw new Error(`result: ${t}`);
    await shot(s.app.page, '09-apprentice-checked-in');
  });

  // The home reads the server's own answer shapes (generated API types): the activity's title, not "活动 <id>"; the year's person-times, not "0/—".
  await check(
    "apprentice home names the check-in by its activity's title and shows the year's progress",
    async () => {
      await openApp(s.app.page, `${base}/#/pages/apprentice/home/index`);
      await s.app.page
        .locator('[data-testid="my-attendance-row"]:visible', { hasText: s.title })
        .waitFor({ timeout: 15000 });
      await s.app.page.getByText('学习进度', { exact: true }).first().click();
      const progress = s.app.page.locator('[data-testid="my-progress"]:visible');
      await progress.waitFor({ timeout: 15000 });
      const shown = await text(progress);
      if (!/年参加活动\s*[1-9]\d* 次/.test(shown) || shown.includes('0/—'))
        throw new Error(`progress tab: ${shown}`);
    },
  );
}

/** Opens the leader's QR link signed out, signs in and lands checked in. */
export async function apprenticeLinkChecks(s) {
  const { base } = s;
  // Issue 8: the QR is a link any camera can open. Read it off the leader's screen as a camera
  // would, open it in a browser nobody has signed in to, sign in, and land checked in.
  await check(
    "apprentice opens the link in the leader's QR while signed out: signs in and is checked in",
    async () => {
      const leaderApi = await apiAs(base, 'leader');
      const linkTitle = `E2E 扫码链接签到 ${Date.now().toString(36)}`;
      const activity = await leaderApi.post(`/studios/${s.studioId}/activities`, {
        kind: 'training',
        title: linkTitle,
        date: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      });
      await openApp(
        s.leader.page,
        `${base}/#/pages/leader/checkin/index?studioId=${s.studioId}&activityId=${activity.id}&title=${encodeURIComponent(linkTitle)}`,
      );
      await s.leader.page.locator('[data-testid="open-checkin"]:visible').click();
      const qr = s.leader.page.locator('[data-testid="checkin-qr"]:visible');
      await qr.waitFor({ timeout: 15000 });
      const shortCode = async () =>
        (await text(s.leader.page.locator('[data-testid="checkin-short-code"]:visible'))).replace(
          /\s/g,
          '',
        );
      // The code turns over every rotation window: the QR, the digits and the link are read
      // again if it turned over while they were being read (seen once in CI).
      let link = '';
      let digits = '';
      let shown = '';
      for (let attempt = 0; attempt < 3; attempt++) {
        const before = await shortCode();
        link = await decodeQr(qr);
        digits = await shortCode();
        shown = (await text(s.leader.page.locator('[data-testid="checkin-link"]:visible'))).trim();
        if (before === digits && (await shortCode()) === digits) break;
      }
      // No PUBLIC_BASE_URL here: the server builds the link on the address the leader's page used.
      if (link !== `${base}/c/${digits}` || shown !== link)
        throw new Error(`QR says "${link}", the page shows "${shown}", short code ${digits}`);
      await shot(s.leader.page, '09b-leader-checkin-link-qr');

      const phone = await newContext();
      try {
        const page = await phone.newPage();
        page.on('pageerror', (e) => log(`  page error (link): ${e.message}`));
        await page.goto(link);
        // /c/<code> → the H5 check-in page → not signed in → the sign-in page, code kept aside.
        await page.locator('[data-testid="demo-apprentice"]:visible').click({ timeout: 20000 });
        const result = page.locator('[data-testid="checkin-result"]:visible');
        await result.waitFor({ timeout: 20000 });
        const t = await text(result);
        if (!t.includes('签到成功')) throw new Error(`result: ${t}`);
        if (!page.url().includes(`/pages/apprentice/checkin/index?code=${digits}`))
          throw new Error(`landed on ${page.url()}`);
        await shot(page, '09c-apprentice-checked-in-by-link');
      } finally {
        await phone.close();
      }
      await s.leader.page
        .locator('[data-testid="attendance-count"]:visible', { hasText: '1 人' })
        .waitFor({ timeout: 15000 });
    },
  );
}
