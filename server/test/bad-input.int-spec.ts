import request from 'supertest';
import { Activity } from '../src/activities/activity.entity';
import type { Caller } from '../src/auth/caller';
import { todayInShanghai } from '../src/common/dates';
import { makeTenant, type Tenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

const HAN = /[\u4e00-\u9fa5]/;
const nested = (depth: number, open: string, close: string, inner = '1'): string =>
  open.repeat(depth) + inner + close.repeat(depth);

/** Bad input is a 4xx in Chinese, never a 5xx (issue 10, item 5). */
describe('bad input', () => {
  let t: TestApp;
  let x: Tenant;
  const bearer = (c: Caller): string => `Bearer ${t.token(c)}`;
  const studio = (path = ''): string => `/api/studios/${x.studioId}${path}`;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_LOGIN: 'true' });
    x = await makeTenant(t.db, '子');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('deeply nested JSON', () => {
    it('is refused before parsing, quickly, even without a token', async () => {
      for (const body of [
        `{"username":${nested(40_000, '[', ']')}}`,
        nested(15_000, '{"a":', '}'),
        `{"username":"x","a":${nested(5_000, '{"b":', '}')}}`,
      ]) {
        const started = Date.now();
        const res = await request(t.http)
          .post('/api/auth/demo')
          .set('content-type', 'application/json')
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          code: 'BAD_REQUEST',
          message: expect.stringMatching(/嵌套/),
        });
        expect(Date.now() - started).toBeLessThan(1000);
      }
    });

    it('is refused on an authenticated write too, and writes nothing', async () => {
      const body = `{"title":"x","kind":"training","date":"2025-05-02","extra":${nested(200, '[', ']')}}`;
      const res = await request(t.http)
        .post(studio('/activities'))
        .set('authorization', bearer(x.callers.leader))
        .set('content-type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
    });

    it('still accepts ordinary nesting', async () => {
      const res = await request(t.http).post('/api/auth/demo').send({ username: 'nobody' });
      expect(res.status).toBe(404);
    });
  });

  describe('body size and shape', () => {
    it('answers 413 in Chinese for a body over the limit', async () => {
      const res = await request(t.http)
        .post('/api/auth/demo')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ username: 'x'.repeat(300_000) }));
      expect(res.status).toBe(413);
      expect(res.body.message).toMatch(HAN);
    });

    it('answers 400 for malformed JSON and for a body that is not an object', async () => {
      for (const body of ['{"username":', '[]', '"x"', '12', 'null', '\u0000']) {
        const res = await request(t.http)
          .post('/api/auth/demo')
          .set('content-type', 'application/json')
          .send(body);
        expect([body, res.status]).toEqual([body, 400]);
        expect(res.body.message).toMatch(HAN);
      }
    });
  });

  describe('content types', () => {
    it('answers 415 in Chinese for anything but application/json', async () => {
      const cases: [string, string][] = [
        ['text/plain', '{"username":"leader"}'],
        ['application/x-www-form-urlencoded', 'username=leader'],
        [
          'multipart/form-data; boundary=x',
          '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nleader\r\n--x--',
        ],
        ['application/xml', '<username>leader</username>'],
      ];
      for (const [type, body] of cases) {
        const res = await request(t.http)
          .post('/api/auth/demo')
          .set('content-type', type)
          .send(body);
        expect([type, res.status]).toEqual([type, 415]);
        expect(res.body).toEqual({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: expect.stringMatching(/JSON/),
        });
      }
      const form = await request(t.http)
        .patch(studio())
        .set('authorization', bearer(x.callers.leader))
        .type('form')
        .send({ areaSqm: '12' });
      expect(form.status).toBe(415);
    });

    it('accepts application/json with a charset, and bodiless writes without a content type', async () => {
      await request(t.http)
        .post('/api/auth/demo')
        .set('content-type', 'application/json; charset=utf-8')
        .send('{"username":"nobody"}')
        .expect(404);
      // Check-in opens only on the activity's own day.
      await t.db.getRepository(Activity).update({ id: x.activityId }, { date: todayInShanghai() });
      await request(t.http)
        .post(studio(`/activities/${x.activityId}/checkin`))
        .set('authorization', bearer(x.callers.leader))
        .expect(200);
      await request(t.http)
        .delete(studio(`/activities/${x.activityId}/checkin`))
        .set('authorization', bearer(x.callers.leader))
        .expect(204);
    });
  });

  describe('PATCH', () => {
    it('answers an empty body with 400 in Chinese on every PATCH route', async () => {
      const routes = [
        studio(),
        studio('/standing'),
        studio(`/members/${x.memberId}`),
        studio(`/funds/${x.fundId}`),
        studio(`/activities/${x.activityId}`),
      ];
      for (const path of routes) {
        const res = await request(t.http)
          .patch(path)
          .set('authorization', bearer(x.callers.leader))
          .send({});
        expect([path, res.status]).toEqual([path, 400]);
        expect(res.body).toMatchObject({
          code: 'VALIDATION_FAILED',
          message: expect.stringMatching(/没有要修改/),
        });
      }
    });

    it('answers null for a NOT NULL column with 400, not 500', async () => {
      const res = await request(t.http)
        .patch(studio())
        .set('authorization', bearer(x.callers.leader))
        .send({ leaderFullTime: null });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      const standing = await request(t.http)
        .patch(studio('/standing'))
        .set('authorization', bearer(x.callers.reviewer))
        .send({ status: null });
      expect(standing.status).toBe(400);
    });

    it('answers an amount written with an exponent (1e-7, -7e-323) with 400, not 500', async () => {
      // class-validator's IsNumber({ maxDecimalPlaces }) threw on these; the fuzz suite found it.
      for (const amount of [1e-7, -7e-323]) {
        const res = await request(t.http)
          .patch(studio(`/funds/${x.fundId}`))
          .set('authorization', bearer(x.callers.leader))
          .send({ amount });
        expect([amount, res.status]).toEqual([amount, 400]);
        expect(res.body.fields).toEqual({ amount: '金额必须是数字，最多两位小数' });
      }
    });
  });

  describe('paging', () => {
    it('refuses page numbers too large for SQL with 400', async () => {
      for (const page of ['99999999999999999999', '1e21', '9007199254740993', '100001']) {
        const res = await request(t.http)
          .get(studio(`/funds?page=${page}`))
          .set('authorization', bearer(x.callers.leader));
        expect([page, res.status]).toEqual([page, 400]);
        expect(res.body.fields.page).toMatch(HAN);
      }
      await request(t.http)
        .get(studio('/funds?page=100000'))
        .set('authorization', bearer(x.callers.leader))
        .expect(200);
    });
  });
});
