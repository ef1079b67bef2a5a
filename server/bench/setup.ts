/**
 * The bench's set-up, apart from what it measures (bench.ts): the run's size and settings, a
 * fresh database ms_bench_<random> on BENCH_DATABASE_URL's server, the API as a real process on
 * it, and the generated world (world.ts). tearDown() stops the API and drops the database.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createConnection,
  createPool,
  type Connection,
  type Pool,
  type RowDataPacket,
} from 'mysql2/promise';

import { closeAgent, get as getAt, bodyBytes as bodyBytesAt, round, startApi } from './http';
import { generate, type World } from './world';

// Compiled output: the bench measures the real build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JwtService } = require('@nestjs/jwt') as typeof import('@nestjs/jwt');

export const QUICK = process.argv.includes('--quick');
export const PRINT_ONLY = QUICK || process.argv.includes('--print');
const KEEP_DB = process.argv.includes('--keep'); // leave the generated database for inspection
export const SIZE = QUICK
  ? {
      bigApprentices: 60,
      bigActivities: 150,
      bigAttendance: 600,
      bigCertificates: 100,
      bigAchievements: 50,
      bigFunds: 30,
      bigDocuments: 10,
      studios: 50,
      checkinActivities: 100,
      rawActivities: 600,
      seconds: 2,
      latencyRequests: 100,
    }
  : {
      bigApprentices: 300,
      bigActivities: 1500,
      bigAttendance: 6000,
      bigCertificates: 1200,
      bigAchievements: 600,
      bigFunds: 300,
      bigDocuments: 100,
      studios: 500,
      checkinActivities: 400,
      rawActivities: 1500,
      seconds: 10,
      latencyRequests: 400,
    };
const SECRET = 'bench-secret-0123456789abcdef';
const PORT = 39000 + Math.floor(Math.random() * 1000);
export const BASE = `http://127.0.0.1:${PORT}`;
export const CONNECTIONS = 32;
export const get = (path: string, token: string) => getAt(BASE, path, token);
export const bodyBytes = (path: string, token: string) => bodyBytesAt(BASE, path, token);

const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
const dbName = `ms_bench_${randomBytes(4).toString('hex')}`;
const conn = {
  host: serverUrl.hostname,
  port: Number(serverUrl.port || 3306),
  user: decodeURIComponent(serverUrl.username || 'root'),
  password: decodeURIComponent(serverUrl.password),
};

export const ASOF = '2026-06-30';

export interface Bench {
  pool: Pool;
  world: World;
  leaderToken: string;
  reviewerToken: string;
  /** Rows of the big studio's records (apprentices, activities, attendance, …). */
  records: number;
  generateSeconds: number;
  tearDown(): Promise<void>;
}

/** Creates the database, starts the API on it and generates the world. */
export async function setUp(): Promise<Bench> {
  const main = join(__dirname, '..', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error('run `pnpm build` first');
  const admin = await createConnection(conn);
  await admin.query(`CREATE DATABASE ${dbName} CHARACTER SET utf8mb4`);
  const url = `mysql://${conn.user}${conn.password ? `:${encodeURIComponent(conn.password)}` : ''}@${conn.host}:${conn.port}/${dbName}`;
  let server: ChildProcess | null = null;
  const pool = createPool({
    ...conn,
    database: dbName,
    connectionLimit: CONNECTIONS,
    dateStrings: ['DATE'],
  });
  const tearDown = () => stop(admin, pool, server);
  try {
    server = await startApi(main, url, PORT, SECRET, {
      THROTTLE_CHECKIN_PER_MINUTE: '1000000',
      CHECKIN_ROTATE_SECONDS: '3600',
    });
    const t0 = performance.now();
    const w = await generate(pool, SIZE, SECRET);
    const generateSeconds = round((performance.now() - t0) / 1000);
    const jwt = new JwtService({ secret: SECRET, signOptions: { expiresIn: 3600 } });
    const [[bigCount]] = await pool.query<RowDataPacket[]>(
      `SELECT (SELECT COUNT(*) FROM apprentices WHERE studio_id = ?) + (SELECT COUNT(*) FROM activities WHERE studio_id = ?) + (SELECT COUNT(*) FROM attendance WHERE studio_id = ?) + (SELECT COUNT(*) FROM certificates WHERE studio_id = ?) + (SELECT COUNT(*) FROM achievements WHERE studio_id = ?) + (SELECT COUNT(*) FROM fund_entries WHERE studio_id = ?) + (SELECT COUNT(*) FROM documents WHERE studio_id = ?) AS n`,
      Array(7).fill(w.bigStudio),
    );
    return {
      pool,
      world: w,
      leaderToken: jwt.sign(w.leaderBig),
      reviewerToken: jwt.sign(w.reviewerJ2),
      records: Number((bigCount as { n: number }).n),
      generateSeconds,
      tearDown,
    };
  } catch (e) {
    await tearDown();
    throw e;
  }
}

async function stop(admin: Connection, pool: Pool, server: ChildProcess | null): Promise<void> {
  server?.kill('SIGTERM');
  await pool.end();
  if (KEEP_DB) console.log(`kept database ${dbName}`);
  else await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.end();
  closeAgent();
}
