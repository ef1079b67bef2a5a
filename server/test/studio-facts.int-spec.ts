import request from 'supertest';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import type { Caller } from '../src/auth/caller';
import { makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

interface StudioBody {
  name: string;
  hasSign: boolean | null;
  areaSqm: number | null;
  factsConfirmation: { confirmedBy: string; confirmedAt: string } | null;
}

// A fresh database migrates in beforeAll: more than jest's 5 s on a busy machine.
jest.setTimeout(30_000);

/** The leader keeps the studio's own facts and the unit confirms them (issue 11 item 7). */
describe('studio facts: kept by the leader, confirmed by the unit', () => {
  let t: TestApp;
  let x: Tenant;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  const get = async (c: Caller): Promise<StudioBody> =>
    (
      await request(t.http)
        .get(`/api/studios/${x.studioId}`)
        .set('authorization', bearer(c))
        .expect(200)
    ).body as StudioBody;
  const patch = (c: Caller, body: object) =>
    request(t.http).patch(`/api/studios/${x.studioId}`).set('authorization', bearer(c)).send(body);
  const confirm = (c: Caller) =>
    request(t.http)
      .post(`/api/studios/${x.studioId}/facts/confirm`)
      .set('authorization', bearer(c));

  beforeAll(async () => {
    t = await startTestApp();
    x = await makeTenant(t.db, '辰');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets the leader change the name and facilities, pending the unit', async () => {
    const res = await patch(x.callers.leader, {
      name: '辰张电焊工技能大师工作室',
      hasSign: true,
      areaSqm: 120,
    }).expect(200);
    expect(res.body).toMatchObject({
      name: '辰张电焊工技能大师工作室',
      hasSign: true,
      areaSqm: 120,
      factsConfirmation: null,
    });
    await patch(x.callers.leader, { name: '' }).expect(400);
    await patch(x.callers.unit_contact, { hasSign: false }).expect(403);
  });

  it('lets only the unit contact confirm, with who and when, audited', async () => {
    await confirm(x.callers.leader).expect(403);
    await confirm(x.callers.reviewer).expect(403);
    const res = await confirm(x.callers.unit_contact).expect(200);
    const c = (res.body as StudioBody).factsConfirmation;
    expect(c?.confirmedBy).toEqual(expect.any(String));
    expect(Date.now() - Date.parse(c!.confirmedAt)).toBeLessThan(120_000);
    expect((await get(x.callers.leader)).factsConfirmation).toEqual(c);
    const audit = await t.db
      .getRepository(AuditEntry)
      .findBy({ studioId: x.studioId, recordType: 'studio' });
    expect(audit.some((a) => JSON.stringify(a.after).includes('factsConfirmation'))).toBe(true);
  });

  it('asks the unit again after the leader changes a fact, not after other edits', async () => {
    await patch(x.callers.leader, { leaderFullTime: true }).expect(200);
    expect((await get(x.callers.leader)).factsConfirmation).not.toBeNull();
    await patch(x.callers.leader, { hasSign: true }).expect(200); // unchanged value
    expect((await get(x.callers.leader)).factsConfirmation).not.toBeNull();
    await patch(x.callers.leader, { hasEquipment: false }).expect(200);
    expect((await get(x.callers.unit_contact)).factsConfirmation).toBeNull();
  });
});
