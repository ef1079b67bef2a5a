import request from 'supertest';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import type { Caller } from '../src/auth/caller';
import { COL } from '../src/exports/forms/assessment-sheet';
import { makeTenant, type Tenant } from './factories/world';
import { download, readXlsx, rowWhere } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(30_000);

interface Item {
  id: string;
  score: number;
  basis: string;
  explanation: string;
  override?: { fromScore: number; reason: string };
}
interface Sheet {
  items: Item[];
  total: number;
}

/** The reviewer's sheet as the meeting form (issue 11 item 6): overrides, 评审意见, named evidence. */
describe('review: overrides, 评审意见 and named evidence', () => {
  let t: TestApp;
  let x: Tenant;
  let other: Tenant;
  const ASOF = '2025-12-31';
  const REASON = '现场查看：工作室有经费台账和经费管理办法';
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  const sheet = async (asOf = ASOF): Promise<Sheet> =>
    (
      await request(t.http)
        .get(`/api/studios/${x.studioId}/assessment?asOf=${asOf}`)
        .set('authorization', bearer(x.callers.reviewer))
        .expect(200)
    ).body as Sheet;
  const g3 = async (asOf = ASOF): Promise<Item> =>
    (await sheet(asOf)).items.find((i) => i.id === 'G3')!;
  const put = (c: Caller, body: object, item = 'G3') =>
    request(t.http)
      .put(`/api/studios/${x.studioId}/overrides/${item}`)
      .set('authorization', bearer(c))
      .send(body);

  beforeAll(async () => {
    t = await startTestApp();
    // 拱墅: G3 “经费管理办法和账目” is 0 while the studio's flag is not recorded.
    x = await makeTenant(t.db, '寅', 'gongshu-2020');
    other = await makeTenant(t.db, '卯', 'gongshu-2020');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an override without a reason, above the maximum, of an unknown item, or by others', async () => {
    expect((await g3()).score).toBe(0);
    const noReason = await put(x.callers.reviewer, { score: 10, reason: '  ' }).expect(400);
    expect(JSON.stringify(noReason.body)).toContain('改分理由');
    const tooHigh = await put(x.callers.reviewer, { score: 11, reason: REASON }).expect(400);
    expect(JSON.stringify(tooHigh.body)).toContain('满分 10');
    await put(x.callers.reviewer, { score: 1, reason: REASON }, 'U10').expect(400);
    await put(x.callers.leader, { score: 10, reason: REASON }).expect(403);
    await put(x.callers.unit_contact, { score: 10, reason: REASON }).expect(403);
    // Another jurisdiction's reviewer is not told the studio exists.
    await put(other.callers.reviewer, { score: 10, reason: REASON }).expect(404);
    expect((await g3()).basis).toBe('auto');
  });

  it('applies the override to the sheet with the reason, names who made it, and audits it', async () => {
    const before = await sheet();
    const res = await put(x.callers.reviewer, { score: 10, reason: REASON }).expect(200);
    expect(res.body).toMatchObject({ itemId: 'G3', score: 10, reason: REASON });
    expect(res.body.overriddenByName).toEqual(expect.any(String));
    const after = await sheet();
    const item = after.items.find((i) => i.id === 'G3')!;
    expect(item).toMatchObject({ score: 10, basis: 'override' });
    expect(item.override).toMatchObject({ fromScore: 0, reason: REASON });
    expect(item.explanation).toContain(REASON);
    expect(after.total).toBe(before.total + 10);
    const audit = await t.db
      .getRepository(AuditEntry)
      .findBy({ studioId: x.studioId, recordType: 'override' });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('create');
    const review = await request(t.http)
      .get(`/api/studios/${x.studioId}/review?asOf=${ASOF}`)
      .set('authorization', bearer(x.callers.unit_contact))
      .expect(200);
    expect(review.body.overrides).toEqual([
      expect.objectContaining({ itemId: 'G3', reason: REASON }),
    ]);
  });

  it('prints the override and its reason in the exported 考核表', async () => {
    const res = await download(
      t.http,
      `/api/studios/${x.studioId}/exports/assessment?asOf=${ASOF}`,
      bearer(x.callers.reviewer),
    );
    expect(res.status).toBe(200);
    const ws = (await readXlsx(res.body)).worksheets[0]!;
    const row = rowWhere(ws, COL.id, 'G3')!;
    expect(row.getCell(COL.score).value).toBe(10);
    expect(JSON.stringify(row.values)).toContain('评审改分');
    expect(JSON.stringify(row.values)).toContain(REASON);
  });

  it('keeps the 评审意见 with the reviewer and date', async () => {
    await request(t.http)
      .put(`/api/studios/${x.studioId}/review/comment`)
      .set('authorization', bearer(x.callers.reviewer))
      .send({ comment: '' })
      .expect(400);
    const res = await request(t.http)
      .put(`/api/studios/${x.studioId}/review/comment`)
      .set('authorization', bearer(x.callers.reviewer))
      .send({ comment: '带徒成效明显，建议评为合格。' })
      .expect(200);
    expect(res.body.comment).toBe('带徒成效明显，建议评为合格。');
    expect(res.body.reviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const got = await request(t.http)
      .get(`/api/studios/${x.studioId}/review?asOf=${ASOF}`)
      .set('authorization', bearer(x.callers.leader))
      .expect(200);
    expect(got.body.comment).toMatchObject({
      comment: '带徒成效明显，建议评为合格。',
      reviewedByName: res.body.reviewedByName,
    });
    const audit = await t.db
      .getRepository(AuditEntry)
      .findBy({ studioId: x.studioId, recordType: 'review' });
    expect(audit).toHaveLength(1);
  });

  it('gives each item its evidence as named records (title and date), not bare ids', async () => {
    const res = await request(t.http)
      .get(`/api/studios/${x.studioId}/review?asOf=${ASOF}`)
      .set('authorization', bearer(x.callers.reviewer))
      .expect(200);
    const g6 = (res.body.evidence as { itemId: string; records: object[] }[]).find(
      (e) => e.itemId === 'G6',
    )!;
    // The factory's patent 焊缝检测装置 (2025-06-01) is G6 evidence.
    expect(g6.records).toContainEqual({
      kind: 'achievement',
      id: x.achievementId,
      title: '焊缝检测装置',
      date: '2025-06-01',
      detail: '专利',
    });
    // The explanation names the patent instead of quoting its id.
    const text = (res.body.explanations as { itemId: string; text: string }[]).find(
      (e) => e.itemId === 'G6',
    )!.text;
    expect(text).toContain('焊缝检测装置');
    expect(text).not.toMatch(/相关记录 \d/);
  });

  it('stores the override in a finalized period, and then locks it', async () => {
    await request(t.http)
      .post(`/api/studios/${x.studioId}/periods/current/finalize`)
      .set('authorization', bearer(x.callers.reviewer))
      .expect(200);
    const periods = await request(t.http)
      .get(`/api/studios/${x.studioId}/periods`)
      .set('authorization', bearer(x.callers.reviewer))
      .expect(200);
    const stored = (periods.body.items[0].sheet as Sheet).items.find((i) => i.id === 'G3')!;
    expect(stored).toMatchObject({ score: 10, basis: 'override' });
    expect(stored.explanation).toContain(REASON);
    const locked = await put(x.callers.reviewer, { score: 0, reason: '改回' });
    expect(locked.status).toBeGreaterThanOrEqual(400);
    await request(t.http)
      .delete(`/api/studios/${x.studioId}/overrides/G3`)
      .set('authorization', bearer(x.callers.reviewer))
      .expect((r) => expect(r.status).toBeGreaterThanOrEqual(400));
  });
});
