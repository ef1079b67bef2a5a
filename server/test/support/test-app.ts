import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { type Caller, toPayload } from '../../src/auth/caller';
import { createApp } from '../../src/bootstrap';
import { type AppConfig, loadConfig } from '../../src/config/config';
import { testDatabaseUrl } from '../database-url';

export const TEST_SECRET = 'integration-test-secret-0123456789';

/**
 * Every test file gets its own database: on MySQL/MariaDB a fresh `ms_t_<random>` created
 * through the DATABASE_URL's server and dropped at the end; on the embedded database a new
 * in-memory one. Files never see each other's rows.
 */
export async function freshDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = testDatabaseUrl();
  if (!base.startsWith('mysql') && !base.startsWith('mariadb'))
    return { url: 'sqlite::memory:', drop: async () => {} };
  const u = new URL(base.replace(/^mariadb:/, 'mysql:'));
  const name = `ms_t_${randomBytes(5).toString('hex')}`;
  const server = {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
  };
  const conn = await createConnection(server);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  await conn.end();
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = await createConnection(server);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

export const isMysql = (): boolean => /^(mysql|mariadb):/.test(testDatabaseUrl());

export interface TestApp {
  app: INestApplication;
  http: App;
  db: DataSource;
  config: AppConfig;
  token: (caller: Caller) => string;
  close: () => Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { url, drop } = await freshDatabaseUrl();
  const config = loadConfig({
    DATABASE_URL: url,
    JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
    THROTTLE_CHECKIN_PER_MINUTE: '100000',
    THROTTLE_SIGNIN_PER_MINUTE: '100000',
    PRIVACY_RETENTION_JOB: 'false',
    // No background snapshot refresh: tests that count queries stay exact (reads still drain).
    PROGRESS_SNAPSHOT_EVERY_MS: '0',
    ...env,
  });
  const app = await createApp(config);
  const jwt = app.get(JwtService);
  return {
    app,
    http: app.getHttpServer() as App,
    db: app.get(DataSource),
    config,
    token: (caller) => jwt.sign(toPayload(caller)),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
