// End-to-end checks of evidence files (issue 13), kept apart from e2e.mjs to ease merging: the
// leader attaches a photo of the studio's sign (camera input, compressed on the phone) and a
// certificate scan (PDF) to an award in the H5 app; the reviewer sees both on the assessment
// sheet beside the items they support; the studio archive holds both files.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './benchmarks.mjs';
import { apiAs } from './e2e-lib.mjs';

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
    await leader.page.goto(
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
    await leader.page.goto(
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
      await rev.page.goto(`${base}/#/pages/reviewer/sheet/index?studioId=${studioId}`);
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
}
