import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { wholeSeconds } from '../database/sql';

/**
 * How long an Idempotency-Key is remembered (docs/api.md "Idempotency-Key"): 30 days, longer than
 * any outbox in the app keeps a write waiting for the network. A write resent after that is a new
 * write.
 */
export const IDEMPOTENCY_KEY_TTL_DAYS = 30;
/** How often each server process purges (the first run a minute after boot). */
export const IDEMPOTENCY_PURGE_EVERY_MS = 60 * 60 * 1000;
const BATCH = 1000;

/**
 * Deletes the keys older than the TTL, a bounded batch per statement on IDX_idempotency_keys_created.
 * Safe with several server processes: every process runs it on its own timer, and concurrent
 * DELETEs of the same old rows simply find fewer rows (no lock is held beyond one statement, nothing
 * depends on which process wins). Returns the number of rows deleted.
 */
export async function purgeIdempotencyKeys(db: DataSource, now = new Date()): Promise<number> {
  const before = wholeSeconds(new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_DAYS * 86_400_000));
  if (db.options.type !== 'mysql') {
    // sql.js: one connection, nothing to batch against; it stores datetimes as UTC text.
    const at = before.toISOString().replace('T', ' ').replace('Z', '');
    const [row] = (await db.query(
      'SELECT COUNT(*) AS n FROM idempotency_keys WHERE created_at < ?',
      [at],
    )) as { n: number }[];
    await db.query('DELETE FROM idempotency_keys WHERE created_at < ?', [at]);
    return Number(row?.n ?? 0);
  }
  let total = 0;
  for (;;) {
    const res = (await db.query(
      `DELETE FROM idempotency_keys WHERE created_at < ? LIMIT ${BATCH}`,
      [before],
    )) as { affectedRows?: number };
    const n = Number(res.affectedRows ?? 0);
    total += n;
    if (n < BATCH) return total;
  }
}

/** The scheduled purge of this process (unref'd timer: it never keeps the process alive). */
@Injectable()
export class IdempotencyPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: DataSource) {}

  onApplicationBootstrap(): void {
    const run = (): void => {
      purgeIdempotencyKeys(this.db).then(
        (n) =>
          n > 0 &&
          this.logger.log(
            `purged ${n} idempotency keys older than ${IDEMPOTENCY_KEY_TTL_DAYS} days`,
          ),
        (e: unknown) =>
          this.logger.warn(
            `idempotency key purge failed: ${e instanceof Error ? e.message : String(e)}`,
          ),
      );
    };
    const first = setTimeout(() => {
      run();
      this.timer = setInterval(run, IDEMPOTENCY_PURGE_EVERY_MS);
      this.timer.unref();
    }, 60_000);
    first.unref();
    this.timer = first;
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
