// End-to-end: the leader edits and deletes records (the preview and home follow the edit).
// `s` is the run's shared state (e2e.mjs): base, the signed-in sessions (unit, leader, app),
// studioId, studioName, the unit's count before (before), the activity title and its code.
import { apiAs, check, num, openApp, shot, text } from './e2e-lib.mjs';

/** Edits an apprentice's 离开日期 (preview and home drop by one); deletes a new achievement. */
export async function leaderRecordChecks(s) {
  const { base } = s;
  // Edit: the leader records that an apprentice with a counted certificate left before it.
  // The preview on the form must show high_skill_talents dropping, and so must the home screen.
  await check(
    'leader edits an apprentice (离开日期 before the certificate): preview and home target drop by one',
    async () => {
      const { get } = await apiAs(base, 'leader');
      const progress = await get(`/studios/${s.studioId}/progress`);
      const talents = progress.targets.find((t) => t.id === 'high_skill_talents');
      if (!talents || !(talents.actual > 0))
        throw new Error(`high_skill_talents: ${JSON.stringify(talents)?.slice(0, 200)}`);
      const apprentices = (await get(`/studios/${s.studioId}/apprentices?pageSize=100`)).items;
      const certs = (await get(`/studios/${s.studioId}/certificates?pageSize=100`)).items;
      const demoApprentice = Math.min(...apprentices.map((a) => a.id)); // the seed's first one signs in as 徒弟
      const dayBefore = (d) =>
        new Date(Date.parse(`${d}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
      // A counted certificate (senior and up, in the period, not in the future) of an apprentice still on the roster, not the demo apprentice.
      const rank = { senior: 3, technician: 4, senior_technician: 5 };
      const pick = certs
        .filter((c) => rank[c.level] && c.awardedOn <= new Date().toISOString().slice(0, 10))
        .map((c) => ({ c, a: apprentices.find((a) => a.id === c.apprenticeId) }))
        .filter(({ a, c }) => a && !a.leftOn && a.joinedOn < c.awardedOn && a.id !== demoApprentice)
        .at(-1);
      if (!pick) throw new Error('no apprentice with a counted certificate to edit');
      const leftOn = dayBefore(pick.c.awardedOn);

      await openApp(s.leader.page, `${base}/#/pages/leader/home/index?studioId=${s.studioId}`);
      const homeValue = s.leader.page.locator(
        '[data-testid="target-high_skill_talents-value"]:visible',
      );
      const homeBefore = num(await text(homeValue));

      await openApp(
        s.leader.page,
        `${base}/#/pages/leader/records/index?studioId=${s.studioId}&type=apprentices`,
      );
      const row = s.leader.page.locator('[data-testid="record-row"]:visible', {
        hasText: pick.a.name,
      });
      await row.locator('[data-testid="row-edit"]').click();
      await s.leader.page
        .locator('[data-testid="record-edit"]:visible [data-testid="field-leftOn"]')
        .waitFor({ timeout: 15000 });
      if (
        !(await text(s.leader.page.locator('[data-testid="field-joinedOn"]:visible'))).includes(
          pick.a.joinedOn,
        )
      )
        throw new Error('the form is not prefilled with the apprentice');
      await s.leader.page
        .locator('[data-testid="preview-unchanged"]:visible')
        .waitFor({ timeout: 15000 });
      await shot(s.leader.page, '20-leader-edit-apprentice');
      // The date picker is a native wheel; the link presets the field as reminders do (?leftOn=…).
      await openApp(s.leader.page, `${s.leader.page.url()}&leftOn=${leftOn}`);
      const change = s.leader.page.locator(
        '[data-testid="record-edit"]:visible [data-testid="preview-high_skill_talents"]',
      );
      await change.waitFor({ timeout: 15000 });
      const shown = await text(change);
      const [from, to] = shown.split('→').map(num);
      if (!(from === talents.actual && to === talents.actual - 1))
        throw new Error(
          `preview shows "${shown}", expected ${talents.actual} → ${talents.actual - 1}`,
        );
      await shot(s.leader.page, '21-leader-edit-apprentice-preview');
      await s.leader.page.locator('[data-testid="save-record"]:visible').click();
      await s.leader.page
        .getByText('已保存')
        .first()
        .waitFor({ timeout: 15000 })
        .catch(async (e) => {
          await shot(s.leader.page, 'FAILED-leader-edit-save');
          throw e;
        });
      await s.leader.page.waitForTimeout(1500);
      const saved = (await get(`/studios/${s.studioId}/apprentices?pageSize=100`)).items.find(
        (a) => a.id === pick.a.id,
      );
      if (saved.leftOn !== leftOn || saved.joinedOn !== pick.a.joinedOn)
        throw new Error(`saved ${JSON.stringify(saved)}`);
      await openApp(
        s.leader.page,
        `${base}/#/pages/leader/records/index?studioId=${s.studioId}&type=apprentices`,
      );
      await s.leader.page
        .locator('[data-testid="record-row"]:visible', { hasText: pick.a.name })
        .getByText('已出师')
        .waitFor({ timeout: 15000 });
      await openApp(s.leader.page, `${base}/#/pages/leader/home/index?studioId=${s.studioId}`);
      await s.leader.page
        .locator('[data-testid="targets"] .target')
        .first()
        .waitFor({ timeout: 15000 });
      const homeAfter = num(await text(homeValue));
      if (!(homeAfter === homeBefore - 1))
        throw new Error(`home high_skill_talents ${homeBefore} → ${homeAfter}, expected -1`);
      await shot(s.leader.page, '22-leader-home-after-edit');
    },
  );

  await check(
    'leader deletes a record it just created (confirm names it; gone from the list)',
    async () => {
      const title = `E2E 待删除成果 ${Date.now().toString(36)}`;
      await openApp(
        s.leader.page,
        `${base}/#/pages/leader/record-edit/index?studioId=${s.studioId}&type=achievements`,
      );
      await s.leader.page.locator('[data-testid="preview"]:visible').waitFor({ timeout: 15000 });
      const input = s.leader.page.locator('[data-testid="field-title"]:visible input');
      for (let i = 0; i < 3 && (await input.inputValue()) !== title; i++) {
        await input.fill(title);
        await s.leader.page.waitForTimeout(300);
      }
      await s.leader.page.locator('[data-testid="save-record"]:visible').click();
      await s.leader.page.getByText('已保存').first().waitFor({ timeout: 15000 });
      await s.leader.page.waitForTimeout(1500);
      await openApp(
        s.leader.page,
        `${base}/#/pages/leader/records/index?studioId=${s.studioId}&type=achievements`,
      );
      const row = s.leader.page.locator('[data-testid="record-row"]:visible', { hasText: title });
      await row.waitFor({ timeout: 15000 }).catch(async (e) => {
        await shot(s.leader.page, 'FAILED-leader-achievements');
        throw e;
      });
      await shot(s.leader.page, '23-leader-achievements-actions');
      await row.locator('[data-testid="row-delete"]').click();
      const modal = s.leader.page.locator('.taro-modal__content:visible');
      await modal.waitFor({ timeout: 10000 }).catch(async (e) => {
        await shot(s.leader.page, 'FAILED-leader-delete-confirm');
        throw e;
      });
      if (!(await text(modal)).includes(title))
        throw new Error(`confirm does not name the record: ${await text(modal)}`);
      await shot(s.leader.page, '24-leader-delete-confirm');
      await modal.locator('.taro-model__confirm').click();
      await s.leader.page.getByText('已删除').first().waitFor({ timeout: 15000 });
      await row.waitFor({ state: 'detached', timeout: 15000 });
      await shot(s.leader.page, '25-leader-after-delete');
    },
  );
}
