// End-to-end checks of the paper exports (issue 12), kept apart from e2e.mjs to ease merging:
// each role opens its export in the H5 app, the browser downloads the file, and the file is
// read back (exceljs for xlsx, jszip for docx and zip) and compared with the API's answer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './benchmarks.mjs';
import { apiAs, openApp } from './e2e-lib.mjs';

const serverRequire = createRequire(join(REPO, 'server', 'package.json'));
const ExcelJS = serverRequire('exceljs');
const JSZip = serverRequire('jszip');

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function downloadVia(page, testId) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.locator(`[data-testid="${testId}"]:visible`).first().click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

async function workbook(bytes) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return wb;
}

async function docxText(bytes) {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml').async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

export async function exportChecks({ base, check, signIn, shot }) {
  let studioId = 0;
  await check(
    'exports: reviewer downloads the assessment sheet (xlsx) and its total equals the API',
    async () => {
      const rev = await signIn(base, 'reviewer');
      await rev.page.locator('[data-testid="studio-card"]:visible').first().click();
      await rev.page.locator('[data-testid="sheet-total"]:visible').waitFor({ timeout: 15000 });
      studioId = Number(/studioId=(\d+)/.exec(rev.page.url())?.[1]);
      const file = await downloadVia(rev.page, 'export-assessment');
      if (!file.name.endsWith('.xlsx') || !file.name.includes('考核表'))
        throw new Error(`file name ${file.name}`);
      const ws = (await workbook(file.bytes)).worksheets[0];
      const { get } = await apiAs(base, 'reviewer');
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const api = await get(`/studios/${studioId}/assessment?asOf=${today}`);
      let total;
      ws.eachRow((row) => {
        if (row.getCell(2).value === '合计' || row.getCell(2).value === '总分')
          total = row.getCell(7).value;
      });
      if (api.items.length && total !== api.total)
        throw new Error(`sheet total ${total}, API ${api.total}`);
      await shot(rev.page, '30-reviewer-sheet-export');
      // The jurisdiction's workbook from the reviewer home.
      await openApp(rev.page, `${base}/#/pages/reviewer/home/index`);
      const all = await downloadVia(rev.page, 'export-jurisdiction');
      const book = await workbook(all.bytes);
      const dash = await get(
        `/dashboards/jurisdiction/${(await get('/me')).roles.find((r) => r.role === 'reviewer').jurisdictionId}`,
      );
      if (book.worksheets[0].name !== '汇总' || book.worksheets.length < dash.items.length)
        throw new Error(
          `jurisdiction workbook sheets ${book.worksheets.map((w) => w.name).join(',')}`,
        );
      await rev.ctx.close();
    },
  );

  await check(
    'exports: leader opens 材料导出 and downloads the roster, application form, summary and archive',
    async () => {
      const leader = await signIn(base, 'leader');
      await leader.page
        .locator('[data-testid="targets"] .target')
        .first()
        .waitFor({ timeout: 20000 });
      await leader.page.locator('[data-testid="tile-材料导出"]:visible').click();
      await leader.page.locator('[data-testid="exports-page"]:visible').waitFor({ timeout: 15000 });
      await shot(leader.page, '31-leader-exports');
      const { get } = await apiAs(base, 'leader');
      const sid = (await get('/me')).roles.find((r) => r.role === 'leader').studioId;
      const apprentices = await get(`/studios/${sid}/apprentices?pageSize=100`);
      const roster = await workbook((await downloadVia(leader.page, 'export-roster')).bytes);
      const names = [];
      roster
        .getWorksheet('学员花名册')
        .eachRow((row, n) => n > 3 && names.push(row.getCell(2).value));
      if (names.length !== apprentices.total)
        throw new Error(`roster has ${names.length} apprentices, API ${apprentices.total}`);
      const app = await docxText((await downloadVia(leader.page, 'export-application')).bytes);
      if (!app.includes('申报表') && !app.includes('申请表'))
        throw new Error('application form title missing');
      if (!app.includes('资格条件自查')) throw new Error('eligibility checklist missing');
      const summary = await docxText((await downloadVia(leader.page, 'export-summary')).bytes);
      if (!summary.includes('年度工作总结')) throw new Error('summary heading missing');
      const ledger = await workbook((await downloadVia(leader.page, 'export-ledger')).bytes);
      if (!ledger.getWorksheet('经费台账')) throw new Error('ledger sheet missing');
      const zip = await JSZip.loadAsync((await downloadVia(leader.page, 'export-archive')).bytes);
      for (const f of ['档案数据.xlsx', '清单.txt', '材料/考核表.xlsx'])
        if (!zip.file(f)) throw new Error(`archive lacks ${f}`);
      await leader.ctx.close();
    },
  );

  await check(
    'exports: leader downloads an activity sign-in sheet; unit contact reaches 材料导出',
    async () => {
      const leader = await signIn(base, 'leader');
      await leader.page
        .locator('[data-testid="targets"] .target')
        .first()
        .waitFor({ timeout: 20000 });
      const { get } = await apiAs(base, 'leader');
      const me = await get('/me');
      const sid = me.roles.find((r) => r.role === 'leader').studioId;
      const acts = await get(`/studios/${sid}/activities?pageSize=5`);
      const act = acts.items[0];
      await openApp(
        leader.page,
        `${base}/#/pages/leader/checkin/index?studioId=${sid}&activityId=${act.id}&title=${encodeURIComponent(act.title)}`,
      );
      const sheet = await workbook((await downloadVia(leader.page, 'export-signin')).bytes);
      const rows = [];
      sheet.worksheets[0].eachRow((row) => rows.push(row.values.join('|')));
      if (!rows.some((r) => r.includes('本人签名'))) throw new Error('signature column missing');
      await leader.ctx.close();
      const unit = await signIn(base, 'unit');
      await unit.page.locator('[data-testid="studio-card"]').first().click();
      await unit.page.locator('[data-testid="open-exports"]:visible').click();
      await unit.page.locator('[data-testid="exports-page"]:visible').waitFor({ timeout: 15000 });
      const ledger = await workbook((await downloadVia(unit.page, 'export-ledger')).bytes);
      if (!ledger.getWorksheet('分类汇总')) throw new Error('unit ledger lacks 分类汇总');
      await unit.ctx.close();
    },
  );
  return studioId;
}
