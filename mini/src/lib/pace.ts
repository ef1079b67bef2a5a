import { daysBetween } from './format';

export type PaceStatus = 'met' | 'on_track' | 'behind' | 'at_risk' | 'upcoming';

export interface PaceTarget {
  required: number;
  actual: number;
  met: boolean;
  period?: { from: string; to: string };
}

export interface Pace {
  status: PaceStatus;
  /** What should have been reached by `asOf` at an even pace (rounded up). */
  expected: number;
  /** Share of the period already gone, 0..1. */
  elapsed: number;
  daysLeft: number | null;
}

export const PACE_LABELS: Record<PaceStatus, string> = {
  met: '已达标',
  on_track: '进度正常',
  behind: '进度落后',
  at_risk: '有风险',
  upcoming: '未开始',
};

/**
 * Pace is a reading aid, not a policy rule: compares the tally with an even
 * spread of the requirement over the target's period. "At risk" when less
 * than half of the even-pace amount is reached with under a quarter of the
 * period left, or the period is over and the target is not met.
 */
export function paceOf(target: PaceTarget, asOf: string): Pace {
  if (!target.period) {
    return { status: target.met ? 'met' : 'behind', expected: target.required, elapsed: 1, daysLeft: null };
  }
  const total = daysBetween(target.period.from, target.period.to) + 1;
  const gone = daysBetween(target.period.from, asOf) + 1;
  const elapsed = Math.max(0, Math.min(1, gone / total));
  const daysLeft = Math.max(0, daysBetween(asOf, target.period.to));
  const expected = Math.ceil(target.required * elapsed);
  if (target.met || (target.required > 0 && target.actual >= target.required)) {
    return { status: 'met', expected, elapsed, daysLeft };
  }
  if (gone <= 0) return { status: 'upcoming', expected: 0, elapsed: 0, daysLeft };
  if (elapsed >= 1) return { status: 'at_risk', expected, elapsed, daysLeft };
  if (target.actual >= expected) return { status: 'on_track', expected, elapsed, daysLeft };
  if (elapsed > 0.75 && target.actual < expected / 2) return { status: 'at_risk', expected, elapsed, daysLeft };
  return { status: 'behind', expected, elapsed, daysLeft };
}
