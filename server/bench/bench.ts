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
 * Set-up (database, API process, generated world) is setup.ts and world*.ts; the raw baseline
 * queries raw-facts.ts; the docs section report.ts.
 */
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import type { RowDataPacket } from 'mysql2/promise';

import { latency } from './http';
import { rawFacts } from './raw-facts';
import { writeDocs } from './report';
import { ASOF, BASE, bodyBytes, CONNECTIONS, get, PRINT_ONLY, setUp, SIZE } from './setup';

/** Measures on the set-up of setup.ts: check-ins, a studio's progress, a dashboard; each beside raw mysql2. */
async function main(): Promise<void> {
  const {
    pool,
    world: w,
    leaderToken,
    reviewerToken,
    records,
    generateSeconds,
    tearDown,
  } = await setUp();
  try {
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
        generateSeconds,
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
    await tearDown();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
