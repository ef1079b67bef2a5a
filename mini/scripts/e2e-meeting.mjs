// End-to-end checks of issue 11 items 6, 7, 9 and 10 (the reviewer's meeting form, the studio's
// own facts, who has not checked in on an activity's own screen, the preview of the score),
// kept apart from e2e.mjs to ease merging. Each check makes what it needs through the API
// (fresh studios for anything it finalizes) and depends on no other check.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './benchmarks.mjs';
import { apiAs, openApp, signedIn, text } from './e2e-lib.mjs';

const rulesRequire = createRequire(join(REPO, 'mini', 'package.json'));
const { evaluate, score } = rulesRequire('@master-studio/shared-rules');

const todayShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A fresh studio in the reviewer's jurisdiction (nothing else uses it, so it may be finalized). */
async function freshStudio(api, label) {
  const unitId = (await api.get('/studios?page=1&pageSize=1')).items[0].unit.id;
  return api.post('/studios', {
    unitId,
    name: `${label}焊工技能大师工作室`,
    trade: '焊工',
    recognizedOn: '2025-03-01',
    leader: {
      name: label,
      birthDate: '1975-06-01',
      retirementCategory: 'male',
      skillLevel: 'senior_technician',
      fullTime: true,
    },
  });
}

async function confirmModal(page, expectText) {
  const modal = page.locator('.taro-modal__content:visible');
  await modal.waitFor({ timeout: 10000 });
  if (expectText && !(await text(modal)).includes(expectText))
    throw new Error(`modal says: ${await text(modal)}`);
  return modal;
}

