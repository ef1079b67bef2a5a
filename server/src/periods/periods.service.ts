import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CheckinLock } from '../checkin/checkin-lock';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { todayInShanghai } from '../common/dates';
import { isDuplicate } from '../common/db-errors';
import { DomainError, validationFailed } from '../common/domain-error';
import { ProgressService } from '../progress/progress.service';
import type { AssessmentSheet } from '@master-studio/shared-rules';
import { idempotent } from '../common/idempotency';
import { RulesService } from '../rules/rules.service';
import { PeriodView } from './dto/period.dto';
import { FinalizedPeriod } from './finalized-period.entity';
import { lockStudio } from './finalized-lock';
import { type PeriodRange, parsePeriodKey } from './period-key';
import { serializeOnSqljs } from '../database/serialize';
import { wholeSeconds } from '../database/sql';

const mapPeriod = (p: FinalizedPeriod): PeriodView => ({
  id: p.id,
  from: String(p.periodFrom).slice(0, 10),
  to: String(p.periodTo).slice(0, 10),
  finalizedBy: p.finalizedBy,
  finalizedAt: new Date(p.finalizedAt).toISOString(),
  sheet: JSON.parse(p.sheet) as AssessmentSheet,
});

@Injectable()
export class PeriodsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly progress: ProgressService,
    private readonly rules: RulesService,
    private readonly checkinLock: CheckinLock,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, studioId: number): Promise<{ items: PeriodView[] }> {
    await this.access.requireStudio(caller, studioId, 'read');
    const rows = await this.db
      .getRepository(FinalizedPeriod)
      .find({ where: { studioId }, order: { periodFrom: 'DESC' } });
    return { items: rows.map(mapPeriod) };
  }

  /**
   * Freezes the assessment of a period: stores the sheet as scored now and makes every
   * record dated inside the period read-only. `current` takes the period shared-rules
   * reports for the sheet as of `asOf` (the urumqi cycle, a gongshu year…), else the year.
   *
   * One transaction holds the studio row exclusively (finalized-lock lockStudio), then checks
   * for overlaps, scores, stores the sheet and closes check-in: concurrent finalizations of one
   * studio run one after the other (the second meets the first's period), and writes that feed
   * the sheet either commit before the scoring or wait and are refused, so the stored sheet is
   * always what the locked records give.
   */
  async finalize(
    caller: Caller,
    studioId: number,
    periodKey: string,
    asOf?: string,
  ): Promise<PeriodView> {
    await this.access.requireStudio(caller, studioId, 'judge');
    const parsed = parsePeriodKey(periodKey);
    if (parsed === null)
      throw validationFailed({
        periodKey:
          '期间格式应为 current、年份（如 2025）或 起始日_截止日（如 2024-03-01_2026-02-28）',
      });
    const today = todayInShanghai();
    if (parsed !== 'current' && parsed.from > today)
      throw validationFailed({ periodKey: '不能定稿尚未开始的期间' });
    try {
      // sql.js: one connection, no row locks; finalizations of a studio queue here instead.
      return await serializeOnSqljs(this.db, `finalize\u0000${studioId}`, () =>
        this.db.transaction(async (m) => {
          await lockStudio(m, studioId, 'finalize');
          return idempotent(m, () => this.finalizeLocked(m, caller, studioId, parsed, today, asOf));
        }),
      );
    } catch (e) {
      if (isDuplicate(e)) throw new DomainError('PERIOD_ALREADY_FINALIZED', '该期间已定稿');
      throw e;
    }
  }

  /** Inside finalize's transaction, with the studio row held. */
  private async finalizeLocked(
    m: EntityManager,
    caller: Caller,
    studioId: number,
    parsed: PeriodRange | 'current',
    today: string,
    asOf?: string,
  ): Promise<PeriodView> {
    // Scored as of `day` (today inside the period, or its last day); the undated facts it was
    // scored on are stored with it (progress/undated-facts.ts).
    const day = parsed === 'current' ? (asOf ?? today) : parsed.to < today ? parsed.to : today;
    const loaded = await this.progress.loadEntry(studioId, day, m);
    const sheet: AssessmentSheet = this.rules.score(loaded.facts, day);
    const period: PeriodRange =
      parsed !== 'current'
        ? parsed
        : (sheet.period ?? { from: `${day.slice(0, 4)}-01-01`, to: `${day.slice(0, 4)}-12-31` });
    if (period.from > today) throw validationFailed({ periodKey: '不能定稿尚未开始的期间' });
    const overlapping = await m
      .getRepository(FinalizedPeriod)
      .createQueryBuilder('p')
      .where('p.studioId = :studioId AND p.periodFrom <= :to AND p.periodTo >= :from', {
        studioId,
        from: period.from,
        to: period.to,
      })
      .getOne();
    if (overlapping)
      throw new DomainError(
        'PERIOD_OVERLAPS',
        `${String(overlapping.periodFrom).slice(0, 10)} 至 ${String(overlapping.periodTo).slice(0, 10)} 已定稿，期间不能重叠`,
      );
    const saved = await m.save(
      FinalizedPeriod,
      m.create(FinalizedPeriod, {
        studioId,
        periodFrom: period.from,
        periodTo: period.to,
        finalizedBy: caller.accountId,
        finalizedAt: wholeSeconds(),
        sheet: JSON.stringify(sheet),
        undated: JSON.stringify(loaded.undated),
      }),
    );
    // The period's activities stop taking check-ins with the same commit.
    await this.checkinLock.closeForPeriod(m, studioId, period, caller.accountId);
    await this.audit.record(m, {
      studioId,
      accountId: caller.accountId,
      recordType: 'period',
      recordId: saved.id,
      action: 'finalize',
      before: null,
      after: { from: period.from, to: period.to },
    });
    return mapPeriod(saved);
  }
}
