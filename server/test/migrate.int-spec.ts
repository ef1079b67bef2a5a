import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../src/config/config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ENTITIES, MIGRATIONS } from '../src/database/entities';
import { freshDatabaseUrl, isMysql, TEST_SECRET } from './support/test-app';

const DIST = join(__dirname, '..', 'dist');
const run = promisify(execFile);

/**
 * Issue 16: migrations are a command of their own under a database lease; replicas refuse a
 * schema older than their code instead of migrating at every boot.
 */
(isMysql() ? describe : describe.skip)('migrations as a separate, leased command', () => {
  jest.setTimeout(180_000);

  it('three migrate commands at once run each migration once', async () => {
    const { url, drop } = await freshDatabaseUrl();
    try {
      const outs = await Promise.all(
        [0, 1, 2].map(() =>
          run(process.execPath, [join(DIST, 'database', 'migrate-cli.js')], {
            env: { ...process.env, DATABASE_URL: url },
          }),
        ),
      );
      const said = outs.map((o) => o.stdout).join('\n');
      expect(said.match(/schema migrated/g)).toHaveLength(1);
      expect(said.match(/schema already current/g)).toHaveLength(2);
      const ds = new DataSource({
        ...dataSourceOptions(parseDatabaseUrl(url), ENTITIES, MIGRATIONS),
        migrationsRun: false,
      });
      await ds.initialize();
      const rows = (await ds.query('SELECT name, COUNT(*) AS n FROM migrations GROUP BY name')) as {
        n: string;
      }[];
      await ds.destroy();
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    } finally {
      await drop();
    }
  });

  it('a replica refuses to start on a schema older than its code, saying what to run', async () => {
    const { url, drop } = await freshDatabaseUrl();
    try {
      const proc = spawn(process.execPath, [join(DIST, 'main.js')], {
        env: {
          ...process.env,
          DATABASE_URL: url,
          PORT: '0',
          JWT_SECRET: TEST_SECRET,
          REPLICAS: '2',
          REDIS_URL: 'redis://127.0.0.1:6379',
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((r) => proc.once('exit', r));
      expect(code).toBe(1);
      expect(stderr).toMatch(/migrate/);
      expect(stderr).toMatch(/older than this server/);
    } finally {
      await drop();
    }
  });
});
