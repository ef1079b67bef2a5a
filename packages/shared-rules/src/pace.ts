/**
 * Pace: where a target will land at the end of its period at the current rate, and a status.
 *
 * Thresholds (documented in docs/policies.md):
 * - met: actual ≥ required (at any time);
 * - period over (asOf on or after its last day): behind when not met;
 * - on_track: projected ≥ required, projected = actual × period days ÷ days elapsed (asOf included);
 * - at_risk: projected ≥ AT_RISK_RATIO × required, or still inside the first GRACE_FRACTION of the
 *   period (one month's rate says little, so an early shortfall is a risk, not yet "behind");
 * - behind: otherwise.
 */
import { daysBetween } from './dates.js';
import { periodDays } from './periods.js';
import type { IsoDate, Period } from './types.js';
import type { PaceStatus } from './vocabulary.js';

/** A projection at or above 70 % of the requirement is "at risk", below it "behind". */
export const AT_RISK_RATIO = 0.7;
/** The first sixth of a period (two months of a year, four of a two-year cycle) is never "behind". */
export const GRACE_FRACTION = 1 / 6;

export interface Pace {
  status: PaceStatus;
  /** Count expected at the end of the period at the current rate (absent once the period is over). */
  projected?: number;
  /** Share of the period elapsed at asOf, 0..1. */
  elapsed: number;
}

export function pace(
  actual: number,
  required: number,
  period: Period | undefined,
  asOf: IsoDate,
): Pace {
  const met = actual >= required;
  if (!period) return { status: met ? 'met' : 'behind', elapsed: 1 };
  const total = periodDays(period);
  const days = Math.min(total, Math.max(0, daysBetween(period.from, asOf) + 1));
  const elapsed = days / total;
  if (asOf >= period.to) return { status: met ? 'met' : 'behind', elapsed: 1 };
  const raw = days === 0 ? actual : (actual * total) / days;
  let status: PaceStatus;
  if (met) status = 'met';
  else if (raw >= required) status = 'on_track';
  else if (raw >= AT_RISK_RATIO * required || elapsed < GRACE_FRACTION) status = 'at_risk';
  else status = 'behind';
  // Reported to one decimal, rounded down so 7.99 never reads as 8.
  return { status, projected: Math.floor(raw * 10 + 1e-9) / 10, elapsed };
}
