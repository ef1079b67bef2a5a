/* global window, document, location, caches, getComputedStyle */
// End-to-end checks of issue 11 items 2, 5, 8 and 14 ("Every screen right for the person holding
// it"), kept apart from e2e.mjs to ease merging: paged lists with a keyword, the unit's and the
// reviewer's filters and deadlines, screens opened offline through the service worker, the H5
// title bar and the disabled button's colour. Each check makes what it needs through the API.

import { apiAs, openApp, signedIn } from './e2e-lib.mjs';

const SEL = (id) => `[data-testid="${id}"]:visible`;

const todayInShanghai = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Scrolls the page to its bottom (Taro's onReachBottom) until `done` or `tries` run out. */
async function scrollToBottom(page, done, tries = 25) {
  for (let i = 0; i < tries; i++) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(700);
    // Scrolled up a little and back: the bottom is reached again (onReachBottom fires on entry).
    await page.mouse.wheel(0, -400);
    if (await done()) return true;
  }
  return false;
}

/** The red, green and blue of a CSS colour as the browser computed it. */
const rgb = (css) => (/rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css) ?? []).slice(1).map(Number);

export async function screensChecks({ base, check, signIn, shot }) {
  const tag = `屏${Date.now() % 100000}`;
  const leaderApi = await apiAs(base, 'leader');
  const studioId = leaderApi.signIn.roles.find((r) => r.role === 'leader')?.studioId;

  // 25 activities today, the demo apprentice added to each (补签): more than one page of 20.
  let made = 0;
  const apprenticeApi = await apiAs(base, 'apprentice');
  const apprenticePersonId = apprenticeApi.signIn.account.personId;
  await check('screens: setup — 25 activities with the apprentice signed in', async () => {
    const today = todayInShanghai();
    for (let i = 0; i < 25; i++) {
      const a = await leaderApi.post(`/studios/${studioId}/activities`, {
        kind: 'training',
        title: `${tag}培训${String(i + 1).padStart(2, '0')}`,
        date: today,
      });
      await leaderApi.post(`/studios/${studioId}/activities/${a.id}/attendance`, {
        personId: apprenticePersonId,
      });
      made++;
    }
  });

  await check(
    "screens: the apprentice's 累计签到 is the server total, and the list loads more on scroll",
    async () => {
      if (made < 25) throw new Error('setup did not finish');
      const total = (await apprenticeApi.get('/me/attendance?pageSize=1')).total;
      if (total < 25) throw new Error(`server total ${total}`);
      const { page, ctx } = await signIn(base, 'apprentice');
      const count = page.locator(SEL('my-attendance-count'));
      await count.waitFor({ timeout: 20000 });
      await page.waitForFunction(
        () =>
          /\d/.test(
            document.querySelector('[data-testid="my-attendance-count"]')?.textContent ?? '',
          ),
        undefined,
        { timeout: 15000 },
      );
      const shown = Number((await count.textContent()).trim());
      if (shown !== total) throw new Error(`累计签到 shows ${shown}, the server has ${total}`);
      const rows = page.locator(SEL('my-attendance-row'));
      if ((await rows.count()) !== 20)
        throw new Error(`first page shows ${await rows.count()} rows`);
      await shot(page, 'screens-01-apprentice-first-page');
      const all = await scrollToBottom(page, async () => (await rows.count()) >= total);
      if (!all) throw new Error(`after scrolling ${await rows.count()} of ${total} rows`);
      const footer = page.locator(SEL('list-footer'));
      if ((await footer.getAttribute('data-state')) !== 'done')
        throw new Error(`footer ${await footer.textContent()}`);
      if (!(await footer.textContent()).includes('已全部加载'))
        throw new Error(`footer says ${await footer.textContent()}`);
      await shot(page, 'screens-02-apprentice-all-loaded');
      await ctx.close();
    },
  );

  await check(
    "screens: the leader's activity list pages (加载更多) and finds one by keyword",
    async () => {
      if (made < 25) throw new Error('setup did not finish');
      const { page, ctx } = await signIn(base, 'leader');
      await page.locator(SEL('leader-home')).waitFor({ timeout: 20000 });
      await openApp(
        page,
        `${base}/#/pages/leader/records/index?studioId=${studioId}&type=activities`,
      );
      const rows = page.locator(`${SEL('records-activities')} [data-testid="record-row"]`);
      await rows.first().waitFor({ timeout: 20000 });
      if ((await rows.count()) !== 20)
        throw new Error(`first page shows ${await rows.count()} rows`);
      const footer = page.locator(SEL('list-footer'));
      if ((await footer.getAttribute('data-state')) !== 'more')
        throw new Error(`footer ${await footer.textContent()}`);
      await footer.click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="record-row"]').length > n,
        20,
        { timeout: 15000 },
      );
      await shot(page, 'screens-03-leader-activities-more');
      await page.locator(SEL('list-search')).locator('input').fill(`${tag}培训07`);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="record-row"]').length === 1,
        undefined,
        { timeout: 15000 },
      );
      const only = await rows.first().textContent();
      if (!only.includes(`${tag}培训07`)) throw new Error(`search found ${only}`);
      await shot(page, 'screens-04-leader-activities-search');
      await ctx.close();
    },
  );

  await check(
    'screens: the reviewer filters studios by status and policy, and searches',
    async () => {
      const { page, ctx } = await signIn(base, 'reviewer');
      const cards = page.locator(SEL('studio-card'));
      await cards.first().waitFor({ timeout: 20000 });
      const before = await cards.count();
      const total = page.locator(SEL('studio-total'));
      if (!(await total.textContent()).includes(String(before)))
        throw new Error(`total ${await total.textContent()} for ${before} cards`);
      // The dashboard is read from progress snapshots and says when they were computed.
      const computed = await page.locator(SEL('studio-computed-at')).textContent();
      if (!/^数据更新于 \d+月\d+日 \d\d:\d\d/.test(computed))
        throw new Error(`computed-at line: ${computed}`);
      // Policy chips carry the document's Chinese name, never the id.
      const policyChips = page.locator(`${SEL('filter-policy')} .chip__text`);
      const names = await policyChips.allTextContents();
      if (names.length < 2 || names.some((n) => /\d{4}/.test(n)))
        throw new Error(`policy chips ${names.join('|')}`);
      await page.locator(SEL('filter-policy')).locator('.chip').nth(1).click();
      await cards.first().waitFor({ timeout: 15000 });
      await page.locator(SEL('filter-status-revoked')).click();
      await page.locator(SEL('empty')).waitFor({ timeout: 15000 });
      if (!(await page.locator(SEL('empty')).textContent()).includes('没有符合条件'))
        throw new Error('filtered empty state does not say so');
      await shot(page, 'screens-05-reviewer-filter-empty');
      await page.locator(SEL('filter-status-active')).click();
      await cards.first().waitFor({ timeout: 15000 });
      const name = (await cards.first().locator('.fs-16').first().textContent()).trim();
      // The field (and so its placeholder) is centred on the 搜索 label, not higher.
      const centre = async (sel) => {
        const b = await page.locator(sel).first().boundingBox();
        return b ? b.y + b.height / 2 : NaN;
      };
      const fieldY = await centre(`${SEL('list-search')} input`);
      const labelY = await centre('.list-search__label:visible');
      if (!(Math.abs(fieldY - labelY) <= 2))
        throw new Error(`search field centre ${fieldY} vs label ${labelY}`);
      await page.locator(SEL('list-search')).locator('input').fill(name.slice(0, 4));
      await page.waitForTimeout(1200);
      for (const t of await cards.locator('.fs-16').allTextContents())
        if (!t.includes(name.slice(0, 4))) throw new Error(`search kept ${t}`);
      // The count shown is the filtered query's total (the server's), not the unfiltered one.
      const reviewerApi = await apiAs(base, 'reviewer');
      const jid = reviewerApi.signIn.roles.find((r) => r.role === 'reviewer').jurisdictionId;
      const all = await reviewerApi.get(`/dashboards/jurisdiction/${jid}?page=1&pageSize=1`);
      const found = await reviewerApi.get(
        `/dashboards/jurisdiction/${jid}?page=1&pageSize=20&status=active` +
          `&policyId=${encodeURIComponent(all.policies[0])}&q=${encodeURIComponent(name.slice(0, 4))}`,
      );
      await page.locator(`${SEL('studio-total')}[data-stale="false"]`).waitFor({ timeout: 15000 });
      const shown = (await total.textContent()).trim();
      if (shown !== `共 ${found.total} 个工作室`)
        throw new Error(`"${shown}" for a search the server counts ${found.total}`);
      if (found.total <= 20 && (await cards.count()) !== found.total)
        throw new Error(`"${shown}" over ${await cards.count()} cards`);
      await shot(page, 'screens-06-reviewer-filtered');
      await ctx.close();
    },
  );

  await check(
    "screens: the unit and the reviewer see each studio's deadlines; a row opens what to do",
    async () => {
      const unit = await signIn(base, 'unit');
      const row = unit.page.locator('[data-testid="deadlines"]:visible [data-testid^="deadline-"]');
      await row.first().waitFor({ timeout: 20000 });
      const box = await row.first().boundingBox();
      if (!box || box.height < 44) throw new Error(`deadline row ${box?.height} px tall`);
      await shot(unit.page, 'screens-07-unit-deadlines');
      await row.first().click();
      await unit.page.waitForFunction(
        () => /unit\/studio|exports\/index/.test(location.hash),
        undefined,
        { timeout: 15000 },
      );
      await shot(unit.page, 'screens-08-unit-deadline-opened');
      await unit.ctx.close();

      const rev = await signIn(base, 'reviewer');
      const rrow = rev.page.locator('[data-testid="deadlines"]:visible [data-testid^="deadline-"]');
      await rrow.first().waitFor({ timeout: 20000 });
      await rrow.first().click();
      await rev.page.waitForFunction(() => location.hash.includes('reviewer/sheet'), undefined, {
        timeout: 15000,
      });
      await rev.ctx.close();
    },
  );

  await check('screens: offline, a screen not yet opened renders, and Back returns', async () => {
    const { page, ctx } = await signIn(base, 'unit');
    await page.locator(SEL('studio-card')).first().waitFor({ timeout: 20000 });
    // The service worker is installed and has precached the build (it controls the page).
    await page.waitForFunction(
      async () => {
        const reg = await navigator.serviceWorker?.ready;
        if (!reg?.active || !navigator.serviceWorker.controller) return false;
        const keys = await caches.keys();
        for (const k of keys) if ((await (await caches.open(k)).keys()).length > 20) return true;
        return false;
      },
      undefined,
      { timeout: 30000, polling: 500 },
    );
    await ctx.setOffline(true);
    await page.locator(SEL('studio-card')).first().click();
    // The unit's studio screen has never been opened in this browser: its chunk is precached.
    await page.locator(SEL('unit-studio')).waitFor({ timeout: 15000 });
    await page
      .locator(`${SEL('unit-studio')} [data-testid="error"]`)
      .first()
      .waitFor({ timeout: 20000 });
    await shot(page, 'screens-09-offline-unopened-page');
    // Back goes home, once.
    await page.goBack();
    await page.locator(SEL('unit-home')).waitFor({ timeout: 15000 });
    if (await page.locator(SEL('unit-studio')).count())
      throw new Error('the studio screen is still showing after Back');
    await ctx.setOffline(false);
    await ctx.close();
  });

  await check('screens: H5 inner pages have a title bar with a back button', async () => {
    const { page, ctx } = await signIn(base, 'leader');
    await page.locator(SEL('leader-home')).waitFor({ timeout: 20000 });
    await page.locator('[data-testid="tile-成果"]').click();
    await page.locator(SEL('records-achievements')).waitFor({ timeout: 20000 });
    const bar = page.locator('.taro-navigation-bar-show');
    await bar.waitFor({ timeout: 10000 });
    const title = await bar.locator('.taro-navigation-bar-title').textContent();
    if (!title?.trim()) throw new Error('title bar has no title');
    const back = bar.locator('.taro-navigation-bar-back');
    await back.waitFor({ timeout: 5000 });
    await shot(page, 'screens-10-title-bar');
    await back.click();
    await page.locator(SEL('leader-home')).waitFor({ timeout: 15000 });
    await ctx.close();
  });

  await check('screens: a disabled button is neutral grey, not red', async () => {
    const { page, ctx } = await signIn(base, 'reviewer');
    await page.locator(SEL('studio-card')).first().click();
    const disabled = page.locator('.nut-button-disabled:visible').first();
    await disabled.waitFor({ timeout: 20000 });
    const [r, g, b] = rgb(await disabled.evaluate((el) => getComputedStyle(el).backgroundColor));
    // Grey: the three channels within a few steps of each other (NutUI's default was pink, #ffadbe).
    if (Math.max(r, g, b) - Math.min(r, g, b) > 24)
      throw new Error(`disabled button is rgb(${r}, ${g}, ${b})`);
    await disabled.scrollIntoViewIfNeeded();
    await shot(page, 'screens-11-disabled-button');
    await ctx.close();
  });

  // Tap targets (issue 11 item 14): NutUI's button heights are theme variables; written in
  // lower-case px they were halved by pxtransform, and every button was 17-24 px tall.
  await check(
    "screens: on each role's main screens every button is at least 44 px tall and no policy id shows",
    async () => {
      const screens = {
        reviewer: ['reviewer/home/index', 'reviewer/sheet/index?studioId=1'],
        leader: [
          'leader/home/index',
          'leader/records/index?type=activities',
          'leader/checkin/index',
        ],
        unit: ['unit/home/index'],
        apprentice: ['apprentice/home/index'],
      };
      const short = [];
      for (const [who, paths] of Object.entries(screens)) {
        const { page, ctx } = await signedIn(base, who);
        for (const path of paths) {
          await openApp(page, `${base}/#/pages/${path}`);
          // Some screens (the homes) have no button at all; give each time to load its data.
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(1500);
          const found = await page.evaluate(() =>
            [...document.querySelectorAll('.nut-button, [data-testid="inbox-bar"]')]
              .filter((e) => e.offsetParent !== null)
              .map((e) => [Math.round(e.getBoundingClientRect().height), e.textContent.trim()])
              .filter(([h]) => h > 0 && h < 44),
          );
          for (const [h, label] of found) short.push(`${path} 「${label}」 ${h}px`);
          // No internal codes (issue 11 item 11): a policy is cited by its Chinese short name.
          const ids = (await page.locator('body').innerText()).match(
            /\b(urumqi|gongshu|yuzhong|shunyi|shaoguan)-\d{4}\b[^\n]{0,12}/g,
          );
          if (ids) short.push(`${path} quotes ${ids.join(', ')}`);
        }
        await ctx.close();
      }
      if (short.length) throw new Error(short.join('; '));
    },
  );

  // The lists that were still answered whole (issue 11 item 2): certificates, invitations, an
  // activity's roster, the new-studio unit picker. Each gets more than one page of 20.
  const apprenticeRole = apprenticeApi.signIn.roles.find((r) => r.role === 'apprentice');
  await check("screens: the apprentice's certificates load a page at a time", async () => {
    const today = todayInShanghai();
    const before = (await apprenticeApi.get('/me/certificates?pageSize=1')).total;
    for (let i = before; i < 23; i++)
      await leaderApi.post(`/studios/${apprenticeRole.studioId}/certificates`, {
        apprenticeId: apprenticeRole.apprenticeId,
        level: 'senior',
        awardedOn: today,
        number: `${tag}证${i}`,
      });
    const total = (await apprenticeApi.get('/me/certificates?pageSize=1')).total;
    if (total < 21) throw new Error(`server has ${total} certificates`);
    const { page, ctx } = await signIn(base, 'apprentice');
    const count = page.locator(SEL('my-certificate-count'));
    await page.waitForFunction(
      () =>
        /\d/.test(
          document.querySelector('[data-testid="my-certificate-count"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 20000 },
    );
    if (Number((await count.textContent()).trim()) !== total)
      throw new Error(`取得证书 shows ${await count.textContent()}, the server has ${total}`);
    await page.getByText('我的证书', { exact: true }).first().click();
    const rows = page.locator(SEL('my-certificate-row'));
    await rows.first().waitFor({ timeout: 15000 });
    if ((await rows.count()) !== 20) throw new Error(`first page shows ${await rows.count()} rows`);
    const footer = page.locator(`${SEL('my-certificates')} [data-testid="list-footer"]`);
    if ((await footer.getAttribute('data-state')) !== 'more')
      throw new Error(`footer ${await footer.textContent()}`);
    await footer.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="my-certificate-row"]').length >= n,
      Math.min(total, 40),
      { timeout: 15000 },
    );
    await shot(page, 'screens-12-apprentice-certificates');
    await ctx.close();
  });

  await check("screens: the leader's pending invitations page, and the code is 30 px", async () => {
    const sid = apprenticeRole.studioId;
    const aid = apprenticeRole.apprenticeId;
    const pending = async () =>
      (await leaderApi.get(`/invitations?studioId=${sid}&pageSize=1`)).total;
    for (let n = await pending(); n < 22; n++)
      await leaderApi.post('/invitations', {
        role: 'apprentice',
        studioId: sid,
        apprenticeId: aid,
      });
    const total = await pending();
    const { page, ctx } = await signIn(base, 'leader');
    await page.locator(SEL('leader-home')).waitFor({ timeout: 20000 });
    await openApp(
      page,
      `${base}/#/pages/leader/invite/index?studioId=${sid}&role=apprentice&id=${aid}&name=${encodeURIComponent('徒弟')}`,
    );
    const rows = page.locator(SEL('pending-invitation'));
    await rows.first().waitFor({ timeout: 20000 });
    if ((await rows.count()) !== 20) throw new Error(`first page shows ${await rows.count()} rows`);
    const footer = page.locator(`${SEL('pending-invitations')} [data-testid="list-footer"]`);
    if ((await footer.getAttribute('data-state')) !== 'more')
      throw new Error(`footer ${await footer.textContent()}`);
    await footer.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="pending-invitation"]').length >= n,
      Math.min(total, 40),
      { timeout: 15000 },
    );
    await page.locator(SEL('invite-create')).click();
    const code = page.locator(SEL('invite-code'));
    await code.waitFor({ timeout: 15000 });
    // The code's size is a class now (InvitePanel.css), the same 30 CSS px as the inline style was.
    const size = await code.evaluate((el) => getComputedStyle(el).fontSize);
    if (size !== '30px') throw new Error(`invite code font-size ${size}`);
    await shot(page, 'screens-13-leader-invite-pending');
    await ctx.close();
  });

  await check("screens: an activity's own screen pages who has not checked in", async () => {
    const sid = studioId;
    const today = todayInShanghai();
    for (let i = 0; i < 22; i++)
      await leaderApi.post(`/studios/${sid}/apprentices`, {
        name: `${tag}徒${String(i + 1).padStart(2, '0')}`,
        joinedOn: today,
      });
    const a = await leaderApi.post(`/studios/${sid}/activities`, {
      kind: 'training',
      title: `${tag}补签分页`,
      date: today,
    });
    const missing = await leaderApi.get(`/studios/${sid}/activities/${a.id}/roster/missing`);
    if (missing.total <= 20) throw new Error(`only ${missing.total} missing`);
    const { page, ctx } = await signIn(base, 'leader');
    await page.locator(SEL('leader-home')).waitFor({ timeout: 20000 });
    await openApp(
      page,
      `${base}/#/pages/leader/record-edit/index?studioId=${sid}&type=activities&id=${a.id}`,
    );
    const rows = page.locator(`${SEL('activity-roster')} [data-testid="missing-row"]`);
    await rows.first().waitFor({ timeout: 20000 });
    if ((await rows.count()) !== 20) throw new Error(`first page shows ${await rows.count()} rows`);
    const count = await page.locator(SEL('missing-count')).textContent();
    if (!count.includes(`未签到 ${missing.total} 人`)) throw new Error(`missing count ${count}`);
    await page.evaluate(() =>
      document.querySelector('[data-testid="activity-roster"]').scrollIntoView({ block: 'start' }),
    );
    await shot(page, 'screens-14-activity-missing-first-page');
    const footer = page.locator(`${SEL('activity-roster')} [data-testid="list-footer"]`);
    if ((await footer.getAttribute('data-state')) !== 'more')
      throw new Error(`footer ${await footer.textContent()}`);
    await footer.click();
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('[data-testid="activity-roster"] [data-testid="missing-row"]')
          .length >= n,
      Math.min(missing.total, 40),
      { timeout: 15000 },
    );
    await ctx.close();
  });

  await check(
    'screens: the live check-in screen pages who checked in and who has not',
    async () => {
      const sid = studioId;
      const today = todayInShanghai();
      const a = await leaderApi.post(`/studios/${sid}/activities`, {
        kind: 'training',
        title: `${tag}现场签到分页`,
        date: today,
      });
      const base0 = `/studios/${sid}/activities/${a.id}`;
      const roster = await leaderApi.get(`${base0}/roster/missing?pageSize=100`);
      if (roster.total < 23) throw new Error(`roster of ${roster.total}`);
      // 21 checked in (more than a page of 20), the rest not.
      for (const r of roster.items.slice(0, 21))
        await leaderApi.post(`${base0}/attendance`, { personId: r.personId });
      const missingTotal = roster.total - 21;
      const { page, ctx } = await signIn(base, 'leader');
      await page.locator(SEL('leader-home')).waitFor({ timeout: 20000 });
      await openApp(
        page,
        `${base}/#/pages/leader/checkin/index?studioId=${sid}&activityId=${a.id}&title=x`,
      );
      await page.locator(SEL('attendance-count')).filter({ hasText: '21 人' }).waitFor({
        timeout: 20000,
      });
      const attended = page.locator(`${SEL('attendance-list')} .list-item`);
      if ((await attended.count()) !== 20)
        throw new Error(`first page of the checked in shows ${await attended.count()} rows`);
      const missingRows = page.locator(`${SEL('missing-list')} [data-testid="missing-row"]`);
      if ((await missingRows.count()) !== Math.min(missingTotal, 20))
        throw new Error(`missing rows ${await missingRows.count()} of ${missingTotal}`);
      const mc = await page.locator(SEL('missing-count')).textContent();
      if (!mc.includes(`未签到 ${missingTotal} 人`)) throw new Error(`missing count ${mc}`);
      await shot(page, 'screens-14b-live-checkin-first-pages');
      // Scrolling to the bottom loads the checked in's next page.
      const more = await scrollToBottom(page, async () => (await attended.count()) === 21);
      if (!more) throw new Error(`after scrolling ${await attended.count()} checked-in rows`);
      // Live: a check-in made elsewhere shows within a few polls.
      await leaderApi.post(`${base0}/attendance`, { personId: roster.items[21].personId });
      await page.locator(SEL('attendance-count')).filter({ hasText: '22 人' }).waitFor({
        timeout: 15000,
      });
      await page
        .locator(SEL('missing-count'))
        .filter({ hasText: `未签到 ${missingTotal - 1} 人` })
        .waitFor({ timeout: 15000 });
      await shot(page, 'screens-14c-live-checkin-more');
      await ctx.close();
    },
  );

  await check('screens: the new-studio unit picker pages and searches the units', async () => {
    const reviewerApi = await apiAs(base, 'reviewer');
    const jid = reviewerApi.signIn.roles.find((r) => r.role === 'reviewer').jurisdictionId;
    const units = async (q = '') =>
      (
        await reviewerApi.get(
          `/units?jurisdictionId=${jid}&pageSize=1${q ? `&q=${encodeURIComponent(q)}` : ''}`,
        )
      ).total;
    for (let n = await units(); n < 23; n++)
      await reviewerApi.post('/units', { jurisdictionId: jid, name: `${tag}单位${n}` });
    const rev = await signIn(base, 'reviewer');
    const page = rev.page;
    await page.locator(SEL('reviewer-new-studio')).click();
    await page.locator(SEL('ns-unit')).click();
    const options = page.locator(SEL('unit-option'));
    await options.first().waitFor({ timeout: 20000 });
    if ((await options.count()) !== 20)
      throw new Error(`first page shows ${await options.count()} units`);
    const footer = page.locator(`${SEL('unit-picker')} [data-testid="list-footer"]`);
    if ((await footer.getAttribute('data-state')) !== 'more')
      throw new Error(`footer ${await footer.textContent()}`);
    await shot(page, 'screens-15-unit-picker');
    const name = `${tag}单位21`;
    if ((await units(name)) < 1) throw new Error(`no unit named ${name}`);
    await page.locator(`${SEL('unit-picker')} [data-testid="list-search"] input`).fill(name);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="unit-option"]').length === 1,
      undefined,
      { timeout: 15000 },
    );
    await options.first().click();
    await page.locator(SEL('unit-picker')).waitFor({ state: 'detached', timeout: 10000 });
    const shown = await page.locator(SEL('ns-unit')).textContent();
    if (!shown.includes(name)) throw new Error(`the unit row shows ${shown}`);
    await shot(page, 'screens-16-unit-picked');
    await rev.ctx.close();
  });

  await check(
    "screens: the sheet's title is whole at 375 px and its grade note names the policy in Chinese",
    async () => {
      const { page, ctx } = await signIn(base, 'reviewer');
      // The issue's phone width (the other checks use 390 px).
      await page.setViewportSize({ width: 375, height: 812 });
      await page.locator(SEL('studio-card')).first().click();
      await page.locator(SEL('assessment-sheet')).waitFor({ timeout: 20000 });
      const title = page.locator('.taro-navigation-bar-show .taro-navigation-bar-title');
      await title.waitFor({ timeout: 10000 });
      const t = await title.evaluate((el) => ({
        text: el.textContent,
        cut: el.scrollWidth > el.clientWidth,
        width: window.innerWidth,
      }));
      if (t.text !== '考核评分表' || t.cut)
        throw new Error(`title ${JSON.stringify(t)} is cut at ${t.width} px`);
      const note = page.locator(SEL('grade-note'));
      await note.waitFor({ timeout: 20000 });
      const text = await note.textContent();
      if (/[a-z]+-\d{4}/.test(text)) throw new Error(`grade note cites an id: ${text}`);
      if (!/(办法|通知|方案)/.test(text)) throw new Error(`grade note names no policy: ${text}`);
      await shot(page, 'screens-17-sheet-title-note');
      await ctx.close();
    },
  );
}
