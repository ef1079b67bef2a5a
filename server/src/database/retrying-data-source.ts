import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { databaseTrouble } from '../common/db-errors';

/** How often a transaction that lost a write conflict is run again, and the backoff between. */
export const WRITE_CONFLICT_RETRY = { attempts: 5, baseMs: 8, maxMs: 200 };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `work` again when it fails with a write conflict: InnoDB's deadlock victim (1213) or, on a
 * Galera cluster, a transaction that lost certification to another node's write, which Galera
 * reports as the same deadlock at COMMIT (toolchain: MariaDB Galera docs, "certification
 * failure"). Bounded (WRITE_CONFLICT_RETRY.attempts) with full jitter on an exponential backoff,
 * so the losers of one conflict do not collide again in step. Lock wait timeouts (1205) are
 * not retried: they already waited innodb_lock_wait_timeout. The last failure is rethrown and
 * answered 503 with Retry-After (common/db-errors.ts 'busy').
 */
export async function retryWriteConflicts<T>(
  work: () => Promise<T>,
  opts: { attempts?: number; baseMs?: number; maxMs?: number; random?: () => number } = {},
): Promise<T> {
  const attempts = opts.attempts ?? WRITE_CONFLICT_RETRY.attempts;
  const baseMs = opts.baseMs ?? WRITE_CONFLICT_RETRY.baseMs;
  const maxMs = opts.maxMs ?? WRITE_CONFLICT_RETRY.maxMs;
  const random = opts.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (attempt >= attempts || !isWriteConflict(e)) throw e;
      await sleep(Math.floor(random() * Math.min(maxMs, baseMs * 2 ** attempt)));
    }
  }
}

/** A deadlock victim or a Galera certification failure (both errno 1213, ER_LOCK_DEADLOCK). */
export function isWriteConflict(e: unknown): boolean {
  if (databaseTrouble(e) !== 'busy') return false;
  for (let x: unknown = e; x && typeof x === 'object';) {
    const d = x as { code?: string; errno?: number; driverError?: unknown; cause?: unknown };
    if (d.code === 'ER_LOCK_DEADLOCK' || d.errno === 1213) return true;
    const next = d.driverError ?? d.cause;
    if (next === x) break;
    x = next;
  }
  return false;
}

/**
 * The application's DataSource: every `transaction(...)` in the server retries write conflicts
 * in this one place (issue 16), so no service handles Galera's commit-time deadlocks itself.
 * A retried transaction runs its callback again from the start on a fresh connection, so the
 * callbacks must keep their effects inside the transaction (they do: they only use the manager).
 */
export class RetryingDataSource extends DataSource {
  override transaction<T>(run: (m: EntityManager) => Promise<T>): Promise<T>;
  override transaction<T>(
    isolationLevel: IsolationLevel,
    run: (m: EntityManager) => Promise<T>,
  ): Promise<T>;
  override transaction<T>(
    a: IsolationLevel | ((m: EntityManager) => Promise<T>),
    b?: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    return retryWriteConflicts(() =>
      typeof a === 'function' ? super.transaction(a) : super.transaction(a, b as never),
    );
  }
}
