import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Attendance } from '../src/checkin/attendance.entity';
import type { Caller } from '../src/auth/caller';
import {
  makeAccount,
  makeApprentice,
  activityToday,
  makeTenant,
  type Tenant,
} from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

interface CodeBody {
  code: string;
  shortCode: string;
  link: string;
}

const BASE = 'https://studio.example.com';
const VERIFY = { name: 'AbC123xYz.txt', content: '0123456789abcdef0123456789abcdef' };

/** The QR link: built from PUBLIC_BASE_URL, opened by a browser at /c/<code>, refused once stale. */
describe('check-in links (/c/<short code>)', () => {
  const ROTATE = 600;
  let t: TestApp;
  let x: Tenant;
  let tmp: string;
  const path = () => `/api/studios/${x.studioId}/activities/${x.activityId}/checkin`;
  const bearer = (c: Caller) => `Bearer ${t.token(c)}`;
  let n = 0;
  const newApprentice = async (): Promise<{ caller: Caller; personId: number }> => {
    const a = await makeApprentice(t.db.manager, x.studioId, `链接${++n}`);
    return {
      caller: await makeAccount(t.db.manager, `链接${n}`, a.person.id, [
        { role: 'apprentice', studioId: x.studioId, apprenticeId: a.apprentice.id },
      ]),
      personId: a.person.id,
    };
  };
  /** What a browser does with the link: GET it here, follow the redirect, read ?code= off the page URL. */
  const openLink = async (link: string): Promise<string> => {
    const res = await request(t.http).get(new URL(link).pathname).expect(302);
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/#\/pages\/apprentice\/checkin\/index\?code=\d{6}$/);
    return new URLSearchParams(location.split('?')[1]).get('code') as string;
  };

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'ms-link-'));
    writeFileSync(join(tmp, 'index.html'), '<html>INDEX</html>');
    t = await startTestApp({
      CHECKIN_ROTATE_SECONDS: String(ROTATE),
      PUBLIC_BASE_URL: BASE,
      WECHAT_QR_VERIFY_FILE: VERIFY.name,
      WECHAT_QR_VERIFY_CONTENT: VERIFY.content,
      STATIC_DIR: tmp,
    });
    x = await makeTenant(t.db, '癸');
    await activityToday(t.db, x.activityId);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('gives the leader a link on PUBLIC_BASE_URL carrying the short code, rotating with it', async () => {
    const opened = (
      await request(t.http).post(path()).set('authorization', bearer(x.callers.leader)).expect(200)
    ).body as CodeBody;
    expect(opened.link).toBe(`${BASE}/c/${opened.shortCode}`);
    const current = (
      await request(t.http).get(path()).set('authorization', bearer(x.callers.member)).expect(200)
    ).body as CodeBody;
    expect(current.link).toBe(opened.link);
  });

  it('a browser opening the link lands on the H5 check-in page with the code, and checks in with it', async () => {
    const { link } = (
      await request(t.http).get(path()).set('authorization', bearer(x.callers.leader))
    ).body as CodeBody;
    const code = await openLink(link);
    expect(link.endsWith(`/c/${code}`)).toBe(true);
    const who = await newApprentice();
    const r = await request(t.http)
      .post('/api/checkins')
      .set('authorization', bearer(who.caller))
      .send({ shortCode: code })
      .expect(200);
    expect(r.body).toMatchObject({
      created: true,
      attendance: { activityId: x.activityId, personId: who.personId },
    });
  });

  it("refuses a link's code once its window has rotated out", async () => {
    const { link } = (
      await request(t.http).get(path()).set('authorization', bearer(x.callers.leader))
    ).body as CodeBody;
    const code = await openLink(link);
    const now = Date.now();
    const later = jest.spyOn(Date, 'now').mockReturnValue(now + 2 * ROTATE * 1000);
    try {
      const who = await newApprentice();
      const r = await request(t.http)
        .post('/api/checkins')
        .set('authorization', bearer(who.caller))
        .send({ shortCode: code })
        .expect(400);
      expect(r.body).toEqual({
        code: 'CHECKIN_CODE_INVALID',
        message: '签到码无效或已过期，请看领办人屏幕上的最新签到码',
      });
      expect(await t.db.getRepository(Attendance).countBy({ personId: who.personId })).toBe(0);
    } finally {
      later.mockRestore();
    }
  });

  it("refuses a link's code as soon as check-in is closed, within its window", async () => {
    const { link } = (
      await request(t.http).get(path()).set('authorization', bearer(x.callers.leader))
    ).body as CodeBody;
    await request(t.http).delete(path()).set('authorization', bearer(x.callers.leader)).expect(204);
    const who = await newApprentice();
    const r = await request(t.http)
      .post('/api/checkins')
      .set('authorization', bearer(who.caller))
      .send({ shortCode: await openLink(link) })
      .expect(400);
    expect((r.body as { code: string }).code).toBe('CHECKIN_CODE_INVALID');
    expect(await t.db.getRepository(Attendance).countBy({ personId: who.personId })).toBe(0);
  });

  it("serves the WeChat console's verification file at the root and under /c/, not the H5 page", async () => {
    for (const p of [`/${VERIFY.name}`, `/c/${VERIFY.name}`]) {
      const r = await request(t.http).get(p).expect(200);
      expect(r.text).toBe(VERIFY.content);
      expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
    expect((await request(t.http).get('/c/not-a-code').expect(200)).text).toBe(
      '<html>INDEX</html>',
    );
  });
});

describe('check-in links without PUBLIC_BASE_URL (development)', () => {
  let t: TestApp;
  let x: Tenant;
  beforeAll(async () => {
    t = await startTestApp();
    x = await makeTenant(t.db, '甲');
    await activityToday(t.db, x.activityId);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('builds the link on the host the request came in at', async () => {
    const r = await request(t.http)
      .post(`/api/studios/${x.studioId}/activities/${x.activityId}/checkin`)
      .set('host', '192.168.1.5:3000')
      .set('authorization', `Bearer ${t.token(x.callers.leader)}`)
      .expect(200);
    expect((r.body as CodeBody).link).toBe(
      `http://192.168.1.5:3000/c/${(r.body as CodeBody).shortCode}`,
    );
  });
});
