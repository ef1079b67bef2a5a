/**
 * Province scale (issue 16, docs/benchmarks.md "## province scale"):
 *
 *   pnpm --filter @master-studio/server bench:scale
 *
 * 1. A dedicated database ms_scale_bench (dropped and made again; SCALE_DATABASE_URL's server,
 *    default mysql://root@127.0.0.1:3306/) with SCALE_STUDIOS studios (default 5,000) in one
 *    jurisdiction, each with 8 apprentices, 2 members, 0–5 certificates and enough activities
 *    for SCALE_ATTENDANCE_PER_STUDIO check-ins (default 2,000: 10 million rows in all), made by
 *    INSERT … SELECT from MariaDB's sequence engine (seq_1_to_N), attendance 1M rows a statement.
 * 2. The API (node dist/main.js, snapshot timer off for these reads) on it: the jurisdiction dashboard's first
 *    read (every snapshot built), then p50/p95 of reads from the snapshots, the same dashboard
 *    computed live (another day's, as before issue 16), and a studio's progress p50/p95.
 * 3. Check-ins per second (autocannon, SCALE_CONNECTIONS=32, SCALE_SECONDS=10): one replica on
 *    this single MariaDB (the big database), then on a three-node Galera cluster started here
 *    (test/support/galera-cluster.ts, a small database of its own): one replica on node 1, then
 *    two replicas on nodes 1 and 2 (REPLICAS=2 with Redis, half the connections each).
 * Prints every figure; writes nothing. SCALE_SKIP_GALERA=1 leaves step 3's cluster out;
 * SCALE_KEEP=1 keeps ms_scale_bench (SCALE_REUSE=1 then measures it again without generating).
 */
import type { ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createConnection, createPool, type Pool, type RowDataPacket } from 'mysql2/promise';

import { startGaleraCluster } from '../test/support/galera-cluster';
import { checkinLoad, type LoadResult, sleep, startNode, stopNode } from './checkin-load';
import { bodyBytes, get, latency, round } from './http';
import { insertCheckinStudio } from './world-checkin';
import { bulk } from './world-rows';

// Compiled output: the bench measures the real build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toPayload } = require('../dist/auth/caller') as typeof import('../src/auth/caller');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JwtService } = require('@nestjs/jwt') as typeof import('@nestjs/jwt');

const env = process.env;
const STUDIOS = Number(env.SCALE_STUDIOS ?? 5000);
const PER_STUDIO = Number(env.SCALE_ATTENDANCE_PER_STUDIO ?? 2000);
const APPRENTICES = 8;
const ACTIVITIES = Math.ceil(PER_STUDIO / APPRENTICES);
const ATTENDANCE = STUDIOS * ACTIVITIES * APPRENTICES;
const SECONDS = Number(env.SCALE_SECONDS ?? 10);
const CONNECTIONS = Number(env.SCALE_CONNECTIONS ?? 32);
const DB = 'ms_scale_bench';
const SECRET = 'bench-secret-0123456789abcdef';
const MAIN = join(__dirname, '..', 'dist', 'main.js');
const MIGRATE = join(__dirname, '..', 'dist', 'database', 'migrate-cli.js');
const server = new URL(env.SCALE_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
const conn = {
  host: server.hostname,
  port: Number(server.port || 3306),
  user: decodeURIComponent(server.username || 'root'),
  password: decodeURIComponent(server.password),
};
const urlOf = (c: typeof conn, db: string): string =>
  `mysql://${c.user}${c.password ? `:${encodeURIComponent(c.password)}` : ''}@${c.host}:${c.port}/${db}`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
const jwt = new JwtService({ secret: SECRET, signOptions: { expiresIn: 7200 } });

async function timed<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  log(`${what}: ${round((performance.now() - t0) / 1000)} s`);
  return r;
}

