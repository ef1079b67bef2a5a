import request from 'supertest';
import { Activity } from '../src/activities/activity.entity';
import { Attendance } from '../src/checkin/attendance.entity';
import { CheckinCodes } from '../src/checkin/checkin-code';
import type { Caller } from '../src/auth/caller';
import {
  makeAccount,
  makeApprentice,
  activityToday,
  makeTenant,
  type Tenant,
} from './factories/world';
import { startTestApp, TEST_SECRET, type TestApp } from './support/test-app';

interface Body {
  code?: string;
  message?: string;
  fields?: Record<string, string>;
  shortCode?: string;
  created?: boolean;
  attendance?: { id: number; activityId: number; personId: number };
}

/** The typed 6-digit code (H5): long windows so a test never straddles a rotation. */
describe('check-in by 6-digit short code', () => {
  const ROTATE = 600;
  const codes = new CheckinCodes(TEST_SECRET, ROTATE);
  let t: TestApp;
  let x: Tenant;
  let other: Tenant;
  const path = (aid = x.activityId) => `/api/studios/${x.studioId}/activities/${aid}/checkin`;
  const bearer = (c: Caller) => `Bearer ${t.token(c)}`;
  const post = (c: Caller, body: object) =>
    request(t.http).post('/api/checkins').set('authorization', bearer(c)).send(body);
  const windowNow = () => codes.windowAt(Date.now());
  let n = 0;
  const newApprentice = async (): Promise<{ caller: Caller; personId: number }> => {
    const a = await makeApprentice(t.db.manager, x.studioId, `短码${++n}`);
    return {
      caller: await makeAccount(t.db.manager, `短码${n}`, a.person.id, [
        { role: 'apprentice', studioId: x.studioId, apprenticeId: a.apprentice.id },
      ]),
      personId: a.person.id,
    };
  };
  const rowsOf = (personId: number) => t.db.getRepository(Attendance).countBy({ personId });

  beforeAll(async () => {
    t = await startTestApp({ CHECKIN_ROTATE_SECONDS: String(ROTATE) });
    x = await makeTenant(t.db, '辛');
    await activityToday(t.db, x.activityId);
    other = await makeTenant(t.db, '壬');
    await activityToday(t.db, other.activityId);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows a 6-digit short code beside the QR token, the same for open and current', async () => {
    const opened = await request(t.http)
      .post(path())
      .set('authorization', bearer(x.callers.leader))
      .expect(200);
    expect(opened.body).toEqual({
      code: expect.stringMatching(/^v1\./),
      shortCode: expect.stringMatching(/^\d{6}$/),
      link: expect.stringMatching(/\/c\/\d{6}$/),
      expiresAt: expect.any(String),
      rotateSeconds: ROTATE,
    });
    expect((opened.body as Body).shortCode).toBe(codes.shortCode(x.activityId, windowNow()));
    const current = await request(t.http)
      .get(path())
      .set('authorization', bearer(x.callers.member))
      .expect(200);
    expect((current.body as Body).shortCode).toBe((opened.body as Body).shortCode);
  });

  it('checks the apprentice in once; replays return the same attendance', async () => {
    const shortCode = codes.shortCode(x.activityId, windowNow());
    const first = await post(x.callers.apprentice, { shortCode }).expect(200);
    expect(first.body).toMatchObject({
      created: true,
      attendance: { activityId: x.activityId, personId: x.apprenticePersonId },
    });
    const replays = await Promise.all(
      [1, 2, 3].map(() => post(x.callers.apprentice, { shortCode })),
    );
    for (const r of replays)
      expect(r.body).toEqual({ created: false, attendance: (first.body as Body).attendance });
    // The QR token for the same activity lands on the same row.
    const { code } = (
      await request(t.http).get(path()).set('authorization', bearer(x.callers.leader))
    ).body as { code: string };
    expect((await post(x.callers.apprentice, { code }).expect(200)).body).toEqual({
      created: false,
      attendance: (first.body as Body).attendance,
    });
    expect(await t.db.getRepository(Attendance).countBy({ activityId: x.activityId })).toBe(1);
  });

  it('accepts the previous window, refuses older ones with a clear message', async () => {
    const prev = await newApprentice();
    await post(prev.caller, { shortCode: codes.shortCode(x.activityId, windowNow() - 1) }).expect(
      200,
    );
    expect(await rowsOf(prev.personId)).toBe(1);
    const late = await newApprentice();
    const old = await post(late.caller, {
      shortCode: codes.shortCode(x.activityId, windowNow() - 2),
    }).expect(400);
    expect(old.body).toEqual({
      code: 'CHECKIN_CODE_INVALID',
      message: '签到码无效或已过期，请看领办人屏幕上的最新签到码',
    });
    const future = await post(late.caller, {
      shortCode: codes.shortCode(x.activityId, windowNow() + 1),
    }).expect(400);
    expect((future.body as Body).code).toBe('CHECKIN_CODE_INVALID');
    expect(await rowsOf(late.personId)).toBe(0);
  });

  it("is useless to another studio's apprentice and refused to non-apprentices", async () => {
    const shortCode = codes.shortCode(x.activityId, windowNow());
    const foreign = await post(other.callers.apprentice, { shortCode }).expect(400);
    expect((foreign.body as Body).code).toBe('CHECKIN_CODE_INVALID');
    expect(await rowsOf(other.apprenticePersonId)).toBe(0);
    await post(x.callers.leader, { shortCode }).expect(403);
  });

  it('validates the short code with Chinese field messages', async () => {
    const c = x.callers.apprentice;
    // Surrounding spaces are trimmed like every body string (' 123456' is the code 123456).
    for (const shortCode of ['12345', '1234567', '12a456', ' 12 3456', '', 123456]) {
      const r = await post(c, { shortCode }).expect(400);
      expect((r.body as Body).code).toBe('VALIDATION_FAILED');
      expect((r.body as Body).fields?.shortCode).toMatch(/6位/);
    }
    expect(
      ((await post(c, { shortCode: '123456', code: 'v1.1' }).expect(400)).body as Body).fields,
    ).toEqual({ shortCode: '扫码签到码与6位数字签到码只能填写一个' });
    expect(((await post(c, {}).expect(400)).body as Body).fields).toEqual({
      code: '请扫描签到二维码，或输入6位数字签到码',
    });
  });

  it('answers 409 rather than guess when two open activities match', async () => {
    const second = await t.db.getRepository(Activity).save({
      studioId: x.studioId,
      kind: 'training',
      title: '第二场',
      date: '2025-05-02',
      location: null,
      extraAttendance: 0,
      checkinOpen: true,
    });
    const spy = jest
      .spyOn(CheckinCodes.prototype, 'matchShort')
      .mockReturnValueOnce([x.activityId, second.id]);
    try {
      const who = await newApprentice();
      const r = await post(who.caller, { shortCode: '000000' }).expect(409);
      expect((r.body as Body).code).toBe('CHECKIN_CODE_AMBIGUOUS');
      expect(await rowsOf(who.personId)).toBe(0);
    } finally {
      spy.mockRestore();
      await t.db.getRepository(Activity).update({ id: second.id }, { checkinOpen: false });
    }
  });

  it('refuses the short code once check-in is closed', async () => {
    await request(t.http).delete(path()).set('authorization', bearer(x.callers.leader)).expect(204);
    const who = await newApprentice();
    const r = await post(who.caller, {
      shortCode: codes.shortCode(x.activityId, windowNow()),
    }).expect(400);
    expect((r.body as Body).code).toBe('CHECKIN_CODE_INVALID');
    expect(await rowsOf(who.personId)).toBe(0);
  });
});
