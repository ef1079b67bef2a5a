import request from 'supertest';
import type { Caller } from '../src/auth/caller';
import { FinalizedPeriod } from '../src/periods/finalized-period.entity';
import { makeTenant, type Tenant } from './factories/world';
import { isMysql, startTestApp, type TestApp } from './support/test-app';

/**
 * Finalization is one transaction on the locked studio row (issue 10 item 2). Only a database with
 * concurrent transactions can race; the embedded one runs finalizations one at a time.
 */
(isMysql() ? describe : describe.skip)('finalization is atomic', () => {
  let t: TestApp;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('of 12 concurrent finalizations of overlapping periods exactly one is stored', async () => {
    const x: Tenant = await makeTenant(t.db, '戊');
    // Twelve periods that all overlap (each holds December 2025), none starting on the same day.
    const keys = Array.from(
      { length: 12 },
      (_, i) => `2025-${String(i + 1).padStart(2, '0')}-01_2025-12-31`,
    );
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        request(t.http)
          .post(`/api/studios/${x.studioId}/periods/${keys[i % keys.length]}/finalize`)
          .set('authorization', bearer(x.callers.reviewer))
          .set('idempotency-key', `race-${i}`),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of answers.filter((r) => r.status !== 200))
      expect([a.status, (a.body as { code: string }).code]).toEqual([
        409,
        expect.stringMatching(/^PERIOD_(OVERLAPS|ALREADY_FINALIZED)$/),
      ]);
    expect(await t.db.getRepository(FinalizedPeriod).countBy({ studioId: x.studioId })).toBe(1);
  });

  it('writes racing a finalization are either in the stored sheet or refused: the sheet equals the live one', async () => {
    const x: Tenant = await makeTenant(t.db, '己');
    const base = `/api/studios/${x.studioId}`;
    const fund = (i: number) => ({
      direction: 'income',
      source: 'unit_matching',
      category: '配套',
      amount: 1000 + i,
      date: '2025-07-01',
    });
    const achievement = (i: number) => ({
      kind: 'patent',
      level: 'national',
      title: `专利${i}`,
      date: '2025-08-01',
    });
    const writes = Array.from({ length: 24 }, (_, i) =>
      request(t.http)
        .post(`${base}/${i % 2 ? 'funds' : 'achievements'}`)
        .set('authorization', bearer(x.callers.leader))
        .send(i % 2 ? fund(i) : achievement(i)),
    );
    const finalize = request(t.http)
      .post(`${base}/periods/2025/finalize`)
      .set('authorization', bearer(x.callers.reviewer));
    const [done, ...created] = await Promise.all([
      new Promise((r) => setTimeout(r, 15)).then(() => finalize),
      ...writes,
    ]);
    expect(done?.status).toBe(200);
    for (const c of created) expect([201, 409]).toContain(c.status);
    const live = await request(t.http)
      .get(`${base}/assessment?asOf=2025-12-31`)
      .set('authorization', bearer(x.callers.reviewer))
      .expect(200);
    expect((done?.body as { sheet: unknown }).sheet).toEqual(live.body);
    // And after the commit every write into the period is refused.
    await request(t.http)
      .post(`${base}/funds`)
      .set('authorization', bearer(x.callers.leader))
      .send(fund(99))
      .expect(409);
  });
});
