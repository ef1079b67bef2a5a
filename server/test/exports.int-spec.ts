import request from 'supertest';
import type ExcelJS from 'exceljs';
import type { Caller } from '../src/auth/caller';
import { DownloadLinks } from '../src/exports/download-links';
import { toPayload } from '../src/auth/caller';
import { COL } from '../src/exports/forms/assessment-sheet';
import { makeApprentice, makeTenant, type Tenant } from './factories/world';
import { docxText, download, readXlsx, rowsOf, rowWhere, zipOf } from './support/files';
import { exportedSheet } from './support/sheet-readback';
import { startTestApp, TEST_SECRET, type TestApp } from './support/test-app';

const ASOF = '2026-06-30';
// Set-up builds several tenants and each test downloads and parses files: more than jest's 5 s on a busy machine.
jest.setTimeout(30_000);

describe('exports', () => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  const bearer = (c: Caller) => `Bearer ${t.token(c)}`;
  const get = (path: string, c?: Caller) =>
    download(t.http, `/api${path}`, c ? bearer(c) : undefined);

  beforeAll(async () => {
    t = await startTestApp();
    a = await makeTenant(t.db, '甲');
    b = await makeTenant(t.db, '乙');
    // Names a spreadsheet would read as formulas if typed in.
    for (const name of [
      '=HYPERLINK("http://x.example","点我")',
      '+86 13800000000',
      '-1+2',
      '@SUM(A1:A9)',
    ])
      await makeApprentice(t.db.manager, a.studioId, name, '2025-04-01');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('assessment sheet', () => {
    let wb: ExcelJS.Workbook;
    let api: {
      items: { id: string; score: number; basis: string; max: number }[];
      total: number;
      base: { score: number };
      bonus: { score: number };
    };

    beforeAll(async () => {
      const res = await get(
        `/studios/${a.studioId}/exports/assessment?asOf=${ASOF}`,
        a.callers.leader,
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('甲张焊工技能大师工作室考核表')}`,
      );
      wb = await readXlsx(res.body);
      api = (
        await request(t.http)
          .get(`/api/studios/${a.studioId}/assessment?asOf=${ASOF}`)
          .set('authorization', bearer(a.callers.leader))
          .expect(200)
      ).body;
    });

    it('has a row per item with the API score (blank where pending), and the API totals', () => {
      const ws = wb.worksheets[0]!;
      expect(api.items).toHaveLength(25);
      for (const it of api.items) {
        const row = rowWhere(ws, COL.id, it.id);
        expect(row).toBeDefined();
        expect(row!.getCell(COL.max).value).toBe(it.max);
        expect(row!.getCell(COL.score).value).toBe(it.basis === 'pending' ? null : it.score);
      }
      expect(rowWhere(ws, COL.section, '合计')!.getCell(COL.score).value).toBe(api.total);
      expect(rowWhere(ws, COL.section, '基础分')!.getCell(COL.score).value).toBe(api.base.score);
      expect(rowWhere(ws, COL.section, '加分')!.getCell(COL.score).value).toBe(api.bonus.score);
    });

    it('prints the annex wording and names the records, not ids', () => {
      const ws = wb.worksheets[0]!;
      expect(ws.getCell(1, 1).value).toBe('乌鲁木齐市技能大师工作室考核评估标准');
      expect(rowWhere(ws, COL.id, 'U6')!.getCell(COL.content).value).toBe(
        '申办单位在建设周期内对工作室配套相应的资金不少于10万元',
      );
      expect(String(rowWhere(ws, COL.id, 'U6')!.getCell(9).value)).toContain(
        '单位配套 60,000元（2025-04-01）',
      );
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    });

    it('is readable by the unit contact and the reviewer, not by an apprentice or another tenant', async () => {
      expect(
        (await get(`/studios/${a.studioId}/exports/assessment`, a.callers.unit_contact)).status,
      ).toBe(200);
      expect(
        (await get(`/studios/${a.studioId}/exports/assessment`, a.callers.reviewer)).status,
      ).toBe(200);
      expect(
        (await get(`/studios/${a.studioId}/exports/assessment`, a.callers.apprentice)).status,
      ).toBe(403);
      expect(
        (await get(`/studios/${a.studioId}/exports/assessment`, b.callers.reviewer)).status,
      ).toBe(404);
      expect((await get(`/studios/${a.studioId}/exports/assessment`)).status).toBe(401);
      expect((await get(`/studios/${a.studioId}/exports/nonsense`, a.callers.leader)).status).toBe(
        404,
      );
    });
  });

  describe('roster', () => {
    it('lists the apprentices with dates and certificates, and keeps formula-like names as text', async () => {
      const res = await get(`/studios/${a.studioId}/exports/roster?asOf=${ASOF}`, a.callers.member);
      expect(res.status).toBe(200);
      const wb = await readXlsx(res.body);
      const ws = wb.getWorksheet('学员花名册')!;
      const wang = rowWhere(ws, 2, '甲王')!;
      expect([wang.getCell(3).value, wang.getCell(4).value, wang.getCell(6).value]).toEqual([
        '2025-03-10',
        '2025-03-10',
        '在册',
      ]);
      expect(String(wang.getCell(7).value)).toContain('高级工（三级） 2025-09-01');
      for (const name of [
        '=HYPERLINK("http://x.example","点我")',
        '+86 13800000000',
        '-1+2',
        '@SUM(A1:A9)',
      ]) {
        const cell = rowWhere(ws, 2, name)!.getCell(2);
        expect(cell.type).toBe(3); // ValueType.String
        expect(cell.formula).toBeUndefined();
      }
      const xml = await (await zipOf(res.body)).file('xl/worksheets/sheet1.xml')!.async('string');
      expect(xml).not.toContain('<f>');
      const team = rowsOf(wb.getWorksheet('团队成员')!);
      expect(team.some((r) => r[2] === '甲张' && r[3] === '领办人')).toBe(true);
      expect(team.some((r) => r[2] === '甲李' && r[3] === '成员')).toBe(true);
    });
  });

  describe('sign-in sheet and monthly attendance', () => {
    it('lists the activity check-ins, walk-ins as lines to sign, and a signature column', async () => {
      const res = await get(
        `/studios/${a.studioId}/activities/${a.activityId}/exports/signin`,
        a.callers.leader,
      );
      expect(res.status).toBe(200);
      const ws = (await readXlsx(res.body)).worksheets[0]!;
      const rows = rowsOf(ws);
      expect(rows.some((r) => r.includes('本人签名'))).toBe(true);
      expect(rows.filter((r) => r[4] === '现场登记（未扫码）')).toHaveLength(3);
      expect(
        (
          await get(
            `/studios/${b.studioId}/activities/${a.activityId}/exports/signin`,
            b.callers.leader,
          )
        ).status,
      ).toBe(404);
    });

    it('builds the month matrix with person-times per activity', async () => {
      const res = await get(
        `/studios/${a.studioId}/exports/attendance?month=2025-05`,
        a.callers.leader,
      );
      expect(res.status).toBe(200);
      const ws = (await readXlsx(res.body)).worksheets[0]!;
      expect(rowWhere(ws, 2, '人次')!.getCell(3).value).toBe(3);
    });
  });

  describe('fund ledger', () => {
    it('keeps a running balance and totals by source and category', async () => {
      await request(t.http)
        .post(`/api/studios/${a.studioId}/funds`)
        .set('authorization', bearer(a.callers.leader))
        .send({ direction: 'spending', category: '设备购置', amount: 1234.5, date: '2025-05-02' })
        .expect(201);
      const res = await get(
        `/studios/${a.studioId}/exports/ledger?year=2025`,
        a.callers.unit_contact,
      );
      expect(res.status).toBe(200);
      const wb = await readXlsx(res.body);
      const ws = wb.getWorksheet('经费台账')!;
      const total = rowWhere(ws, 5, '合计')!;
      expect([total.getCell(6).value, total.getCell(7).value, total.getCell(8).value]).toEqual([
        60000, 1234.5, 58765.5,
      ]);
      const sums = rowsOf(wb.getWorksheet('分类汇总')!);
      expect(sums.some((r) => r[1] === '支出' && r[2] === '设备购置' && r[3] === 1234.5)).toBe(
        true,
      );
    });
  });

  describe('jurisdiction workbook', () => {
    it('has a ranked summary and one sheet per studio, for the reviewer only', async () => {
      const res = await get(
        `/jurisdictions/${a.jurisdictionId}/exports/assessments?asOf=${ASOF}`,
        a.callers.reviewer,
      );
      expect(res.status).toBe(200);
      const wb = await readXlsx(res.body);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '1 甲张焊工技能大师工作室']);
      const api = (
        await request(t.http)
          .get(`/api/studios/${a.studioId}/assessment?asOf=${ASOF}`)
          .set('authorization', bearer(a.callers.reviewer))
          .expect(200)
      ).body as { total: number };
      expect(rowWhere(wb.worksheets[0]!, 2, '甲张焊工技能大师工作室')!.getCell(4).value).toBe(
        api.total,
      );
      expect(
        (await get(`/jurisdictions/${a.jurisdictionId}/exports/assessments`, a.callers.leader))
          .status,
      ).toBe(403);
      expect(
        (await get(`/jurisdictions/${a.jurisdictionId}/exports/assessments`, b.callers.reviewer))
          .status,
      ).toBe(404);
    });
  });

  describe('download links', () => {
    it('issues a link after the access check; the link downloads without a header', async () => {
      const link = (
        await request(t.http)
          .post('/api/exports/links')
          .set('authorization', bearer(a.callers.leader))
          .send({ kind: 'roster', studioId: a.studioId })
          .expect(201)
      ).body as { url: string; fileName: string };
      expect(link.fileName).toMatch(/^甲张焊工技能大师工作室花名册/);
      const res = await download(t.http, `/api${link.url}`);
      expect(res.status).toBe(200);
      expect((await readXlsx(res.body)).getWorksheet('学员花名册')).toBeDefined();
      await request(t.http)
        .post('/api/exports/links')
        .set('authorization', bearer(a.callers.apprentice))
        .send({ kind: 'roster', studioId: a.studioId })
        .expect(403);
      await request(t.http)
        .post('/api/exports/links')
        .set('authorization', bearer(b.callers.leader))
        .send({ kind: 'roster', studioId: a.studioId })
        .expect(404);
    });

    it('refuses an expired, tampered or re-targeted link', async () => {
      const links = new DownloadLinks(TEST_SECRET);
      const expired = links.sign(
        toPayload(a.callers.leader),
        { kind: 'roster', studioId: a.studioId },
        Date.now() - 301_000,
      ).token;
      const res = await download(t.http, `/api/exports/download?token=${expired}`);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body.toString('utf8')).message).toBe('下载链接已过期，请重新导出');
      const good = links.sign(
        toPayload(a.callers.leader),
        { kind: 'roster', studioId: a.studioId },
        Date.now(),
      ).token;
      const [body, mac] = good.split('.');
      const other = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(body!, 'base64url').toString()),
          x: { kind: 'roster', studioId: b.studioId },
        }),
      ).toString('base64url');
      expect((await download(t.http, `/api/exports/download?token=${other}.${mac}`)).status).toBe(
        401,
      );
      // A genuine link for a studio the account cannot read answers as the data route does.
      const foreign = links.sign(
        toPayload(a.callers.leader),
        { kind: 'roster', studioId: b.studioId },
        Date.now(),
      ).token;
      expect((await download(t.http, `/api/exports/download?token=${foreign}`)).status).toBe(404);
    });
  });
});

describe('documents and archive', () => {
  let t: TestApp;
  let a: Tenant;
  const bearer = (c: Caller) => `Bearer ${t.token(c)}`;

  beforeAll(async () => {
    t = await startTestApp();
    a = await makeTenant(t.db, '丙', 'gongshu-2020');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('fills the application form from the records and attaches the eligibility checklist', async () => {
    const res = await download(
      t.http,
      `/api/studios/${a.studioId}/exports/application?asOf=${ASOF}`,
      bearer(a.callers.leader),
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(res.body);
    expect(text).toContain('拱墅区技能大师工作室申报表');
    expect(text).toContain('丙机械有限公司');
    expect(text).toContain('1975年6月');
    expect(text).toContain('高级技师（一级）');
    expect(text).toContain('资格条件自查');
    expect(text).toMatch(/团队人数\n不符合/); // one member against 三.1's three
  });

  it('writes the year summary with the numbers of the record APIs', async () => {
    const acts = (
      await request(t.http)
        .get(`/api/studios/${a.studioId}/activities?from=2025-01-01&to=2025-12-31&pageSize=100`)
        .set('authorization', bearer(a.callers.leader))
        .expect(200)
    ).body as { total: number; items: { attendance: number }[] };
    const res = await download(
      t.http,
      `/api/studios/${a.studioId}/exports/summary?year=2025`,
      bearer(a.callers.unit_contact),
    );
    expect(res.status).toBe(200);
    const text = await docxText(res.body);
    expect(text).toContain(
      `本年度共开展活动 ${acts.total} 次，带动技艺提升 ${acts.items.reduce((n, x) => n + x.attendance, 0)} 人次。`,
    );
    expect(text).toContain('学徒取得职业技能等级证书 1 本，其中高级工（三级） 1 本');
    expect(text).toContain('本年度经费到账 60,000.00 元');
    const plan = await docxText(
      (
        await download(
          t.http,
          `/api/studios/${a.studioId}/exports/plan?year=2025`,
          bearer(a.callers.leader),
        )
      ).body,
    );
    expect(plan).toContain('2026年度工作计划');
    expect(plan).toContain('二、2026年度目标任务');
  });

  it('packs every record and the forms into one ZIP', async () => {
    const res = await download(
      t.http,
      `/api/studios/${a.studioId}/exports/archive`,
      bearer(a.callers.leader),
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await zipOf(res.body);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        '档案数据.xlsx',
        '清单.txt',
        '材料/考核表.xlsx',
        '材料/花名册.xlsx',
        '材料/经费台账.xlsx',
        '材料/申报表.docx',
      ]),
    );
    const records = await readXlsx(await zip.file('档案数据.xlsx')!.async('nodebuffer'));
    expect(records.worksheets.map((w) => w.name)).toEqual([
      '工作室',
      '团队成员',
      '学徒',
      '证书',
      '活动',
      '签到',
      '成果',
      '经费',
      '报送材料',
    ]);
    expect(
      rowsOf(records.getWorksheet('学徒')!)
        .slice(1)
        .map((r) => r[2]),
    ).toEqual(['丙王']);
    expect(
      (
        await download(
          t.http,
          `/api/studios/${a.studioId}/exports/archive`,
          bearer(a.callers.apprentice),
        )
      ).status,
    ).toBe(403);
  });
});

describe('every policy: the assessment sheet and the application form read back', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['urumqi-2023', '乌鲁木齐市技能大师工作室考核评估标准', '乌鲁木齐市技能大师工作室申报表'],
    ['gongshu-2020', '拱墅区技能大师工作室考核表', '拱墅区技能大师工作室申报表'],
    [
      'yuzhong-2023',
      '重庆市渝中区技能大师工作室考核评估表',
      '重庆市渝中区区级技能大师工作室申报表',
    ],
    ['shunyi-2023', '北京市顺义区技能大师工作室考核评估表', '顺义区技能大师工作室申报表'],
    ['shaoguan-2022', '广东省韶关市技能大师工作室考核评估表', '韶关市技能大师工作室申请表'],
  ])('%s', async (policyId, sheetTitle, formTitle) => {
    const a = await makeTenant(t.db, policyId.slice(0, 3), policyId);
    const bearer = `Bearer ${t.token(a.callers.reviewer)}`;
    const api = (
      await request(t.http)
        .get(`/api/studios/${a.studioId}/assessment?asOf=${ASOF}`)
        .set('authorization', bearer)
        .expect(200)
    ).body as {
      items: { id: string; score: number; basis: string }[];
      total: number;
      maxTotal: number;
    };
    const read = await exportedSheet(t.http, a.studioId, ASOF, bearer);
    expect(read.title).toBe(sheetTitle);
    expect(Object.keys(read.items).sort()).toEqual(api.items.map((i) => i.id).sort());
    for (const it of api.items)
      expect([it.id, read.items[it.id]]).toEqual([it.id, it.basis === 'pending' ? null : it.score]);
    if (api.maxTotal > 0 && api.items.length) expect(read.total).toBe(api.total);
    const text = await docxText(
      (
        await download(
          t.http,
          `/api/studios/${a.studioId}/exports/application?asOf=${ASOF}`,
          bearer,
        )
      ).body,
    );
    // People read the document's short name (乌鲁木齐市办法 附件2), never the policy id.
    const policyIdIn = /\b(urumqi|gongshu|yuzhong|shunyi|shaoguan)-\d{4}\b/;
    expect(read.text).not.toMatch(policyIdIn);
    expect(text).not.toMatch(policyIdIn);
    for (const s of [
      formTitle,
      `${policyId.slice(0, 3)}张`,
      `${policyId.slice(0, 3)}机械有限公司`,
      '焊工',
      '资格条件自查',
    ])
      expect(text).toContain(s);
  });
});
