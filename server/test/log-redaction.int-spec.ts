import request from 'supertest';
import { makeTenant } from './factories/world';
import { startTestApp, type TestApp } from './support/test-app';

/** The JSON logs of a running app carry no name, phone number or token (issue 17 §4). */
describe('log redaction on the running app', () => {
  let t: TestApp;
  const lines: string[] = [];
  let spy: jest.SpyInstance;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'debug', LOG_REQUESTS: 'true' });
  }, 120_000);
  afterAll(async () => {
    spy?.mockRestore();
    await t?.close();
  });

  it('logs requests, sign-ins and errors without names, phone numbers or tokens', async () => {
    const x = await makeTenant(t.db, '志');
    const token = t.token(x.callers.apprentice);
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    await request(t.http).get('/api/me').set('authorization', `Bearer ${token}`).expect(200);
    await request(t.http).get('/api/privacy/export').set('authorization', `Bearer ${token}`);
    await request(t.http)
      .post('/api/privacy/corrections')
      .set('authorization', `Bearer ${token}`)
      .send({ message: '志王 的电话 13812345678 写错了' })
      .expect(201);
    await request(t.http).get(`/api/exports/download?token=${token}`);
    await request(t.http).get('/api/me').set('authorization', 'Bearer not-a-token').expect(401);
    spy.mockRestore();
    const logged = lines.join('');
    const parsed = logged
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.filter((l) => l.msg === 'request').length).toBeGreaterThanOrEqual(5);
    for (const secret of [token, '志王', '志徒弟', '13812345678'])
      expect(logged).not.toContain(secret);
  });
});
