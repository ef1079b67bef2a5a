import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { addYears, PRIVACY_RETENTION_YEARS_AFTER_STUDIO_END } from '@master-studio/shared-rules';
import { AuditService } from '../audit/audit.service';
import { DbLease } from '../common/lease/db-lease';
import { isDuplicate } from '../common/db-errors';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { placeholders, wholeSeconds } from '../database/sql';
import { pseudonymOf } from './erasure';
import { PrivacyRetention } from './privacy.entities';

type Row = Record<string, unknown>;
/** How often each server process looks for studios past retention (the first run ten minutes after boot). */
export const RETENTION_EVERY_MS = 6 * 60 * 60 * 1000;
/** The lease a scheduled pass runs under (one process at a time); it lapses after half an hour. */
export const RETENTION_LEASE = 'privacy-retention';
const RETENTION_LEASE_MS = 30 * 60 * 1000;

const ENDED = "('revoked', 'expired')";

/**
 * The ledger step of a pass: studios revoked or expired get their row, dated the first time a pass
 * sees them ended (no status history is kept elsewhere; a pass runs every few hours, so the date is
 * at most that late, which only lengthens the retention). A studio running again loses a row that
 * was not acted on. Then: the studios first seen ended more than
 * PRIVACY_RETENTION_YEARS_AFTER_STUDIO_END years before `today`, not anonymised yet.
 */
export async function studiosPastRetention(
  db: DataSource,
  today: string,
  now = new Date(),
): Promise<number[]> {
  const fresh = (await db.query(
    `SELECT s.id FROM studios s LEFT JOIN privacy_retention r ON r.studio_id = s.id
      WHERE s.status IN ${ENDED} AND r.studio_id IS NULL`,
  )) as Row[];
  for (const f of fresh)
    try {
      await db
        .getRepository(PrivacyRetention)
        .insert({ studioId: Number(f.id), endedSeenAt: wholeSeconds(now), anonymisedAt: null });
    } catch (e) {
      if (!isDuplicate(e)) throw e; // another process recorded it first
    }
  await db.query(
    `DELETE FROM privacy_retention WHERE anonymised_at IS NULL AND studio_id IN (SELECT id FROM studios WHERE status NOT IN ${ENDED})`,
  );
  const cutoff = addYears(today, -PRIVACY_RETENTION_YEARS_AFTER_STUDIO_END);
  const rows = (await db.query(
    `SELECT r.studio_id, r.ended_seen_at FROM privacy_retention r JOIN studios s ON s.id = r.studio_id
      WHERE r.anonymised_at IS NULL AND s.status IN ${ENDED} ORDER BY r.studio_id`,
  )) as Row[];
  return rows
    .filter((r) => new Date(r.ended_seen_at as string).toISOString().slice(0, 10) < cutoff)
    .map((r) => Number(r.studio_id));
}

/**
 * Anonymises the people of one ended studio, once: the first statement of the transaction sets
 * the ledger row's anonymised_at only where it is still null, so of several processes one updates
 * the row (and holds its lock to the commit) and the others, after waiting on that lock, update
 * none and skip; a rollback releases the claim. Only people with no roster place in a studio that
 * is still running are anonymised; numbers and dates stay, so the studio's finalized sheets keep
 * their figures. Returns the number of people anonymised, or null when another process did it.
 */
export async function anonymiseStudio(
  db: DataSource,
  audit: AuditService,
  studioId: number,
): Promise<number | null> {
  return db.transaction(async (m: EntityManager) => {
    const claim = await m
      .createQueryBuilder()
      .update(PrivacyRetention)
      .set({ anonymisedAt: wholeSeconds() })
      .where('studio_id = :studioId AND anonymised_at IS NULL', { studioId })
      .execute();
    // sql.js reports no count, but has one connection: nothing can claim the row meanwhile.
    if (claim.affected === 0) return null;
    const people = (await m.query(
      `SELECT person_id FROM apprentices WHERE studio_id = ? UNION SELECT person_id FROM team_members WHERE studio_id = ?
       UNION SELECT leader_person_id FROM studios WHERE id = ?`,
      [studioId, studioId, studioId],
    )) as Row[];
    const ids = people.map((p) => Number(p.person_id));
    const busy = ids.length
      ? ((await m.query(
          `SELECT a.person_id FROM apprentices a JOIN studios s ON s.id = a.studio_id WHERE a.person_id IN (${placeholders(ids)}) AND s.status NOT IN ${ENDED}
           UNION SELECT t.person_id FROM team_members t JOIN studios s ON s.id = t.studio_id WHERE t.person_id IN (${placeholders(ids)}) AND s.status NOT IN ${ENDED}
           UNION SELECT leader_person_id FROM studios WHERE leader_person_id IN (${placeholders(ids)}) AND status NOT IN ${ENDED}`,
          [...ids, ...ids, ...ids],
        )) as Row[])
      : [];
    const busyIds = new Set(busy.map((b) => Number(b.person_id)));
    const targets = ids.filter((id) => !busyIds.has(id));
    for (const pid of targets) {
      await m.query(
        'UPDATE people SET name = ?, birth_date = NULL, retirement_category = NULL WHERE id = ?',
        [pseudonymOf(pid), pid],
      );
      await m.query('UPDATE accounts SET name = ? WHERE person_id = ?', [pseudonymOf(pid), pid]);
    }
    await m.query('UPDATE certificates SET number = NULL WHERE studio_id = ?', [studioId]);
    await audit.record(m, {
      studioId,
      accountId: null,
      recordType: 'privacy',
      recordId: studioId,
      action: 'anonymise',
      before: null,
      after: { people: targets.length, retentionYears: PRIVACY_RETENTION_YEARS_AFTER_STUDIO_END },
    });
    return targets.length;
  });
}

/** One pass: every studio past retention. Safe to run in several processes at once. */
export async function runRetention(
  db: DataSource,
  audit: AuditService,
  today: string,
): Promise<{ studios: number; people: number }> {
  let studios = 0;
  let people = 0;
  for (const id of await studiosPastRetention(db, today)) {
    const n = await anonymiseStudio(db, audit, id);
    if (n !== null) {
      studios += 1;
      people += n;
    }
  }
  return { studios, people };
}

/**
 * The schedule of this process; off with PRIVACY_RETENTION_JOB=false (tests drive pass() or
 * runRetention). A pass runs under the database lease, so of several processes one does it;
 * anonymiseStudio's claim still makes each studio's anonymisation happen once if the lease lapses.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Privacy');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly lease: DbLease,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One pass under the lease: its counts, or null when another process holds the lease. */
  async pass(now = new Date()): Promise<{ studios: number; people: number } | null> {
    const today = now.toISOString().slice(0, 10);
    const r = await this.lease.run(RETENTION_LEASE, RETENTION_LEASE_MS, now, () =>
      runRetention(this.db, this.audit, today),
    );
    return r.ran ? r.value : null;
  }

  onApplicationBootstrap(): void {
    if (!this.config.privacy.retentionJob) return;
    const run = (): void => {
      this.pass().then(
        (r) =>
          r !== null &&
          r.studios > 0 &&
          this.logger.log(`retention: anonymised ${r.studios} ended studios`),
        (e: unknown) =>
          this.logger.warn(`retention failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    };
    const first = setTimeout(() => {
      run();
      this.timer = setInterval(run, RETENTION_EVERY_MS);
      this.timer.unref();
    }, 600_000);
    first.unref();
    this.timer = first;
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
