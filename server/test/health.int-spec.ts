import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers ok and names the database it reached, without a token', async () => {
    const res = await request(t.http).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: t.config.database.type });
  });

  it('serves the OpenAPI document describing every route', async () => {
    const res = await request(t.http).get('/api/docs-json').expect(200);
    const paths = Object.keys((res.body as { paths: Record<string, unknown> }).paths);
    for (const p of [
      '/api/auth/wechat',
      '/api/me',
      '/api/studios/{studioId}/funds/{id}',
      '/api/checkins',
      '/api/dashboards/jurisdiction/{jurisdictionId}',
      '/api/studios/{studioId}/periods/{periodKey}/finalize',
    ]) {
      expect(paths).toContain(p);
    }
    const ops = Object.values(
      (res.body as { paths: Record<string, Record<string, { summary?: string }>> }).paths,
    ).flatMap((p) => Object.values(p));
    expect(ops.every((o) => typeof o.summary === 'string' && o.summary.length > 0)).toBe(true);
    await request(t.http).get('/api/docs').expect(200);
  });

  it('answers unknown routes and bad tokens with the error shape in Chinese', async () => {
    const res = await request(t.http).get('/api/nope').expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.stringMatching(/不存在/) });
    const bad = await request(t.http).get('/api/me').set('authorization', 'Bearer x').expect(401);
    expect(bad.body).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/登录/) });
  });
});
