import request from 'supertest';
import type { App } from 'supertest/types';
import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { toPayload } from '../../src/auth/caller';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/config';
import { makeTenant, type Tenant } from '../factories/world';
import { startPrivateMariadb, type PrivateMariadb } from '../support/private-mariadb';
import { TEST_SECRET } from '../support/test-app';

const HAN = /[\u4e00-\u9fa5]/;

/** Issue 10 item 6: while MariaDB is down, answers are 503 with Retry-After, /health says so, and recovery needs no one. */
describe('a database outage', () => {
  let maria: PrivateMariadb;
  let app: INestApplication;
  let http: App;
  let x: Tenant;
  let bearer: string;
  const fund = (amount: number) => ({
    direction: 'income',
    source: 'unit_matching',
    category: '单位配套',
    amount,
    date: '2025-04-02',
  });

  beforeAll(async () => {
    maria = await startPrivateMariadb();
    const url = await maria.createDatabase('ms_outage');
    app = await createApp(
      loadConfig({
        DATABASE_URL: url,
        JWT_SECRET: TEST_SECRET,
        LOG_LEVEL: 'silent',
        DEMO_LOGIN: 'true',
      }),
    );
    http = app.getHttpServer() as App;
    x = await makeTenant(app.get(DataSource), '丑');
    bearer = `Bearer ${app.get(JwtService).sign(toPayload(x.callers.leader))}`;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await maria?.destroy();
  });

  it('answers 503 with Retry-After in Chinese while down, and recovers by itself', async () => {
    await request(http).get('/api/health').expect(200);
    await request(http)
      .post(`/api/studios/${x.studioId}/funds`)
      .set('authorization', bearer)
      .send(fund(1))
      .expect(201);

    await maria.stop('SIGKILL');
    const health = await request(http).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.headers['retry-after']).toMatch(/^\d+$/);
    expect(health.body).toMatchObject({
      status: 'down',
      databaseUp: false,
      message: expect.stringMatching(HAN),
    });
    for (const req of [
      () => request(http).get(`/api/studios/${x.studioId}/funds`).set('authorization', bearer),
      () =>
        request(http)
          .post(`/api/studios/${x.studioId}/funds`)
          .set('authorization', bearer)
          .send(fund(2)),
      () =>
        request(http)
          .patch(`/api/studios/${x.studioId}/funds/${x.fundId}`)
          .set('authorization', bearer)
          .send({ amount: 3 }),
      () => request(http).post('/api/auth/demo').send({ username: 'leader' }),
      () => request(http).get('/api/me').set('authorization', bearer),
    ]) {
      const res = await req();
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        message: expect.stringMatching(HAN),
      });
    }

    await maria.start();
    let up = 0;
    for (let i = 0; i < 100 && up !== 200; i++) {
      up = (await request(http).get('/api/health')).status;
      if (up !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(up).toBe(200);
    const after = await request(http)
      .post(`/api/studios/${x.studioId}/funds`)
      .set('authorization', bearer)
      .send(fund(4))
      .expect(201);
    expect(after.body).toMatchObject({ amount: 4 });
  }, 90_000);
});
