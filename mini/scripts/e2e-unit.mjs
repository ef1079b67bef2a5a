// End-to-end: the unit contact's dashboard before and after the leader's activity, and sign-off.
// `s` is the run's shared state (e2e.mjs): base, the signed-in sessions (unit, leader, app),
// studioId, studioName, the unit's count before (before), the activity title and its code.
import { apiAs, assertTall, check, num, openApp, shot, signIn, text } from './e2e-lib.mjs';

/** Signs the unit contact in (s.unit) on the dashboard. */
export async function unitDashboardChecks(s) {
  const { base } = s;
  // Unit contact first: remember where the leader's studio stands.
  await check('unit contact sees the unit dashboard', async () => {
    s.unit = await signIn(base, 'unit');
    await s.unit.page
      .locator('[data-testid="unit-home"] [data-testid="studio-card"]')
      .first()
      .waitFor({ timeout: 20000 });
    await shot(s.unit.page, '02-unit-dashboard');
  });
}

/** The dashboard counts the new activity; the unit confirms one, and the confirmation stays. */
export async function unitSignoffChecks(s) {
  const { base } = s;
  await check("unit contact's dashboard changes accordingly", async () => {
    await s.unit.page.reload();
    const card = s.unit.page.locator('[data-testid="studio-card"]', { hasText: s.studioName });
    await card.waitFor({ timeout: 20000 });
    const after = num(await text(card.locator('[data-testid="dash-industry_exchanges-value"]')));
    if (!(after === s.before + 1))
      throw new Error(`industry exchanges ${s.before} → ${after}, expected +1`);
    await shot(s.unit.page, '11-unit-dashboard-after');
    await card.click();
    await s.unit.page
      .locator('[data-testid="unit-studio"] [data-testid="signoff-row"]')
      .first()
      .waitFor({ timeout: 15000 });
    await shot(s.unit.page, '12-unit-studio-signoff');
  });

  // Issue 11 item 3: a sign-off stays on screen after a reload, for the unit and the leader; a
  // future activity cannot be confirmed (the button is replaced by its reason). Item 5: 确认 is thumb-sized.
  await check(
    'unit confirms an activity; after a reload it still reads 已确认 and the leader sees 单位已确认; a future activity shows why it cannot be confirmed',
    async () => {
      const leaderApi = await apiAs(base, 'leader');
      const future = `E2E 明年的培训 ${Date.now().toString(36)}`;
      await leaderApi.post(`/studios/${s.studioId}/activities`, {
        kind: 'training',
        title: future,
        date: `${new Date().getFullYear() + 1}-06-01`,
      });
      await s.unit.page.reload();
      const rowsOf = (hasText) =>
        s.unit.page.locator(
          '[data-testid="unit-studio"] [data-testid="signoff-row"]:visible',
          hasText ? { hasText } : {},
        );
      await rowsOf().first().waitFor({ timeout: 20000 });
      const early = rowsOf(future);
      await early.locator('[data-testid="signoff-early"]').waitFor({ timeout: 15000 });
      if ((await early.locator('[data-testid="signoff"]').count()) !== 0)
        throw new Error('a future activity offers 确认');
      if (!(await text(early.locator('[data-testid="signoff-note"]'))).includes('当天起才能确认'))
        throw new Error('no reason under the future activity');
      const row = rowsOf()
        .filter({ has: s.unit.page.locator('[data-testid="signoff"]') })
        .first();
      const button = row.locator('[data-testid="signoff"]');
      await assertTall(button, '确认');
      const title = (await text(row.locator('.list-item__title'))).trim();
      await button.click();
      await rowsOf(title).first().locator('[data-testid="signed"]').waitFor({ timeout: 15000 });
      await s.unit.page.reload();
      await rowsOf(title).first().locator('[data-testid="signed"]').waitFor({ timeout: 20000 });
      await shot(s.unit.page, '12b-unit-studio-signed-after-reload');
      await openApp(
        s.leader.page,
        `${base}/#/pages/leader/records/index?studioId=${s.studioId}&type=activities`,
      );
      const leaderRow = s.leader.page
        .locator('[data-testid="record-row"]:visible', { hasText: title })
        .first();
      const badge = await text(leaderRow.locator('[data-testid="signoff-badge"]'));
      if (badge.trim() !== '单位已确认') throw new Error(`the leader's row says "${badge}"`);
      if ((await leaderRow.locator('[data-testid="row-edit"]').count()) !== 0)
        throw new Error('a confirmed activity still offers 编辑');
      await shot(s.leader.page, '12c-leader-activities-signed');
    },
  );
}