export async function meetingChecks({ base, check, shot }) {
  await check(
    'meeting: a judged score above the maximum says why at the field and cannot be saved',
    async () => {
      const api = await apiAs(base, 'reviewer');
      const studio = await freshStudio(api, '满分');
      const { page, ctx } = await signedIn(base, 'reviewer');
      await openApp(page, `${base}/#/pages/reviewer/sheet/index?studioId=${studio.id}`);
      const box = page
        .locator('[data-testid^="judge-"]:not([data-testid^="judge-error"]):visible')
        .first();
      await box.waitFor({ timeout: 20000 });
      const id = ((await box.getAttribute('data-testid')) ?? '').slice('judge-'.length);
      const input =
        (await box.evaluate((el) => el.tagName)) === 'INPUT' ? box : box.locator('input').first();
      await input.fill('999');
      const why = page.locator(`[data-testid="judge-error-${id}"]:visible`);
      const said = await text(why);
      if (!/满分 \d+ 分，得分不能超过/.test(said)) throw new Error(`said "${said}"`);
      await shot(page, 'meeting-judge-over-max');
      await ctx.close();
    },
  );
  const today = todayShanghai();

  // Item 6: an override of an automatic item with a required reason, shown on the sheet.
  let gongshu = null;
  await check(
    'meeting: reviewer overrides 拱墅 G3 (0/10) with a required reason, shown on the sheet',
    async () => {
      const api = await apiAs(base, 'reviewer2');
      gongshu = await freshStudio(api, '钱晓');
      const rev = await signedIn(base, 'reviewer2');
      const page = rev.page;
      await openApp(page, `${base}/#/pages/reviewer/sheet/index?studioId=${gongshu.id}`);
      const g3 = page.locator('[data-testid="item-G3"]:visible');
      await g3.waitFor({ timeout: 20000 });
      await page.locator('[data-testid="override-open-G3"]:visible').click();
      // The <input> inside Taro's taro-input-core, waited for: the union with the wrapper once
      // resolved to the wrapper before the component had drawn its input (CI, under load).
      await page.locator('[data-testid="override-score-G3"]:visible input').fill('10');
      await page.locator('[data-testid="override-save-G3"]:visible').click();
      // No reason: marked at the field, nothing saved.
      await page
        .locator('[data-testid="override-reason-error-G3"]:visible')
        .waitFor({ timeout: 10000 });
      await shot(page, '40-meeting-override-needs-reason');
      const reason = '现场查看：工作室有经费台账和经费管理办法';
      await page
        .locator(
          '[data-testid="override-reason-G3"]:visible textarea, textarea[data-testid="override-reason-G3"]:visible',
        )
        .first()
        .fill(reason);
      await page.locator('[data-testid="override-save-G3"]:visible').click();
      const note = page.locator('[data-testid="override-note-G3"]:visible');
      await note.waitFor({ timeout: 15000 });
      const t = await text(note);
      if (!t.includes(reason) || !t.includes('0 分 → 10 分'))
        throw new Error(`override note: ${t}`);
      if (!(await text(g3)).includes('评审改分')) throw new Error('G3 not marked 评审改分');
      await shot(page, '41-meeting-override-shown');
      const sheet = await api.get(`/studios/${gongshu.id}/assessment?asOf=${today}`);
      const item = sheet.items.find((i) => i.id === 'G3');
      if (item.score !== 10 || item.basis !== 'override') throw new Error(JSON.stringify(item));
      await rev.ctx.close();
    },
  );

  // Item 6: 评审意见 with the reviewer's name and date; 定稿 with confirmation.
  await check(
    'meeting: 评审意见 keeps the reviewer and date, and 定稿 asks first then locks the sheet',
    async () => {
      const api = await apiAs(base, 'reviewer2');
      const studio = gongshu ?? (await freshStudio(api, '孙立'));
      const rev = await signedIn(base, 'reviewer2');
      const page = rev.page;
      await openApp(page, `${base}/#/pages/reviewer/sheet/index?studioId=${studio.id}`);
      await page.locator('[data-testid="review-panel"]:visible').waitFor({ timeout: 20000 });
      const comment = '经费台账齐全，带徒成效明显。';
      await page
        .locator(
          '[data-testid="review-comment"]:visible textarea, textarea[data-testid="review-comment"]:visible',
        )
        .first()
        .fill(comment);
      await page.locator('[data-testid="save-comment"]:visible').click();
      const by = page.locator('[data-testid="review-comment-by"]:visible');
      await by.filter({ hasText: '沈立' }).waitFor({ timeout: 15000 });
      const y = Number(today.slice(0, 4));
      const m = Number(today.slice(5, 7));
      const d = Number(today.slice(8, 10));
      if (!(await text(by)).includes(`${y}年${m}月${d}日`))
        throw new Error(`by: ${await text(by)}`);
      await page.locator('[data-testid="finalize"]:visible').click();
      let modal = await confirmModal(page, '定稿');
      await shot(page, '42-meeting-finalize-confirm');
      // 再看看: nothing is finalized.
      await modal.locator('.taro-model__cancel').click();
      await page.waitForTimeout(500);
      if ((await api.get(`/studios/${studio.id}/periods`)).items.length)
        throw new Error('finalized without confirmation');
      await page.locator('[data-testid="finalize"]:visible').click();
      modal = await confirmModal(page, '定稿');
      await modal.locator('.taro-model__confirm').click();
      await page.locator('[data-testid="finalized"]:visible').waitFor({ timeout: 15000 });
      if (await page.locator('[data-testid="override-open-G3"]:visible').count())
        throw new Error('the finalized sheet still offers 改分');
      await shot(page, '43-meeting-finalized');
      const periods = await api.get(`/studios/${studio.id}/periods`);
      if (periods.items.length !== 1) throw new Error(`periods: ${periods.items.length}`);
      await rev.ctx.close();
    },
  );

  // Item 6: evidence as named, tappable records.
  await check('meeting: evidence is named records that open, not 相关记录 1、5、13', async () => {
    const api = await apiAs(base, 'reviewer2');
    const studios = (await api.get('/studios?page=1&pageSize=50')).items;
    let found = null;
    for (const s of studios) {
      const review = await api.get(`/studios/${s.id}/review?asOf=${today}`);
      const e = review.evidence.find((x) => x.records.some((r) => r.kind === 'activity'));
      if (e) {
        found = { studio: s, item: e.itemId, record: e.records.find((r) => r.kind === 'activity') };
        break;
      }
    }
    if (!found) throw new Error('no 拱墅 studio with activity evidence in the demo data');
    const rev = await signedIn(base, 'reviewer2');
    const page = rev.page;
    await openApp(page, `${base}/#/pages/reviewer/sheet/index?studioId=${found.studio.id}`);
    const row = page.locator(`[data-testid="evidence-record-activity-${found.record.id}"]:visible`);
    await row.first().waitFor({ timeout: 20000 });
    const shown = await text(row.first());
    if (!shown.includes(found.record.title)) throw new Error(`row shows ${shown}`);
    const explanation = await text(
      page.locator(`[data-testid="explanation-${found.item}"]:visible`),
    );
    if (/相关记录 \d|记录（\d/.test(explanation))
      throw new Error(`explanation quotes ids: ${explanation}`);
    await row.first().scrollIntoViewIfNeeded();
    await shot(page, '44-meeting-evidence');
    await row.first().click();
    const modal = await confirmModal(page, found.record.title);
    await shot(page, '45-meeting-evidence-open');
    await modal.locator('.taro-model__confirm').click();
    await rev.ctx.close();
  });

  // Item 6: while judged items are pending, the possible range, not a definite 不合格.
  await check(
    'meeting: with judged items pending the sheet shows the grade range (不合格–合格), not 不合格',
    async () => {
      const api = await apiAs(base, 'reviewer');
      const studio = await freshStudio(api, '周强');
      const sheet = await api.get(`/studios/${studio.id}/assessment?asOf=${today}`);
      // The computed items at half marks (overrides): the pending items decide between 不合格 and 合格.
      for (const it of sheet.items.filter((i) => i.basis !== 'pending'))
        await api.put(`/studios/${studio.id}/overrides/${it.id}`, {
          score: it.max / 2,
          reason: '核实',
        });
      const after = await api.get(`/studios/${studio.id}/assessment?asOf=${today}`);
      if (after.grade !== null || !after.gradeRange)
        throw new Error(`grade ${after.grade}, total ${after.total}`);
      const rev = await signedIn(base, 'reviewer');
      const page = rev.page;
      await openApp(page, `${base}/#/pages/reviewer/sheet/index?studioId=${studio.id}`);
      const range = page.locator('[data-testid="grade-range"]:visible');
      await range.waitFor({ timeout: 20000 }).catch(async (e) => {
        await shot(page, 'FAILED-meeting-grade-range');
        // What the sheet showed instead, so a failure in CI says more than a timeout.
        const shown = await page
          .locator('[data-testid="assessment-sheet"]:visible')
          .first()
          .innerText({ timeout: 2000 })
          .catch(() => '(no sheet on screen)');
        throw new Error(
          `${e.message.split('\n')[0]}; url ${page.url()}; sheet: ${shown.replace(/\s+/g, ' ').slice(0, 400)}`,
        );
      });
      const t = await text(range);
      if (t !== '不合格–合格') throw new Error(`range pill: ${t}`);
      if (await page.locator('[data-testid="sheet-grade"]:visible').count())
        throw new Error('a definite grade is shown');
      await shot(page, '46-meeting-grade-range');
      await rev.ctx.close();
    },
  );

  // Item 9: the roster minus those checked in, on the activity's own screen, with 补签.
  await check(
    "meeting: an activity's own screen lists who has not checked in and takes a 补签",
    async () => {
      const who = 'leader';
      const api = await apiAs(base, who);
      const sid = (await api.get('/me')).roles.find((r) => r.role === 'leader').studioId;
      const activity = await api.post(`/studios/${sid}/activities`, {
        kind: 'training',
        title: '纸质签到补录演练',
        date: today,
      });
      const before = await api.get(`/studios/${sid}/activities/${activity.id}/roster`);
      if (!before.total) throw new Error('no apprentices on the roster');
      const leader = await signedIn(base, who);
      const page = leader.page;
      await openApp(
        page,
        `${base}/#/pages/leader/record-edit/index?studioId=${sid}&type=activities&id=${activity.id}`,
      );
      const missing = page.locator(
        '[data-testid="activity-roster"]:visible [data-testid="missing-row"]',
      );
      await missing.first().waitFor({ timeout: 20000 });
      // The list is paged 20 at a time (issue 11 item 2); its count is the whole roster's.
      const absent = before.total - before.checkedIn;
      if ((await missing.count()) !== Math.min(20, absent))
        throw new Error(`${await missing.count()} rows, roster says ${absent}`);
      const counted = await text(page.locator('[data-testid="missing-count"]:visible'));
      if (!counted.includes(String(absent)))
        throw new Error(`missing count reads ${counted}, roster says ${absent}`);
      const name = (await text(missing.first().locator('.list-item__title'))).trim();
      await missing.first().scrollIntoViewIfNeeded();
      await shot(page, '47-meeting-activity-missing');
      await missing.first().locator('[data-testid="add-late"]').click();
      const modal = await confirmModal(page, name);
      await modal.locator('.taro-model__confirm').click();
      await page
        .locator('[data-testid="activity-roster-count"]:visible', {
          hasText: `已签到 ${before.checkedIn + 1} `,
        })
        .waitFor({ timeout: 15000 });
      const list = await api.get(`/studios/${sid}/activities/${activity.id}/attendance`);
      const rows = list.items ?? list;
      if (!rows.some((r) => r.name === name && r.source === 'leader'))
        throw new Error(`attendance: ${JSON.stringify(rows)}`);
      await shot(page, '48-meeting-activity-added');
      await leader.ctx.close();
    },
  );

  // Item 10: the preview shows the change in the assessment score as well as the targets.
  await check(
    'meeting: the record preview shows the assessment score change (a result that moves no target)',
    async () => {
      // Find a draft that moves the score, preferably without moving a target (the issue's patent).
      let pick = null;
      let who;
      let sid;
      for (const user of ['leader', 'leader2']) {
        const api = await apiAs(base, user);
        const studioId = (await api.get('/me')).roles.find((r) => r.role === 'leader').studioId;
        const facts = await api.get(`/studios/${studioId}/facts?asOf=${today}`);
        const s0 = score(facts, today);
        const p0 = evaluate(facts, today);
        const drafts = [];
        for (const kind of ['patent', 'award', 'media', 'paper', 'textbook', 'innovation'])
          for (const level of ['national', 'provincial', 'city'])
            drafts.push({
              type: 'achievements',
              list: 'achievements',
              record: { id: 'draft', kind, level, date: today },
            });
        for (const kind of [
          'industry_exchange',
          'tech_project',
          'renovation',
          'social_service',
          'school_cooperation',
          'training',
        ])
          drafts.push({
            type: 'activities',
            list: 'activities',
            record: { id: 'draft', kind, date: today, attendance: 0 },
          });
        // Edits too: an existing result lowered to 单位级 (a strong studio's bonus is already full).
        for (const a of facts.achievements)
          drafts.push({
            type: 'achievements',
            list: 'achievements',
            edit: a.id,
            record: { ...a, level: 'unit' },
          });
        for (const d of drafts) {
          const list = d.edit
            ? facts[d.list].map((r) => (r.id === d.edit ? d.record : r))
            : [...facts[d.list], d.record];
          const next = { ...facts, [d.list]: list };
          let s1;
          let p1;
          try {
            s1 = score(next, today);
            p1 = evaluate(next, today);
          } catch {
            continue;
          }
          // An item that moves (the total may not, when the bonus is already capped).
          const moved = s1.items.find(
            (it) => it.score !== s0.items.find((x) => x.id === it.id)?.score,
          );
          if (!moved && s1.total === s0.total) continue;
          const targetsSame = p1.targets.every(
            (t) => t.actual === p0.targets.find((x) => x.id === t.id)?.actual,
          );
          const found = {
            ...d,
            before: s0.total,
            after: s1.total,
            item: moved && {
              id: moved.id,
              before: s0.items.find((x) => x.id === moved.id)?.score,
              after: moved.score,
            },
            targetsSame,
          };
          if (!pick || (targetsSame && !pick.targetsSame)) {
            pick = found;
            who = user;
            sid = studioId;
          }
        }
        if (pick?.targetsSame) break;
      }
      if (!pick) throw new Error("no record moves the demo studios' scores");
      const leader = await signedIn(base, who);
      const page = leader.page;
      await openApp(
        page,
        pick.edit
          ? `${base}/#/pages/leader/record-edit/index?studioId=${sid}&type=${pick.type}&id=${pick.edit}&level=${pick.record.level}`
          : `${base}/#/pages/leader/record-edit/index?studioId=${sid}&type=${pick.type}&kind=${pick.record.kind}${pick.record.level ? `&level=${pick.record.level}` : ''}&title=${encodeURIComponent('焊缝检测装置')}&date=${today}`,
      );
      const total = page.locator('[data-testid="preview-sheet-total"]:visible');
      await total.waitFor({ timeout: 20000 });
      const t = await text(total);
      if (!t.includes(`${pick.before} → ${pick.after}`))
        throw new Error(`score preview ${t}, expected ${pick.before} → ${pick.after}`);
      if (pick.item) {
        const row = await text(
          page.locator(`[data-testid="preview-item-${pick.item.id}"]:visible`),
        );
        if (!row.includes(`${pick.item.before} → ${pick.item.after}`))
          throw new Error(`item row ${row}, expected ${pick.item.before} → ${pick.item.after}`);
      }
      if (await page.locator('[data-testid="preview-none"]:visible').count())
        throw new Error('still says it changes nothing');
      if (pick.targetsSame)
        await page.locator('[data-testid="preview-no-target"]:visible').waitFor({ timeout: 5000 });
      await page.locator('[data-testid="preview-sheet"]:visible').scrollIntoViewIfNeeded();
      await shot(page, '49-meeting-preview-score');
      await leader.ctx.close();
    },
  );

  // Item 7: the leader keeps the studio's own facts; the unit confirms them.
  await check(
    "meeting: the leader edits the studio's facilities, the unit confirms them (who/when)",
    async () => {
      const api = await apiAs(base, 'leader');
      const sid = (await api.get('/me')).roles.find((r) => r.role === 'leader').studioId;
      const before = await api.get(`/studios/${sid}`);
      const area = (before.areaSqm ?? 60) + 1;
      const leader = await signedIn(base, 'leader');
      const page = leader.page;
      await page.locator('[data-testid="tile-工作室信息"]:visible').click();
      await page.locator('[data-testid="studio-facts-page"]:visible').waitFor({ timeout: 20000 });
      const nameInput = page.locator('[data-testid="facts-name"]:visible input');
      await nameInput.waitFor({ timeout: 15000 });
      // The policy's name format, checked as it is typed, with the article.
      await nameInput.fill('焊接创新工作室');
      const err = page.locator('[data-testid="studio-facts-page"] .field-error:visible').first();
      await err.waitFor({ timeout: 10000 });
      if (!/技能大师工作室.*（.*第.*条/.test(await text(err)))
        throw new Error(`name error: ${await text(err)}`);
      await shot(page, '50-meeting-facts-name-format');
      await nameInput.fill(before.name);
      const areaInput = page.locator('[data-testid="facts-area"]:visible input');
      for (let i = 0; i < 3 && (await areaInput.inputValue()) !== String(area); i++) {
        await areaInput.fill(String(area));
        await page.waitForTimeout(200);
      }
      await page
        .locator(`[data-testid="fact-hasSign-${before.hasSign === false ? 'no' : 'yes'}"]:visible`)
        .click();
      await page.locator('[data-testid="save-facts"]:visible').click();
      await page
        .locator('[data-testid="facts-status"]:visible', { hasText: '待单位确认' })
        .waitFor({ timeout: 15000 });
      await shot(page, '51-meeting-facts-pending');
      const saved = await api.get(`/studios/${sid}`);
      if (saved.areaSqm !== area || saved.factsConfirmation !== null)
        throw new Error(`saved: ${saved.areaSqm} ${JSON.stringify(saved.factsConfirmation)}`);
      const unit = await signedIn(base, 'unit');
      await openApp(unit.page, `${base}/#/pages/unit/studio/index?studioId=${sid}`);
      const card = unit.page.locator('[data-testid="studio-facts"]:visible');
      await card.waitFor({ timeout: 20000 });
      if (!(await text(card)).includes(`${area} 平方米`))
        throw new Error(`unit sees ${await text(card)}`);
      await unit.page.locator('[data-testid="confirm-facts"]:visible').click();
      const modal = await confirmModal(unit.page, '确认');
      await modal.locator('.taro-model__confirm').click();
      await unit.page
        .locator('[data-testid="studio-facts"]:visible [data-testid="facts-status"]', {
          hasText: '已确认',
        })
        .waitFor({ timeout: 15000 });
      const status = await text(
        unit.page.locator('[data-testid="studio-facts"]:visible [data-testid="facts-status"]'),
      );
      if (!status.includes('刘娟')) throw new Error(`status: ${status}`);
      await shot(unit.page, '52-meeting-facts-confirmed');
      const after = await api.get(`/studios/${sid}`);
      if (!after.factsConfirmation?.confirmedBy) throw new Error('not confirmed in the API');
      await unit.ctx.close();
      await leader.ctx.close();
    },
  );

  await check(
    "meeting: the new-studio form checks the policy's name format as it is typed",
    async () => {
      const rev = await signedIn(base, 'reviewer');
      await rev.page.locator('[data-testid="reviewer-new-studio"]:visible').click();
      const input = rev.page.locator('[data-testid="ns-name"]:visible input');
      await input.waitFor({ timeout: 15000 });
      await rev.page.waitForTimeout(500);
      await input.fill('焊接创新工作室');
      const err = rev.page.locator('[data-testid="new-studio"] .field-error:visible').first();
      await err.waitFor({ timeout: 10000 });
      const t = await text(err);
      if (!t.includes('技能大师工作室') || !t.includes('第九条'))
        throw new Error(`name error: ${t}`);
      await shot(rev.page, '53-meeting-new-studio-name');
      await input.fill('王建国焊工技能大师工作室');
      await rev.page.waitForTimeout(300);
      if (await rev.page.locator('[data-testid="new-studio"] .field-error:visible').count())
        throw new Error('a fitting name is still marked');
      await rev.ctx.close();
    },
  );
}
