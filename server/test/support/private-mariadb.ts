import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * A MariaDB server of the test's own: its own data directory (mariadb-install-db) and port, so
 * a test can stop, kill and restart it without touching the shared server on 3306. Needs
 * Debian's `mariadb-server` package (mariadbd, mariadb-install-db); missing binaries fail the
 * test with what to install, never skip it.
 */
export interface PrivateMariadb {
  port: number;
  /** A fresh database on this server and its URL. */
  createDatabase(name: string): Promise<string>;
  /** SIGKILL (a crash) or SIGTERM (a clean stop); resolves when the process has exited. */
  stop(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Starts the server again on the same data directory and port; resolves when it answers. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

function binary(name: string, dirs: string[]): string {
  for (const d of dirs) if (existsSync(join(d, name))) return join(d, name);
  throw new Error(
    `${name} not found: the fault tests start their own MariaDB. Install it with: apt-get install -y mariadb-server`,
  );
}

const BIN_DIRS = [
  '/usr/sbin',
  '/usr/bin',
  '/usr/local/sbin',
  '/usr/local/bin',
  ...(process.env.PATH ?? '').split(':'),
];

export async function startPrivateMariadb(): Promise<PrivateMariadb> {
  const mariadbd = binary('mariadbd', BIN_DIRS);
  const installDb = binary('mariadb-install-db', BIN_DIRS);
  const dir = mkdtempSync(join(tmpdir(), 'ms-mariadb-'));
  const datadir = join(dir, 'data');
  // A tmpdir of its own: mariadbd deletes every `#sql*` file in its tmpdir when it starts, and in
  // the shared /tmp those are the live temporary tables of the machine's MariaDB (seen: another
  // suite's "Error on delete of '/tmp/#sql-temptable-….MAI'" mid-query).
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const user = userInfo().username;
  execFileSync(
    installDb,
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--tmpdir=${tmp}`,
      `--user=${user}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ],
    { stdio: 'ignore' },
  );
  const port = 40000 + Math.floor(Math.random() * 20000);
  let proc: ChildProcess | null = null;

  const ping = async (): Promise<boolean> => {
    try {
      const c = await createConnection({
        host: '127.0.0.1',
        port,
        user: 'root',
        connectTimeout: 500,
      });
      await c.end();
      return true;
    } catch {
      return false;
    }
  };

  const server = {
    port,
    async start(): Promise<void> {
      const p = spawn(
        mariadbd,
        [
          '--no-defaults',
          `--datadir=${datadir}`,
          `--tmpdir=${tmp}`,
          `--port=${port}`,
          '--bind-address=127.0.0.1',
          `--socket=${join(dir, 'sock')}`,
          `--pid-file=${join(dir, 'pid')}`,
          `--user=${user}`,
          '--skip-grant-tables',
          '--skip-name-resolve',
          '--innodb-buffer-pool-size=32M',
          '--max-connections=500',
        ],
        { stdio: 'ignore' },
      );
      proc = p;
      for (let i = 0; i < 300; i++) {
        if (p.exitCode !== null)
          throw new Error(`private mariadbd on ${port} exited with ${p.exitCode}`);
        if (await ping()) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`private mariadbd on ${port} did not answer within 30 s`);
    },
    async stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL'): Promise<void> {
      const p = proc;
      proc = null;
      if (!p || p.exitCode !== null || p.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill(signal);
      });
    },
    async createDatabase(name: string): Promise<string> {
      const c = await createConnection({ host: '127.0.0.1', port, user: 'root' });
      await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
      await c.end();
      return `mysql://root@127.0.0.1:${port}/${name}`;
    },
    async destroy(): Promise<void> {
      await server.stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
