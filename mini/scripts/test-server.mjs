// Starts the real server (server/dist/main.js) on a fresh database with the demo seed, for the
// end-to-end run (e2e.mjs) and the headless weapp run (check-weapp.mjs).
// DATABASE_URL mysql://… → a new database next to it, dropped by stop(); unset → SQLite in a
// temp dir, removed by stop().
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './benchmarks.mjs';

const SERVER = join(REPO, 'server');

export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/** A fresh database: its URL and how to remove it. */
async function prepareDatabase(tag, log, sqlite) {
  const url = process.env.DATABASE_URL;
  if (sqlite || !url || url.startsWith('sqlite')) {
    const tmp = mkdtempSync(join(tmpdir(), `ms-${tag}-`));
    return {
      url: `sqlite:${join(tmp, `${tag}.sqlite`)}`,
      remove: async () => rmSync(tmp, { recursive: true, force: true }),
    };
  }
  const u = new URL(url);
  const name = `${u.pathname.slice(1) || 'ms'}_${tag}_${Date.now().toString(36)}`.replace(
    /[^A-Za-z0-9_]/g,
    '_',
  );
  const mysql = createRequire(join(SERVER, 'package.json'))('mysql2/promise');
  const admin = async (sql) => {
    const c = await mysql.createConnection({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
    });
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  log(`fresh MySQL database ${name}`);
  u.pathname = `/${name}`;
  return { url: u.toString(), remove: () => admin(`DROP DATABASE IF EXISTS \`${name}\``) };
}

const BOOT_LIMIT_MS = 120000; // a cold boot with migrations and the demo seed on a busy machine

/**
 * Prepares the database and spawns the server without waiting for it: `ready` resolves once it
 * answers /api/health (and stops it if it never does), so a caller can do other work meanwhile.
 * @param {object} options
 * @param {string} options.tag  names the temp database (e2e, weapp)
 * @param {string} [options.staticDir]  what the server serves besides the API (the H5 build)
 * @param {string} [options.serverDist]  another build of the server (a before/after comparison)
 * @param {boolean} [options.sqlite]  the embedded database even when DATABASE_URL names MySQL
 * @param {(msg: string) => void} [options.log]
 * @returns {Promise<{ base: string, stop: () => Promise<void>, ready: Promise<void> }>}
 *   base is http://127.0.0.1:<port>
 */
export async function launchTestServer({
  tag,
  staticDir,
  serverDist,
  sqlite = false,
  log = () => undefined,
}) {
  const database = await prepareDatabase(tag, log, sqlite);
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    PORT: String(port),
    DEMO_LOGIN: 'true',
    SEED_DEMO: 'true',
    LOG_REQUESTS: 'false',
    THROTTLE_SIGNIN_PER_MINUTE: '1000',
    ...(staticDir ? { STATIC_DIR: staticDir } : {}),
  };
  delete env.JWT_SECRET;
  const server = spawn(process.execPath, [join(serverDist ?? join(SERVER, 'dist'), 'main.js')], {
    cwd: SERVER,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  // If this process dies before stop() (a crash, an unhandled rejection), the server goes too.
  const orphanGuard = () => server.kill('SIGTERM');
  process.once('exit', orphanGuard);
  const stop = async () => {
    process.off('exit', orphanGuard);
    server.kill('SIGTERM');
    await database.remove().catch(() => undefined);
  };
  const base = `http://127.0.0.1:${port}`;
  const waitForHealth = async () => {
    const started = Date.now();
    while (Date.now() - started < BOOT_LIMIT_MS) {
      if (server.exitCode !== null)
        throw new Error(`server exited (${server.exitCode}):\n${output.slice(-3000)}`);
      try {
        const r = await fetch(`${base}/api/health`);
        if (r.ok) return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(
      `server did not answer /api/health in ${BOOT_LIMIT_MS / 1000} s:\n${output.slice(-3000)}`,
    );
  };
  const ready = waitForHealth().catch(async (err) => {
    await stop();
    throw err;
  });
  ready.catch(() => undefined); // the caller awaits it; never an unhandled rejection meanwhile
  return { base, stop, ready };
}

/** launchTestServer, resolved once the server answers. */
export async function startTestServer(options) {
  const { base, stop, ready } = await launchTestServer(options);
  await ready;
  return { base, stop };
}
