// End-to-end: the reviewer's assessment sheet, and onboarding a new studio's leader by invitation.
// `s` is the run's shared state (e2e.mjs): base, the signed-in sessions (unit, leader, app),
// studioId, studioName, the unit's count before (before), the activity title and its code.
import { apiAs, check, signIn, shot, assertTall } from './e2e-lib.mjs';

/** Opens an assessment sheet; creates a studio, invites its leader, who redeems the code. */
export async function reviewerChecks(s) {
  const { base } = s;
  await check('reviewer opens an assessment sheet', async () => {
    const rev = await signIn(base, 'reviewer');
    await rev.page
      .locator('[data-testid="reviewer-home"] [data-testid="studio-card"]')
      .first()
      .waitFor({ timeout: 20000 });
    await shot(rev.page, '13-reviewer-home');
    await rev.page.locator('[data-testid="studio-card"]:visible').first().click();
    await rev.page.locator('[data-testid="sheet-total"]:visible').waitFor({ timeout: 15000 });
    await shot(rev.page, '14-reviewer-sheet');
    await assertTall(
      rev.page.locator('.nut-button:visible', { hasText: '保存评分' }).first(),
      '保存评分',
    );
    await rev.ctx.close();
  });

  await check(
    'onboarding: reviewer creates a studio and invites its leader; newcomer redeems and lands on the leader home',
    async () => {
      const rev = await signIn(base, 'reviewer');
      await rev.page.locator('[data-testid="reviewer-new-studio"]:visible').click();
      await rev.page.locator('[data-testid="ns-submit"]:visible').click();
      await rev.page
        .locator('[data-testid="new-studio"] .field-error')
        .first()
        .waitFor({ timeout: 10000 });
      await shot(rev.page, '16-reviewer-new-studio-errors');
      // The form's pickers are native widgets; the studio itself is created through the same API.
      const api = await apiAs(base, 'reviewer');
      const units = await api.get(`/units?jurisdictionId=${api.signIn.roles[0].jurisdictionId}`);
      const studio = await api.post('/studios', {
        unitId: units.items[0].id,
        name: '周志强钳工技能大师工作室',
        trade: '钳工',
        recognizedOn: '2025-06-01',
        leader: {
          name: '周志强',
          birthDate: '1976-04-12',
          retirementCategory: 'male',
          skillLevel: 'senior_technician',
          fullTime: true,
        },
      });
      const { code } = await api.post('/invitations', { role: 'leader', studioId: studio.id });
      await rev.ctx.close();

      const fresh = await signIn(base, 'newcomer');
      await fresh.page
        .locator('[data-testid="join-code"]:visible input, input[data-testid="join-code"]:visible')
        .first()
        .waitFor({ timeout: 15000 });
      await shot(fresh.page, '17-join');
      await fresh.page
        .locator('[data-testid="join-code"]:visible input, input[data-testid="join-code"]:visible')
        .first()
        .fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
      await fresh.page.locator('[data-testid="join-submit"]:visible').click();
      await fresh.page.locator('[data-testid="leader-home"]').first().waitFor({ timeout: 20000 });
      await fresh.page.getByText('周志强钳工技能大师工作室').first().waitFor({ timeout: 15000 });
      await shot(fresh.page, '18-newcomer-leader-home');
      await fresh.ctx.close();
    },
  );
}
