import { PACE_STATUSES, type PaceStatus } from '@master-studio/shared-rules';

/** Pace statuses of shared-rules targets, from best to worst (shared-rules lists them in that order). */
export const PACE_ORDER = PACE_STATUSES;
export type Pace = PaceStatus;

/**
 * A studio's overall badge: its worst target. `behind` outranks `at_risk`, and a studio whose
 * targets are merely on track is not "已达标". Unknown statuses count as at risk (never hide
 * a problem); no targets at all gives null (the card says so instead).
 */
export function overallPace(statuses: readonly string[]): Pace | null {
  if (statuses.length === 0) return null;
  let worst = 0;
  for (const s of statuses) {
    const i = (PACE_ORDER as readonly string[]).indexOf(s);
    worst = Math.max(worst, i === -1 ? PACE_ORDER.indexOf('at_risk') : i);
  }
  return PACE_ORDER[worst] ?? null;
}

/** One colour per pace, worst in red: bars and badges agree everywhere. */
export const PACE_COLORS: Record<Pace, string> = { met: '#12a150', on_track: '#2f6bff', at_risk: '#f08c00', behind: '#e5362c' };
