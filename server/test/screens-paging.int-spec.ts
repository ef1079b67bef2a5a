import request from 'supertest';
import { Certificate } from '../src/certificates/certificate.entity';
import { Invitation } from '../src/invitations/invitation.entity';
import { Attendance } from '../src/checkin/attendance.entity';
import { makeApprentice, makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

interface PageBody<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Issue 11 item 2: the lists that were still answered whole are paged like the others
 * (`{ items, total, page, pageSize }`): the apprentice's certificates, a studio's pending
 * invitations, and an activity's roster of those not checked in (with the roster's counts).
 */
describe('paged lists: my certificates, pending invitations, who has not checked in', () => {
  let t: TestApp;
  let x: Tenant;
  let other: Tenant;
  const as = (c: Tenant['callers'][keyof Tenant['callers']]) => `Bearer ${t.token(c)}`;
  const get = async <T>(path: string, who: Tenant['callers'][keyof Tenant['callers']]) =>
    (await request(t.http).get(path).set('authorization', as(who)).expect(200)).body as PageBody<T>;

  beforeAll(async () => {
    t = await startTestApp();
    x = await makeTenant(t.db, '页');
    other = await makeTenant(t.db, '叶');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("pages the apprentice's certificates, newest first, with the total; others' are never listed", async () => {
    // The factory gave the apprentice one (2025-09-01); 24 more, one a day from 2024-01-01.
    const rows = Array.from({ length: 24 }, (_, i) => ({
      studioId: x.studioId,
      apprenticeId: x.apprenticeId,
      level: 'senior',
      awardedOn: `2024-01-${String(i + 1).padStart(2, '0')}`,
      number: `页-${i + 1}`,
    }));
    await t.db.getRepository(Certificate).insert(rows);
    // Another person's certificate is not the caller's.
    await t.db.getRepository(Certificate).insert({
      studioId: other.studioId,
      apprenticeId: other.apprenticeId,
      level: 'senior',
      awardedOn: '2026-01-01',
      number: '叶-1',
    });

    type Cert = { id: number; awardedOn: string; number: string | null; studioId: number };
    const first = await get<Cert>('/api/me/certificates', x.callers.apprentice);
    expect(first).toMatchObject({ total: 25, page: 1, pageSize: 20 });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]?.awardedOn).toBe('2025-09-01');
    expect(first.items[1]?.awardedOn).toBe('2024-01-24');

    const second = await get<Cert>('/api/me/certificates?page=2&pageSize=20', x.callers.apprentice);
    expect(second).toMatchObject({ total: 25, page: 2, pageSize: 20 });
    expect(second.items.map((c) => c.awardedOn)).toEqual([
      '2024-01-05',
      '2024-01-04',
      '2024-01-03',
      '2024-01-02',
      '2024-01-01',
    ]);
    const ids = [...first.items, ...second.items].map((c) => c.id);
    expect(new Set(ids).size).toBe(25);
    expect([...first.items, ...second.items].every((c) => c.studioId === x.studioId)).toBe(true);

    const small = await get<Cert>('/api/me/certificates?page=3&pageSize=10', x.callers.apprentice);
    expect(small.items.map((c) => c.number)).toEqual(['页-5', '页-4', '页-3', '页-2', '页-1']);

    // Not an apprentice: an empty page, shaped the same.
    expect(await get('/api/me/certificates', x.callers.reviewer)).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
    });
    const bad = await request(t.http)
      .get('/api/me/certificates?pageSize=101')
      .set('authorization', as(x.callers.apprentice))
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('每页条数不能超过 100');
  });

  it("pages a studio's pending invitations, newest first", async () => {
    const created: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { apprentice } = await makeApprentice(t.db.manager, x.studioId, `页徒${i}`);
      const res = await request(t.http)
        .post('/api/invitations')
        .set('authorization', as(x.callers.leader))
        .send({ role: 'apprentice', studioId: x.studioId, apprenticeId: apprentice.id })
        .expect(201);
      created.push((res.body as { id: number }).id);
    }
    // A used one is not pending.
    await t.db.getRepository(Invitation).update({ id: created[0] }, { usedAt: new Date() });
    type Inv = { id: number };
    const p1 = await get<Inv>(
      `/api/invitations?studioId=${x.studioId}&page=1&pageSize=1`,
      x.callers.leader,
    );
    expect(p1).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(p1.items.map((i) => i.id)).toEqual([created[2]]);
    const p2 = await get<Inv>(
      `/api/invitations?studioId=${x.studioId}&page=2&pageSize=1`,
      x.callers.leader,
    );
    expect(p2.items.map((i) => i.id)).toEqual([created[1]]);
    await request(t.http)
      .get(`/api/invitations?studioId=${x.studioId}`)
      .set('authorization', as(other.callers.leader))
      .expect(404); // another tenant's studio answers like a missing one
  });

  it('pages who has not checked in, by name, with the roster counts', async () => {
    // The activity is dated 2025-05-01; three more apprentices on the roster, one checked in.
    const m = t.db.manager;
    const names = ['页甲', '页乙', '页丙'];
    const persons: number[] = [];
    for (const n of names) persons.push((await makeApprentice(m, x.studioId, n)).person.id);
    await m.insert(Attendance, {
      activityId: x.activityId,
      personId: persons[1],
      studioId: x.studioId,
      checkedInAt: new Date('2025-05-01T01:00:00Z'),
    });
    const path = `/api/studios/${x.studioId}/activities/${x.activityId}`;
    const roster = (
      await request(t.http)
        .get(`${path}/roster`)
        .set('authorization', as(x.callers.leader))
        .expect(200)
    ).body as {
      items: { personId: number; name: string; checkedIn: boolean }[];
      total: number;
      checkedIn: number;
    };
    const missingAll = roster.items.filter((i) => !i.checkedIn);
    expect(missingAll.length).toBeGreaterThanOrEqual(3);
    expect(missingAll.map((i) => i.personId)).not.toContain(persons[1]);

    type Entry = { personId: number; name: string; checkedIn: boolean };
    const seen: Entry[] = [];
    for (let page = 1; page <= missingAll.length; page++) {
      const p = (await get<Entry>(
        `${path}/roster/missing?page=${page}&pageSize=2`,
        x.callers.leader,
      )) as PageBody<Entry> & { expected: number; checkedIn: number };
      expect(p).toMatchObject({
        total: missingAll.length,
        page,
        pageSize: 2,
        expected: roster.total,
        checkedIn: roster.checkedIn,
      });
      if (p.items.length === 0) break;
      expect(p.items.every((i) => !i.checkedIn)).toBe(true);
      seen.push(...p.items);
    }
    // Every page together is the roster's own list of the missing, in its order.
    expect(seen.map((i) => i.personId)).toEqual(missingAll.map((i) => i.personId));
    await request(t.http)
      .get(`${path}/roster/missing`)
      .set('authorization', as(other.callers.leader))
      .expect(404); // another tenant's studio answers like a missing one
  });
});
