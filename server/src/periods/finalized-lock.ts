import type { EntityManager } from 'typeorm';
import { asDate } from '../common/dates';
import { DomainError } from '../common/domain-error';
import { FinalizedPeriod } from './finalized-period.entity';

/**
 * The finalized-period lock, in one place: records dated inside a finalized period of their
 * studio are read-only (RecordStore writes, judgments, opening check-in) and its activities take
 * no more check-ins (CheckinLock).
 */
export interface PeriodRange {
  from: string;
  to: string;
}

/**
 * The studio row lock that orders finalization and the writes that feed its sheet: every such
 * write takes it shared as the first statement of its transaction, finalization exclusively
 * (`SELECT … FOR UPDATE`) before it checks for overlaps and scores. A write either commits before
 * the sheet is scored (and is in it) or waits, then reads the finalized period and is refused.
 * MySQL/MariaDB only: sql.js has one connection and no concurrent transactions to order (finalize
 * runs serialized there, PeriodsService).
 */
export async function lockStudio(
  m: EntityManager,
  studioId: number,
  mode: 'write' | 'finalize',
): Promise<void> {
  if (m.connection.options.type !== 'mysql') return;
  await m.query(
    `SELECT id FROM studios WHERE id = ? ${mode === 'finalize' ? 'FOR UPDATE' : 'LOCK IN SHARE MODE'}`,
    [studioId],
  );
}

/** 409 PERIOD_FINALIZED for a write into `p`. */
export const periodFinalized = (p: PeriodRange): DomainError =>
  new DomainError('PERIOD_FINALIZED', `${p.from} 至 ${p.to} 的考核已定稿，该期间的记录不能再修改`);

/** The `YYYY-MM-DD` days among `dates` (nulls and blanks dropped). */
const daysOf = (dates: readonly (string | null)[]): string[] =>
  dates
    .filter((d): d is string => typeof d === 'string' && d.length >= 10)
    .map((d) => d.slice(0, 10));

/** The studio's finalized periods (one indexed query). */
export async function finalizedPeriodsOf(
  m: EntityManager,
  studioId: number,
): Promise<PeriodRange[]> {
  const rows = await m
    .getRepository(FinalizedPeriod)
    .find({ where: { studioId }, select: { periodFrom: true, periodTo: true } });
  return rows.map((r) => ({ from: asDate(r.periodFrom) ?? '', to: asDate(r.periodTo) ?? '' }));
}

/** The first of `periods` that covers one of `dates`, or null. */
export function periodCovering(
  periods: readonly PeriodRange[],
  dates: readonly (string | null)[],
): PeriodRange | null {
  for (const d of daysOf(dates)) {
    const p = periods.find((x) => x.from <= d && d <= x.to);
    if (p) return p;
  }
  return null;
}

/** The studio's finalized period covering one of `dates`, or null; no query when there is no date. */
export async function finalizedPeriodCovering(
  m: EntityManager,
  studioId: number,
  dates: readonly (string | null)[],
): Promise<PeriodRange | null> {
  if (daysOf(dates).length === 0) return null;
  return periodCovering(await finalizedPeriodsOf(m, studioId), dates);
}
