import { AUDIT_KINDS } from '@master-studio/shared-rules';
import request from 'supertest';
import { Activity } from '../src/activities/activity.entity';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import type { Caller } from '../src/auth/caller';
import { CheckinCodes } from '../src/checkin/checkin-code';
import {
  makeAccount,
  makeApprentice,
  activityToday,
  makeTenant,
  type Tenant,
} from './factories/world';
import { startTestApp, TEST_SECRET, type TestApp } from './support/test-app';

/** Check-ins respect the finalized-period lock (security review #3). */
describe('check-in and finalized periods', () => {
  let t: TestApp;
  let x: Tenant;
  let year = '';
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  const path = (): string => `/api/studios/${x.studioId}/activities/${x.activityId}/checkin`;
  const codes = new CheckinCodes(TEST_SECRET, 30);
  const code = (): string =>
    codes.issue(
      {
        activityId: x.activityId,
        studioId: x.studioId,
        unitId: x.unitId,
        jurisdictionId: x.jurisdictionId,
      },
      Date.now(),
    ).code;
  const apprentice = async (name: string): Promise<Caller> => {
    const { apprentice: a, person } = await makeApprentice(t.db.manager, x.studioId, name);
    return makeAccount(t.db.manager, name, person.id, [
      { role: 'apprentice', studioId: x.studioId, apprenticeId: a.id },
    ]);
  };

  beforeAll(async () => {
    t = await startTestApp({ CHECKIN_ROTATE_SECONDS: '30' });
    x = await makeTenant(t.db, '壬');
    year = (await activityToday(t.db, x.activityId)).slice(0, 4); // check-in opens only on the activity's day
  });
  afterAll(async () => {
    await t?.close();
  });

  it('opening and closing check-in are audited', async () => {
    await request(t.http).post(path()).set('authorization', bearer(x.callers.leader)).expect(200);
    await request(t.http).delete(path()).set('authorization', bearer(x.callers.member)).expect(204);
    const rows = await t.db
      .getRepository(AuditEntry)
      .find({ where: { recordType: 'checkin', recordId: x.activityId }, order: { id: 'ASC' } });
    expect(rows.map((r) => [r.action, r.accountId])).toEqual([
      ['open', x.callers.leader.accountId],
      ['close', x.callers.member.accountId],
    ]);
  });

  it('the audit list filters by every kind the audit log writes (checkin, invitation, studio…), not only record kinds', async () => {
    const res = await request(t.http)
      .get(`/api/studios/${x.studioId}/audit?recordType=checkin`)
      .set('authorization', bearer(x.callers.leader))
      .expect(200);
    expect(
      (res.body as { items: { recordType: string; recordId: number; action: string }[] }).items.map(
        (i) => [i.recordType, i.recordId, i.action],
      ),
    ).toEqual([
      ['checkin', x.activityId, 'close'],
      ['checkin', x.activityId, 'open'],
    ]);
    for (const kind of AUDIT_KINDS)
      await request(t.http)
        .get(`/api/studios/${x.studioId}/audit?recordType=${kind}`)
        .set('authorization', bearer(x.callers.leader))
        .expect(200);
    const bad = await request(t.http)
      .get(`/api/studios/${x.studioId}/audit?recordType=checkins`)
      .set('authorization', bearer(x.callers.leader))
      .expect(400);
    expect((bad.body as { fields: Record<string, string> }).fields.recordType).toContain(
      'invitation',
    );
  });

  it('finalizing closes check-in (audited); codes, current codes and short codes are refused after', async () => {
    await request(t.http).post(path()).set('authorization', bearer(x.callers.leader)).expect(200);
    // Before finalizing: a check-in goes through (and the lock's "open" answer is remembered).
    await request(t.http)
      .post('/api/checkins')
      .set('authorization', bearer(x.callers.apprentice))
      .send({ code: code() })
      .expect(200);
    await request(t.http)
      .post(`/api/studios/${x.studioId}/periods/${year}/finalize`)
      .set('authorization', bearer(x.callers.reviewer))
      .expect(200);

    expect(
      (await t.db.getRepository(Activity).findOneByOrFail({ id: x.activityId })).checkinOpen,
    ).toBe(false);
    const closed = await t.db.getRepository(AuditEntry).find({
      where: { recordType: 'checkin', recordId: x.activityId, action: 'close' },
      order: { id: 'DESC' },
    });
    expect(closed[0]).toMatchObject({ accountId: x.callers.reviewer.accountId });
    expect(JSON.parse(closed[0]?.after ?? '{}')).toEqual({
      checkinOpen: false,
      reason: 'period_finalized',
    });

    // A code still on screen: refused at once.
    const late = await apprentice('壬赵');
    const refused = await request(t.http)
      .post('/api/checkins')
      .set('authorization', bearer(late))
      .send({ code: code() })
      .expect(409);
    expect(refused.body).toEqual({
      code: 'PERIOD_FINALIZED',
      message: expect.stringMatching(new RegExp(`^${year}-01-01 至 ${year}-12-31 的考核已定稿`)),
    });
    await request(t.http).get(path()).set('authorization', bearer(x.callers.leader)).expect(409); // closed
    await request(t.http).post(path()).set('authorization', bearer(x.callers.leader)).expect(409); // cannot reopen

    // Even with check-in left open (e.g. opened in a race with the finalize): current and short codes refuse.
    await t.db.getRepository(Activity).update({ id: x.activityId }, { checkinOpen: true });
    const current = await request(t.http)
      .get(path())
      .set('authorization', bearer(x.callers.leader))
      .expect(409);
    expect(current.body).toMatchObject({ code: 'PERIOD_FINALIZED' });
    const shortCode = codes.shortCode(x.activityId, codes.windowAt(Date.now()));
    const short = await request(t.http)
      .post('/api/checkins')
      .set('authorization', bearer(late))
      .send({ shortCode })
      .expect(409);
    expect(short.body).toMatchObject({ code: 'PERIOD_FINALIZED' });
  });
});
