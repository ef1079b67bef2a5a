import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { Activity } from '../src/activities/activity.entity';
import { toPayload, type Caller } from '../src/auth/caller';
import { CheckinCodes } from '../src/checkin/checkin-code';
import { parseDatabaseUrl } from '../src/config/config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ENTITIES, MIGRATIONS } from '../src/database/entities';
import { makeAccount, makeApprentice, makeTenant } from './factories/world';
import { freshDatabaseUrl, isMysql, TEST_SECRET } from './support/test-app';

const MAIN = join(__dirname, '..', 'dist', 'main.js');
const APPRENTICES = 200;

async function waitHealthy(port: number, proc: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new Error(`server on ${port} exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server on ${port} did not start`);
}

/** Two real server processes (node dist/main.js) on one MySQL database. */
(isMysql() ? describe : describe.skip)(
  'two server processes, one database, 200 concurrent check-ins',
  () => {
    let drop: () => Promise<void>;
    let url: string;
    let db: DataSource;
    const procs: ChildProcess[] = [];
    const ports = [
      31000 + Math.floor(Math.random() * 2000),
      34000 + Math.floor(Math.random() * 2000),
    ];

    beforeAll(async () => {
      if (!existsSync(MAIN))
        throw new Error('dist/main.js missing: run `pnpm build` (test:int does)');
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
            LOG_LEVEL: 'warn',
            THROTTLE_CHECKIN_PER_MINUTE: '1000',
            DEMO_LOGIN: 'false',
            SEED_DEMO: 'false',
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        procs.push(p);
        await waitHealthy(port, p);
      }
    }, 60_000);

    afterAll(async () => {
      for (const p of procs) p.kill('SIGTERM');
      await db?.destroy();
      await drop?.();
    });

    it('records each apprentice exactly once, whichever process and however often they tap', async () => {
      const x = await makeTenant(db, '壬');
      // Check-ins count only while the activity's check-in is open.
      await db.getRepository(Activity).update({ id: x.activityId }, { checkinOpen: true });
      const callers: Caller[] = [];
      await db.transaction(async (m) => {
        for (let i = 0; i < APPRENTICES; i++) {
          const { apprentice, person } = await makeApprentice(m, x.studioId, `徒弟${i}`);
          callers.push(
            await makeAccount(m, `徒弟${i}`, person.id, [
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
      // 200 apprentices, each tapping twice (once on each process): 400 concurrent requests.
      const requests = callers.flatMap((c, i) =>
        [0, 1].map((k) =>
          fetch(`http://127.0.0.1:${ports[(i + k) % 2]}/api/checkins`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${jwt.sign(toPayload(c))}`,
            },
            body: JSON.stringify({ code }),
          }).then(async (r) => ({
            status: r.status,
            body: (await r.json()) as {
              created: boolean;
              attendance: { id: number; personId: number };
            },
          })),
        ),
      );
      const answers = await Promise.all(requests);
      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
      expect(answers.filter((a) => a.body.created).length).toBe(APPRENTICES);
      const byPerson = new Map<number, Set<number>>();
      for (const a of answers)
        byPerson.set(
          a.body.attendance.personId,
          (byPerson.get(a.body.attendance.personId) ?? new Set()).add(a.body.attendance.id),
        );
      expect(byPerson.size).toBe(APPRENTICES);
      expect([...byPerson.values()].every((ids) => ids.size === 1)).toBe(true);
      const rows = (await db.query(
        'SELECT person_id, COUNT(*) AS n FROM attendance WHERE activity_id = ? GROUP BY person_id HAVING COUNT(*) > 1',
        [x.activityId],
      )) as unknown[];
      expect(rows).toEqual([]);
      const total = (await db.query('SELECT COUNT(*) AS n FROM attendance WHERE activity_id = ?', [
        x.activityId,
      ])) as { n: number | string }[];
      expect(Number(total[0]?.n)).toBe(APPRENTICES);
    }, 60_000);
  },
);
