// End-to-end: the leader's targets, a new activity with check-in, attendance, roster invite,
// charts, and the first-meaningful-screen measurement.
// `s` is the run's shared state (e2e.mjs): base, the signed-in sessions (unit, leader, app),
// studioId, studioName, the unit's count before (before), the activity title and its code.
import { writeMiniBlock } from './benchmarks.mjs';
import { assertTall, check, log, num, openApp, shot, signIn, text } from './e2e-lib.mjs';

/** Signs the leader in (s.leader, s.studioId): targets, their status against the unit's card, 为什么. */
export async function leaderTargetChecks(s) {
  const { base } = s;
  await check('leader sees targets with pace and deadline', async () => {
    s.leader = await signIn(base, 'leader');
    await s.leader.page
      .locator('[data-testid="targets"] .target')
      .first()
      .waitFor({ timeout: 20000 });
    s.studioName = (await text(s.leader.page.locator('.hero__title'))).trim();
    s.studioId = new URL(s.leader.page.url().replace('#', '')).searchParams.get('studioId') ?? '';
    await shot(s.leader.page, '03-leader-home');
    await assertTall(s.leader.page.locator('[data-testid="why-link"]:visible').first(), '为什么 ›');
    const card = s.unit.page.locator('[data-testid="studio-card"]', { hasText: s.studioName });
    s.before = num(await text(card.locator('[data-testid="dash-industry_exchanges-value"]')));
    if (!Number.isFinite(s.before))
      throw new Error('unit dashboard shows no industry_exchanges for the leader studio');
    // Issue 11 item 12: one status, explained the same, with its deadline, on both cards.
    const ids = await s.leader.page
      .locator('[data-testid="targets"] .target')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.replace(/^target-/, '')));
    for (const id of ids) {
      const status = (
        await text(s.leader.page.locator(`[data-testid="target-${id}-status"]`))
      ).trim();
      const due = (
        await text(
          s.leader.page.locator(`[data-testid="target-${id}"] .row--between .muted`).first(),
        )
      ).trim();
      const dash = (await text(card.locator(`[data-testid="dash-${id}-status"]`))).trim();
      if (dash !== `${status} · ${due}`)
        throw new Error(
          `${id}: the leader's card says "${status} ${due}", the unit's dashboard "${dash}"`,
        );
    }
  });

  await check('leader taps a target and sees why', async () => {
    // The 为什么 page asks for this one target's record lists (explain=<targetId>); the home
    // screen's answer carries only counts.
    const asked = s.leader.page.waitForRequest((r) => /\/progress\?.*explain=/.test(r.url()), {
      timeout: 15000,
    });
    await s.leader.page.locator('[data-testid="targets"] .target').first().click();
    await s.leader.page
      .locator('[data-testid="target-why"] [data-testid="counted"]')
      .waitFor({ timeout: 15000 });
    const explain = new URL((await asked).url()).searchParams.get('explain');
    if (!explain || explain === 'all')
      throw new Error(`为什么 page asked explain=${explain}, expected one target id`);
    const rows =
      (await s.leader.page
        .locator('[data-testid="target-why"] [data-testid="counted-row"]')
        .count()) +
      (await s.leader.page
        .locator('[data-testid="target-why"] [data-testid="excluded-row"]')
        .count());
    if (rows === 0) throw new Error(`为什么 page for ${explain} names no records`);
    await shot(s.leader.page, '04-leader-target-why');
    await s.leader.page.goBack();
    await s.leader.page.locator('[data-testid="leader-home"]:visible').waitFor({ timeout: 15000 });
    await s.leader.page.waitForTimeout(300);
  });
}

