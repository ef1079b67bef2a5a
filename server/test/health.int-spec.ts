import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { parseDatabaseUrl } from '../src/config/config';
import { testDatabaseUrl } from './database-url';

describe('GET /api/health', () => {
  let app: INestApplication;
  const database = parseDatabaseUrl(testDatabaseUrl());

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot({ port: 0, database })],
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
