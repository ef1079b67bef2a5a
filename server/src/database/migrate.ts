import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';

/** How long a migration lease holds before another process may take it over (a crashed holder). */
const LEASE_MINUTES = 30;
const POLL_MS = 500;
const WAIT_MS = 15 * 60_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs pending migrations under a database lease, so that replicas started together (or the
 * `migrate` command run twice) never race: one process migrates, the others wait until it is
 * done and then find nothing pending (issue 16). The lease is a row, not GET_LOCK(), which a
 * Galera cluster does not replicate: two nodes taking it at once conflict at commit, and the
 * loser (a deadlock error, or 0 rows) waits. A lease older than LEASE_MINUTES is taken over.
 * The embedded database belongs to one process and migrates directly.
 */
export async function migrateUnderLease(
  ds: DataSource,
  log: (msg: string) => void = () => undefined,
): Promise<number> {
  if (ds.options.type !== 'mysql') return (await ds.runMigrations({ transaction: 'each' })).length;
  await ds.query(
    `CREATE TABLE IF NOT EXISTS schema_migration_lease (
       id INT NOT NULL PRIMARY KEY,
       holder VARCHAR(200) NULL,
       expires_at DATETIME NULL
     ) ENGINE=InnoDB`,
  );
  await ds.query(
    'INSERT IGNORE INTO schema_migration_lease (id, holder, expires_at) VALUES (1, NULL, NULL)',
  );
  const me = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const deadline = Date.now() + WAIT_MS;
  let waited = false;
  for (;;) {
    let taken = false;
    try {
      const r = (await ds.query(
        `UPDATE schema_migration_lease SET holder = ?, expires_at = UTC_TIMESTAMP() + INTERVAL ${LEASE_MINUTES} MINUTE
         WHERE id = 1 AND (holder IS NULL OR expires_at < UTC_TIMESTAMP())`,
        [me],
      )) as { affectedRows?: number };
      taken = (r.affectedRows ?? 0) === 1;
    } catch (e) {
      // Another node took it in the same instant (Galera: a conflict at commit); try again.
      if (!/deadlock|1213/i.test(String((e as Error).message))) throw e;
    }
    if (taken) break;
    if (Date.now() > deadline)
      throw new Error(`waited ${WAIT_MS / 60_000} min for another process's migrations to finish`);
    if (!waited) log('another process is migrating the database: waiting for it');
    waited = true;
    await sleep(POLL_MS);
  }
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    if (ran.length) log(`ran ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
    return ran.length;
  } finally {
    await ds.query(
      'UPDATE schema_migration_lease SET holder = NULL, expires_at = NULL WHERE id = 1 AND holder = ?',
      [me],
    );
  }
}

/** Thrown at boot when the database has migrations the code expects but nobody ran. */
export class SchemaBehindError extends Error {
  constructor(pending: number) {
    super(
      `the database schema is older than this server (${pending} migration(s) pending): run ` +
        '`pnpm --filter @master-studio/server migrate` (DATABASE_URL=…) first, then start the replicas',
    );
    this.name = 'SchemaBehindError';
  }
}

/** How many of the code's migrations the database has not run yet. */
export async function pendingMigrations(ds: DataSource): Promise<number> {
  const table = ds.options.migrationsTableName ?? 'migrations';
  const known = ds.migrations.map((m) => m.name ?? m.constructor.name);
  let done: { name: string }[] = [];
  try {
    done = (await ds.query(`SELECT name FROM ${table}`)) as { name: string }[];
  } catch {
    return known.length; // no migrations table: nothing has run
  }
  const ran = new Set(done.map((r) => r.name));
  return known.filter((n) => !ran.has(n)).length;
}
