/**
 * The check-in ceiling (issue 16, docs/benchmarks.md "## check-in ceiling"): the API's POST
 * /api/checkins rate against a bare node:http handler doing the same token check, code check and
 * INSERT (bare-checkin.ts), each as a process of its own, loaded by autocannon from this one.
 *
 *   pnpm --filter @master-studio/server bench:ceiling              API, bare, bare without the queue
 *   pnpm --filter @master-studio/server bench:ceiling -- --profile  also a CPU profile of the API
 *
 * CEILING_SECONDS (default 10) per run, CEILING_CONNECTIONS (default 32). A fresh database
 * ms_bench_<random> on BENCH_DATABASE_URL's server, dropped at the end. Prints the figures
 * (and with --profile the API's self time by package and by function); writes nothing.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, createPool, type RowDataPacket } from 'mysql2/promise';

import { checkinLoad, type LoadResult, startNode, stopNode } from './checkin-load';
import { summarize } from './cpu-profile';
import { insertCheckinStudio } from './world-checkin';
import { bulk } from './world-rows';

const SECONDS = Number(process.env.CEILING_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.CEILING_CONNECTIONS ?? 32);
const PROFILE = process.argv.includes('--profile');
const SECRET = 'bench-secret-0123456789abcdef';
const server = new URL(process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
const conn = {
  host: server.hostname,
  port: Number(server.port || 3306),
  user: decodeURIComponent(server.username || 'root'),
  password: decodeURIComponent(server.password),
};
const dbName = `ms_bench_${randomBytes(4).toString('hex')}`;
const dbUrl = `mysql://${conn.user}${conn.password ? `:${encodeURIComponent(conn.password)}` : ''}@${conn.host}:${conn.port}/${dbName}`;
const SIZE = {
  bigApprentices: 300,
  checkinActivities: Math.ceil((SECONDS * 15_000) / 300),
  rawActivities: 0,
} as Parameters<typeof insertCheckinStudio>[1];

async function main(): Promise<void> {
  const admin = await createConnection(conn);
  await admin.query(`CREATE DATABASE ${dbName} CHARACTER SET utf8mb4`);
  const pool = createPool({ ...conn, database: dbName, connectionLimit: 4 });
  const children: ChildProcess[] = [];
  try {
    const port = 41000 + Math.floor(Math.random() * 1000);
    const profDir = mkdtempSync(join(tmpdir(), 'ms-ceiling-'));
    const mainJs = join(__dirname, '..', 'dist', 'main.js');
    // The API migrates the fresh database, then each run gets a check-in studio of its own.
    const env = { DATABASE_URL: dbUrl, JWT_SECRET: SECRET };
    const api = await startNode(
      [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), mainJs],
      port,
      env,
    );
    children.push(api);
    const [j] = await bulk(
      pool,
      'jurisdictions',
      ['name', 'policy_id'],
      [['压测市', 'urumqi-2023']],
    );
    const [u] = await bulk(pool, 'units', ['name', 'jurisdiction_id'], [['压测单位', j]]);
    const studio = () => insertCheckinStudio(pool, SIZE, SECRET, u, j);
    const runs: { name: string; r: LoadResult; rows: number }[] = [];
    const rowsOf = async (studioId: number | undefined) => {
      const [[n]] = await pool.query<RowDataPacket[]>(
        'SELECT COUNT(*) AS n FROM attendance WHERE studio_id = ?',
        [studioId],
      );
      return Number((n as { n: number }).n);
    };
    let window: [number, number] | undefined;
    const measure = async (name: string, p: number) => {
      const s = await studio();
      const warm = s.pairs.splice(-3000);
      await checkinLoad(p, warm, 2, CONNECTIONS); // warm-up (JIT, pools), 2 s
      const before = await rowsOf(s.ck);
      const from = Number(process.hrtime.bigint() / 1000n);
      const r = await checkinLoad(p, s.pairs, SECONDS, CONNECTIONS);
      window ??= [from, Number(process.hrtime.bigint() / 1000n)];
      runs.push({ name, r, rows: (await rowsOf(s.ck)) - before });
    };
    await measure('API (NestJS, node dist/main.js)', port);
    await stopNode(api);
    const bare = join(__dirname, 'bare-checkin.ts');
    const tsx = require.resolve('tsx/cli');
    for (const [name, extra] of [
      ['bare node:http, INSERT + progress queue (same work as the API)', { BARE_QUEUE: '1' }],
      ['bare node:http, INSERT only (no queue, autocommit)', { BARE_QUEUE: '0' }],
    ] as const) {
      const b = await startNode([tsx, bare], port + 1, { ...env, ...extra });
      children.push(b);
      await measure(name, port + 1);
      await stopNode(b);
    }
    const apiRps = runs[0]?.r.rps ?? 0;
    console.log(
      `\ncheck-ins, ${CONNECTIONS} connections, ${SECONDS} s each; load average at the end ${(
        await import('node:os')
      )
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')}`,
    );
    for (const { name, r, rows } of runs)
      console.log(
        `${name}: ${r.rps}/s, p50 ${r.p50} ms, p97.5 ${r.p97_5} ms, non-2xx ${r.non2xx}, sent ${r.sent}, rows ${rows}, API / this ${(apiRps / Math.max(1, r.rps)).toFixed(2)}`,
      );
    if (PROFILE) {
      const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) console.log('no CPU profile written');
      else {
        const s = summarize(join(profDir, file), window);
        console.log(
          `\nAPI CPU profile ${join(profDir, file)}, the measured run only: ${s.totalMs} ms, ${s.busyMs} ms busy; self time (share of busy):`,
        );
        for (const x of s.byPackage)
          console.log(`  ${(x.share * 100).toFixed(1).padStart(5)}%  ${x.ms} ms  ${x.name}`);
        console.log('top functions:');
        for (const x of s.byFunction)
          console.log(`  ${(x.share * 100).toFixed(1).padStart(5)}%  ${x.ms} ms  ${x.name}`);
      }
    }
  } finally {
    for (const c of children) await stopNode(c);
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
