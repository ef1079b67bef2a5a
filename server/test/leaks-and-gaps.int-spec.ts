import request from 'supertest';
import type { Caller } from '../src/auth/caller';
import { IdempotencyKey } from '../src/common/idempotency-key.entity';
import { IDEMPOTENCY_KEY_TTL_DAYS, purgeIdempotencyKeys } from '../src/common/idempotency-purge';
import { Invitation } from '../src/invitations/invitation.entity';
import { Unit } from '../src/org/unit.entity';
import { makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

/** Issue 10 item 8: smaller leaks and gaps. */
describe('smaller leaks and gaps', () => {
  let t: TestApp;
  let own: Tenant;
  let other: Tenant;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;

  beforeAll(async () => {
    t = await startTestApp();
    own = await makeTenant(t.db, '漏');
    other = await makeTenant(t.db, '隙');
  });
  afterAll(async () => {
    await t?.close();
  });

  it("DELETE /invitations answers another tenant's invitation exactly like a missing one", async () => {
    const inv = await request(t.http)
      .post('/api/invitations')
      .set('authorization', bearer(other.callers.reviewer))
      .send({ role: 'leader', studioId: other.studioId })
      .expect(201);
    const hidden = await request(t.http)
      .delete(`/api/invitations/${(inv.body as { id: number }).id}`)
      .set('authorization', bearer(own.callers.reviewer))
      .expect(404);
    const missing = await request(t.http)
      .delete('/api/invitations/999999')
      .set('authorization', bearer(own.callers.reviewer))
      .expect(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it('refuses NUL, control and bidi-override characters in names', async () => {
    for (const name of ['张\u0000三', '李\u0007四', '\u202Egnaw', '王\u2066五\u2069']) {
      const res = await request(t.http)
        .post(`/api/studios/${own.studioId}/members`)
        .set('authorization', bearer(own.callers.leader))
        .send({ name, skillLevel: 'technician', fullTime: true })
        .expect(400);
      expect((res.body as { fields: Record<string, string> }).fields).toEqual({
        name: '不能包含控制字符或文字方向控制字符',
      });
    }
    await request(t.http)
      .post(`/api/studios/${own.studioId}/activities`)
      .set('authorization', bearer(own.callers.leader))
      .send({ kind: 'training', title: '培训', date: '2025-06-01', location: '一楼\n实训区' })
      .expect(201);
  });

  it('refuses dates outside 1900–2100', async () => {
    const post = (date: string) =>
      request(t.http)
        .post(`/api/studios/${own.studioId}/activities`)
        .set('authorization', bearer(own.callers.leader))
        .send({ kind: 'training', title: '培训', date });
    for (const date of ['1899-12-31', '2101-01-01', '0001-01-01', '9999-12-31']) {
      const res = await post(date).expect(400);
      expect((res.body as { fields: Record<string, string> }).fields).toEqual({
        date: '日期应在 1900 年至 2100 年之间',
      });
    }
    for (const date of ['1900-01-01', '2100-12-31']) await post(date).expect(201);
  });

  it('invitations and units honour Idempotency-Key', async () => {
    const send = () =>
      request(t.http)
        .post('/api/invitations')
        .set('authorization', bearer(own.callers.reviewer))
        .set('idempotency-key', 'inv-1')
        .send({ role: 'unit_contact', unitId: own.unitId });
    const [a, b] = [await send().expect(201), await send().expect(201)];
    expect(b.body).toEqual(a.body);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(
      await t.db.getRepository(Invitation).countBy({ unitId: own.unitId, role: 'unit_contact' }),
    ).toBe(1);

    const unit = () =>
      request(t.http)
        .post('/api/units')
        .set('authorization', bearer(own.callers.reviewer))
        .set('idempotency-key', 'unit-1')
        .send({ jurisdictionId: own.jurisdictionId, name: '新单位' });
    const [u1, u2] = await Promise.all([unit(), unit()]);
    expect(u1.status === 201 || u2.status === 201).toBe(true);
    expect(await t.db.getRepository(Unit).countBy({ name: '新单位' })).toBe(1);
  });

  it('purges idempotency keys older than the documented time, and only those', async () => {
    const repo = t.db.getRepository(IdempotencyKey);
    const now = new Date('2026-12-01T00:00:00Z');
    const day = 86_400_000;
    const key = (k: string, ageDays: number) =>
      repo.insert({
        accountId: own.callers.leader.accountId,
        key: k,
        method: 'POST',
        path: '/api/x',
        status: 201,
        responseBody: '{}',
        createdAt: new Date(now.getTime() - ageDays * day),
      });
    await key('old', IDEMPOTENCY_KEY_TTL_DAYS + 1);
    await key('young', IDEMPOTENCY_KEY_TTL_DAYS - 1);
    // Two processes purging at once: both finish, the old key is gone once.
    const [n1, n2] = await Promise.all([
      purgeIdempotencyKeys(t.db, now),
      purgeIdempotencyKeys(t.db, now),
    ]);
    expect(n1 + n2).toBeGreaterThanOrEqual(1);
    expect(await repo.existsBy({ key: 'old' })).toBe(false);
    expect(await repo.existsBy({ key: 'young' })).toBe(true);
  });
});
