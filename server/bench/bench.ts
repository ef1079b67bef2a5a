/**
 * Benchmark on loopback against MariaDB/MySQL (docs/benchmarks.md "## server").
 *
 *   pnpm --filter @master-studio/server bench          full run, writes docs/benchmarks.md
 *   pnpm --filter @master-studio/server bench:quick    small and fast, prints only
 *   pnpm --filter @master-studio/server bench -- --print   full size, prints only
 *
 * BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306/) names the server; a fresh
 * database ms_bench_<random> is created and dropped. The API runs as a real process
 * (node dist/main.js). Beside each API number, the same work done by raw mysql2 queries.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createConnection, createPool, type Pool, type RowDataPacket } from 'mysql2/promise';

import {
  bodyBytes as bodyBytesAt,
  closeAgent,
  get as getAt,
  latency,
  round,
  startApi,
} from './http';
import { generate } from './world';

// Compiled output: the bench measures the real build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JwtService } = require('@nestjs/jwt') as typeof import('@nestjs/jwt');

const QUICK = process.argv.includes('--quick');
const PRINT_ONLY = QUICK || process.argv.includes('--print');
const KEEP_DB = process.argv.includes('--keep'); // leave the generated database for inspection
const SIZE = QUICK
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
const BASE = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = 32;
const get = (path: string, token: string) => getAt(BASE, path, token);
const bodyBytes = (path: string, token: string) => bodyBytesAt(BASE, path, token);

const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
const dbName = `ms_bench_${randomBytes(4).toString('hex')}`;
const conn = {
  host: serverUrl.hostname,
  port: Number(serverUrl.port || 3306),
  user: decodeURIComponent(serverUrl.username || 'root'),
  password: decodeURIComponent(serverUrl.password),
};

const ASOF = '2026-06-30';

/** The facts queries of FactsLoader (nine; a single studio's check-in counts in a tenth), as raw mysql2 statements. */
function rawFacts(pool: Pool, where: string, param: number): Promise<unknown> {
  const inScope = (a: string) => `JOIN studios s ON s.id = ${a}.studio_id WHERE ${where}`;
  const oneStudio = where === 's.id = ?';
  const checkedIn = oneStudio
    ? '0 AS checked_in'
    : '(SELECT COUNT(*) FROM attendance t WHERE t.activity_id = a.id) AS checked_in';
  return Promise.all([
    pool.query<RowDataPacket[]>(
      `SELECT s.*, u.name AS unit_name, j.policy_id, p.name AS leader_name, p.birth_date, p.retirement_category, p.skill_level FROM studios s JOIN units u ON u.id = s.unit_id JOIN jurisdictions j ON j.id = s.jurisdiction_id JOIN people p ON p.id = s.leader_person_id WHERE ${where} ORDER BY s.id`,
      [param],
    ),
    pool.query(
      `SELECT m.studio_id, m.id, p.name, p.skill_level, m.full_time, m.years_in_trade, m.joined_on, m.left_on FROM team_members m JOIN people p ON p.id = m.person_id ${inScope('m')}`,
      [param],
    ),
    pool.query(
      `SELECT a.studio_id, a.id, p.name, a.joined_on, a.agreement_signed_on, a.left_on FROM apprentices a JOIN people p ON p.id = a.person_id ${inScope('a')}`,
      [param],
    ),
    pool.query(
      `SELECT c.studio_id, c.id, c.apprentice_id, c.level, c.awarded_on FROM certificates c ${inScope('c')}`,
      [param],
    ),
    pool.query(
      `SELECT a.studio_id, a.id, a.kind, a.date, a.extra_attendance, ${checkedIn} FROM activities a ${inScope('a')}`,
      [param],
    ),
    pool.query(
      `SELECT r.studio_id, r.id, r.kind, r.level, r.date FROM achievements r ${inScope('r')}`,
      [param],
    ),
    pool.query(
      `SELECT f.studio_id, f.id, f.source, f.amount, f.date FROM fund_entries f ${inScope('f')} AND f.direction = 'income'`,
      [param],
    ),
    pool.query(
      `SELECT d.studio_id, d.id, d.kind, d.year, d.submitted_on FROM documents d ${inScope('d')}`,
      [param],
    ),
    pool.query(`SELECT g.studio_id, g.item_id, g.score FROM judgments g ${inScope('g')}`, [param]),
    ...(oneStudio
      ? [
          pool.query(
            'SELECT t.activity_id, COUNT(*) AS n FROM attendance t WHERE t.studio_id = ? GROUP BY t.activity_id',
            [param],
          ),
        ]
      : []),
  ]);
}

