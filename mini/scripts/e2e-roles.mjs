// End-to-end checks of role removal (issue 10 item 1, the app's side), kept apart from e2e.mjs to
// ease merging. The people whose roles are removed get them first through an invitation redeemed
// over the API by demo accounts no other check uses (reviewer3, reviewer5), so removing them
// leaves every demo account as the seed made it.

import { apiAs, openApp } from './e2e-lib.mjs';

const visible = (page, testId) => page.locator(`[data-testid="${testId}"]:visible`).first();
/** The words as shown (innerText), each run of white space as one space. */
const shown = async (loc) => (await loc.innerText()).replace(/\s+/g, ' ');

/** The row naming `name` in the list `listTestId`, its confirm dialog, confirm; the row goes. */
async function removeVia(page, listTestId, name, role, shot, prefix) {
  const row = page
    .locator(`[data-testid="${listTestId}"] [data-testid="role-row"]`)
    .filter({ hasText: name });
  await row.first().waitFor({ timeout: 20000 });
  const button = row.first().locator('[data-testid="role-remove"]');
  const box = await button.boundingBox();
  if (!box || box.height < 44) throw new Error(`remove button is ${box?.height} px tall`);
  await shot(page, `${prefix}-list`);
  await button.click();
  const modal = page.locator('.taro-modal__content:visible');
  await modal.waitFor({ timeout: 10000 });
  const says = await shown(modal);
  if (!says.includes(name) || !says.includes(role))
    throw new Error(`the confirm dialog does not name ${name} and ${role}: ${says}`);
  await shot(page, `${prefix}-confirm`);
  await modal.locator('.taro-model__confirm').click();
  await page.getByText(`已移除${name}`).first().waitFor({ timeout: 15000 });
  await row.first().waitFor({ state: 'detached', timeout: 15000 });
  await shot(page, `${prefix}-removed`);
}

export async function rolesChecks({ base, check, signIn, shot }) {
  await check(
    "roles: a reviewer removes a unit contact; the contact's open page turns to a refused state in Chinese",
    async () => {
      const reviewer = await apiAs(base, 'reviewer');
      const studio = (await reviewer.call('GET', '/studios?pageSize=1')).items[0];
      const { code } = await reviewer.call('POST', '/invitations', {
        role: 'unit_contact',
        unitId: studio.unit.id,
      });
      const contact = await apiAs(base, 'reviewer3');
      await contact.call('POST', '/auth/redeem', { code });
      const contactName = contact.account.name;

      // The contact opens the unit's dashboard as its new unit-contact role.
      const c = await signIn(base, 'reviewer3');
      await c.page.waitForURL((u) => !u.href.includes('auth/login'), { timeout: 20000 });
      await visible(c.page, 'switch-role').click();
      await visible(c.page, 'role-unit_contact')
        .click()
        .catch(async (e) => {
          await shot(c.page, 'FAILED-roles-contact-roles');
          throw e;
        });
      await visible(c.page, 'studio-card').waitFor({ timeout: 20000 });
      await shot(c.page, '40-roles-contact-before');

      // The reviewer removes it from the studio's people screen (via the assessment sheet).
      const r = await signIn(base, 'reviewer');
      await r.page.waitForURL((u) => !u.href.includes('auth/login'), { timeout: 20000 });
      // A hash change alone does not route the H5 app: load the page's address afresh.
      await openApp(r.page, `${base}/#/pages/reviewer/sheet/index?studioId=${studio.id}`);
      await r.page.reload();
      await visible(r.page, 'open-roles').click();
      await visible(r.page, 'reviewer-roles').waitFor({ timeout: 15000 });
      await removeVia(r.page, 'unit-roles', contactName, '单位联系人', shot, '41-roles-reviewer');

      // The contact's open page: its next request is refused, and the page says why.
      await visible(c.page, 'studio-card').click();
      const refused = visible(c.page, 'access-lost');
      await refused.waitFor({ timeout: 20000 });
      const says = await shown(refused);
      if (!says.includes('单位联系人') || !says.includes('已被移除'))
        throw new Error(`refused state says: ${says}`);
      const signAgain = visible(c.page, 'access-lost-signin');
      if (((await signAgain.boundingBox())?.height ?? 0) < 44)
        throw new Error('the sign-in button is under 44 px');
      await shot(c.page, '42-roles-contact-refused');
      // A reload of the dashboard says the same, and the role switcher lists what is left.
      await openApp(c.page, `${base}/#/pages/unit/home/index?unitId=${studio.unit.id}`);
      await c.page.reload();
      await visible(c.page, 'access-lost').waitFor({ timeout: 20000 });
      await visible(c.page, 'access-lost-switch').click();
      await visible(c.page, 'role-reviewer').waitFor({ timeout: 15000 });
      if (await c.page.locator('[data-testid="role-unit_contact"]:visible').count())
        throw new Error('the removed role is still offered');
      await shot(c.page, '43-roles-contact-switch');
      await c.ctx.close();
      await r.ctx.close();
    },
  );

  await check("roles: a leader removes a team member's access from 成员权限", async () => {
    const leader = await apiAs(base, 'leader');
    const me = await leader.call('GET', '/me');
    const studioId = me.roles.find((g) => g.role === 'leader').studioId;
    const member = await leader.call('POST', `/studios/${studioId}/members`, {
      name: '权限测试成员',
      skillLevel: 'technician',
      fullTime: false,
    });
    const { code } = await leader.call('POST', '/invitations', {
      role: 'member',
      studioId,
      memberId: member.id,
    });
    const joiner = await apiAs(base, 'reviewer5');
    await joiner.call('POST', '/auth/redeem', { code });
    const grants = (await leader.call('GET', `/studios/${studioId}/roles`)).items;
    const grant = grants.find((g) => g.accountId === joiner.account.id);
    if (!grant) throw new Error('the new member is not listed');

    const l = await signIn(base, 'leader');
    await visible(l.page, 'tile-成员权限').click();
    await visible(l.page, 'leader-team-roles').waitFor({ timeout: 15000 });
    await removeVia(l.page, 'team-roles', grant.accountName, '团队成员', shot, '44-roles-leader');
    // The removed member's next request is refused.
    const refused = await joiner
      .call('GET', `/studios/${studioId}/members`)
      .then(() => null)
      .catch((e) => e);
    if (!refused || !/: (403|404) /.test(refused.message))
      throw new Error(`the removed member's next request: ${refused?.message ?? 'answered 200'}`);
    // Leave the demo studio's team as the seed made it for the checks that follow.
    await leader.call('DELETE', `/studios/${studioId}/members/${member.id}`);
    await l.ctx.close();
  });
}