async function migrate(url: string): Promise<void> {
  const child = await import('node:child_process');
  await new Promise<void>((resolve, reject) =>
    child
      .spawn(process.execPath, [MIGRATE], {
        env: { ...env, DATABASE_URL: url },
        stdio: ['ignore', 'ignore', 'inherit'],
      })
      .on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrate: ${code}`)))),
  );
}

/** The world, made on the database server by INSERT … SELECT from the sequence engine. */
async function generate(pool: Pool): Promise<void> {
  const S = STUDIOS;
  const A = APPRENTICES;
  const c = await pool.getConnection();
  const q = (sql: string) => c.query(sql);
  try {
    await q('SET foreign_key_checks = 0, unique_checks = 0');
    await q(`INSERT INTO jurisdictions (id, name, policy_id) VALUES (1, '压测省', 'urumqi-2023')`);
    await q(
      `INSERT INTO units (id, name, jurisdiction_id) SELECT seq, CONCAT('压测单位', seq), 1 FROM seq_1_to_${Math.ceil(S / 100)}`,
    );
    await q(
      `INSERT INTO people (id, name, birth_date, retirement_category, skill_level) SELECT seq, CONCAT('领办人', seq), '1975-06-01', 'male', 'senior_technician' FROM seq_1_to_${S}`,
    );
    await q(
      `INSERT INTO people (id, name) SELECT ${S} + seq, CONCAT('徒弟', seq) FROM seq_1_to_${S * A}`,
    );
    await q(
      `INSERT INTO people (id, name, skill_level) SELECT ${S + S * A} + seq, CONCAT('成员', seq), 'technician' FROM seq_1_to_${S * 2}`,
    );
    await q(
      `INSERT INTO studios (id, name, trade, unit_id, jurisdiction_id, leader_person_id, leader_full_time, recognized_on, status)
       SELECT seq, CONCAT('压测', seq, '号焊工技能大师工作室'), '焊工', (seq - 1) DIV 100 + 1, 1, seq, 1, '2025-03-01', 'active' FROM seq_1_to_${S}`,
    );
    await q(
      `INSERT INTO team_members (studio_id, person_id, full_time, years_in_trade) SELECT (seq - 1) DIV 2 + 1, ${S + S * A} + seq, 1, 8 FROM seq_1_to_${S * 2}`,
    );
    await q(
      `INSERT INTO apprentices (id, studio_id, person_id, joined_on, agreement_signed_on) SELECT seq, (seq - 1) DIV ${A} + 1, ${S} + seq, '2025-03-05', '2025-03-05' FROM seq_1_to_${S * A}`,
    );
    // 0–5 senior certificates per studio (so the studios' statuses differ).
    await q(
      `INSERT INTO certificates (studio_id, apprentice_id, level, awarded_on) SELECT (seq - 1) DIV ${A} + 1, seq, 'senior', '2025-09-01'
         FROM seq_1_to_${S * A} WHERE (seq - 1) MOD ${A} < ((seq - 1) DIV ${A}) MOD 6`,
    );
    await q(
      `INSERT INTO activities (id, studio_id, kind, title, date, extra_attendance, checkin_open)
       SELECT seq, (seq - 1) DIV ${ACTIVITIES} + 1,
              ELT(1 + seq MOD 6, 'training', 'internal_exchange', 'industry_exchange', 'tech_project', 'social_service', 'school_cooperation'),
              '压测活动', DATE_ADD('2025-03-10', INTERVAL seq MOD 600 DAY), 0, 0 FROM seq_1_to_${S * ACTIVITIES}`,
    );
    // Every apprentice of the studio at every activity: activity a, apprentice k.
    for (let from = 1; from <= ATTENDANCE; from += 1_000_000) {
      const to = Math.min(ATTENDANCE, from + 999_999);
      await timed(`attendance ${from}–${to}`, () =>
        q(
          `INSERT INTO attendance (id, activity_id, person_id, studio_id, checked_in_at)
           SELECT seq, (seq - 1) DIV ${A} + 1, ${S} + ((seq - 1) DIV ${A} DIV ${ACTIVITIES}) * ${A} + (seq - 1) MOD ${A} + 1,
                  (seq - 1) DIV ${A} DIV ${ACTIVITIES} + 1, '2025-06-01 09:00:00' FROM seq_${from}_to_${to}`,
        ),
      );
    }
    // A reviewer of the jurisdiction (account 1) and every studio's leader (account 1 + studio id).
    await q(
      `INSERT INTO accounts (id, person_id, name, created_at) VALUES (1, NULL, '省级评审', NOW())`,
    );
    await q(
      `INSERT INTO role_memberships (account_id, role, jurisdiction_id) VALUES (1, 'reviewer', 1)`,
    );
    await q(
      `INSERT INTO accounts (id, person_id, name, created_at) SELECT 1 + seq, seq, CONCAT('领办人', seq), NOW() FROM seq_1_to_${S}`,
    );
    await q(
      `INSERT INTO role_memberships (account_id, role, studio_id) SELECT 1 + seq, 'leader', seq FROM seq_1_to_${S}`,
    );
    await q('SET foreign_key_checks = 1, unique_checks = 1');
    await q('ANALYZE TABLE attendance, activities, studios, apprentices, certificates');
  } finally {
    c.release();
  }
}

const tokenOf = (accountId: number, personId: number | null, grant: object): string =>
  jwt.sign(toPayload({ accountId, personId, grants: [grant as never] }));

/** Check-ins on `ports` (one replica each), the connections split between them, summed. */
async function checkins(
  pool: Pool,
  ports: number[],
  unit: number,
  jurisdiction: number,
): Promise<LoadResult & { rows: number }> {
  const size = {
    bigApprentices: 300,
    checkinActivities: Math.ceil((SECONDS * 8000) / 300) + 10,
    rawActivities: 0,
  } as Parameters<typeof insertCheckinStudio>[1];
  const s = await insertCheckinStudio(pool, size, SECRET, unit, jurisdiction);
  const per = Math.ceil(s.pairs.length / ports.length);
  const shares = ports.map((_, i) => s.pairs.slice(i * per, (i + 1) * per));
  // Warm-up: 2 s on each replica.
  await Promise.all(ports.map((p, i) => checkinLoad(p, (shares[i] ?? []).splice(-2000), 2, 8)));
  await sleep(1000); // the warm-up's last answers land before the count
  const count = async () =>
    Number(
      (
        (
          await pool.query<RowDataPacket[]>(
            'SELECT COUNT(*) AS n FROM attendance WHERE studio_id = ?',
            [s.ck],
          )
        )[0][0] as { n: number }
      ).n,
    );
  const before = await count();
  const rs = await Promise.all(
    ports.map((p, i) =>
      checkinLoad(p, shares[i] ?? [], SECONDS, Math.ceil(CONNECTIONS / ports.length)),
    ),
  );
  await sleep(500);
  return {
    rps: rs.reduce((n, r) => n + r.rps, 0),
    p50: Math.max(...rs.map((r) => r.p50)),
    p97_5: Math.max(...rs.map((r) => r.p97_5)),
    non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
    sent: rs.reduce((n, r) => n + r.sent, 0),
    rows: (await count()) - before,
  };
}

const line = (what: string, r: LoadResult & { rows: number }) =>
  `${what}: ${r.rps} check-ins/s, p50 ${r.p50} ms, p97.5 ${r.p97_5} ms, non-2xx ${r.non2xx}, sent ${r.sent}, rows ${r.rows}`;

async function main(): Promise<void> {
  log(
    `scale: ${STUDIOS} studios, ${ACTIVITIES * STUDIOS} activities, ${ATTENDANCE} attendance rows; load ${load()}`,
  );
  const admin = await createConnection(conn);
  const reuse = env.SCALE_REUSE === '1';
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
    await admin.query(`CREATE DATABASE ${DB} CHARACTER SET utf8mb4`);
  }
  const url = urlOf(conn, DB);
  const pool = createPool({ ...conn, database: DB, connectionLimit: 8, dateStrings: ['DATE'] });
  const children: ChildProcess[] = [];
  const out: string[] = [];
  const say = (s: string) => {
    out.push(s);
    log(s);
  };
  try {
    if (!reuse) {
      await timed('migrate', () => migrate(url));
      await timed('generate', () => generate(pool));
    }
    const port = 43000 + Math.floor(Math.random() * 1000);
    const api = await startNode([MAIN], port, {
      DATABASE_URL: url,
      JWT_SECRET: SECRET,
      PROGRESS_SNAPSHOT_EVERY_MS: '0',
    });
    children.push(api);
    const base = `http://127.0.0.1:${port}`;
    const reviewer = tokenOf(1, null, { role: 'reviewer', jurisdictionId: 1 });
    const dash = '/api/dashboards/jurisdiction/1';
    say(`load at the start of the measures: ${load()}`);
    await admin.query(`DELETE FROM ${DB}.progress_snapshots`);
    let t0 = performance.now();
    await get(base, `${dash}?page=1&pageSize=20`, reviewer);
    say(
      `dashboard, first read (all ${STUDIOS} snapshots built): ${round(performance.now() - t0)} ms`,
    );
    // What the app loads: the first page of 20 (the reviewer's list pages as it scrolls).
    const page = `${dash}?page=1&pageSize=20`;
    const warm = await latency(() => get(base, page, reviewer), 100, 2);
    say(
      `dashboard first page (20 of ${STUDIOS}) from snapshots, 2 concurrent, 100 reads: p50 ${warm.p50} ms, p95 ${warm.p95} ms`,
    );
    const one = await latency(() => get(base, page, reviewer), 40, 1);
    say(`  the same, 1 at a time, 40 reads: p50 ${one.p50} ms, p95 ${one.p95} ms`);
    const whole = await latency(() => get(base, dash, reviewer), 10, 1);
    say(
      `dashboard, the whole list (${STUDIOS} rows, ${await bodyBytes(base, dash, reviewer)} bytes), 1 at a time, 10 reads: p50 ${whole.p50} ms, p95 ${whole.p95} ms`,
    );
    // A write in one studio, then the read that rebuilds it.
    await pool.query(`INSERT INTO progress_queue (studio_id) VALUES (17)`);
    t0 = performance.now();
    await get(base, page, reviewer);
    say(
      `dashboard first page after one studio's write (it is rebuilt first): ${round(performance.now() - t0)} ms`,
    );
    const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const liveRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      t0 = performance.now();
      await get(base, `${dash}?asOf=${yesterday}&page=1&pageSize=20`, reviewer);
      liveRuns.push(round(performance.now() - t0));
    }
    say(
      `dashboard first page computed live (asOf=${yesterday}: no snapshots, as before issue 16), 3 reads: ${liveRuns.join(', ')} ms`,
    );
    const leaders = Array.from({ length: 50 }, (_, i) => 1 + Math.floor((i * STUDIOS) / 50));
    let k = 0;
    const progress = await latency(
      async () => {
        const s = leaders[k++ % leaders.length] as number;
        await get(
          base,
          `/api/studios/${s}/progress`,
          tokenOf(1 + s, s, { role: 'leader', studioId: s }),
        );
      },
      200,
      4,
    );
    say(
      `studio progress (${ACTIVITIES} activities, ${ACTIVITIES * APPRENTICES} check-ins each), 4 concurrent, 200 reads over 50 studios: p50 ${progress.p50} ms, p95 ${progress.p95} ms`,
    );
    // Check-ins with the snapshot timer on, as deployed (it drains the queue every 2 s).
    await stopNode(api);
    const api2 = await startNode([MAIN], port + 3, { DATABASE_URL: url, JWT_SECRET: SECRET });
    children.push(api2);
    const single = await checkins(pool, [port + 3], 1, 1);
    say(line(`1 replica, single MariaDB node (the ${ATTENDANCE}-row database)`, single));
    await stopNode(api2);

    if (env.SCALE_SKIP_GALERA !== '1') {
      const cluster = await timed('galera cluster start', () => startGaleraCluster());
      try {
        const urls = await cluster.createDatabase('ms_scale_galera');
        await migrate(urls[0] as string);
        const g = new URL(urls[0] as string);
        const gpool = createPool({
          host: g.hostname,
          port: Number(g.port),
          user: decodeURIComponent(g.username || 'root'),
          password: decodeURIComponent(g.password),
          database: 'ms_scale_galera',
          connectionLimit: 8,
          dateStrings: ['DATE'],
        });
        try {
          const [j] = await bulk(
            gpool,
            'jurisdictions',
            ['name', 'policy_id'],
            [['压测市', 'urumqi-2023']],
          );
          const [u] = await bulk(gpool, 'units', ['name', 'jurisdiction_id'], [['压测单位', j]]);
          const shared = {
            JWT_SECRET: SECRET,
            REPLICAS: '2',
            REDIS_URL: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
            REDIS_PREFIX: `ms-scale-${process.pid}:`,
            MIGRATE_ON_START: 'false',
          };
          const r1 = await startNode([MAIN], port + 1, {
            ...shared,
            DATABASE_URL: urls[0] as string,
          });
          children.push(r1);
          const oneOnGalera = await checkins(gpool, [port + 1], u as number, j as number);
          say(line('1 replica, Galera node 1 (3-node cluster)', oneOnGalera));
          const r2 = await startNode([MAIN], port + 2, {
            ...shared,
            DATABASE_URL: urls[1] as string,
          });
          children.push(r2);
          const two = await checkins(gpool, [port + 1, port + 2], u as number, j as number);
          say(line('2 replicas, Galera nodes 1 and 2', two));
          say(
            `2 replicas on Galera ÷ 1 replica on the single node: ${(two.rps / Math.max(1, single.rps)).toFixed(2)}; ÷ 1 replica on Galera: ${(two.rps / Math.max(1, oneOnGalera.rps)).toFixed(2)}`,
          );
          await stopNode(r1);
          await stopNode(r2);
        } finally {
          await gpool.end();
        }
      } finally {
        await cluster.destroy();
      }
    }
    say(`load at the end: ${load()}`);
    console.log(`\n${out.join('\n')}`);
  } catch (e) {
    console.log(`\nfailed: ${String(e)}; figures so far:\n${out.join('\n')}`);
    throw e;
  } finally {
    for (const c of children) await stopNode(c);
    // Cleanup never hides the error above (the server may be the trouble).
    await pool.end().catch(() => undefined);
    if (env.SCALE_KEEP !== '1')
      await admin.query(`DROP DATABASE IF EXISTS ${DB}`).catch((e: unknown) => {
        console.error(`could not drop ${DB}: ${String(e)}`);
      });
    await admin.end().catch(() => undefined);
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
