// End-to-end checks of evidence files (issue 13), kept apart from e2e.mjs to ease merging: the
// leader attaches a photo of the studio's sign (camera input, compressed on the phone) and a
// certificate scan (PDF) to an award in the H5 app; the reviewer sees both on the assessment
// sheet beside the items they support; the studio archive holds both files; a file attached
// offline waits in the outbox and is uploaded once when the connection returns.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './benchmarks.mjs';
import { apiAs, openApp } from './e2e-lib.mjs';

const serverRequire = createRequire(join(REPO, 'server', 'package.json'));
const sharp = serverRequire('sharp');
const JSZip = serverRequire('jszip');

/** Clicks a button that opens a file input and gives it the file. */
async function attach(page, testId, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 15000 }),
    page.locator(`[data-testid="${testId}"]:visible`).first().click(),
  ]);
  await chooser.setFiles(file);
}

/** Waits until the tile's thumbnail has really loaded (through its signed link). */
async function thumbLoaded(page, scope) {
  await page.waitForFunction(
    (sel) => {
      const img = globalThis.document.querySelector(`${sel} img`);
      return img && img.complete && img.naturalWidth > 0;
    },
    scope,
    { timeout: 15000 },
  );
}

export async function evidenceChecks({ base, check, signIn, shot }) {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  let studioId = 0;
  let signItem = '';
  let certItem = '';
  let achievementId = 0;

  await check(
    'evidence: leader attaches a photo of the sign from the H5 app (compressed on the phone)',
    async () => {
      const api = await apiAs(base, 'leader');
      studioId = (await api.get('/me')).roles.find((r) => r.role === 'leader').studioId;
      const leader = await signIn(base, 'leader');
      await leader.page.locator('[data-testid="tile-佐证材料"]:visible').click();
      await leader.page.locator('[data-testid="leader-evidence"]').waitFor({ timeout: 15000 });
      // A 4000×3000 camera photo: the app must shrink it to ≤ 1600 px before it leaves the phone.
      const photo = await sharp({
        create: { width: 4000, height: 3000, channels: 3, background: '#b4232a' },
      })
        .jpeg({ quality: 95 })
        .toBuffer();
      await attach(leader.page, 'evidence-camera-facility-sign', {
        name: '标识牌.jpg',
        mimeType: 'image/jpeg',
        buffer: photo,
      });
      const tile = '[data-testid="evidence-panel-facility-sign"] .evidence__tile';
      await leader.page.locator(tile).first().waitFor({ timeout: 20000 });
      await thumbLoaded(leader.page, '[data-testid="evidence-panel-facility-sign"]');
      const [file] = (await api.get(`/studios/${studioId}/evidence?subject=facility&key=sign`))
        .items;
      if (!file || Math.max(file.width, file.height) > 1600)
        throw new Error(`stored photo ${file?.width}×${file?.height}, expected ≤ 1600 px`);
      await shot(leader.page, '60-leader-evidence-sign');
      await leader.ctx.close();
    },
  );

  await check('evidence: leader attaches a certificate scan (PDF) to an award record', async () => {
    if (!studioId) throw new Error('no studio from the previous check');
    const api = await apiAs(base, 'leader');
    const award = await api.post(`/studios/${studioId}/achievements`, {
      kind: 'award',
      level: 'national',
      title: '全国技能大赛金奖',
      date: today,
    });
    achievementId = award.id;
    const leader = await signIn(base, 'leader');
    await leader.page.locator('[data-testid="leader-home"]').waitFor({ timeout: 15000 });
    await openApp(
      leader.page,
      `${base}/#/pages/leader/record-edit/index?studioId=${studioId}&type=achievements&id=${achievementId}`,
    );
    const testId = `evidence-file-achievement-${achievementId}`;
    await leader.page.locator(`[data-testid="${testId}"]:visible`).waitFor({ timeout: 15000 });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n% 证书扫描件\n'), Buffer.alloc(40_000, 32)]);
    await attach(leader.page, testId, {
      name: '证书扫描件.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await leader.page
      .locator(`[data-testid="evidence-panel-achievement-${achievementId}"] .evidence__tile`)
      .first()
      .waitFor({ timeout: 20000 });
    await shot(leader.page, '61-leader-evidence-certificate');
    // The record list shows the file on the award's row.
    await openApp(
      leader.page,
      `${base}/#/pages/leader/records/index?studioId=${studioId}&type=achievements`,
    );
    await leader.page.locator('[data-testid="record-thumbs"]').first().waitFor({ timeout: 15000 });
    await leader.ctx.close();
    const sheet = await api.get(`/studios/${studioId}/evidence/assessment?asOf=${today}`);
    signItem =
      sheet.items.find((i) => i.subjects.some((s) => s.subject === 'facility' && s.key === 'sign'))
        ?.itemId ?? '';
    certItem =
      sheet.items.find((i) =>
        i.subjects.some((s) => s.subject === 'achievement' && s.key === String(achievementId)),
      )?.itemId ?? '';
    if (!signItem || !certItem)
      throw new Error(
        `items not found on the sheet (policy ${sheet.policyId}): sign ${signItem}, certificate ${certItem}`,
      );
  });

  await check(
    'evidence: reviewer sees both files on the sheet beside the items they support',
    async () => {
      if (!signItem || !certItem) throw new Error('no items from the previous checks');
      const rev = await signIn(base, 'reviewer');
      await rev.page
        .locator('[data-testid="studio-card"]:visible')
        .first()
        .waitFor({ timeout: 15000 });
      await openApp(rev.page, `${base}/#/pages/reviewer/sheet/index?studioId=${studioId}`);
      const signBox = `[data-testid="item-${signItem}"] [data-testid="item-evidence-${signItem}"]`;
      await rev.page.locator(signBox).waitFor({ timeout: 20000 });
      await thumbLoaded(rev.page, signBox);
      const certBox = `[data-testid="item-${certItem}"] [data-testid="item-evidence-${certItem}"]`;
      const text = await rev.page.locator(certBox).innerText();
      if (!text.includes('证书扫描件.pdf') || !text.includes('全国技能大赛金奖'))
        throw new Error(`certificate item shows: ${text}`);
      if (await rev.page.locator(`[data-testid="item-missing-${signItem}"]`).count())
        throw new Error('sign item still marked 缺少佐证材料');
      await rev.page.locator(signBox).scrollIntoViewIfNeeded();
      await shot(rev.page, '62-reviewer-sheet-evidence');
      // Tapping the PDF opens it in a new tab through its signed link.
      const [tab] = await Promise.all([
        rev.ctx.waitForEvent('page', { timeout: 15000 }),
        rev.page.locator(`${certBox} .evidence__tile`).first().click(),
      ]);
      await tab.waitForLoadState('domcontentloaded').catch(() => undefined);
      if (!/\/api\/evidence\/file\?token=/.test(tab.url())) throw new Error(`opened ${tab.url()}`);
      await rev.ctx.close();
    },
  );

  await check(
    'evidence: the studio archive holds the sign photo and the certificate scan',
    async () => {
      if (!achievementId) throw new Error('no files from the previous checks');
      const api = await apiAs(base, 'leader');
      const zip = await JSZip.loadAsync(await api.get(`/studios/${studioId}/exports/archive`));
      const names = Object.keys(zip.files);
      const sign = names.find(
        (n) => n.startsWith('佐证材料/工作室标识牌/') && n.endsWith('标识牌.jpg'),
      );
      const cert = names.find(
        (n) => n.startsWith(`佐证材料/成果 #${achievementId}/`) && n.endsWith('证书扫描件.pdf'),
      );
      if (!sign || !cert)
        throw new Error(`archive entries: ${names.filter((n) => n.startsWith('佐证')).join(', ')}`);
    },
  );

  await check(
    'evidence: a file attached offline waits in the outbox and is uploaded once when the connection returns',
    async () => {
      if (!studioId) throw new Error('no studio from the previous checks');
      const api = await apiAs(base, 'leader');
      const subject = 'subject=facility&key=honours_board';
      const rows = async () =>
        (await api.get(`/studios/${studioId}/evidence?${subject}`)).items.filter(
          (f) => f.fileName === '展示栏照片说明.pdf',
        );
      if ((await rows()).length) throw new Error('the file is on the server before the test');
      const leader = await signIn(base, 'leader');
      const { page, ctx } = leader;
      // Every upload request to this subject, and the answers that reached the page.
      const posts = [];
      const answers = [];
      const ours = (r) => r.method() === 'POST' && r.url().includes(`/evidence?${subject}`);
      page.on('request', (r) => ours(r) && posts.push(r.url()));
      page.on('response', (r) => ours(r.request()) && answers.push(r.status()));
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.locator('[data-testid="tile-佐证材料"]:visible').click();
      const panel = '[data-testid="evidence-panel-facility-honours_board"]';
      await page.locator(panel).waitFor({ timeout: 15000 });
      const tilesBefore = await page.locator(`${panel} .evidence__tile`).count();

      await ctx.setOffline(true);
      const pdf = Buffer.concat([
        Buffer.from('%PDF-1.4\n% 离线上传\n'),
        Buffer.from(Array.from({ length: 30_000 }, (_, i) => (i * 7) % 251)),
      ]);
      await attach(page, 'evidence-file-facility-honours_board', {
        name: '展示栏照片说明.pdf',
        mimeType: 'application/pdf',
        buffer: pdf,
      });
      // The upload failed for want of a network and went into the outbox (kept on the device).
      const queued = () =>
        page.evaluate(() => {
          const raw = globalThis.localStorage.getItem('ms.outbox');
          if (!raw) return [];
          let v = JSON.parse(raw);
          if (v && typeof v === 'object' && 'data' in v) v = v.data; // Taro H5 wraps values
          const items = typeof v === 'string' ? JSON.parse(v) : v;
          return (items ?? []).map((c) => ({
            path: c.path,
            upload: !!c.body?.upload,
            data: String(c.body?.upload?.path ?? '').slice(0, 5),
          }));
        });
      await page.waitForFunction(
        () => (globalThis.localStorage.getItem('ms.outbox') ?? '').includes('upload'),
        undefined,
        { timeout: 15000 },
      );
      const waiting = await queued();
      if (
        waiting.length !== 1 ||
        !waiting[0].upload ||
        waiting[0].path !== `/studios/${studioId}/evidence` ||
        waiting[0].data !== 'data:'
      )
        throw new Error(`outbox while offline: ${JSON.stringify(waiting)}`);
      if ((await rows()).length)
        throw new Error('the server has the file while the phone is offline');
      if (answers.length) throw new Error(`offline upload got answers: ${answers.join(', ')}`);
      // The panel says the file is waiting.
      const waitLine = page.locator('[data-testid="evidence-waiting-facility-honours_board"]');
      await waitLine.waitFor({ timeout: 10000 });
      const said = await waitLine.innerText();
      if (!said.includes('1 个文件等待发送')) throw new Error(`waiting line: ${said}`);
      await waitLine.scrollIntoViewIfNeeded();
      await shot(page, '63-leader-evidence-offline-queued');

      // Back online: the outbox sends it (the browser's online event, or its 30 s timer).
      const t0 = Date.now();
      await ctx.setOffline(false);
      const deadline = Date.now() + 60_000;
      while ((await rows()).length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 500));
      const after = await rows();
      if (after.length !== 1) throw new Error(`server rows after reconnecting: ${after.length}`);
      const sentIn = Date.now() - t0;
      await page.waitForFunction(
        () => !(globalThis.localStorage.getItem('ms.outbox') ?? '').includes('upload'),
        undefined,
        { timeout: 15000 },
      );
      // The panel shows the file once it is sent, without a reload.
      await page.locator(`${panel} .evidence__tile`).nth(tilesBefore).waitFor({ timeout: 15000 });
      await waitLine.waitFor({ state: 'detached', timeout: 10000 });
      // The stored file is the one picked offline, byte for byte (kept as a data URL meanwhile).
      const res = await fetch(`${base}/api${after[0].url}`);
      const stored = Buffer.from(await res.arrayBuffer());
      if (!stored.equals(pdf))
        throw new Error(`stored ${stored.length} bytes, picked ${pdf.length}`);

      // A reload (the app starts and replays its outbox again) sends nothing more.
      await page.reload();
      await page.locator(panel).waitFor({ timeout: 15000 });
      await page.locator(`${panel} .evidence__tile`).nth(tilesBefore).waitFor({ timeout: 15000 });
      await page.waitForTimeout(1500);
      const ok = answers.filter((s) => s >= 200 && s < 300);
      if (ok.length !== 1 || answers.length !== 1)
        throw new Error(`upload answers: ${answers.join(', ')} (requests ${posts.length})`);
      if ((await rows()).length !== 1) throw new Error('a second row after the reload');
      const audit = await api.get(
        `/studios/${studioId}/audit?recordType=evidence&recordId=${after[0].id}`,
      );
      const creates = audit.items.filter((a) => a.action === 'create').length;
      if (creates !== 1) throw new Error(`audited creates: ${creates}`);
      if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join(' | ')}`);
      await page.locator(panel).scrollIntoViewIfNeeded();
      await shot(page, '64-leader-evidence-offline-sent');
      console.log(`  offline upload sent ${sentIn} ms after reconnecting`);
      await ctx.close();
    },
  );
}
