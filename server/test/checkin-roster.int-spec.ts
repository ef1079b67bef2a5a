import request from 'supertest';
import { Apprentice } from '../src/apprentices/apprentice.entity';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import type { Caller } from '../src/auth/caller';
import { Attendance } from '../src/checkin/attendance.entity';
import { makeApprentice, makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

interface RosterBody {
  items: {
    personId: number;
    name: string;
    checkedIn: boolean;
    checkedInAt: string | null;
    source: string | null;
  }[];
  total: number;
  checkedIn: number;
}

/** Who has not checked in, and the leader's late / paper sign-in (issue 11 item 9). */
describe('activity roster and the leader adding attendance', () => {
  let t: TestApp;
  let x: Tenant;
  let other: Tenant;
  const people: Record<string, number> = {};
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  const base = (): string => `/api/studios/${x.studioId}/activities/${x.activityId}`;
  const roster = async (): Promise<RosterBody> =>
    (
      await request(t.http)
        .get(`${base()}/roster`)
        .set('authorization', bearer(x.callers.leader))
        .expect(200)
    ).body as RosterBody;
  const add = (c: Caller, personId: number | undefined) => {
    if (personId === undefined) throw new Error('person not set up in beforeAll');
    return request(t.http)
      .post(`${base()}/attendance`)
      .set('authorization', bearer(c))
      .send({ personId });
  };

  beforeAll(async () => {
    t = await startTestApp();
    x = await makeTenant(t.db, '癸');
    other = await makeTenant(t.db, '子');
    // The activity is dated 2025-05-01; the factory's apprentice 癸王 joined 2025-03-10.
    const m = t.db.manager;
    people.wang = x.apprenticePersonId;
    people.scanned = (await makeApprentice(m, x.studioId, '癸陈')).person.id;
    people.late = (await makeApprentice(m, x.studioId, '癸刘')).person.id;
    people.joinedAfter = (await makeApprentice(m, x.studioId, '癸周', '2025-06-01')).person.id;
    const leftBefore = await makeApprentice(m, x.studioId, '癸吴');
    await m.update(Apprentice, { id: leftBefore.apprentice.id }, { leftOn: '2025-04-30' });
    people.leftBefore = leftBefore.person.id;
    const leftThatDay = await makeApprentice(m, x.studioId, '癸郑');
    await m.update(Apprentice, { id: leftThatDay.apprentice.id }, { leftOn: '2025-05-01' });
    people.leftThatDay = leftThatDay.person.id;
    await m.insert(Attendance, {
      activityId: x.activityId,
      personId: people.scanned,
      studioId: x.studioId,
      checkedInAt: new Date('2025-05-01T01:00:00Z'),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the apprentices on the roster on the activity date, not yet checked in first', async () => {
    const body = await roster();
    expect(body.total).toBe(4);
    expect(body.checkedIn).toBe(1);
    const ids = body.items.map((i) => i.personId);
    expect(new Set(ids)).toEqual(
      new Set([people.wang, people.scanned, people.late, people.leftThatDay]),
    );
    expect(ids).not.toContain(people.joinedAfter);
    expect(ids).not.toContain(people.leftBefore);
    expect(body.items.slice(0, 3).every((i) => !i.checkedIn && i.source === null)).toBe(true);
    expect(body.items[3]).toEqual({
      personId: people.scanned,
      name: '癸陈',
      checkedIn: true,
      checkedInAt: '2025-05-01T01:00:00.000Z',
      source: 'scan',
    });
  });

  it('the leader adds a late sign-in: marked as added by the leader, audited, listed as checked', async () => {
    const res = await add(x.callers.leader, people.late).expect(200);
    const body = res.body as { attendance: { id: number; source: string }; created: boolean };
    expect(body.created).toBe(true);
    expect(body.attendance).toMatchObject({
      activityId: x.activityId,
      personId: people.late,
      source: 'leader',
    });
    const row = await t.db.getRepository(Attendance).findOneByOrFail({ id: body.attendance.id });
    expect(row).toMatchObject({ source: 'leader', addedBy: x.callers.leader.accountId });
    const audits = await t.db
      .getRepository(AuditEntry)
      .find({ where: { recordType: 'checkin', recordId: x.activityId, action: 'create' } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ accountId: x.callers.leader.accountId });
    expect(JSON.parse(audits[0]?.after ?? '{}')).toMatchObject({
      personId: people.late,
      source: 'leader',
      addedBy: x.callers.leader.accountId,
    });

    const after = await roster();
    expect(after.checkedIn).toBe(2);
    expect(after.items.find((i) => i.personId === people.late)).toMatchObject({
      checkedIn: true,
      source: 'leader',
    });
    const list = await request(t.http)
      .get(`${base()}/attendance`)
      .set('authorization', bearer(x.callers.leader))
      .expect(200);
    expect(
      (list.body as { items: { personId: number; source: string }[] }).items.map((i) => [
        i.personId,
        i.source,
      ]),
    ).toEqual([
      [people.scanned, 'scan'],
      [people.late, 'leader'],
    ]);
  });

  it('pages the attendance list: total counts every row, each page in check-in order', async () => {
    const get = async (query: string) =>
      (
        await request(t.http)
          .get(`${base()}/attendance?${query}`)
          .set('authorization', bearer(x.callers.leader))
          .expect(200)
      ).body as { items: { personId: number }[]; total: number; page: number; pageSize: number };
    const first = await get('page=1&pageSize=1');
    expect(first).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(first.items.map((i) => i.personId)).toEqual([people.scanned]);
    const second = await get('page=2&pageSize=1');
    expect(second).toMatchObject({ total: 2, page: 2 });
    expect(second.items.map((i) => i.personId)).toEqual([people.late]);
    expect((await get('page=3&pageSize=1')).items).toEqual([]);
    await request(t.http)
      .get(`${base()}/attendance?pageSize=101`)
      .set('authorization', bearer(x.callers.leader))
      .expect(400);
  });

  it('adding someone already recorded answers the existing row, once (scan or earlier add)', async () => {
    const again = await add(x.callers.member, people.late).expect(200);
    expect(again.body).toMatchObject({ created: false, attendance: { source: 'leader' } });
    const scanned = await add(x.callers.leader, people.scanned).expect(200);
    expect(scanned.body).toMatchObject({ created: false, attendance: { source: 'scan' } });
    expect(await t.db.getRepository(Attendance).countBy({ activityId: x.activityId })).toBe(2);
    expect(
      await t.db
        .getRepository(AuditEntry)
        .countBy({ recordType: 'checkin', recordId: x.activityId, action: 'create' }),
    ).toBe(1);
  });

  it('refuses people not on the roster of the activity date (another studio, joined after, left before, unknown)', async () => {
    for (const personId of [
      other.apprenticePersonId,
      people.joinedAfter,
      people.leftBefore,
      999999,
    ]) {
      const res = await add(x.callers.leader, personId).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    await add(x.callers.leader, 0).expect(400);
    expect(await t.db.getRepository(Attendance).countBy({ activityId: x.activityId })).toBe(2);
  });

  it('a member may add (same access as opening check-in); apprentice, unit contact, reviewer and another studio may not', async () => {
    for (const c of [
      x.callers.apprentice,
      x.callers.unit_contact,
      x.callers.reviewer,
      other.callers.leader,
    ]) {
      const res = await add(c, people.wang);
      expect([403, 404]).toContain(res.status);
    }
    // Apprentices and others with read access see the roster; another studio's leader does not.
    const peek = await request(t.http)
      .get(`${base()}/roster`)
      .set('authorization', bearer(other.callers.leader));
    expect([403, 404]).toContain(peek.status);
    await add(x.callers.member, people.wang).expect(200);
    expect(
      await t.db.getRepository(Attendance).findOneByOrFail({
        activityId: x.activityId,
        personId: people.wang,
      }),
    ).toMatchObject({ source: 'leader', addedBy: x.callers.member.accountId });
  });

  it('refuses adding in a finalized period', async () => {
    await request(t.http)
      .post(`/api/studios/${x.studioId}/periods/2025/finalize`)
      .set('authorization', bearer(x.callers.reviewer))
      .expect(200);
    const res = await add(x.callers.leader, people.leftThatDay).expect(409);
    expect(res.body).toMatchObject({ code: 'PERIOD_FINALIZED' });
    expect(
      await t.db
        .getRepository(Attendance)
        .countBy({ activityId: x.activityId, personId: people.leftThatDay }),
    ).toBe(0);
    // The roster is still readable.
    expect((await roster()).checkedIn).toBe(3);
  });
});
