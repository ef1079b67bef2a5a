import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { Activity } from '../../src/activities/activity.entity';
import { verifyChain } from '../../src/audit/audit-chain';
import { toPayload, type Caller } from '../../src/auth/caller';
import { CheckinCodes } from '../../src/checkin/checkin-code';
import { todayInShanghai } from '../../src/common/dates';
import { parseDatabaseUrl } from '../../src/config/config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ENTITIES, MIGRATIONS } from '../../src/database/entities';
import { makeAccount, makeApprentice, makeTenant } from '../factories/world';
import { freshDatabaseUrl, TEST_SECRET } from '../support/test-app';
import { requireMysqlUrl, writeFigures } from './figures';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
const APPRENTICES = Number(process.env.TWO_PROC_APPRENTICES ?? 80);
const AUDITED_WRITES = Number(process.env.TWO_PROC_WRITES ?? 40);

async function waitHealthy(port: number, proc: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`server on ${port} exited with ${proc.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server on ${port} did not start`);
}

/**
 * Issue 10 items 9 and 10: two server processes (node dist/main.js) on one database take
 * concurrent check-ins and, at the same time, audited writes on both: no answer ≥ 500, one
 * attendance per person, and one audit chain without a fork.
 */
describe('two server processes under concurrent check-ins and audited writes', () => {
  let drop: () => Promise<void>;
  let db: DataSource;
  const procs: ChildProcess[] = [];
  const ports = [
    41000 + Math.floor(Math.random() * 4000),
    45000 + Math.floor(Math.random() * 4000),
  ];

  beforeAll(async () => {
    requireMysqlUrl();
    if (!existsSync(MAIN))
      throw new Error('dist/main.js missing: run `pnpm build` (test:fault does)');
    let url: string;
    ({ url, drop } = await freshDatabaseUrl());
    db = new DataSource(dataSourceOptions(parseDatabaseUrl(url), ENTITIES, MIGRATIONS));
    await db.initialize();
    for (const port of ports) {
      const p = spawn(process.execPath, [MAIN], {
        env: {
          ...process.env,
          DATABASE_URL: url,
          PORT: String(port),
          JWT_SECRET: TEST_SECRET,
          LOG_LEVEL: 'error',
          THROTTLE_CHECKIN_PER_MINUTE: '100000',
          DEMO_LOGIN: 'false',
          SEED_DEMO: 'false',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      procs.push(p);
      await waitHealthy(port, p);
    }
  }, 90_000);
  afterAll(async () => {
    for (const p of procs) p.kill('SIGTERM');
    await db?.destroy();
    await drop?.();
  });

  it('answers every request below 500, records each check-in once and keeps one chain', async () => {
    const x = await makeTenant(db, '午');
    // Check-in takes codes only while it is open, on the activity's own day (Asia/Shanghai).
    await db
      .getRepository(Activity)
      .update({ id: x.activityId }, { date: todayInShanghai(), checkinOpen: true });
    const callers: Caller[] = [];
    await db.transaction(async (m) => {
      for (let i = 0; i < APPRENTICES; i++) {
        const { apprentice, person } = await makeApprentice(m, x.studioId, `午徒${i}`);
        callers.push(
          await makeAccount(m, `午徒${i}`, person.id, [
            { role: 'apprentice', studioId: x.studioId, apprenticeId: apprentice.id },
          ]),
        );
      }
    });
    const jwt = new JwtService({ secret: TEST_SECRET });
    const code = new CheckinCodes(TEST_SECRET, 30).issue(
      {
        activityId: x.activityId,
        studioId: x.studioId,
        unitId: x.unitId,
        jurisdictionId: x.jurisdictionId,
      },
      Date.now(),
    ).code;
    const post = (port: number, path: string, token: string, body: object): Promise<number> =>
      fetch(`http://127.0.0.1:${port}/api${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }).then((r) => r.status);
    const leader = jwt.sign(toPayload(x.callers.leader));
    const requests = [
      ...callers.flatMap((c, i) =>
        [0, 1].map((k) =>
          post(ports[(i + k) % 2] as number, '/checkins', jwt.sign(toPayload(c)), { code }),
        ),
      ),
      ...Array.from({ length: AUDITED_WRITES }, (_, i) =>
        post(ports[i % 2] as number, `/studios/${x.studioId}/funds`, leader, {
          direction: 'income',
          source: 'unit_matching',
          category: `两进程${i}`,
          amount: 1,
          date: '2026-04-02',
        }),
      ),
    ];
    const statuses = await Promise.all(requests);
    const count = (s: number): number => statuses.filter((v) => v === s).length;
    const attendance = (await db.query(
      'SELECT COUNT(*) AS n, COUNT(DISTINCT person_id) AS p FROM attendance WHERE activity_id = ?',
      [x.activityId],
    )) as { n: string | number; p: string | number }[];
    const chain = await verifyChain(db);
    const audited = (await db.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE record_type = 'fund'",
    )) as { n: string | number }[];
    writeFigures('two-processes', {
      requests: statuses.length,
      answers5xx: statuses.filter((s) => s >= 500).length,
      checkins: Number(attendance[0]?.n),
      auditedWrites: Number(audited[0]?.n),
      auditChainOk: chain.ok,
      checked: chain.checked,
    });
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(count(200)).toBe(APPRENTICES * 2);
    expect(count(201)).toBe(AUDITED_WRITES);
    expect(attendance[0]).toEqual({ n: expect.anything(), p: expect.anything() });
    expect(Number(attendance[0]?.n)).toBe(APPRENTICES);
    expect(Number(attendance[0]?.p)).toBe(APPRENTICES);
    expect(Number(audited[0]?.n)).toBe(AUDITED_WRITES);
    expect(chain).toMatchObject({ ok: true });
  }, 120_000);
});
