import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/config';
import { testDatabaseUrl } from './database-url';

describe('GET /api/health', () => {
  let app: INestApplication;
  const config = loadConfig({ DATABASE_URL: testDatabaseUrl(), JWT_SECRET: 'test-secret-0123456789abcdef' });
  const database = config.database;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config)],
    }).compile();
    app = moduleRef.createNestApplication();
    app.setGlobalPrefix('api');
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers ok and names the database it reached', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: database.type });
  });
});
