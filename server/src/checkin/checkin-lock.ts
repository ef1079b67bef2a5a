import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { asDate } from '../common/dates';
import { Activity } from '../activities/activity.entity';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import {
  finalizedPeriodCovering,
  periodFinalized,
  type PeriodRange,
} from '../periods/finalized-lock';

/** The finalized period an activity's date lies in, or null. */
type Lock = PeriodRange | null;

/**
 * The finalized-period lock on check-ins. A scanned code names its activity but not its date, so
 * the check-in path asks here whether the activity lies in a finalized period (the activity by
 * primary key, then periods/finalized-lock.ts like every other write), remembered per activity for
 * one code rotation window. Finalizing a period closes check-in for its activities in the same
 * transaction and forgets everything remembered in this process; another server process may
 * accept a code for at most one more window (codes already shown lapse within two anyway).
 */
@Injectable()
export class CheckinLock {
  private readonly cache = new Map<number, { lock: Lock; until: number }>();
  private readonly ttlMs: number;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.checkin.rotateSeconds * 1000;
  }

  /** 409 PERIOD_FINALIZED when the activity's date lies in a finalized period of its studio. */
  async assertOpen(activityId: number): Promise<void> {
    const now = Date.now();
    let hit = this.cache.get(activityId);
    if (!hit || hit.until <= now) {
      const activity = await this.db.manager.findOne(Activity, {
        where: { id: activityId },
        select: { id: true, studioId: true, date: true },
      });
      const lock = activity
        ? await finalizedPeriodCovering(this.db.manager, activity.studioId, [asDate(activity.date)])
        : null;
      if (this.cache.size >= 10_000) this.cache.clear();
      hit = { lock, until: now + this.ttlMs };
      this.cache.set(activityId, hit);
    }
    if (hit.lock) throw periodFinalized(hit.lock);
  }

  /**
   * Inside the finalize transaction: closes check-in for the studio's activities dated in the
   * period (an audit row each) and forgets the remembered locks.
   */
  async closeForPeriod(
    m: EntityManager,
    studioId: number,
    period: { from: string; to: string },
    accountId: number,
  ): Promise<void> {
    const open = (await m.query(
      'SELECT id FROM activities WHERE studio_id = ? AND checkin_open = 1 AND date >= ? AND date <= ?',
      [studioId, period.from, period.to],
    )) as { id: number }[];
    for (const { id } of open) {
      await m.query('UPDATE activities SET checkin_open = 0 WHERE id = ?', [Number(id)]);
      await this.audit.record(m, {
        studioId,
        accountId,
        recordType: 'checkin',
        recordId: Number(id),
        action: 'close',
        before: { checkinOpen: true },
        after: { checkinOpen: false, reason: 'period_finalized' },
      });
    }
    this.cache.clear();
  }
}