/** Creates an activity (s.title) and opens its check-in (s.code). */
export async function leaderActivityChecks(s) {
  const { base } = s;
  const title = (s.title = `E2E 行业交流 ${Date.now().toString(36)}`);
  await check('leader creates an activity with a preview of its effect', async () => {
    await openApp(
      s.leader.page,
      `${base}/#/pages/leader/record-edit/index?studioId=${s.studioId}&type=activities&kind=industry_exchange`,
    );
    // Fill only once the form has settled (facts loaded, preview asking for input);
    // a fill that lands while the page is still mounting can be reset.
    await s.leader.page.locator('[data-testid="preview"]:visible').waitFor({ timeout: 15000 });
    const titleInput = s.leader.page.locator('[data-testid="field-title"]:visible input');
    for (let i = 0; i < 3 && (await titleInput.inputValue()) !== title; i++) {
      await titleInput.fill(title);
      await s.leader.page.waitForTimeout(300);
    }
    await s.leader.page
      .locator('[data-testid="preview"]:visible [data-testid^="preview-"]')
      .first()
      .waitFor({ timeout: 15000 });
    if ((await titleInput.inputValue()) !== title)
      throw new Error('the title field did not keep its value');
    await shot(s.leader.page, '05-leader-new-activity-preview');
    await s.leader.page.locator('[data-testid="save-record"]:visible').click();
    // Saving toasts 已保存 and goes back by itself 700 ms later; wait for both
    // before navigating on (the back would otherwise land after our goto).
    await s.leader.page
      .getByText('已保存')
      .first()
      .waitFor({ timeout: 15000 })
      .catch(async (e) => {
        await shot(s.leader.page, 'FAILED-leader-save');
        throw e;
      });
    await s.leader.page.waitForTimeout(1500);
    await openApp(
      s.leader.page,
      `${base}/#/pages/leader/records/index?studioId=${s.studioId}&type=activities`,
    );
    await s.leader.page
      .locator('[data-testid="activity-row"]:visible', { hasText: title })
      .waitFor({ timeout: 15000 });
    await shot(s.leader.page, '06-leader-activities');
  });

  await check('leader opens check-in with a rotating QR code', async () => {
    await s.leader.page.locator('[data-testid="activity-row"]:visible', { hasText: title }).click();
    await s.leader.page.locator('[data-testid="open-checkin"]:visible').click();
    await s.leader.page.locator('[data-testid="checkin-qr"]:visible').waitFor({ timeout: 15000 });
    // The apprentice types what a person reads off the screen: the 6 digits shown as "483 920".
    const shown = (
      await text(s.leader.page.locator('[data-testid="checkin-short-code"]:visible'))
    ).trim();
    if (!/^\d{3} \d{3}$/.test(shown)) throw new Error(`short code on screen: "${shown}"`);
    s.code = shown;
    await shot(s.leader.page, '07-leader-checkin-qr');
  });
}

/** The apprentice's check-in appears live; a 补签 for someone missing. */
export async function leaderAttendanceChecks(s) {
  const { base } = s;
  await check("leader's live list and person-times show the check-in", async () => {
    await s.leader.page
      .locator('[data-testid="attendance-count"]:visible', { hasText: '1 人' })
      .waitFor({ timeout: 15000 })
      .catch(async (e) => {
        await shot(s.leader.page, 'FAILED-leader-attendance');
        throw e;
      });
    await shot(s.leader.page, '10-leader-attendance');
    await openApp(
      s.leader.page,
      `${base}/#/pages/leader/records/index?studioId=${s.studioId}&type=activities`,
    );
    const row = s.leader.page.locator('[data-testid="activity-row"]:visible', { hasText: s.title });
    await row.waitFor({ timeout: 15000 });
    const n = num(await text(row));
    if (!(await text(row)).includes('1')) throw new Error(`row shows ${n}`);
  });

  // Issue 11 item 9: who has not checked in, and the leader's 补签 for one of them.
  await check('leader sees who has not checked in and adds a late sign-in (补签)', async () => {
    await s.leader.page
      .locator('[data-testid="activity-row"]:visible', { hasText: s.title })
      .click();
    const missing = s.leader.page.locator('[data-testid="missing-row"]:visible');
    await missing.first().waitFor({ timeout: 15000 });
    const countText = await text(s.leader.page.locator('[data-testid="missing-count"]:visible'));
    const before = num(countText);
    if (!(before > 0) || before !== (await missing.count()))
      throw new Error(`unchecked count "${countText}" vs ${await missing.count()} rows`);
    const first = missing.first();
    const name = (await text(first.locator('.list-item__title'))).trim();
    const box = await first.locator('[data-testid="add-late"]').boundingBox();
    if (!box || box.height < 44) throw new Error(`补签 tap target ${box?.height}px high`);
    await first.locator('[data-testid="add-late"]').click();
    const modal = s.leader.page.locator('.taro-modal__content:visible');
    await modal.waitFor({ timeout: 10000 });
    if (!(await text(modal)).includes(name))
      throw new Error(`confirm does not name the person: ${await text(modal)}`);
    await shot(s.leader.page, '10b-leader-add-late-confirm');
    await modal.locator('.taro-model__confirm').click();
    await s.leader.page
      .locator('[data-testid="attendance-list"] .list-item:visible', { hasText: name })
      .filter({ has: s.leader.page.locator('[data-testid="attendance-late"]') })
      .waitFor({ timeout: 15000 })
      .catch(async (e) => {
        await shot(s.leader.page, 'FAILED-leader-add-late');
        throw e;
      });
    if (
      (await s.leader.page
        .locator('[data-testid="missing-row"]:visible', { hasText: name })
        .count()) > 0
    )
      throw new Error(`${name} is still listed as not checked in`);
    await shot(s.leader.page, '10c-leader-added-late');
  });
}

