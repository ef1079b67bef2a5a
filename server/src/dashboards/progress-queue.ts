import type { EntityManager, QueryRunner } from 'typeorm';

/** The studios already queued by each open transaction (one row per studio per transaction). */
const queued = new WeakMap<QueryRunner, Set<number>>();

/**
 * Queues the studio's progress snapshot for a rebuild, inside the transaction `m` that changes
 * its facts (issue 16): the append commits or rolls back with the write, so no committed change
 * is missed. Called by AuditService.record (every audited studio write: records, members,
 * checklist, overrides, judgments, finalization, imports, erasure) and by the check-in INSERT,
 * which is not audited. Append-only (no unique key, no foreign key): concurrent check-ins never
 * wait on each other here, and Galera nodes never conflict on it. ProgressSnapshots drains it.
 */
export async function queueProgress(m: EntityManager, studioId: number): Promise<void> {
  // MySQL: a query runner per transaction, so one row per studio per transaction. sql.js reuses
  // its one runner for every transaction: no dedupe there (one process, a few writes).
  const runner = m.connection.options.type === 'mysql' ? m.queryRunner : undefined;
  if (runner) {
    let seen = queued.get(runner);
    if (!seen) queued.set(runner, (seen = new Set()));
    if (seen.has(studioId)) return;
    seen.add(studioId);
  }
  await m.query('INSERT INTO progress_queue (studio_id) VALUES (?)', [studioId]);
}
