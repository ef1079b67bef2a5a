/* global getComputedStyle */
// End-to-end checks of spreadsheet imports (issue 15), kept apart from e2e.mjs to ease merging:
// the demo leader imports a GBK CSV roster (one bad row first, then fixed) and a certificates
// xlsx with a merged title row in the H5 app, through the browser's file picker; re-importing
// adds nothing, and the API shows each record once. A reviewer registers a batch of studios
// from a CSV (a bad row first, then fixed) and finds them in the jurisdiction's list.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './benchmarks.mjs';
import { apiAs, openApp } from './e2e-lib.mjs';

const serverRequire = createRequire(join(REPO, 'server', 'package.json'));
const ExcelJS = serverRequire('exceljs');
const iconv = serverRequire('iconv-lite');

/** The demo leader's studio and a reader of its API. */
async function leaderApi(base) {
  const api = await apiAs(base, 'leader');
  return { studioId: api.signIn.roles.find((r) => r.role === 'leader').studioId, get: api.get };
}

/** Picks `file` through the page's file input (the import screen's 选择文件). */
async function pickFile(page, file) {
  const sel = '[data-testid="import-summary"]';
  const before = (await page.locator(sel).count())
    ? await page.locator(sel).first().textContent()
    : '';
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 15000 }),
    page.locator('[data-testid="import-pick"]:visible').first().click(),
  ]);
  await chooser.setFiles(file);
  const ok = page.locator('[data-testid="import-summary"]:visible');
  const failed = page.locator('[data-testid="import-error"]:visible');
  await ok.or(failed).first().waitFor({ timeout: 20000 });
  if (await failed.count()) throw new Error(`import error: ${await failed.first().textContent()}`);
  // A new preview, not the one on screen before this file.
  await page.waitForFunction(
    ([s, prev]) => document.querySelector(s)?.textContent !== prev, // eslint-disable-line no-undef
    [sel, before],
    { timeout: 20000 },
  );
}

/** Signs in as the demo leader and waits until the home screen is up (the session is stored). */
async function leaderPage(base, signIn) {
  const session = await signIn(base, 'leader');
  await session.page.locator('[data-testid="leader-home"]:visible').waitFor({ timeout: 30000 });
  return session;
}

const summary = async (page) =>
  (await page.locator('[data-testid="import-summary"]:visible').first().textContent()) ?? '';