/** Invites an apprentice from the roster; the charts render. */
export async function leaderRosterChecks(s) {
  const { base } = s;
  await check('leader invites an apprentice from the roster (code, QR, pending list)', async () => {
    await openApp(
      s.leader.page,
      `${base}/#/pages/leader/records/index?studioId=${s.studioId}&type=apprentices`,
    );
    await assertTall(s.leader.page.locator('[data-testid="row-invite"]:visible').first(), '邀请');
    // Roster dates never wrap inside a date: each dated phrase is one line box.
    const split = await s.leader.page
      .locator('[data-testid="apprentice-row"]:visible .nowrap')
      .evaluateAll((els) =>
        els
          .filter((e) => new Set([...e.getClientRects()].map((r) => Math.round(r.top))).size > 1)
          .map((e) => e.textContent),
      );
    if (split.length) throw new Error(`roster dates wrap mid-date: ${split.join('; ')}`);
    await s.leader.page.locator('[data-testid="row-invite"]:visible').first().click();
    await s.leader.page.locator('[data-testid="invite-create"]:visible').click();
    await s.leader.page.locator('[data-testid="invite-code"]:visible').waitFor({ timeout: 15000 });
    await s.leader.page
      .locator('[data-testid="pending-invitations"]:visible')
      .waitFor({ timeout: 15000 });
    await shot(s.leader.page, '19-leader-invite');
  });

  await check('leader charts render', async () => {
    await openApp(s.leader.page, `${base}/#/pages/leader/charts/index?studioId=${s.studioId}`);
    await s.leader.page
      .locator('#chart-person-times canvas, canvas#chart-person-times')
      .first()
      .waitFor({ timeout: 15000 });
    await s.leader.page.waitForTimeout(800);
    await shot(s.leader.page, '15-leader-charts');
  });
}

/** Navigation → the leader's targets drawn, 5 runs, into docs/benchmarks.md. */
export async function leaderFirstScreenMeasure(s) {
  const { base } = s;
  // Navigation → the leader's first meaningful screen (targets drawn), signed in, on loopback.
  await check('measure leader first meaningful screen', async () => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const page = await s.leader.ctx.newPage();
      const t0 = Date.now();
      await openApp(page, `${base}/#/pages/leader/home/index?studioId=${s.studioId}`);
      await page.locator('[data-testid="targets"] .target').first().waitFor({ timeout: 20000 });
      times.push(Date.now() - t0);
      await page.close();
    }
    times.sort((a, b) => a - b);
    const median = times[2];
    writeMiniBlock('fms', [
      `Leader's first meaningful screen (navigation → targets drawn), headless Chromium on loopback, signed in, 5 runs: median **${median} ms** (min ${times[0]}, max ${times[4]}), measured ${new Date().toISOString().slice(0, 10)} by the e2e run.`,
    ]);
    log(`first meaningful screen: ${times.join(', ')} ms`);
  });
}
