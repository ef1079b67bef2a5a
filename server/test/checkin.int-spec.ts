import request from 'supertest';
import { Activity } from '../src/activities/activity.entity';
import { Attendance } from '../src/checkin/attendance.entity';
import { todayInShanghai } from '../src/common/dates';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { CheckinCodes } from '../src/checkin/checkin-code';
import {
  makeAccount,
  makeApprentice,
  activityToday,
  makeTenant,
  type Tenant,
} from './factories/world';
import { startTestApp, TEST_SECRET, type TestApp } from './support/test-app';

describe('check-in', () => {
  let t: TestApp;
  let x: Tenant;
  let other: Tenant;
  const path = () => `/api/studios/${x.studioId}/activities/${x.activityId}/checkin`;
  const as = (c: Tenant['callers'][keyof Tenant['callers']]) => `Bearer ${t.token(c)}`;

  beforeAll(async () => {
    t = await startTestApp({ CHECKIN_ROTATE_SECONDS: '30' });
    x = await makeTenant(t.db, '戊');
    await activityToday(t.db, x.activityId);
    other = await makeTenant(t.db, '己');
    await activityToday(t.db, other.activityId);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses codes until the leader opens check-in, then rotates them', async () => {
    const closed = await request(t.http)
      .get(path())
      .set('authorization', as(x.callers.leader))
      .expect(409);
    expect(closed.body).toEqual({ code: 'CHECKIN_CLOSED', message: '该活动未开启签到' });
    const opened = await request(t.http)
      .post(path())
      .set('authorization', as(x.callers.leader))
      .expect(200);
    expect(opened.body).toEqual({
      code: expect.stringMatching(/^v1\./),
      shortCode: expect.stringMatching(/^\d{6}$/),
      link: expect.stringMatching(/\/c\/\d{6}$/),
      expiresAt: expect.any(String),
      rotateSeconds: 30,
    });
    const current = await request(t.http)
      .get(path())
      .set('authorization', as(x.callers.member))
      .expect(200);
    expect((current.body as { code: string }).code).toBe((opened.body as { code: string }).code);
    await request(t.http)
      .get(`/api/studios/${x.studioId}/activities/999999/checkin`)
      .set('authorization', as(x.callers.leader))
      .expect(404);
  });

  it('records the apprentice once; replays return the same attendance', async () => {
    const { code } = (await request(t.http).get(path()).set('authorization', as(x.callers.leader)))
      .body as { code: string };
    const first = await request(t.http)
      .post('/api/checkins')
      .set('authorization', as(x.callers.apprentice))
      .send({ code })
      .expect(200);
    expect(first.body).toMatchObject({
      created: true,
      attendance: { activityId: x.activityId, personId: x.apprenticePersonId },
    });
    const replays = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        request(t.http)
          .post('/api/checkins')
          .set('authorization', as(x.callers.apprentice))
          .send({ code }),
      ),
    );
    for (const r of replays) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        created: false,
        attendance: (first.body as { attendance: unknown }).attendance,
      });
    }
    expect(await t.db.getRepository(Attendance).countBy({ activityId: x.activityId })).toBe(1);
    const list = await request(t.http)
      .get(`/api/studios/${x.studioId}/activities/${x.activityId}/attendance`)
      .set('authorization', as(x.callers.leader))
      .expect(200);
    expect(list.body).toEqual({
      total: 1,
      page: 1,
      pageSize: 20,
      items: [expect.objectContaining({ personId: x.apprenticePersonId, name: '戊王' })],
    });
    const mine = await request(t.http)
      .get('/api/me/attendance')
      .set('authorization', as(x.callers.apprentice))
      .expect(200);
    expect(mine.body).toMatchObject({
      total: 1,
      items: [
        { activityId: x.activityId, title: '焊接培训', studioName: '戊张焊工技能大师工作室' },
      ],
    });
  });

  it('feeds person-times: check-ins plus walk-ins in the facts', async () => {
    const facts = await request(t.http)
      .get(`/api/studios/${x.studioId}/facts?asOf=2025-12-31`)
      .set('authorization', as(x.callers.leader))
      .expect(200);
    const act = (
      facts.body as { activities: { id: string; attendance: number }[] }
    ).activities.find((a) => a.id === String(x.activityId));
    expect(act?.attendance).toBe(1 + 3);
  });

  it('answers expired, forged and foreign codes clearly', async () => {
    const codes = new CheckinCodes(TEST_SECRET, 30);
    const scope = {
      activityId: x.activityId,
      studioId: x.studioId,
      unitId: x.unitId,
      jurisdictionId: x.jurisdictionId,
    };
    const old = codes.issue(scope, Date.now() - 120_000).code;
    const expired = await request(t.http)
      .post('/api/checkins')
      .set('authorization', as(x.callers.apprentice))
      .send({ code: old })
      .expect(410);
    expect(expired.body).toEqual({
      code: 'CHECKIN_CODE_EXPIRED',
      message: expect.stringMatching(/过期/),
    });
    const forged = new CheckinCodes('someone-else-secret-xx', 30).issue(scope, Date.now()).code;
    const bad = await request(t.http)
      .post('/api/checkins')
      .set('authorization', as(x.callers.apprentice))
      .send({ code: forged })
      .expect(400);
    expect(bad.body).toEqual({
      code: 'CHECKIN_CODE_INVALID',
      message: expect.stringMatching(/无效/),
    });
    await request(t.http)
      .post('/api/checkins')
      .set('authorization', as(x.callers.apprentice))
      .send({ code: '' })
      .expect(400);
    await request(t.http)
      .post('/api/checkins')
      .set('authorization', as(x.callers.apprentice))
      .send({ code: 'x', extra: 1 })
      .expect(400);
    // Another studio's valid code: that studio is not the apprentice's, so it does not exist for them.
    const foreign = codes.issue(
      {
        activityId: other.activityId,
        studioId: other.studioId,
        unitId: other.unitId,
        jurisdictionId: other.jurisdictionId,
      },
      Date.now(),
    ).code;
    await request(t.http)
      .post('/api/checkins')
      .set('authorization', as(x.callers.apprentice))
      .send({ code: foreign })
      .expect(404);
    // The leader of the studio sees it but is not an apprentice.
    const own = codes.issue(scope, Date.now()).code;
    await request(t.http)
      .post('/api/checkins')
      .set('authorization', as(x.callers.leader))
      .send({ code: own })
      .expect(403);
  });

  it('closing check-in stops new codes', async () => {
    await request(t.http).delete(path()).set('authorization', as(x.callers.leader)).expect(204);
    await request(t.http).get(path()).set('authorization', as(x.callers.leader)).expect(409);
  });

  it('rate-limits check-ins per account', async () => {
    const limited = await startTestApp({ THROTTLE_CHECKIN_PER_MINUTE: '3' });
    try {
      const y = await makeTenant(limited.db, '庚');
      await limited.db
        .getRepository(Activity)
        .update({ id: y.activityId }, { date: todayInShanghai(), checkinOpen: true });
      const code = new CheckinCodes(TEST_SECRET, 30).issue(
        {
          activityId: y.activityId,
          studioId: y.studioId,
          unitId: y.unitId,
          jurisdictionId: y.jurisdictionId,
        },
        Date.now(),
      ).code;
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (
            await request(limited.http)
              .post('/api/checkins')
              .set('authorization', `Bearer ${limited.token(y.callers.apprentice)}`)
              .send({ code })
          ).status,
        );
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const second = await makeApprentice(limited.db.manager, y.studioId, '第二个');
      const c2 = await makeAccount(limited.db.manager, '第二个', second.person.id, [
        { role: 'apprentice', studioId: y.studioId, apprenticeId: second.apprentice.id },
      ]);
      await request(limited.http)
        .post('/api/checkins')
        .set('authorization', `Bearer ${limited.token(c2)}`)
        .send({ code })
        .expect(200);
    } finally {
      await limited.close();
    }
  });

  describe('check-in honours its state (issue 10 item 4)', () => {
    it('refuses a code captured before the leader closed check-in, within its window', async () => {
      const y = await makeTenant(t.db, '关');
      await activityToday(t.db, y.activityId);
      const at = `/api/studios/${y.studioId}/activities/${y.activityId}/checkin`;
      const { code, shortCode } = (
        await request(t.http).post(at).set('authorization', as(y.callers.leader)).expect(200)
      ).body as { code: string; shortCode: string };
      await request(t.http).delete(at).set('authorization', as(y.callers.leader)).expect(204);
      const late = await request(t.http)
        .post('/api/checkins')
        .set('authorization', as(y.callers.apprentice))
        .send({ code })
        .expect(409);
      expect(late.body).toEqual({
        code: 'CHECKIN_CLOSED',
        message: '该活动的签到已关闭，请联系领办人补录',
      });
      await request(t.http)
        .post('/api/checkins')
        .set('authorization', as(y.callers.apprentice))
        .send({ shortCode })
        .expect(400);
      expect(await t.db.getRepository(Attendance).countBy({ activityId: y.activityId })).toBe(0);
    });

    it("opens check-in only on the activity's own date; late attendance goes through the record, audited", async () => {
      const y = await makeTenant(t.db, '期');
      const at = (id: number) => `/api/studios/${y.studioId}/activities/${id}/checkin`;
      for (const date of ['2025-04-01', '2027-10-08']) {
        const { id } = (
          await request(t.http)
            .post(`/api/studios/${y.studioId}/activities`)
            .set('authorization', as(y.callers.leader))
            .send({ kind: 'training', title: '培训', date })
            .expect(201)
        ).body as { id: number };
        const refused = await request(t.http)
          .post(at(id))
          .set('authorization', as(y.callers.leader))
          .expect(409);
        expect(refused.body).toEqual({
          code: 'CHECKIN_NOT_ACTIVITY_DAY',
          message: `只能在活动当天（${date}）开启签到；其他日期的参加人数请在活动记录中补录`,
        });
        expect((await t.db.getRepository(Activity).findOneByOrFail({ id })).checkinOpen).toBe(
          false,
        );
      }
      // The factory's activity (2025-05-01) takes late attendance through PATCH, which is audited.
      await request(t.http)
        .patch(`/api/studios/${y.studioId}/activities/${y.activityId}`)
        .set('authorization', as(y.callers.leader))
        .send({ extraAttendance: 5 })
        .expect(200);
      const audit = await t.db
        .getRepository(AuditEntry)
        .findOneByOrFail({ recordType: 'activity', recordId: y.activityId, action: 'update' });
      expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ extraAttendance: 5 });
    });
  });
});