export async function importChecks({ base, check, signIn, shot }) {
  const tag = String(Date.now() % 100000);
  const names = [`甲${tag}`, `乙${tag}`, `丙${tag}`];
  const csv = (rows) => iconv.encode(['学员姓名,拜师日期,签约日期', ...rows].join('\r\n'), 'gbk');

  await check(
    'import: leader imports a GBK CSV roster, sees the bad row, fixes it, imports once',
    async () => {
      const { studioId, get } = await leaderApi(base);
      const { page, ctx } = await leaderPage(base, signIn);
      try {
        await openApp(
          page,
          `${base}/#/pages/leader/records/index?studioId=${studioId}&type=apprentices`,
        );
        await page.locator('[data-testid="import-open"]:visible').click({ timeout: 20000 });
        await page.locator('[data-testid="import-pick"]:visible').waitFor({ timeout: 15000 });
        await shot(page, '60-import-empty');
        // The kind chips wrap between chips, never inside one: each is one line tall at 375 px.
        for (const chip of await page.locator('[data-testid^="import-kind-"]:visible').all()) {
          const box = await chip.boundingBox();
          const lines = await chip.evaluate((el) => {
            // The distinct line tops of the chip's text (a mid-word wrap makes two).
            const tops = new Set();
            const walk = document.createTreeWalker(el, 4); // eslint-disable-line no-undef
            for (let n = walk.nextNode(); n; n = walk.nextNode()) {
              if (!n.textContent.trim()) continue;
              const range = document.createRange(); // eslint-disable-line no-undef
              range.selectNodeContents(n);
              for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
            }
            return tops.size;
          });
          if (!box || box.height > 56 || lines > 1)
            throw new Error(`chip ${await chip.textContent()}: ${box?.height} px, ${lines} lines`);
        }
        const bad = csv([
          `${names[0]},2025年3月1日,2025.3.1`,
          `${names[1]},去年春天,`,
          `${names[2]},２０２５/４/２,`,
        ]);
        await pickFile(page, { name: '花名册.csv', mimeType: 'text/csv', buffer: bad });
        const errors = await page
          .locator('[data-testid="import-row-error"]:visible')
          .allTextContents();
        if (!errors.some((e) => e.includes('拜师日期') && e.includes('无法识别')))
          throw new Error(`row errors: ${JSON.stringify(errors)}`);
        const blocked = await page.locator('[data-testid="import-commit"]:visible').textContent();
        if (!blocked?.includes('1 行有错')) throw new Error(`commit button: ${blocked}`);
        await shot(page, '61-import-roster-errors');

        const good = csv([
          `${names[0]},2025年3月1日,2025.3.1`,
          `${names[1]},2025-03-15,`,
          `${names[2]},２０２５/４/２,`,
        ]);
        await pickFile(page, { name: '花名册.csv', mimeType: 'text/csv', buffer: good });
        if (!(await summary(page)).includes('新增 3')) throw new Error(await summary(page));
        await page.locator('[data-testid="import-commit"]:visible').click();
        await page.locator('[data-testid="import-done"]:visible').waitFor({ timeout: 20000 });
        // Its button keeps the 8 px above it (mt-8 on a NutUI Button: .nut-button.mt-8 in app.css).
        const gap = await page
          .locator('[data-testid="import-done"]:visible .nut-button')
          .evaluate((el) => getComputedStyle(el).marginTop);
        if (gap !== '8px') throw new Error(`import-done button margin-top ${gap}`);
        await shot(page, '62-import-roster-done');

        // The same file again: nothing new.
        await pickFile(page, { name: '花名册.csv', mimeType: 'text/csv', buffer: good });
        if (!(await summary(page)).includes('新增 0')) throw new Error(await summary(page));
        const list = await get(
          `/studios/${studioId}/apprentices?pageSize=100&q=${encodeURIComponent(tag)}`,
        );
        const counts = names.map((n) => list.items.filter((a) => a.name === n).length);
        if (counts.join() !== '1,1,1') throw new Error(`apprentices per name: ${counts}`);
      } finally {
        await ctx.close();
      }
    },
  );

  await check(
    'import: leader imports a certificates xlsx with a merged title row, once',
    async () => {
      const { studioId, get } = await leaderApi(base);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('证书');
      ws.addRow(['2025年技能证书登记表']);
      ws.mergeCells(1, 1, 1, 3);
      ws.addRow(['姓名', '证书等级', '发证日期']);
      ws.addRow([names[0], '高级工', new Date(Date.UTC(2025, 5, 1))]);
      ws.addRow([names[2], '技师（二级）', '2025.6.2']);
      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      const file = {
        name: '证书.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      };
      const { page, ctx } = await leaderPage(base, signIn);
      try {
        await openApp(
          page,
          `${base}/#/pages/leader/import/index?studioId=${studioId}&type=certificates`,
        );
        await pickFile(page, file);
        if (!(await summary(page)).includes('新增 2')) throw new Error(await summary(page));
        await shot(page, '63-import-certificates-preview');
        await page.locator('[data-testid="import-commit"]:visible').click();
        await page.locator('[data-testid="import-done"]:visible').waitFor({ timeout: 20000 });
        await pickFile(page, file);
        if (!(await summary(page)).includes('跳过 2')) throw new Error(await summary(page));
        const certs = await get(`/studios/${studioId}/certificates?pageSize=100`);
        const mine = certs.items.filter((c) => names.includes(c.apprenticeName));
        if (mine.length !== 2) throw new Error(`certificates: ${JSON.stringify(mine)}`);
      } finally {
        await ctx.close();
      }
    },
  );
  await check(
    'import: reviewer registers a batch of studios from a CSV and sees them in the list',
    async () => {
      const studios = [`甲${tag}焊接工作室`, `乙${tag}数控工作室`];
      const batch = (recognized) =>
        Buffer.from(
          [
            '单位名称,工作室名称,职业（工种）,认定日期,领办人姓名,领办人出生日期,退休类别,领办人技能等级,领办人是否全职',
            `导入${tag}机械厂,${studios[0]},焊工,${recognized},张${tag},1975-05-01,男职工,高级技师（一级）,是`,
            `导入${tag}机械厂,${studios[1]},数控车工,2025-04-01,李${tag},1980-02-03,男职工,技师（二级）,否`,
          ].join('\r\n'),
          'utf8',
        );
      const { page, ctx } = await signIn(base, 'reviewer');
      try {
        // The list first (it pushes the buttons below it down), then the entry under it.
        await page
          .locator('[data-testid="studio-card"]:visible')
          .first()
          .waitFor({ timeout: 30000 });
        const open = page.locator('[data-testid="reviewer-import"]:visible');
        await open.scrollIntoViewIfNeeded({ timeout: 30000 });
        await shot(page, '64-import-reviewer-home');
        await open.click();
        await page.locator('[data-testid="import-pick"]:visible').waitFor({ timeout: 15000 });
        await shot(page, '65-import-reviewer-empty');
        await pickFile(page, { name: '工作室.csv', mimeType: 'text/csv', buffer: batch('去年') });
        const errors = await page
          .locator('[data-testid="import-row-error"]:visible')
          .allTextContents();
        if (!errors.some((e) => e.includes('认定日期')))
          throw new Error(`row errors: ${JSON.stringify(errors)}`);
        const blocked = await page.locator('[data-testid="import-commit"]:visible').textContent();
        if (!blocked?.includes('1 行有错')) throw new Error(`commit button: ${blocked}`);
        await shot(page, '66-import-reviewer-errors');

        const good = batch('2025年3月1日');
        await pickFile(page, { name: '工作室.csv', mimeType: 'text/csv', buffer: good });
        if (!(await summary(page)).includes('新增 2')) throw new Error(await summary(page));
        await shot(page, '67-import-reviewer-preview');
        await page.locator('[data-testid="import-commit"]:visible').click();
        await page.locator('[data-testid="import-done"]:visible').waitFor({ timeout: 20000 });
        const done = await page
          .locator('[data-testid="import-done-studio"]:visible')
          .allTextContents();
        if (done.length !== 2 || !done.every((d) => /：\S{6,}/.test(d)))
          throw new Error(`created studios and codes: ${JSON.stringify(done)}`);
        await shot(page, '68-import-reviewer-done');

        // The same file again: both studios are there already.
        await pickFile(page, { name: '工作室.csv', mimeType: 'text/csv', buffer: good });
        if (!(await summary(page)).includes('跳过 2')) throw new Error(await summary(page));

        await openApp(page, `${base}/#/pages/reviewer/home/index`);
        await page
          .locator('[data-testid="list-search"]:visible')
          .locator('input')
          .fill(tag, { timeout: 30000 });
        await page.waitForFunction(
          (names) => {
            // eslint-disable-next-line no-undef
            const cards = [...document.querySelectorAll('[data-testid="studio-card"]')];
            return names.every((n) => cards.filter((c) => c.textContent.includes(n)).length === 1);
          },
          studios,
          { timeout: 20000 },
        );
        await shot(page, '69-import-reviewer-list');
      } finally {
        await ctx.close();
      }
    },
  );
}
