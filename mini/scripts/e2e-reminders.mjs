/* global getComputedStyle */
// End-to-end checks of reminders (issue 14), kept apart from e2e.mjs to ease merging: the quiet
// demo studio's leader (leader3) sees the unread badge on the home screen, opens the inbox, and
// a reminder opens the screen where the thing is done; the reviewer's inbox holds the digest.

import { apiAs } from './e2e-lib.mjs';

/** The account's count of unread reminders, as the API says it. */
async function unreadAs(base, username) {
  return (await (await apiAs(base, username)).get('/reminders/unread')).unread;
}

export async function remindersChecks({ base, check, signIn, shot }) {
  await check(
    'reminders: the quiet studio leader sees the badge, the inactivity warning and opens its screen',
    async () => {
      const { ctx, page } = await signIn(base, 'leader3');
      try {
        const badge = page.locator('[data-testid="inbox-badge"]:visible');
        await badge.waitFor({ timeout: 20000 });
        const shown = Number((await badge.innerText()).trim());
        const unread = await unreadAs(base, 'leader3');
        if (!(shown > 0) || shown !== unread)
          throw new Error(`badge ${shown}, API unread ${unread}`);
        await shot(page, 'reminders-home-badge');
        await page.locator('[data-testid="inbox-bar"]:visible').click();
        await page
          .locator('[data-testid="inbox-item"]:visible')
          .first()
          .waitFor({ timeout: 15000 });
        const idle = page.locator('[data-testid="inbox-item"][data-kind="inactivity"]:visible');
        const text = await idle.innerText();
        if (!text.includes('无活动') || !text.includes('取消称号'))
          throw new Error(`inactivity reminder reads: ${text}`);
        const deadlines = await page
          .locator('[data-testid="inbox-item"][data-kind="deadline"]:visible')
          .count();
        if (deadlines < 1) throw new Error('no coming deadline in the inbox');
        await shot(page, 'reminders-inbox');
        await idle.click();
        await page.waitForURL(/record-edit\/index\?studioId=\d+&type=activities/, {
          timeout: 15000,
        });
        await shot(page, 'reminders-opened-activity-form');
        const after = await unreadAs(base, 'leader3');
        if (after !== unread - 1) throw new Error(`unread ${unread} → ${after}, expected one less`);
      } finally {
        await ctx.close();
      }
    },
  );

  await check(
    "reminders: last year's unfiled year-end papers show overdue, in red, in the inbox and on the leader's home",
    async () => {
      // leader3's studio was recognised about 20 months ago and has filed no plan or summary, so the
      // papers due last 31 December (urumqi 第十九条（一）) are overdue whatever day the demo runs.
      const { ctx, page } = await signIn(base, 'leader3');
      try {
        const home = page.locator('[data-testid="leader-deadlines"]:visible');
        await home.waitFor({ timeout: 20000 });
        const late = home.locator('[data-testid^="deadline-annual_"][data-overdue="yes"]');
        await late.first().waitFor({ timeout: 15000 });
        const homeText = await late.first().innerText();
        if (!/已逾期 \d+ 天/.test(homeText)) throw new Error(`home row reads: ${homeText}`);
        const homeRed = await late
          .first()
          .locator('.text-danger')
          .evaluate((el) => getComputedStyle(el).color);
        if (!/^rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}/.test(homeRed))
          throw new Error(`home overdue line is not red: ${homeRed}`);
        await home.scrollIntoViewIfNeeded();
        // The findings under 提醒 cite the document's short name, never the policy id.
        const findings = await page.locator('.list-item.finding:visible').allInnerTexts();
        if (!findings.some((f) => f.includes('乌鲁木齐市办法')))
          throw new Error(`findings: ${findings.join(' | ')}`);
        if (findings.some((f) => /\b[a-z]+-\d{4}\b/.test(f)))
          throw new Error(`a finding quotes a policy id: ${findings.join(' | ')}`);
        await shot(page, 'reminders-home-overdue');
        await page.locator('[data-testid="inbox-bar"]:visible').click();
        const item = page.locator(
          '[data-testid="inbox-item"][data-kind="deadline"][data-overdue="yes"]:visible',
        );
        await item.first().waitFor({ timeout: 15000 });
        const text = await item.first().innerText();
        if (/\b[a-z]+-\d{4}\b/.test(text)) throw new Error(`reminder quotes a policy id: ${text}`);
        if (!text.includes('已逾期（') || !/已逾期 \d+ 天/.test(text))
          throw new Error(`overdue reminder reads: ${text}`);
        const due = item.first().locator('[data-testid="inbox-due"]');
        const color = await due.evaluate((el) => getComputedStyle(el).color);
        if (!/^rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}/.test(color))
          throw new Error(`overdue due line is not red: ${color}`);
        await item.first().scrollIntoViewIfNeeded();
        await shot(page, 'reminders-inbox-overdue');
      } finally {
        await ctx.close();
      }
    },
  );

  await check(
    "reminders: the reviewer's inbox holds the weekly digest of at-risk studios",
    async () => {
      const { ctx, page } = await signIn(base, 'reviewer');
      try {
        await page.locator('[data-testid="inbox-bar"]:visible').click();
        const digest = page.locator('[data-testid="inbox-item"][data-kind="digest"]:visible');
        await digest.first().waitFor({ timeout: 15000 });
        const text = await digest.first().innerText();
        if (!text.includes('有风险的工作室') || !text.includes('王德胜电工技能大师工作室'))
          throw new Error(`digest reads: ${text.slice(0, 200)}`);
        await shot(page, 'reminders-reviewer-digest');
        await page.locator('[data-testid="inbox-settings"]:visible').click();
        await page.locator('[data-testid="setting-digest"]:visible').waitFor({ timeout: 15000 });
        await shot(page, 'reminders-settings');
      } finally {
        await ctx.close();
      }
    },
  );
}