async function main(): Promise<void> {
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
  try {
    server = await startApi(main, url, PORT, SECRET, {
      THROTTLE_CHECKIN_PER_MINUTE: '1000000',
      CHECKIN_ROTATE_SECONDS: '3600',
    });
    const t0 = performance.now();
    const w = await generate(pool, SIZE, SECRET);
    const genSeconds = round((performance.now() - t0) / 1000);
    const jwt = new JwtService({ secret: SECRET, signOptions: { expiresIn: 3600 } });
    const leaderToken = jwt.sign(w.leaderBig);
    const reviewerToken = jwt.sign(w.reviewerJ2);
    const [[bigCount]] = await pool.query<RowDataPacket[]>(
      `SELECT (SELECT COUNT(*) FROM apprentices WHERE studio_id = ?) + (SELECT COUNT(*) FROM activities WHERE studio_id = ?) + (SELECT COUNT(*) FROM attendance WHERE studio_id = ?) + (SELECT COUNT(*) FROM certificates WHERE studio_id = ?) + (SELECT COUNT(*) FROM achievements WHERE studio_id = ?) + (SELECT COUNT(*) FROM fund_entries WHERE studio_id = ?) + (SELECT COUNT(*) FROM documents WHERE studio_id = ?) AS n`,
      Array(7).fill(w.bigStudio),
    );
    const records = Number((bigCount as { n: number }).n);

    const loadAtStart = loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ');
    // Warm up both paths.
    for (let i = 0; i < 5; i++) {
      await get(`/api/studios/${w.bigStudio}/progress?asOf=${ASOF}`, leaderToken);
      await get(`/api/dashboards/jurisdiction/${w.dashJurisdiction}?asOf=${ASOF}`, reviewerToken);
    }

    // 1. Check-in throughput (autocannon), then raw INSERTs at the same concurrency.
    let i = 0;
    const ac = await autocannon({
      url: BASE,
      connections: CONNECTIONS,
      duration: SIZE.seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/checkins',
          setupRequest: (req) => {
            const p = w.pairs[i++ % w.pairs.length] as { token: string; code: string };
            return {
              ...req,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}` },
              body: JSON.stringify({ code: p.code }),
            };
          },
        },
      ],
    });
    const [[created]] = await pool.query<RowDataPacket[]>(
      `SELECT COUNT(*) AS n FROM attendance a JOIN activities v ON v.id = a.activity_id WHERE v.title = '签到压测'`,
    );
    const checkins = {
      rps: Math.round(ac.requests.average),
      p50: ac.latency.p50,
      p97_5: ac.latency.p97_5,
      non2xx: ac.non2xx,
      sent: i,
      rowsCreated: Number((created as { n: number }).n),
    };

    // Raw: the same INSERT through a mysql2 pool at the same concurrency, for the same time,
    // or until the prepared (activity, person) pairs run out on a fast machine; either way the
    // rate is over the time actually measured, and the result says which happened.
    let k = 0;
    let inserted = 0;
    const rawStart = performance.now();
    const stopAt = rawStart + SIZE.seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < stopAt && k < w.rawPairs.length) {
          const [a, p] = w.rawPairs[k++] as [number, number];
          await pool.execute(
            'INSERT INTO attendance (activity_id, person_id, studio_id, checked_in_at) VALUES (?, ?, ?, ?)',
            [a, p, w.checkinStudio, new Date()],
          );
          inserted++;
        }
      }),
    );
    const rawSeconds = (performance.now() - rawStart) / 1000;
    const rawInsertRps = Math.round(inserted / rawSeconds);
    if (k >= w.rawPairs.length)
      console.log(
        `raw INSERT: pairs ran out after ${rawSeconds.toFixed(2)} s (rate over that time)`,
      );

    // 2. Progress of the big studio, API vs raw facts queries: the default answer (targets
    // summarized, what the home screen loads) is the one judged; explain=all (every target's
    // record lists) is kept beside it so the cost of full explanations stays visible.
    const summaryPath = `/api/studios/${w.bigStudio}/progress?asOf=${ASOF}`;
    const allPath = `${summaryPath}&explain=all`;
    const bytes = {
      summary: await bodyBytes(summaryPath, leaderToken),
      all: await bodyBytes(allPath, leaderToken),
      assessment: await bodyBytes(
        `/api/studios/${w.bigStudio}/assessment?asOf=${ASOF}`,
        leaderToken,
      ),
    };
    const progress = await latency(() => get(summaryPath, leaderToken), SIZE.latencyRequests, 4);
    const progressAll = await latency(() => get(allPath, leaderToken), SIZE.latencyRequests, 4);
    const progressRaw = await latency(
      async () => void (await rawFacts(pool, 's.id = ?', w.bigStudio)),
      SIZE.latencyRequests,
      4,
    );
    // The same, one request at a time: the cost of one answer without queueing behind others.
    const progressSerial = await latency(
      () => get(summaryPath, leaderToken),
      Math.ceil(SIZE.latencyRequests / 2),
      1,
    );
    const progressAllSerial = await latency(
      () => get(allPath, leaderToken),
      Math.ceil(SIZE.latencyRequests / 2),
      1,
    );
    const progressSerialRaw = await latency(
      async () => void (await rawFacts(pool, 's.id = ?', w.bigStudio)),
      Math.ceil(SIZE.latencyRequests / 2),
      1,
    );

    // 3. The jurisdiction dashboard, API vs raw facts queries.
    const dash = await latency(
      () => get(`/api/dashboards/jurisdiction/${w.dashJurisdiction}?asOf=${ASOF}`, reviewerToken),
      Math.ceil(SIZE.latencyRequests / 4),
      2,
    );
    const dashRaw = await latency(
      async () => void (await rawFacts(pool, 's.jurisdiction_id = ?', w.dashJurisdiction)),
      Math.ceil(SIZE.latencyRequests / 4),
      2,
    );

    const result = {
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      load: {
        atStart: loadAtStart,
        atEnd: loadavg()
          .map((x) => x.toFixed(2))
          .join(' / '),
      },
      data: {
        bigStudioRecords: records,
        dashboardStudios: SIZE.studios,
        generateSeconds: genSeconds,
      },
      checkins,
      rawInsertRps,
      bytes,
      progress,
      progressAll,
      progressRaw,
      progressSerial,
      progressAllSerial,
      progressSerialRaw,
      dash,
      dashRaw,
    };
    console.log(JSON.stringify(result, null, 2));
    if (!PRINT_ONLY) writeDocs(result);
  } finally {
    server?.kill('SIGTERM');
    await pool.end();
    if (KEEP_DB) console.log(`kept database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
    closeAgent();
  }
}

function writeDocs(r: {
  machine: string;
  load: { atStart: string; atEnd: string };
  data: { bigStudioRecords: number; dashboardStudios: number; generateSeconds: number };
  checkins: {
    rps: number;
    p50: number;
    p97_5: number;
    non2xx: number;
    sent: number;
    rowsCreated: number;
  };
  rawInsertRps: number;
  bytes: { summary: number; all: number; assessment: number };
  progress: { p50: number; p95: number; rps: number };
  progressAll: { p50: number; p95: number; rps: number };
  progressRaw: { p50: number; p95: number; rps: number };
  progressSerial: { p50: number; p95: number; rps: number };
  progressAllSerial: { p50: number; p95: number; rps: number };
  progressSerialRaw: { p50: number; p95: number; rps: number };
  dash: { p50: number; p95: number; rps: number };
  dashRaw: { p50: number; p95: number; rps: number };
}): void {
  const file = join(__dirname, '..', '..', 'docs', 'benchmarks.md');
  const ok = (b: boolean) => (b ? '✅' : '❌');
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '—');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const section = `## server

Measured by \`pnpm --filter @master-studio/server bench\` (server/bench/bench.ts) on ${new Date().toISOString().slice(0, 10)}:
${r.machine}; MariaDB on loopback; the API as a real process (\`node dist/main.js\`, request logs off);
load from the same machine. Load average (1 / 5 / 15 min): ${r.load.atStart} when the measures began,
${r.load.atEnd} at the end (the run itself adds about 3–5: 32 client connections, the API, MariaDB). Data: one studio with ${r.data.bigStudioRecords.toLocaleString('en')} records
(apprentices, activities, attendance, certificates, results, funds, documents) and a jurisdiction
of ${r.data.dashboardStudios} studios (3 members, 8 apprentices, 12 activities with check-ins, certificates,
funds, documents each). Raw = the same SQL through a mysql2 pool, no HTTP, no rules.

| measure | API | raw mysql2 | API / raw | target |
|---|---|---|---|---|
| check-ins per second (${CONNECTIONS} connections, ${SIZE.seconds} s, each a new person × activity) | ${r.checkins.rps} | ${r.rawInsertRps} INSERT/s | ${ratio(r.checkins.rps, r.rawInsertRps)} | ≥ 1,000/s ${ok(r.checkins.rps >= 1000)}, ≥ 0.5 of raw ${ok(r.checkins.rps >= r.rawInsertRps / 2)} |
| check-in latency p50 / p97.5 (ms) | ${r.checkins.p50} / ${r.checkins.p97_5} | | | |
| studio progress (default: summarized targets, ${kb(r.bytes.summary)}) p50 / p95 (ms), 4 concurrent | ${r.progress.p50} / ${r.progress.p95} | ${r.progressRaw.p50} / ${r.progressRaw.p95} | ${ratio(r.progress.p95, r.progressRaw.p95)} (p95) | p95 ≤ 50 ms ${ok(r.progress.p95 <= 50)} |
| studio progress \`explain=all\` (every record list, ${kb(r.bytes.all)}) p50 / p95 (ms), 4 concurrent | ${r.progressAll.p50} / ${r.progressAll.p95} | ${r.progressRaw.p50} / ${r.progressRaw.p95} | ${ratio(r.progressAll.p95, r.progressRaw.p95)} (p95) | (for reference) |
| studio progress default p50 / p95 (ms), 1 at a time (for reference) | ${r.progressSerial.p50} / ${r.progressSerial.p95} | ${r.progressSerialRaw.p50} / ${r.progressSerialRaw.p95} | ${ratio(r.progressSerial.p95, r.progressSerialRaw.p95)} (p95) | |
| studio progress \`explain=all\` p50 / p95 (ms), 1 at a time (for reference) | ${r.progressAllSerial.p50} / ${r.progressAllSerial.p95} | ${r.progressSerialRaw.p50} / ${r.progressSerialRaw.p95} | ${ratio(r.progressAllSerial.p95, r.progressSerialRaw.p95)} (p95) | |
| ${r.data.dashboardStudios}-studio dashboard p50 / p95 (ms), 2 concurrent | ${r.dash.p50} / ${r.dash.p95} | ${r.dashRaw.p50} / ${r.dashRaw.p95} | ${ratio(r.dash.p95, r.dashRaw.p95)} (p95) | p95 ≤ 300 ms ${ok(r.dash.p95 <= 300)} |

Check-in run: ${r.checkins.sent} requests sent, ${r.checkins.rowsCreated} attendance rows created, ${r.checkins.non2xx} non-2xx answers.
A check-in is one JWT check, one HMAC check of the code and one INSERT (the signed code carries
the studio scope, so nothing is read first); the unique key (activity_id, person_id) makes
replays return the first row. The raw column is that same INSERT through a mysql2 pool at the
same concurrency, rate over the measured time. Check-ins go to a studio of their own, one
account per apprentice, so they add nothing to the 10k-record studio measured next.
Progress and dashboards run the same set-based queries (FactsLoader: nine for any number of
studios, a tenth for one studio's check-in counts), then shared-rules \`evaluate\` per studio
in memory; raw runs those queries only, so the API/raw ratio is the cost of HTTP, JSON
and the rules. Response bodies for the ${r.data.bigStudioRecords.toLocaleString('en')}-record studio (no compression): progress by default
(each target's counts of counted / not-counted records, no lists) ${r.bytes.summary.toLocaleString('en')} bytes; \`explain=all\`
(every target's record lists, the answer before \`explain\` existed) ${r.bytes.all.toLocaleString('en')} bytes; the assessment sheet
${r.bytes.assessment.toLocaleString('en')} bytes. The target is judged on the default 4-concurrent row (what the leader's home
screen loads; the 为什么 page asks \`explain=<one target>\`): on 2 cores the API process, MariaDB and the load generator compete, so a
request also waits behind the others.
`;
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf('\n## server');
  let next: string;
  if (start === -1) {
    next = `${doc.trimEnd()}\n\n${section}`;
  } else {
    const after = doc.indexOf('\n## ', start + 1);
    next = doc.slice(0, start + 1) + section + (after === -1 ? '' : `\n${doc.slice(after + 1)}`);
  }
  writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
  console.log(`wrote ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
