/**
 * When an evidence file may go: one a leader removes, and one whose record was deleted (the
 * orphan purge). Evidence a finalized period relies on stays in both cases. Both run inside the
 * caller's transaction, under the studio's write lock.
 */
import { type EntityManager, MoreThanOrEqual } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { finalizedPeriodCovering } from '../periods/finalized-lock';
import { FinalizedPeriod } from '../periods/finalized-period.entity';
import type { SubjectKind } from './dto/evidence.dto';
import type { Evidence } from './evidence.entity';
import { resolveSubject, sheetCites } from './evidence-subjects';

/**
 * Evidence of a finalized period stays: its record is dated inside the period, or the
 * period's sheet, finalized after the file was attached, cites its record or facility.
 */
export async function assertRemovable(m: EntityManager, row: Evidence): Promise<void> {
  const s = await resolveSubject(m, row.studioId, row.subjectKind as SubjectKind, row.subjectKey);
  const p = await finalizedPeriodCovering(m, row.studioId, s.dates);
  if (p) throw evidenceLocked(p);
  const later = await m.getRepository(FinalizedPeriod).find({
    where: { studioId: row.studioId, finalizedAt: MoreThanOrEqual(row.uploadedAt) },
  });
  const cited = later.find((f) => sheetCites(f.sheet, row.subjectKind, row.subjectKey));
  if (cited) throw evidenceLocked({ from: String(cited.periodFrom), to: String(cited.periodTo) });
}

/**
 * A file whose record is gone may be purged unless a period finalized after it was attached
 * cites that record in its sheet.
 */
export async function orphanRemovable(m: EntityManager, row: Evidence): Promise<boolean> {
  const studioId = row.studioId;
  const s = await resolveSubject(m, studioId, row.subjectKind as SubjectKind, row.subjectKey);
  if (s.exists) return false;
  const periods = await m.getRepository(FinalizedPeriod).find({ where: { studioId } });
  return !periods.some(
    (f) => f.finalizedAt >= row.uploadedAt && sheetCites(f.sheet, row.subjectKind, row.subjectKey),
  );
}

const evidenceLocked = (p: { from: string; to: string }): DomainError =>
  new DomainError(
    'PERIOD_FINALIZED',
    `${String(p.from).slice(0, 10)} 至 ${String(p.to).slice(0, 10)} 的考核已定稿，其佐证材料不能删除`,
  );
