import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Account } from '../src/accounts/account.entity';
import { makeTenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

/** A local stand-in for api.weixin.qq.com/sns/jscode2session. */
function fakeWechat(): Promise<{ server: Server; base: string; calls: URLSearchParams[] }> {
  const calls: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    calls.push(url.searchParams);
    res.setHeader('content-type', 'application/json');
    if (url.pathname !== '/sns/jscode2session') return void res.writeHead(404).end('{}');
    const code = url.searchParams.get('js_code');
    if (code?.startsWith('good-'))
      return void res.end(JSON.stringify({ openid: `openid-${code.slice(5)}`, session_key: 'k' }));
    res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        calls,
      }),
    ),
  );
}

describe('sign-in', () => {
  let wx: Awaited<ReturnType<typeof fakeWechat>>;
  let t: TestApp;

  beforeAll(async () => {
    wx = await fakeWechat();
    t = await startTestApp({
      WECHAT_API_BASE: wx.base,
      WECHAT_APPID: 'wx-test',
      WECHAT_SECRET: 'wx-secret',
      PUBLIC_BASE_URL: 'https://studio.example.com',
      DEMO_LOGIN: 'true',
      THROTTLE_SIGNIN_PER_MINUTE: '1000',
    });
  });
  afterAll(async () => {
    await t?.close();
    wx?.server.close();
  });

  describe('POST /auth/wechat', () => {
    it('exchanges the code with WeChat, creates the account once, and issues a token', async () => {
      const first = await request(t.http)
        .post('/api/auth/wechat')
        .send({ code: 'good-abc' })
        .expect(200);
      expect(first.body).toMatchObject({
        accessToken: expect.any(String),
        expiresIn: 7200,
        account: { name: '微信用户' },
        roles: [],
      });
      expect(wx.calls.at(-1)?.get('appid')).toBe('wx-test');
      expect(wx.calls.at(-1)?.get('grant_type')).toBe('authorization_code');
      const again = await request(t.http)
        .post('/api/auth/wechat')
        .send({ code: 'good-abc' })
        .expect(200);
      expect((again.body as { account: { id: number } }).account.id).toBe(
        (first.body as { account: { id: number } }).account.id,
      );
      expect(await t.db.getRepository(Account).countBy({ wechatOpenid: 'openid-abc' })).toBe(1);
      const me = await request(t.http)
        .get('/api/me')
        .set('authorization', `Bearer ${(first.body as { accessToken: string }).accessToken}`)
        .expect(200);
      expect(me.body).toMatchObject({ account: { name: '微信用户' }, roles: [] });
    });

    it('answers 401 in Chinese when WeChat rejects the code, 400 when it is missing', async () => {
      const res = await request(t.http)
        .post('/api/auth/wechat')
        .send({ code: 'expired' })
        .expect(401);
      expect(res.body).toEqual({
        code: 'WECHAT_SIGNIN_FAILED',
        message: expect.stringMatching(/微信/),
      });
      const missing = await request(t.http).post('/api/auth/wechat').send({}).expect(400);
      expect((missing.body as { fields: Record<string, string> }).fields.code).toMatch(/code/);
    });
  });

  describe('POST /auth/demo and GET /me', () => {
    it('signs a demo account in and reports every role it holds', async () => {
      const x = await makeTenant(t.db, '辛');
      await t.db
        .getRepository(Account)
        .update({ id: x.callers.leader.accountId }, { username: 'xin-leader' });
      await t.db.query(
        'INSERT INTO role_memberships (account_id, role, unit_id) VALUES (?, ?, ?)',
        [x.callers.leader.accountId, 'unit_contact', x.unitId],
      );
      const res = await request(t.http)
        .post('/api/auth/demo')
        .send({ username: 'xin-leader' })
        .expect(200);
      const me = await request(t.http)
        .get('/api/me')
        .set('authorization', `Bearer ${(res.body as { accessToken: string }).accessToken}`)
        .expect(200);
      expect((me.body as { roles: unknown[] }).roles).toEqual([
        { role: 'leader', studioId: x.studioId, studioName: '辛张焊工技能大师工作室' },
        { role: 'unit_contact', unitId: x.unitId, unitName: '辛机械有限公司' },
      ]);
      const listed = await request(t.http).get('/api/auth/demo-accounts').expect(200);
      expect(
        (listed.body as { items: { username: string }[] }).items.map((i) => i.username),
      ).toContain('xin-leader');
      await request(t.http).post('/api/auth/demo').send({ username: 'nobody' }).expect(404);
    });

    it('rejects a token signed with another secret or expired', async () => {
      await request(t.http).get('/api/me').expect(401);
      const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjEsInBpZCI6bnVsbCwiZyI6W119.c2lnbmF0dXJl';
      await request(t.http).get('/api/me').set('authorization', `Bearer ${forged}`).expect(401);
    });
  });

  it('hides demo sign-in (404) when DEMO_LOGIN is off, and rate-limits sign-in', async () => {
    const off = await startTestApp({ THROTTLE_SIGNIN_PER_MINUTE: '2' });
    try {
      await request(off.http).post('/api/auth/demo').send({ username: 'leader' }).expect(404);
      await request(off.http).get('/api/auth/demo-accounts').expect(404);
      await request(off.http).post('/api/auth/demo').send({ username: 'leader' }).expect(404);
      const third = await request(off.http)
        .post('/api/auth/demo')
        .send({ username: 'leader' })
        .expect(429);
      expect(third.body).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/频繁/) });
    } finally {
      await off.close();
    }
  });
});
