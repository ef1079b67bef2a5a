import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { SchedulerLease } from './scheduler-lease.entity';

/**
 * A named lease in the database (table scheduler_leases): among several server processes only
 * the holder runs the scheduled work until `expires_at`. Taken with one conditional UPDATE
 * (atomic on every database); the row is created on first use (a duplicate insert by a racing
 * process is ignored). Work that must happen once whatever the lease does (a lease can lapse
 * mid-run) keeps its own claim on the rows it changes: a unique key, or an UPDATE … WHERE.
 * Used by the reminders' round, the WeChat token refresh, the privacy retention pass, the blob
 * collector, and per blob by evidence uploads and removals (evidence/blob-lease.ts).
 */
@Injectable()
export class DbLease {
  /** This process's identity as a holder. */
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

  constructor(private readonly db: DataSource) {}

  /** Takes (or renews) the lease until now + ttlMs: false while another holder's has not expired. */
  async acquire(name: string, ttlMs: number, now: Date, holder = this.holder): Promise<boolean> {
    const t = now.getTime();
    await this.db
      .createQueryBuilder()
      .insert()
      .into(SchedulerLease)
      .values({ name, holder: '', expiresAt: 0 })
      .orIgnore()
      .execute();
    const r = await this.db
      .createQueryBuilder()
      .update(SchedulerLease)
      .set({ holder, expiresAt: t + ttlMs })
      .where('name = :name AND (expires_at < :t OR holder = :holder)', { name, t, holder })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async release(name: string, holder = this.holder): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update(SchedulerLease)
      .set({ expiresAt: 0 })
      .where('name = :name AND holder = :holder', { name, holder })
      .execute();
  }

  /** Releases the lease by deleting its row (for leases named per object, which would pile up). */
  async drop(name: string, holder = this.holder): Promise<void> {
    await this.db
      .createQueryBuilder()
      .delete()
      .from(SchedulerLease)
      .where('name = :name AND holder = :holder', { name, holder })
      .execute();
  }

  /**
   * Runs `work` holding the lease and releases it afterwards, also when `work` throws:
   * `{ ran: true, value }`, or `{ ran: false }` (work not started) while another holder has it.
   */
  async run<T>(
    name: string,
    ttlMs: number,
    now: Date,
    work: () => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    if (!(await this.acquire(name, ttlMs, now))) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await this.release(name);
    }
  }
}
