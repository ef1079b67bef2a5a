import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import { ConfigError, loadConfig } from '../src/config/config';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 16: rate limits live in Redis (127.0.0.1:6379 on this machine), so two replicas share one
 * count; more than one replica without a shared store is refused at boot. Fails, never skips,
 * when Redis is not running.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('state shared by replicas (Redis)', () => {
  const prefix = `ms-test-${randomBytes(4).toString('hex')}:`;
  const apps: TestApp[] = [];
  const demo = (t: TestApp) => request(t.http).post('/api/auth/demo').send({ username: 'leader' });

  jest.setTimeout(90_000);

  beforeAll(async () => {
    const r = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await r.ping(); // fails the suite (not skips) when Redis is down
    await r.quit();
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    const r = new Redis(REDIS_URL);
    const keys = await r.keys(`${prefix}*`);
    if (keys.length) await r.del(...keys);
    await r.quit();
  });

  it('two replicas count one sign-in limit together', async () => {
    const env = {
      REDIS_URL,
      REDIS_PREFIX: prefix,
      THROTTLE_SIGNIN_PER_MINUTE: '3',
    };
    const a = await startTestApp(env);
    apps.push(a);
    const b = await startTestApp(env);
    apps.push(b);
    // DEMO_LOGIN is off: each answer is 404, and each counts against the caller's address.
    expect((await demo(a)).status).toBe(404);
    expect((await demo(b)).status).toBe(404);
    expect((await demo(a)).status).toBe(404);
    // The fourth is over the limit of 3 whichever replica takes it.
    const over = await demo(b);
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/频繁/) });
    expect((await demo(a)).status).toBe(429);
  }, 90_000);

  it('without a shared store each process counts alone (the single-process quick start)', async () => {
    const a = await startTestApp({ THROTTLE_SIGNIN_PER_MINUTE: '2' });
    apps.push(a);
    const b = await startTestApp({ THROTTLE_SIGNIN_PER_MINUTE: '2' });
    apps.push(b);
    for (const t of [a, a, b, b]) expect((await demo(t)).status).toBe(404);
    expect((await demo(a)).status).toBe(429);
  }, 90_000);

  it('answers 503, not 500 or an unlimited pass, while Redis cannot be reached', async () => {
    const down = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1', REDIS_PREFIX: prefix });
    apps.push(down);
    const r = await demo(down);
    expect(r.status).toBe(503);
  }, 90_000);

  it('refuses more than one replica without a shared store, or on the embedded database', () => {
    const base = { JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'mysql://root@127.0.0.1:3306/ms' };
    expect(() => loadConfig({ ...base, REPLICAS: '2' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, REPLICAS: '2' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ JWT_SECRET: 'x'.repeat(32), REPLICAS: '3', REDIS_URL })).toThrow(
      /DATABASE_URL/,
    );
    expect(loadConfig({ ...base, REPLICAS: '2', REDIS_URL }).replicas).toBe(2);
    expect(loadConfig(base).redis.url).toBeNull();
  });
});
