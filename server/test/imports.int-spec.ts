import request from 'supertest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import type { Caller } from '../src/auth/caller';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { verifyChain } from '../src/audit/audit-chain';
import { Apprentice } from '../src/apprentices/apprentice.entity';
import { Certificate } from '../src/certificates/certificate.entity';
import { FundEntry } from '../src/funds/fund-entry.entity';
import { Person } from '../src/accounts/person.entity';
import { FinalizedPeriod } from '../src/periods/finalized-period.entity';
import { sha256Of } from '../src/imports/imports.service';
import { todayInShanghai } from '../src/common/dates';
import { makeTenant, type Tenant } from './factories/world';
import { download, readXlsx, zipOf } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

const gbkCsv = (text: string): Buffer => iconv.encode(text, 'gbk');

async function certificatesXlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('证书');
  ws.addRow(['2024年度技能证书登记表']);
  ws.mergeCells(1, 1, 1, 4);
  ws.addRow(['学员姓名', '证书等级', '发证日期', '证书编号']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('imports', () => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  const post = (path: string, c: Caller | null, body: Buffer, fileName = '花名册.csv') => {
    const r = request(t.http)
      .post(`/api${path}?fileName=${encodeURIComponent(fileName)}`)
      .set('content-type', 'application/octet-stream');
    if (c) r.set('authorization', `Bearer ${t.token(c)}`);
    return r.send(body);
  };
  const apprenticesOf = async (studioId: number) => {
    const rows = await t.db.getRepository(Apprentice).findBy({ studioId });
    const people = await t.db.getRepository(Person).findBy(rows.map((r) => ({ id: r.personId })));
    return rows.map((r) => ({ ...r, name: people.find((p) => p.id === r.personId)?.name }));
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await makeTenant(t.db, '导甲');
    b = await makeTenant(t.db, '导乙');
  });
  afterAll(async () => {
    await t?.close();
  });

  const roster = gbkCsv(
    [
      '导甲张焊工技能大师工作室学徒花名册,,,',
      '序号,学员姓名,拜师日期,签约日期',
      '1,赵一 ,2024年3月1日,2024.3.1',
      '2,钱二,２０２４/４/２,',
      '3,=孙三,45383,2024-04-05',
      '4,李四,去年,2024-04-05',
      '5,周五,2024-02-30,',
      '6,,2024-05-01,',
    ].join('\r\n'),
  );

  it('previews a GBK roster: each row as it will be saved, errors per column, nothing written', async () => {
    const before = await apprenticesOf(a.studioId);
    const res = await post(
      `/studios/${a.studioId}/imports/apprentices/preview`,
      a.callers.leader,
      roster,
    );
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p).toMatchObject({
      format: 'csv',
      encoding: 'gbk',
      headerLine: 2,
      committed: false,
      ignoredColumns: ['序号'],
    });
    expect(p.counts).toEqual({ total: 6, create: 3, update: 0, skip: 0, error: 3 });
    const line = (n: number) => p.rows.find((r: { line: number }) => r.line === n);
    expect(line(3)).toMatchObject({
      action: 'create',
      values: { name: '赵一', joinedOn: '2024-03-01', agreementSignedOn: '2024-03-01' },
    });
    expect(line(4).values).toEqual({ name: '钱二', joinedOn: '2024-04-02' });
    expect(line(5)).toMatchObject({
      action: 'create',
      values: { name: '=孙三', joinedOn: '2024-04-01' },
    });
    expect(line(5).warnings.name).toContain('按文字原样保存');
    expect(line(6)).toMatchObject({
      action: 'error',
      errors: { joinedOn: expect.stringContaining('拜师日期：日期无法识别') },
    });
    expect(line(7).errors.joinedOn).toContain('没有这一天');
    expect(line(8).errors).toEqual({ name: '请填写姓名' });
    // Dated before the studio was recognized (2025-03-01): no target moves.
    expect(p.targets).toEqual([]);
    expect(p.sheet).toEqual({ before: expect.any(Number), after: expect.any(Number) });
    expect(await apprenticesOf(a.studioId)).toEqual(before);
  });

  it('commits nothing while any row is in error', async () => {
    const before = await apprenticesOf(a.studioId);
    const audits = await t.db.getRepository(AuditEntry).countBy({ studioId: a.studioId });
    const res = await post(
      `/studios/${a.studioId}/imports/apprentices/commit`,
      a.callers.leader,
      roster,
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'IMPORT_HAS_ERRORS',
      message: expect.stringContaining('有 3 行有错误'),
    });
    expect(res.body.fields['第6行.joinedOn']).toContain('日期无法识别');
    expect(await apprenticesOf(a.studioId)).toEqual(before);
    expect(await t.db.getRepository(AuditEntry).countBy({ studioId: a.studioId })).toBe(audits);
  });

  const fixed = gbkCsv(
    [
      '序号,学员姓名,拜师日期,签约日期',
      '1,赵一,2024年3月1日,2024.3.1',
      '2,钱二,2024/4/2,',
      '3,=孙三,45383,2024-04-05',
    ].join('\n'),
  );

  it('commits the fixed file in one go, audited as imported with the file name and hash', async () => {
    const res = await post(
      `/studios/${a.studioId}/imports/apprentices/commit`,
      a.callers.leader,
      fixed,
    );
    expect(res.status).toBe(201);
    expect(res.body.counts).toMatchObject({ create: 3, error: 0 });
    const names = (await apprenticesOf(a.studioId)).map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(['赵一', '钱二', '=孙三']));
    const entries = await t.db
      .getRepository(AuditEntry)
      .findBy({ studioId: a.studioId, action: 'import' });
    expect(entries).toHaveLength(3);
    const after = JSON.parse(entries[0]!.after!);
    expect(after.importedFrom).toEqual({
      fileName: '花名册.csv',
      sha256: sha256Of(fixed),
      line: expect.any(Number),
    });
    expect(
      entries.every(
        (e) => e.recordType === 'apprentice' && e.accountId === a.callers.leader.accountId,
      ),
    ).toBe(true);
    // Batched inserts: each entry names the record created from its line (the ids the multi-row
    // INSERTs answered are the rows' own), in line order, and the hash chain still verifies.
    const byId = new Map((await apprenticesOf(a.studioId)).map((x) => [x.id, x]));
    const audited = entries
      .sort((x, y) => x.id - y.id)
      .map((e) => {
        const body = JSON.parse(e.after!) as { id: number; name: string; personId: number };
        return { recordId: e.recordId, ...body, line: JSON.parse(e.after!).importedFrom.line };
      });
    expect(audited.map((e) => e.name)).toEqual(['赵一', '钱二', '=孙三']);
    for (const e of audited) {
      expect(e.id).toBe(e.recordId);
      expect(byId.get(e.recordId)).toMatchObject({ name: e.name, personId: e.personId });
    }
    expect(res.body.rows.filter((r: { action: string }) => r.action === 'create')).toEqual(
      audited.map((e) => expect.objectContaining({ line: e.line, recordId: e.recordId })),
    );
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it('re-importing the same or an overlapping file adds nothing twice: it skips or updates, and says which', async () => {
    const again = await post(
      `/studios/${a.studioId}/imports/apprentices/commit`,
      a.callers.leader,
      fixed,
    );
    expect(again.body.counts).toMatchObject({ create: 0, update: 0, skip: 3 });
    const overlap = gbkCsv(
      [
        '姓名,拜师日期,协议签订日期',
        '赵一,2024-03-01,2024-03-02',
        '钱二,2024-04-02,',
        '吴六,2024-06-01,',
        '吴六,2024-06-01,',
      ].join('\n'),
    );
    const p = await post(
      `/studios/${a.studioId}/imports/apprentices/preview`,
      a.callers.leader,
      overlap,
    );
    expect(p.body.rows.map((r: { action: string }) => r.action)).toEqual([
      'update',
      'skip',
      'create',
      'skip',
    ]);
    expect(p.body.rows[0].changes).toEqual(['协议签订日期']);
    expect(p.body.rows[3].warnings._row).toContain('与第 4 行是同一条');
    const c = await post(
      `/studios/${a.studioId}/imports/apprentices/commit`,
      a.callers.leader,
      overlap,
    );
    expect(c.status).toBe(201);
    const rows = await apprenticesOf(a.studioId);
    expect(rows.filter((x) => x.name === '赵一')).toEqual([
      expect.objectContaining({ agreementSignedOn: '2024-03-02' }),
    ]);
    expect(rows.filter((x) => x.name === '吴六')).toHaveLength(1);
    expect(rows.filter((x) => x.name === '钱二')).toHaveLength(1);
  });

  it('imports certificates from an xlsx with a merged title row, naming holders not on the roster', async () => {
    const file = await certificatesXlsx([
      ['赵一', '高级工', new Date(Date.UTC(2024, 11, 20)), 'S001'],
      ['钱二', '四级', '2024年12月21日', ''],
      ['无名氏', '技师', '2024-12-22', ''],
      ['钱二', '大师', '2099-01-01', ''],
    ]);
    const p = await post(
      `/studios/${a.studioId}/imports/certificates/preview`,
      a.callers.leader,
      file,
      '证书.xlsx',
    );
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ format: 'xlsx', headerLine: 2 });
    const [r1, r2, r3, r4] = p.body.rows;
    expect(r1).toMatchObject({
      action: 'create',
      values: { apprenticeName: '赵一', level: 'senior', awardedOn: '2024-12-20', number: 'S001' },
    });
    expect(r2).toMatchObject({
      action: 'create',
      values: { level: 'intermediate', awardedOn: '2024-12-21' },
    });
    expect(r3).toMatchObject({
      action: 'error',
      errors: { apprenticeName: expect.stringContaining('花名册中没有“无名氏”') },
    });
    expect(r4.errors.level).toContain('不在可选范围内');
    expect(r4.warnings.awardedOn).toContain('晚于今天');

    const good = await certificatesXlsx([
      ['赵一', '高级工', new Date(Date.UTC(2024, 11, 20)), 'S001'],
      ['钱二', '四级', '2024年12月21日', ''],
    ]);
    expect(
      (
        await post(
          `/studios/${a.studioId}/imports/certificates/commit`,
          a.callers.leader,
          good,
          '证书.xlsx',
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await post(
          `/studios/${a.studioId}/imports/certificates/commit`,
          a.callers.leader,
          good,
          '证书.xlsx',
        )
      ).body.counts,
    ).toMatchObject({ create: 0, skip: 2 });
    expect(
      await t.db
        .getRepository(Certificate)
        .countBy({ studioId: a.studioId, awardedOn: '2024-12-20' }),
    ).toBe(1);
  });

  it('runs the kind’s own checks (fund source) and refuses rows in a finalized period', async () => {
    await t.db.getRepository(FinalizedPeriod).save(
      t.db.getRepository(FinalizedPeriod).create({
        studioId: b.studioId,
        periodFrom: '2023-01-01',
        periodTo: '2023-12-31',
        finalizedAt: new Date(),
        finalizedBy: b.callers.leader.accountId,
        sheet: '{}',
      }),
    );
    const csv = Buffer.from(
      [
        '收支,经费来源,科目,金额,日期',
        '支出,财政补助,耗材,"1,200.50",2024-05-01',
        '到账,,补助,3000元,2024-05-02',
        '到账,财政补助,补助,5000,2023-06-01',
      ].join('\n'),
    );
    const p = await post(`/studios/${b.studioId}/imports/funds/preview`, b.callers.leader, csv);
    expect(p.status).toBe(200);
    const [spend, income, locked] = p.body.rows;
    expect(spend).toMatchObject({ action: 'error', errors: { source: '支出记录不填经费来源' } });
    expect(income).toMatchObject({
      action: 'error',
      errors: { source: expect.stringContaining('经费来源') },
    });
    expect(locked).toMatchObject({
      action: 'error',
      errors: { _row: expect.stringContaining('已定稿') },
    });
    expect(
      await t.db.getRepository(FundEntry).countBy({ studioId: b.studioId, date: '2024-05-01' }),
    ).toBe(0);
  });

  it('previews how the import moves the targets and the assessment sheet (shared-rules)', async () => {
    const today = todayInShanghai();
    const csv = Buffer.from(
      ['活动类型,活动名称,活动日期,参加人次', `业内技术交流,导入交流会,${today},40`].join('\n'),
    );
    const p = await post(
      `/studios/${b.studioId}/imports/activities/preview`,
      b.callers.leader,
      csv,
    );
    expect(p.status).toBe(200);
    const change = p.body.targets.find((x: { id: string }) => x.id === 'industry_exchanges');
    expect(change).toMatchObject({ label: expect.any(String) });
    expect(change.after - change.before).toBe(1);
    const queued = async () =>
      Number(
        (
          (await t.db.query('SELECT COUNT(*) AS n FROM progress_queue WHERE studio_id = ?', [
            b.studioId,
          ])) as { n: number }[]
        )[0]?.n,
      );
    const queuedBefore = await queued();
    const c = await post(`/studios/${b.studioId}/imports/activities/commit`, b.callers.leader, csv);
    expect(c.body.targets).toEqual(p.body.targets);
    // The batch's audit queues the studio's progress snapshot for a rebuild, once (issue 16).
    expect(await queued()).toBe(queuedBefore + 1);
    const progress = await request(t.http)
      .get(`/api/studios/${b.studioId}/progress`)
      .set('authorization', `Bearer ${t.token(b.callers.leader)}`);
    expect(
      progress.body.targets.find((x: { id: string }) => x.id === 'industry_exchanges').actual,
    ).toBe(change.after);
  });

  it('lets only the studio’s editors import', async () => {
    const csv = Buffer.from('姓名,拜师日期\n某人,2024-01-01\n');
    expect(
      (await post(`/studios/${a.studioId}/imports/apprentices/preview`, b.callers.leader, csv))
        .status,
    ).toBe(404);
    expect(
      (await post(`/studios/${a.studioId}/imports/apprentices/commit`, a.callers.apprentice, csv))
        .status,
    ).toBe(403);
    expect(
      (await post(`/studios/${a.studioId}/imports/apprentices/commit`, a.callers.unit_contact, csv))
        .status,
    ).toBeGreaterThanOrEqual(403);
    expect(
      (await post(`/studios/${a.studioId}/imports/apprentices/preview`, null, csv)).status,
    ).toBe(401);
    expect(
      (await post(`/studios/${a.studioId}/imports/documents/preview`, a.callers.leader, csv))
        .status,
    ).toBe(404);
    expect((await apprenticesOf(a.studioId)).some((x) => x.name === '某人')).toBe(false);
  });

  it('refuses bad files with a clear message and writes nothing', async () => {
    const url = `/studios/${a.studioId}/imports/apprentices/commit`;
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/vbaProject.bin', Buffer.alloc(10));
    const macro = await zip.generateAsync({ type: 'nodebuffer' });
    const encrypted = Buffer.concat([
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      Buffer.alloc(600),
      Buffer.from('EncryptionInfo', 'utf16le'),
    ]);
    const bomb = new JSZip();
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/worksheets/sheet1.xml', Buffer.alloc(8 * 1024 * 1024));
    const bombBuf = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const tooMany = Buffer.from(
      ['姓名,拜师日期', ...Array.from({ length: 5001 }, (_, i) => `人${i},2024-01-01`)].join('\n'),
    );
    const cases: [Buffer, string, string][] = [
      [macro, 'IMPORT_FILE_REFUSED', '宏'],
      [encrypted, 'IMPORT_FILE_REFUSED', '密码'],
      [bombBuf, 'IMPORT_FILE_REFUSED', '压缩炸弹'],
      [Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0]), 'IMPORT_FILE_REFUSED', '已损坏'],
      [Buffer.from('名字,日子\n甲,乙\n'), 'IMPORT_FILE_REFUSED', '没有找到表头'],
      [tooMany, 'IMPORT_TOO_MANY_ROWS', '最多导入 5000 行'],
    ];
    const count = await t.db.getRepository(Apprentice).countBy({ studioId: a.studioId });
    for (const [buf, code, text] of cases) {
      const res = await post(url, a.callers.leader, buf);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code });
      expect(res.body.message).toContain(text);
    }
    const json = await request(t.http)
      .post(`/api${url}`)
      .set('authorization', `Bearer ${t.token(a.callers.leader)}`)
      .send({ a: 1 });
    expect(json.status).toBe(400);
    expect(await t.db.getRepository(Apprentice).countBy({ studioId: a.studioId })).toBe(count);
  });

  it('serves a template per kind: Chinese header, example row, drop-downs; the example row is skipped on import', async () => {
    const res = await download(t.http, '/api/imports/templates/members');
    expect(res.status).toBe(200);
    const wb = await readXlsx(res.body);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '姓名*',
      '技能等级*',
      '是否全职*',
      '从业年限',
      '加入日期',
      '离开日期',
    ]);
    expect(ws.getCell('B2').value).toBe('技师（二级）');
    const xml = await (await zipOf(res.body)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(
      /<dataValidation type="list"[^>]*sqref="B2:B5001"><formula1>&quot;初级工（五级）,/,
    );
    for (const kind of ['apprentices', 'certificates', 'activities', 'achievements', 'funds']) {
      expect((await download(t.http, `/api/imports/templates/${kind}`)).status).toBe(200);
    }
    // The untouched template imports as "nothing to import" (its example row is skipped).
    const p = await post(
      `/studios/${a.studioId}/imports/members/preview`,
      a.callers.leader,
      res.body,
      'm.xlsx',
    );
    expect(p.body.message).toBe('表头下面没有数据行');
    ws.addRow(['新成员', '高级技师', '否', 3]);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const q = await post(
      `/studios/${a.studioId}/imports/members/preview`,
      a.callers.leader,
      filled,
      'm.xlsx',
    );
    expect(q.body.rows.map((r: { action: string }) => r.action)).toEqual(['skip', 'create']);
    expect(q.body.rows[1].values).toEqual({
      name: '新成员',
      skillLevel: 'senior_technician',
      fullTime: false,
      yearsInTrade: 3,
    });
  });

  it('lets a reviewer register a batch of studios for the jurisdiction, with leader invitations', async () => {
    const url = (mode: string) => `/jurisdictions/${a.jurisdictionId}/imports/studios/${mode}`;
    const header =
      '单位名称,工作室名称,职业（工种）,认定日期,领办人姓名,领办人出生日期,退休类别,领办人技能等级,领办人是否全职';
    const rows = [
      `导甲机械有限公司,导甲钳工技能大师工作室,钳工,2025-06-01,周强,1970-01-02,男职工,高级技师,是`,
      `新建的电力公司,新建电工技能大师工作室,电工,2025年7月1日,吴敏,1980/3/4,女职工（原50周岁退休）,技师,否`,
    ];
    const bad = Buffer.from(
      [header, ...rows, '某公司,某工作室,车工,2025-01-01,郑一,1975-01-01,不知道,技师,是'].join(
        '\n',
      ),
    );
    const p = await post(url('preview'), a.callers.reviewer, bad, '工作室.csv');
    expect(p.status).toBe(200);
    expect(p.body.rows.map((r: { action: string }) => r.action)).toEqual([
      'create',
      'create',
      'error',
    ]);
    expect(p.body.rows[1].warnings.unitName).toContain('将新建单位');
    expect(p.body.rows[2].errors.leaderRetirementCategory).toContain('不在可选范围内');
    expect((await post(url('commit'), a.callers.reviewer, bad)).status).toBe(422);
    expect((await post(url('commit'), a.callers.leader, bad)).status).toBe(403);
    expect((await post(url('commit'), b.callers.reviewer, bad)).status).toBe(404);

    const good = Buffer.from([header, ...rows].join('\n'));
    const c = await post(url('commit'), a.callers.reviewer, good, '工作室.csv');
    expect(c.status).toBe(201);
    expect(c.body.rows.map((r: { code?: string }) => typeof r.code)).toEqual(['string', 'string']);
    const studios = (await t.db.query('SELECT id, name FROM studios WHERE jurisdiction_id = ?', [
      a.jurisdictionId,
    ])) as { id: number; name: string }[];
    expect(studios.map((x) => x.name)).toEqual(
      expect.arrayContaining(['导甲钳工技能大师工作室', '新建电工技能大师工作室']),
    );
    const invites = (await t.db.query(
      "SELECT COUNT(*) AS n FROM invitations WHERE role = 'leader' AND studio_id IN (?, ?)",
      studios
        .filter((x) => x.name.startsWith('导甲钳') || x.name.startsWith('新建'))
        .map((x) => x.id),
    )) as { n: number }[];
    expect(Number(invites[0]!.n)).toBe(2);
    // The code redeems like any leader invitation (invitations/).
    const again = await post(url('commit'), a.callers.reviewer, good);
    expect(again.body.counts).toMatchObject({ create: 0, skip: 2 });
  });
});
